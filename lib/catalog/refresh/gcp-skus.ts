import { z } from 'zod';

import type { CatalogInstanceType } from '../schema';
import type { ConversionResult, InstanceUpdate } from './types';

/**
 * Converts Cloud Billing Catalog API SKUs of Compute Engine
 * (`GET https://cloudbilling.googleapis.com/v1/services/6F81-5844-456A/skus`, reference at
 * https://cloud.google.com/billing/docs/reference/rest/v1/services.skus/list) into instance updates.
 *
 * Compute Engine bills a predefined machine type as its vCPUs at the series' core rate plus its
 * memory at the series' RAM rate (https://cloud.google.com/compute/vm-instance-pricing), so the
 * hourly price of a catalog machine type = vCPU × core USD/hour + GiB × RAM USD/GiB-hour, and its
 * spot price the same with the "Spot Preemptible" SKUs. Machine types with local SSD are not
 * refreshed here: their price adds a local-SSD SKU.
 */

const MoneySchema = z.object({ currencyCode: z.string(), units: z.string().default('0'), nanos: z.number().default(0) });

const SkuSchema = z.object({
  description: z.string(),
  category: z.object({ resourceFamily: z.string(), usageType: z.string() }),
  serviceRegions: z.array(z.string()),
  pricingInfo: z
    .array(
      z.object({
        effectiveTime: z.string(),
        pricingExpression: z.object({
          usageUnit: z.string(),
          tieredRates: z.array(z.object({ startUsageAmount: z.number().default(0), unitPrice: MoneySchema })),
        }),
      }),
    )
    .min(1),
});

export const GcpSkuFileSchema = z.object({ skus: z.array(SkuSchema) });
export type GcpSkuFile = z.infer<typeof GcpSkuFileSchema>;

export const GCP_SKU_SOURCE = 'https://cloudbilling.googleapis.com/v1/services/6F81-5844-456A/skus';

/** "N2 Instance Core running in Americas", "Spot Preemptible C4A Arm Instance Ram running in Belgium". */
const MACHINE_SKU = /^(Spot Preemptible )?([A-Z][A-Z0-9]*)(?: AMD| Arm| Intel)? Instance (Core|Ram) running in /;

type Rates = { core?: number; ram?: number; spotCore?: number; spotRam?: number; asOf: string };

/**
 * @param file - a parsed SKU list (validate with `GcpSkuFileSchema` first; concatenate pages' `skus`)
 * @param shapes - the catalog's GCP machine types, whose vCPU and memory the rates multiply
 * @returns one update per catalog machine type whose series has both rates in its region
 */
export function convertGcpSkus(file: GcpSkuFile, shapes: readonly CatalogInstanceType[]): ConversionResult {
  const skipped = new Set<string>();
  const rates = new Map<string, Rates>();
  for (const sku of file.skus) {
    const match = MACHINE_SKU.exec(sku.description);
    const pricing = sku.pricingInfo.at(-1);
    const rate = pricing?.pricingExpression.tieredRates.find((tier) => tier.startUsageAmount === 0)?.unitPrice;
    if (!match?.[2] || !match[3] || !pricing || !rate || rate.currencyCode !== 'USD') {
      skipped.add(`not a predefined machine core/RAM SKU in USD: "${sku.description}"`);
      continue;
    }
    if (sku.category.usageType !== 'OnDemand' && sku.category.usageType !== 'Preemptible') {
      skipped.add(`usage type ${sku.category.usageType}`);
      continue;
    }
    const usd = Number(rate.units) + rate.nanos / 1e9;
    const spot = match[1] !== undefined || sku.category.usageType === 'Preemptible';
    const core = match[3] === 'Core';
    const field = spot ? (core ? 'spotCore' : 'spotRam') : core ? 'core' : 'ram';
    for (const region of sku.serviceRegions) {
      const key = `${match[2].toLowerCase()}@${region}`;
      const entry = rates.get(key) ?? { asOf: pricing.effectiveTime.slice(0, 10) };
      entry[field] = usd;
      if (pricing.effectiveTime.slice(0, 10) > entry.asOf) entry.asOf = pricing.effectiveTime.slice(0, 10);
      rates.set(key, entry);
    }
  }
  const updates: InstanceUpdate[] = [];
  for (const shape of shapes) {
    if (shape.provider !== 'gcp') continue;
    if (shape.localDisk !== undefined) {
      skipped.add(`local-SSD machine types (${shape.family}): their price adds a local-SSD SKU`);
      continue;
    }
    const series = rates.get(`${shape.family}@${shape.region}`);
    if (series?.core === undefined || series.ram === undefined) continue;
    const onDemand = roundUsd(shape.vcpu * series.core + shape.memoryGib * series.ram);
    const spot = series.spotCore !== undefined && series.spotRam !== undefined ? shape.vcpu * series.spotCore + shape.memoryGib * series.spotRam : undefined;
    updates.push({
      provider: 'gcp',
      region: shape.region,
      name: shape.name,
      onDemandUsdPerHour: onDemand,
      ...(spot !== undefined ? { spotDiscountRatio: roundRatio(1 - spot / onDemand) } : {}),
      source: GCP_SKU_SOURCE,
      asOf: series.asOf,
    });
  }
  return { updates, skipped: [...skipped].sort() };
}

/** Nine decimals: below a nano-dollar, the float products of two rates are noise. */
function roundUsd(value: number): number {
  return Math.round(value * 1e9) / 1e9;
}

function roundRatio(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
