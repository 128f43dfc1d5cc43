import { z } from 'zod';

import { type ConversionResult, GIB_PER_GB, type InstanceSpecs, type InstanceUpdate, MIB_PER_SEC_PER_MBPS } from './types';

/**
 * Converts an AWS Price List offer file for Amazon EC2 (one region's
 * `https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AmazonEC2/<version>/<region>/index.json`,
 * format described at https://docs.aws.amazon.com/awsaccountbilling/latest/aboutv2/reading-an-offer.html)
 * into instance updates. Only Linux, shared tenancy, no pre-installed software, `capacitystatus`
 * Used compute products are read; the OnDemand term's hourly USD price is the list price.
 */

const ProductSchema = z.object({
  sku: z.string(),
  productFamily: z.string().optional(),
  attributes: z.record(z.string(), z.string()),
});

const PriceDimensionSchema = z.object({ unit: z.string(), pricePerUnit: z.record(z.string(), z.string()) });
const TermSchema = z.object({ priceDimensions: z.record(z.string(), PriceDimensionSchema) });

export const AwsOfferFileSchema = z.object({
  offerCode: z.literal('AmazonEC2'),
  version: z.string(),
  publicationDate: z.string(),
  products: z.record(z.string(), ProductSchema),
  terms: z.object({ OnDemand: z.record(z.string(), z.record(z.string(), TermSchema)).default({}) }),
});
export type AwsOfferFile = z.infer<typeof AwsOfferFileSchema>;

/** Graviton families carry a `g` after the generation digit (m7g, c8g, im4gn, is4gen, r7gd). */
const GRAVITON = /^[a-z]+\d+g/;

/**
 * @param file - a parsed offer file (validate with `AwsOfferFileSchema` first)
 * @returns one update per instance type with an hourly Linux on-demand price, sorted by name
 * @example convertAwsOffer(offer).updates[0] //=> { provider: 'aws', region: 'us-east-1', name: 'i4i.2xlarge', onDemandUsdPerHour: 0.686, … }
 */
export function convertAwsOffer(file: AwsOfferFile): ConversionResult {
  const skipped = new Set<string>();
  const asOf = file.publicationDate.slice(0, 10);
  const updates: InstanceUpdate[] = [];
  for (const product of Object.values(file.products)) {
    const a = product.attributes;
    if (product.productFamily !== 'Compute Instance') {
      skipped.add(`product family ${product.productFamily ?? '(none)'}`);
      continue;
    }
    if (a.operatingSystem !== 'Linux' || a.tenancy !== 'Shared' || a.preInstalledSw !== 'NA' || a.capacitystatus !== 'Used') {
      skipped.add('not Linux / shared tenancy / no pre-installed software / capacitystatus Used');
      continue;
    }
    const name = a.instanceType;
    const region = a.regionCode;
    const price = onDemandHourlyUsd(file, product.sku);
    if (name === undefined || region === undefined || price === undefined) {
      skipped.add('a Linux product without instanceType, regionCode or an hourly USD on-demand price');
      continue;
    }
    updates.push({
      provider: 'aws',
      region,
      name,
      onDemandUsdPerHour: price,
      specs: awsSpecs(name, a),
      source: `https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AmazonEC2/${file.version}/${region}/index.json`,
      asOf,
    });
  }
  updates.sort((x, y) => x.name.localeCompare(y.name, 'en'));
  return { updates, skipped: [...skipped].sort() };
}

function onDemandHourlyUsd(file: AwsOfferFile, sku: string): number | undefined {
  for (const term of Object.values(file.terms.OnDemand[sku] ?? {})) {
    for (const dimension of Object.values(term.priceDimensions)) {
      const usd = dimension.pricePerUnit.USD;
      if (dimension.unit === 'Hrs' && usd !== undefined && Number(usd) > 0) return Number(usd);
    }
  }
  return undefined;
}

function awsSpecs(name: string, a: Record<string, string>): InstanceSpecs | undefined {
  const vcpu = Number(a.vcpu);
  const memoryGib = Number((a.memory ?? '').replace(/[^\d.]/g, ''));
  if (!Number.isInteger(vcpu) || vcpu <= 0 || !(memoryGib > 0)) return undefined;
  const family = name.split('.')[0] ?? name;
  const network = parseBandwidth(a.networkPerformance, 'Gigabit');
  const ebs = parseBandwidth(a.dedicatedEbsThroughput, 'Mbps');
  const localDisk = parseLocalDisk(a.storage);
  return {
    family,
    arch: (a.physicalProcessor ?? '').includes('Graviton') || GRAVITON.test(family) ? 'arm64' : 'x86_64',
    vcpu,
    memoryGib,
    ...(network && !network.upTo ? { networkGbps: network.value } : {}),
    ...(network?.upTo ? { networkBurstGbps: network.value } : {}),
    ...(ebs && !ebs.upTo ? { blockBandwidthMibPerSec: round3(ebs.value * MIB_PER_SEC_PER_MBPS) } : {}),
    ...(localDisk ? { localDisk } : {}),
  };
}

/**
 * "25 Gigabit", "Up to 12.5 Gigabit", "Up to 12500 Megabit" → Gbps; "10000 Mbps", "Up to 10000 Mbps" → Mbps.
 * Words such as "High" or "Moderate" have no number and give undefined.
 */
function parseBandwidth(text: string | undefined, unit: 'Gigabit' | 'Mbps'): { value: number; upTo: boolean } | undefined {
  const match = /^(up to )?([\d.]+)\s*(gigabit|megabit|mbps)/i.exec((text ?? '').trim());
  if (!match?.[2] || !match[3]) return undefined;
  const raw = Number(match[2]);
  const megabits = /^(megabit|mbps)$/i.test(match[3]);
  const value = unit === 'Gigabit' ? (megabits ? raw / 1000 : raw) : megabits ? raw : raw * 1000;
  return { value, upTo: match[1] !== undefined };
}

/** "1 x 1875 NVMe SSD", "2 x 7500 NVMe SSD" → disks in GiB; "EBS only" → undefined. */
function parseLocalDisk(text: string | undefined): InstanceSpecs['localDisk'] {
  const match = /^(\d+) x ([\d,]+) (NVMe )?SSD/i.exec((text ?? '').trim());
  if (!match?.[1] || !match[2]) return undefined;
  return { count: Number(match[1]), sizeGib: Math.round(Number(match[2].replaceAll(',', '')) * GIB_PER_GB * 10) / 10, nvme: match[3] !== undefined };
}

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}
