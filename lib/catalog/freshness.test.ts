import { describe, expect, it } from 'vitest';

import { providerFreshness } from './freshness';
import { loadCatalog } from './load';
import type { CatalogInstanceType } from './schema';

const base = loadCatalog().instanceTypes.find((item) => item.id === 'aws:us-east-1:m7i.xlarge') as CatalogInstanceType;
const item = (asOf: string, estimatedPrice: boolean): CatalogInstanceType => ({
  ...base,
  asOf,
  estimate: true,
  estimatedFields: estimatedPrice ? ['onDemandUsdPerHour', 'spotDiscountRatio'] : ['spotDiscountRatio'],
  note: 'test',
});

describe('providerFreshness', () => {
  it('dates a provider by its newest dated price and counts the estimated ones', () => {
    const [aws] = providerFreshness({ instanceTypes: [item('2026-07-20', false), item('2026-11-25', true), item('2026-06-01', false)] }, '2026-12-02');
    // 2026-07-20 → 2026-12-02: 11 + 31 + 30 + 31 + 31 + 30 + 1 = 135 days (Jul 20–31, Aug, Sep, Oct, Nov, Dec 1)
    expect(aws).toEqual({ provider: 'aws', pricesAsOf: '2026-07-20', oldestAsOf: '2026-06-01', estimatedPrices: 1, instanceItems: 3, ageDays: 135, stale: true });
  });

  it('is fresh up to 90 days and stale when every price is an estimate', () => {
    expect(providerFreshness({ instanceTypes: [item('2026-09-03', false)] }, '2026-12-02')[0]?.stale).toBe(false); // 90 days
    expect(providerFreshness({ instanceTypes: [item('2026-09-02', false)] }, '2026-12-02')[0]?.stale).toBe(true); // 91 days
    expect(providerFreshness({ instanceTypes: [item('2026-11-25', true)] }, '2026-12-02')[0]).toMatchObject({ pricesAsOf: null, ageDays: 7, stale: true });
  });

  it('reports the bundled catalog: AWS and GCP dated, Azure all estimates', () => {
    const rows = providerFreshness(loadCatalog(), '2026-12-02');
    expect(rows.map((row) => [row.provider, row.pricesAsOf])).toEqual([['aws', '2026-07-20'], ['gcp', '2026-07-30'], ['azure', null]]);
  });
});
