/**
 * A synthetic catalog of any size for the benchmark: the TEST catalog's shapes repeated across
 * made-up regions with a per-region price factor. NOT REAL PRICES.
 */
import type { CatalogInstanceType } from '../lib/model/types';
import { testCatalog } from '../lib/model/test-catalog';

export function syntheticCatalog(size: number): CatalogInstanceType[] {
  const catalog: CatalogInstanceType[] = [];
  for (let copy = 0; catalog.length < size; copy += 1) {
    const priceFactor = 1 + 0.013 * copy;
    for (const instance of testCatalog) {
      if (catalog.length === size) break;
      const region = `${instance.region}-bench${copy}`;
      catalog.push({
        ...instance,
        id: `${instance.provider}:${region}:${instance.name}`,
        region,
        onDemandUsdPerHour: instance.onDemandUsdPerHour * priceFactor,
      });
    }
  }
  return catalog;
}
