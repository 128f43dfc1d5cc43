import { z } from 'zod';

import type { ConversionResult, InstanceUpdate } from './types';

/**
 * Converts Azure Retail Prices API responses (`GET https://prices.azure.com/api/retail/prices`,
 * reference at https://learn.microsoft.com/en-us/rest/api/cost-management/retail-prices/azure-retail-prices)
 * into instance updates. Reads Virtual Machines "Consumption" meters billed per hour: the Linux
 * meter (product name without "Windows", SKU name without "Spot" / "Low Priority") is the
 * on-demand price, the "Spot" meter of the same size gives the spot ratio.
 */

const RetailItemSchema = z.object({
  currencyCode: z.string(),
  retailPrice: z.number(),
  armRegionName: z.string(),
  armSkuName: z.string(),
  skuName: z.string(),
  productName: z.string(),
  serviceName: z.string(),
  type: z.string(),
  unitOfMeasure: z.string(),
  effectiveStartDate: z.string(),
});

export const AzureRetailFileSchema = z.object({ Items: z.array(RetailItemSchema) });
export type AzureRetailFile = z.infer<typeof AzureRetailFileSchema>;

export const AZURE_RETAIL_SOURCE = 'https://prices.azure.com/api/retail/prices';

/**
 * @param file - a parsed response (validate with `AzureRetailFileSchema` first; concatenate pages' `Items`)
 * @returns one update per size and region with a Linux pay-as-you-go price, sorted by region and name
 */
export function convertAzureRetail(file: AzureRetailFile): ConversionResult {
  const skipped = new Set<string>();
  const linux = new Map<string, { usd: number; asOf: string; region: string; name: string }>();
  const spot = new Map<string, number>();
  for (const item of file.Items) {
    if (item.serviceName !== 'Virtual Machines' || item.type !== 'Consumption' || item.unitOfMeasure !== '1 Hour') {
      skipped.add(`${item.serviceName} ${item.type} per ${item.unitOfMeasure}`);
      continue;
    }
    if (item.currencyCode !== 'USD' || item.retailPrice <= 0) {
      skipped.add('a meter not priced in USD, or free');
      continue;
    }
    if (item.productName.includes('Windows') || item.skuName.endsWith('Low Priority')) {
      skipped.add('Windows and Low Priority meters');
      continue;
    }
    const key = `${item.armRegionName}:${item.armSkuName}`;
    if (item.skuName.endsWith(' Spot')) {
      spot.set(key, item.retailPrice);
      continue;
    }
    linux.set(key, { usd: item.retailPrice, asOf: item.effectiveStartDate.slice(0, 10), region: item.armRegionName, name: item.armSkuName });
  }
  const updates: InstanceUpdate[] = [...linux.entries()]
    .sort(([a], [b]) => a.localeCompare(b, 'en'))
    .map(([key, meter]) => {
      const spotUsd = spot.get(key);
      return {
        provider: 'azure' as const,
        region: meter.region,
        name: meter.name,
        onDemandUsdPerHour: meter.usd,
        ...(spotUsd !== undefined && spotUsd < meter.usd ? { spotDiscountRatio: Math.round((1 - spotUsd / meter.usd) * 1e6) / 1e6 } : {}),
        source: AZURE_RETAIL_SOURCE,
        asOf: meter.asOf,
      } satisfies InstanceUpdate;
    });
  return { updates, skipped: [...skipped].sort() };
}
