/**
 * FinOps overrides applied to a catalog: pure (no Prisma), so the rule is unit-tested on its own;
 * lib/services/catalog.ts loads the override rows and calls it.
 *
 * The rule: a provider's negotiated discount takes `discountRatio` off every on-demand instance
 * price of that provider (enterprise discount programs apply to on-demand compute; storage and
 * transfer are negotiated separately, as item overrides). A per-item override is the negotiated
 * net price itself, so it replaces the list price and the discount does not apply on top of it.
 */
import type { Catalog, Provider } from "./schema";

/** The price field an item override replaces, by item kind. */
export const OVERRIDE_FIELD_BY_SECTION = {
  instanceTypes: "onDemandUsdPerHour",
  storageTiers: "usdPerGibMonth",
  dataTransfer: "usdPerGib",
} as const;
export type OverrideSection = keyof typeof OVERRIDE_FIELD_BY_SECTION;
export type OverrideField = (typeof OVERRIDE_FIELD_BY_SECTION)[OverrideSection];

/** A price an item override can replace: instance on-demand, storage or transfer. */
export type OverridablePrice = { itemId: string; provider: Provider; section: OverrideSection; field: OverrideField; listValue: number };

/** Built once per catalog object: catalogs are immutable once loaded, and hold thousands of prices. */
const pricesByCatalog = new WeakMap<Catalog, ReadonlyMap<string, OverridablePrice>>();

/** Every price of a catalog that an item override can replace, by item id, in catalog order. */
export function overridablePrices(catalog: Catalog): ReadonlyMap<string, OverridablePrice> {
  const cached = pricesByCatalog.get(catalog);
  if (cached) return cached;
  const prices: OverridablePrice[] = [
    ...catalog.instanceTypes.map((i) => ({ itemId: i.id, provider: i.provider, section: "instanceTypes" as const, field: "onDemandUsdPerHour" as const, listValue: i.onDemandUsdPerHour })),
    ...catalog.storageTiers.map((i) => ({ itemId: i.id, provider: i.provider, section: "storageTiers" as const, field: "usdPerGibMonth" as const, listValue: i.usdPerGibMonth })),
    ...catalog.dataTransfer.map((i) => ({ itemId: i.id, provider: i.provider, section: "dataTransfer" as const, field: "usdPerGib" as const, listValue: i.usdPerGib })),
  ];
  const byId = new Map(prices.map((price) => [price.itemId, price]));
  pricesByCatalog.set(catalog, byId);
  return byId;
}

/** An override in force (the newest row of its key, not a reset). Values already converted from Decimal. */
export type ActiveOverride =
  | { kind: "providerDiscount"; key: string; revision: number; provider: Provider; discountRatio: number; reason: string; actor: string; createdAt: Date }
  | {
      kind: "itemPrice";
      key: string;
      revision: number;
      provider: Provider;
      itemId: string;
      field: OverrideField;
      priceUsd: number;
      reason: string;
      actor: string;
      createdAt: Date;
    };

/** One price the overrides changed, for marking it wherever it is shown. */
export type AppliedOverride = {
  itemId: string;
  field: OverrideField;
  /** The catalog's list price. */
  listValue: number;
  /** What the model uses. */
  effectiveValue: number;
  /** Who changed it and why, e.g. "AWS discount 12 %: EDP 2026 (ana)". */
  reason: string;
  kind: ActiveOverride["kind"];
};

/** `discount:aws` */
export function discountKey(provider: Provider): string {
  return `discount:${provider}`;
}

/** `price:aws:us-east-1:m7i.xlarge:onDemandUsdPerHour` */
export function itemPriceKey(itemId: string, field: OverrideField): string {
  return `price:${itemId}:${field}`;
}

/** The item id of an {@link itemPriceKey}, or null for another kind of key. */
export function itemIdOfPriceKey(key: string): string | null {
  return key.startsWith("price:") ? key.slice("price:".length, key.lastIndexOf(":")) : null;
}

const PROVIDER_NAMES: Record<Provider, string> = { aws: "AWS", gcp: "Google Cloud", azure: "Azure" };

/** Display name of a provider. */
export function providerName(provider: Provider): string {
  return PROVIDER_NAMES[provider];
}

function describeDiscount(o: Extract<ActiveOverride, { kind: "providerDiscount" }>): string {
  // Display only: the ratio stays exact in the data.
  return `${providerName(o.provider)} discount ${Number((o.discountRatio * 100).toFixed(4))} %: ${o.reason} (${o.actor})`;
}

/**
 * Applies overrides to a catalog. Overrides naming items the catalog does not hold (an import
 * dropped them) are ignored; they stay in the history.
 *
 * @param catalog - list prices
 * @param overrides - the overrides in force; at most one per key
 * @returns the catalog with effective prices (a new object; the input is not changed) and every changed price
 * @example applyCatalogOverrides(catalog, []).applied //=> []
 */
export function applyCatalogOverrides(catalog: Catalog, overrides: readonly ActiveOverride[]): { catalog: Catalog; applied: AppliedOverride[] } {
  const applied: AppliedOverride[] = [];
  const discounts = new Map<Provider, Extract<ActiveOverride, { kind: "providerDiscount" }>>();
  const prices = new Map<string, Extract<ActiveOverride, { kind: "itemPrice" }>>();
  for (const o of overrides) {
    if (o.kind === "providerDiscount") discounts.set(o.provider, o);
    else prices.set(itemPriceKey(o.itemId, o.field), o);
  }

  function effective<T extends { id: string; provider: Provider }>(item: T, field: OverrideField & keyof T, discountable: boolean): T {
    const listValue = item[field] as number;
    const price = prices.get(itemPriceKey(item.id, field));
    const discount = discountable ? discounts.get(item.provider) : undefined;
    if (price) {
      applied.push({ itemId: item.id, field, listValue, effectiveValue: price.priceUsd, reason: `${price.reason} (${price.actor})`, kind: "itemPrice" });
      return { ...item, [field]: price.priceUsd };
    }
    if (discount && discount.discountRatio > 0) {
      const effectiveValue = listValue * (1 - discount.discountRatio);
      applied.push({ itemId: item.id, field, listValue, effectiveValue, reason: describeDiscount(discount), kind: "providerDiscount" });
      return { ...item, [field]: effectiveValue };
    }
    return item;
  }

  return {
    catalog: {
      ...catalog,
      instanceTypes: catalog.instanceTypes.map((item) => effective(item, "onDemandUsdPerHour", true)),
      storageTiers: catalog.storageTiers.map((item) => effective(item, "usdPerGibMonth", false)),
      dataTransfer: catalog.dataTransfer.map((item) => effective(item, "usdPerGib", false)),
    },
    applied,
  };
}

/**
 * The catalog the model prices with: list prices with FinOps overrides applied, named by its
 * priced version `<catalog version>+o<override revision>` (e.g. '2026-11-25.1+o3'). Both halves
 * are kept forever, so a plan that recorded its version can be priced again exactly as it was.
 */
export type PricedCatalog = {
  version: string;
  /** Overrides applied to prices. */
  catalog: Catalog;
  /** What was changed, for marking. */
  overrides: AppliedOverride[];
};

const PRICED_VERSION = /^(\d{4}-\d{2}-\d{2}\.\d+)\+o(\d+)$/;

/**
 * Splits a priced version into its catalog version and override revision.
 *
 * @returns null when malformed
 * @example parsePricedVersion("2026-11-25.1+o3") //=> { catalogVersion: "2026-11-25.1", overrideRevision: 3 }
 */
export function parsePricedVersion(version: string): { catalogVersion: string; overrideRevision: number } | null {
  const match = PRICED_VERSION.exec(version);
  if (!match?.[1] || match[2] === undefined) return null;
  return { catalogVersion: match[1], overrideRevision: Number(match[2]) };
}
