import { describe, expect, it } from 'vitest';

import { loadCatalog } from '@/lib/catalog/load';

import { applyCatalogOverrides, type ActiveOverride } from './overrides';

const catalog = loadCatalog();
const m7i = catalog.instanceTypes.find((i) => i.id === 'aws:us-east-1:m7i.xlarge')!;
const gp3 = catalog.storageTiers.find((t) => t.provider === 'aws')!;
const common = { revision: 1, reason: 'EDP 2026', actor: 'ana', createdAt: new Date('2026-11-25T00:00:00Z') };
const awsDiscount: ActiveOverride = { ...common, kind: 'providerDiscount', key: 'discount:aws', provider: 'aws', discountRatio: 0.12 };

describe('applyCatalogOverrides', () => {
  it('changes nothing without overrides', () => {
    expect(applyCatalogOverrides(catalog, [])).toEqual({ catalog, applied: [] });
  });

  it("takes a provider discount off every on-demand instance price of that provider only, and marks each", () => {
    const { catalog: priced, applied } = applyCatalogOverrides(catalog, [awsDiscount]);
    expect(priced.instanceTypes.find((i) => i.id === m7i.id)!.onDemandUsdPerHour).toBeCloseTo(m7i.onDemandUsdPerHour * 0.88, 12);
    expect(applied).toHaveLength(catalog.instanceTypes.filter((i) => i.provider === 'aws').length);
    expect(applied[0]).toMatchObject({ field: 'onDemandUsdPerHour', kind: 'providerDiscount', reason: 'AWS discount 12 %: EDP 2026 (ana)' });
    expect(priced.storageTiers).toEqual(catalog.storageTiers);
    expect(priced.instanceTypes.filter((i) => i.provider !== 'aws')).toEqual(catalog.instanceTypes.filter((i) => i.provider !== 'aws'));
  });

  it('uses an item override as the net price, without the discount on top', () => {
    const { catalog: priced, applied } = applyCatalogOverrides(catalog, [
      awsDiscount,
      { ...common, kind: 'itemPrice', key: 'k1', provider: 'aws', itemId: m7i.id, field: 'onDemandUsdPerHour', priceUsd: 0.15 },
      { ...common, kind: 'itemPrice', key: 'k2', provider: 'aws', itemId: gp3.id, field: 'usdPerGibMonth', priceUsd: 0.05 },
    ]);
    expect(priced.instanceTypes.find((i) => i.id === m7i.id)!.onDemandUsdPerHour).toBe(0.15);
    expect(priced.storageTiers.find((t) => t.id === gp3.id)!.usdPerGibMonth).toBe(0.05);
    expect(applied.find((a) => a.itemId === m7i.id)).toEqual({
      itemId: m7i.id,
      field: 'onDemandUsdPerHour',
      listValue: m7i.onDemandUsdPerHour,
      effectiveValue: 0.15,
      reason: 'EDP 2026 (ana)',
      kind: 'itemPrice',
    });
  });

  it('ignores an override of an item the catalog no longer holds', () => {
    const gone: ActiveOverride = { ...common, kind: 'itemPrice', key: 'k', provider: 'aws', itemId: 'aws:us-east-1:gone', field: 'onDemandUsdPerHour', priceUsd: 1 };
    expect(applyCatalogOverrides(catalog, [gone]).applied).toEqual([]);
  });
});
