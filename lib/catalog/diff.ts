import type { Catalog } from './schema';

/**
 * "Prices changed since": the price fields that differ between two catalogs, for showing a
 * scenario what moved when it is re-priced on the current catalog. Pure.
 */

/** The figures compared, per item kind: every field that changes a projection's cost. */
const PRICE_FIELDS = {
  instanceTypes: ['onDemandUsdPerHour', 'spotDiscountRatio'],
  storageTiers: ['usdPerGibMonth'],
  dataTransfer: ['usdPerGib'],
  commitments: ['discountRatio'],
} as const;

export type PriceChangeSection = keyof typeof PRICE_FIELDS;

export type PriceChange = {
  section: PriceChangeSection;
  itemId: string;
  field: string;
  /** `changed`: both have the item; `added` / `removed`: only the newer / older catalog has it. */
  change: 'changed' | 'added' | 'removed';
  /** Null when the item is new. */
  oldValue: number | null;
  /** Null when the item was removed. */
  newValue: number | null;
  /** (new − old) / old; null when either side is missing or the old value is 0. */
  changeRatio: number | null;
};

type Priced = { id: string } & Record<string, unknown>;

/**
 * Every price that differs between `from` and `to`, in `to`'s order (removed items last).
 * Values are compared exactly: catalogs are parsed from exact decimals, so equal prices are equal numbers.
 *
 * @param from - the catalog a projection was priced with
 * @param to - usually the current one
 * @example diffCatalogs(c, c) //=> []
 */
export function diffCatalogs(from: Catalog, to: Catalog): PriceChange[] {
  const changes: PriceChange[] = [];
  for (const section of Object.keys(PRICE_FIELDS) as PriceChangeSection[]) {
    const fields = PRICE_FIELDS[section];
    const before = new Map((from[section] as Priced[]).map((item) => [item.id, item]));
    const afterIds = new Set<string>();
    for (const item of to[section] as Priced[]) {
      afterIds.add(item.id);
      const old = before.get(item.id);
      for (const field of fields) {
        const newValue = item[field] as number;
        if (!old) {
          changes.push({ section, itemId: item.id, field, change: 'added', oldValue: null, newValue, changeRatio: null });
          continue;
        }
        const oldValue = old[field] as number;
        if (oldValue === newValue) continue;
        const changeRatio = oldValue === 0 ? null : (newValue - oldValue) / oldValue;
        changes.push({ section, itemId: item.id, field, change: 'changed', oldValue, newValue, changeRatio });
      }
    }
    for (const [id, old] of before) {
      if (afterIds.has(id)) continue;
      for (const field of fields) {
        changes.push({ section, itemId: id, field, change: 'removed', oldValue: old[field] as number, newValue: null, changeRatio: null });
      }
    }
  }
  return changes;
}

/**
 * The changes that can move the cost of a scenario priced in one provider's region: that region's
 * instances, storage and transfer prices, and the provider's commitment offers.
 */
export function changesForRegion(changes: readonly PriceChange[], where: { provider: string; region: string }): PriceChange[] {
  return changes.filter((change) =>
    change.section === 'commitments'
      ? change.itemId.startsWith(`${where.provider}:`)
      : change.itemId.startsWith(`${where.provider}:${where.region}:`),
  );
}
