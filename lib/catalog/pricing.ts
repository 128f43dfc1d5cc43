import type { PricingInput } from '@/lib/model';

import { findCommitments, findDataTransferPrices, findInstanceTypes, findStorageTiers, loadCatalog } from './load';
import type { Catalog, CatalogInstanceType, Provider } from './schema';

/**
 * The pricing the capacity model takes (`PricingInput` in lib/model/types.ts) for one provider and
 * region of the catalog: its instance types (with spot terms), storage tiers, transfer prices
 * (keyed by the region traffic leaves from) and the provider's commitment offers. The model never
 * imports catalog data; callers build its pricing here.
 *
 * @param where - provider and region, e.g. `{ provider: 'aws', region: 'us-east-1' }`
 * @param catalog - defaults to the bundled catalog; tests and FinOps overrides pass their own
 * @returns the pricing; empty lists when the catalog has nothing for that region
 * @example pricingFor({ provider: 'aws', region: 'us-east-1' }).instances.length //=> 159
 */
export function pricingFor(
  where: { provider: Provider; region: string },
  catalog: Catalog = loadCatalog(),
): PricingInput<CatalogInstanceType> {
  return {
    instances: findInstanceTypes(where, catalog),
    storageTiers: findStorageTiers(where, catalog),
    dataTransfer: findDataTransferPrices(where, catalog),
    commitments: findCommitments({ provider: where.provider }, catalog),
  };
}
