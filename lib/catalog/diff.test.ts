import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { changesForRegion, diffCatalogs, type PriceChange } from './diff';
import { loadCatalog } from './load';
import type { Catalog } from './schema';

const catalog = loadCatalog();
const [first, second] = catalog.instanceTypes;
const gp3 = catalog.storageTiers[0]!;

function withInstance(id: string, change: Partial<Catalog['instanceTypes'][number]>): Catalog {
  return { ...catalog, instanceTypes: catalog.instanceTypes.map((i) => (i.id === id ? { ...i, ...change } : i)) };
}

describe('diffCatalogs', () => {
  it('finds nothing between a catalog and itself', () => {
    expect(diffCatalogs(catalog, catalog)).toEqual([]);
  });

  it('reports a changed price with its old and new value and the relative change', () => {
    const to = withInstance(first!.id, { onDemandUsdPerHour: first!.onDemandUsdPerHour * 1.1 });
    const [change, ...rest] = diffCatalogs(catalog, to);
    expect(rest).toEqual([]);
    expect(change).toMatchObject({ section: 'instanceTypes', itemId: first!.id, field: 'onDemandUsdPerHour', change: 'changed', oldValue: first!.onDemandUsdPerHour });
    expect(change?.changeRatio).toBeCloseTo(0.1, 12);
  });

  it('ignores fields that are not prices, and compares spot discounts and storage prices too', () => {
    const to = {
      ...withInstance(first!.id, { note: 'changed', networkGbps: 99, spotDiscountRatio: 0.5 }),
      storageTiers: catalog.storageTiers.map((t) => (t.id === gp3.id ? { ...t, usdPerGibMonth: 0.07 } : t)),
    };
    expect(diffCatalogs(catalog, to).map((c) => [c.section, c.itemId, c.field])).toEqual([
      ['instanceTypes', first!.id, 'spotDiscountRatio'],
      ['storageTiers', gp3.id, 'usdPerGibMonth'],
    ]);
  });

  it('lists added and removed items with no relative change', () => {
    const to = { ...catalog, instanceTypes: catalog.instanceTypes.filter((i) => i.id !== second!.id) };
    const removed = diffCatalogs(catalog, to);
    expect(removed.map((c) => [c.change, c.field, c.oldValue, c.newValue, c.changeRatio])).toEqual([
      ['removed', 'onDemandUsdPerHour', second!.onDemandUsdPerHour, null, null],
      ['removed', 'spotDiscountRatio', second!.spotDiscountRatio, null, null],
    ]);
    expect(diffCatalogs(to, catalog).map((c) => c.change)).toEqual(['added', 'added']);
  });

  it('gives no ratio for a change from a zero price (Azure cross-zone transfer)', () => {
    const zero = catalog.dataTransfer.find((t) => t.usdPerGib === 0)!;
    const to = { ...catalog, dataTransfer: catalog.dataTransfer.map((t) => (t.id === zero.id ? { ...t, usdPerGib: 0.01 } : t)) };
    expect(diffCatalogs(catalog, to)).toEqual([
      { section: 'dataTransfer', itemId: zero.id, field: 'usdPerGib', change: 'changed', oldValue: 0, newValue: 0.01, changeRatio: null },
    ]);
  });

  describe('properties', () => {
    it('reports exactly the instance prices that were changed, with new = old × (1 + ratio)', () => {
      const ids = catalog.instanceTypes.map((i) => i.id);
      fc.assert(
        fc.property(fc.uniqueArray(fc.constantFrom(...ids), { maxLength: 10 }), fc.double({ min: 0.01, max: 10, noNaN: true }).filter((f) => f !== 1), (changed, factor) => {
          const to = { ...catalog, instanceTypes: catalog.instanceTypes.map((i) => (changed.includes(i.id) ? { ...i, onDemandUsdPerHour: i.onDemandUsdPerHour * factor } : i)) };
          const diff = diffCatalogs(catalog, to);
          expect(new Set(diff.map((c) => c.itemId))).toEqual(new Set(changed));
          for (const c of diff) expect(c.oldValue! * (1 + c.changeRatio!)).toBeCloseTo(c.newValue!, 9);
        }),
      );
    });
  });
});

describe('changesForRegion', () => {
  const change = (section: PriceChange['section'], itemId: string): PriceChange => ({
    section,
    itemId,
    field: 'x',
    change: 'changed',
    oldValue: 1,
    newValue: 2,
    changeRatio: 1,
  });

  it("keeps the region's instances, storage and transfer prices and the provider's commitments", () => {
    const changes = [
      change('instanceTypes', 'aws:us-east-1:m7i.large'),
      change('instanceTypes', 'aws:eu-west-1:m7i.large'),
      change('instanceTypes', 'gcp:us-east-1x:n2-standard-4'),
      change('storageTiers', 'aws:us-east-1:ebs-gp3'),
      change('dataTransfer', 'aws:us-east-1:cross-zone'),
      change('commitments', 'aws:ec2-1yr-no-upfront'),
      change('commitments', 'azure:ri-1yr'),
    ];
    expect(changesForRegion(changes, { provider: 'aws', region: 'us-east-1' }).map((c) => c.itemId)).toEqual([
      'aws:us-east-1:m7i.large',
      'aws:us-east-1:ebs-gp3',
      'aws:us-east-1:cross-zone',
      'aws:ec2-1yr-no-upfront',
    ]);
  });
});
