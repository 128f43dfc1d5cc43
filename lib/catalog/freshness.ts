import type { Catalog, Provider } from './schema';

/** Prices older than this are flagged on the catalog page (issue 15). */
export const STALE_AFTER_DAYS = 90;
const MS_PER_DAY = 86_400_000;

export type ProviderFreshness = {
  provider: Provider;
  /** Date of the provider's newest on-demand price read from a dated source (not an estimate); null when every price is an estimate. */
  pricesAsOf: string | null;
  /** Date of its oldest instance item, estimate or not: the stalest figure a plan may use. */
  oldestAsOf: string;
  /** Instance items whose on-demand price is an estimate, of all its instance items. */
  estimatedPrices: number;
  instanceItems: number;
  /** Whole days from `pricesAsOf` (or `oldestAsOf` when there is none) to `today`. */
  ageDays: number;
  stale: boolean;
};

/**
 * Per provider, how current its instance prices are, for the catalog page's freshness notice.
 *
 * @param today - YYYY-MM-DD (UTC), passed in so the function stays pure
 * @example providerFreshness(loadCatalog(), '2026-12-02').find((row) => row.provider === 'gcp')?.pricesAsOf //=> '2026-07-30'
 */
export function providerFreshness(catalog: Pick<Catalog, 'instanceTypes'>, today: string): ProviderFreshness[] {
  const rows: ProviderFreshness[] = [];
  for (const provider of ['aws', 'gcp', 'azure'] as const) {
    const items = catalog.instanceTypes.filter((item) => item.provider === provider);
    if (items.length === 0) continue;
    const dated = items.filter((item) => !item.estimatedFields.includes('onDemandUsdPerHour')).map((item) => item.asOf);
    const pricesAsOf = dated.length > 0 ? dated.reduce((a, b) => (a > b ? a : b)) : null;
    const oldestAsOf = items.map((item) => item.asOf).reduce((a, b) => (a < b ? a : b));
    const ageDays = Math.floor((Date.parse(today) - Date.parse(pricesAsOf ?? oldestAsOf)) / MS_PER_DAY);
    rows.push({
      provider,
      pricesAsOf,
      oldestAsOf,
      estimatedPrices: items.length - dated.length,
      instanceItems: items.length,
      ageDays,
      stale: pricesAsOf === null || ageDays > STALE_AFTER_DAYS,
    });
  }
  return rows;
}
