/**
 * The price catalog in the database: catalog versions (the bundled one and CSV imports), their
 * items as exact Decimals, and FinOps overrides (an append-only history). Every function takes the
 * database client explicitly.
 *
 * A priced catalog version is `<catalog version>+o<override revision>`, e.g. `2026-11-25.1+o3`:
 * the catalog's list prices with the overrides in force after revision 3. Both halves are kept
 * forever, so a projection that recorded its version can be priced again exactly as it was.
 */
import { diffCatalogs, type PriceChange } from "@/lib/catalog/diff";
import { importInstanceTypesCsv, type CsvRowError } from "@/lib/catalog/csv";
import { loadCatalog } from "@/lib/catalog/load";
import {
  CatalogSchema,
  ProviderSchema,
  type Catalog,
  type CatalogInstanceType,
  type Provider,
} from "@/lib/catalog/schema";

import {
  applyCatalogOverrides,
  discountKey,
  itemPriceKey,
  OVERRIDE_FIELD_BY_SECTION,
  overridablePrices,
  type ActiveOverride,
  type AppliedOverride,
} from "./catalog-overrides";
import type { DbClient } from "./client";
import { Prisma, type CatalogItemKind, type CatalogOverride } from "./generated/client";

export type { ActiveOverride, AppliedOverride, OverrideField } from "./catalog-overrides";

/** The catalog the model prices with: list prices with FinOps overrides applied. */
export type PricedCatalog = {
  /** Catalog version + override revision, e.g. '2026-11-25.1+o3'. */
  version: string;
  /** Overrides applied to prices. */
  catalog: Catalog;
  /** What was changed, for marking. */
  overrides: AppliedOverride[];
};

type CatalogSection = "instanceTypes" | "storageTiers" | "dataTransfer" | "commitments";

const SECTIONS = [
  { section: "instanceTypes", kind: "instanceType", priceField: "onDemandUsdPerHour" },
  { section: "storageTiers", kind: "storageTier", priceField: "usdPerGibMonth" },
  { section: "dataTransfer", kind: "dataTransfer", priceField: "usdPerGib" },
  { section: "commitments", kind: "commitment", priceField: "discountRatio" },
] as const satisfies readonly { section: CatalogSection; kind: CatalogItemKind; priceField: string }[];

/** Who registered the bundled catalog. */
const SYSTEM_ACTOR = "headroom (bundled)";

const PRICED_VERSION = /^(\d{4}-\d{2}-\d{2}\.\d+)\+o(\d+)$/;

/** `2026-11-25.1+o3` → `{ catalogVersion: '2026-11-25.1', overrideRevision: 3 }`, or null when malformed. */
export function parsePricedVersion(version: string): { catalogVersion: string; overrideRevision: number } | null {
  const match = PRICED_VERSION.exec(version);
  if (!match?.[1] || match[2] === undefined) return null;
  return { catalogVersion: match[1], overrideRevision: Number(match[2]) };
}

/** Prisma's unique-constraint violation: a concurrent writer got there first. */
function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

function catalogItemRows(catalog: Catalog) {
  return SECTIONS.flatMap(({ section, kind, priceField }) =>
    catalog[section].map((item, position) => {
      const { [priceField]: price, source, asOf, ...rest } = item as Record<string, unknown> & { source: string; asOf: string };
      return {
        kind,
        itemId: (item as { id: string }).id,
        position,
        priceField,
        // Shortest round-trip decimal string: the exact figure the catalog states.
        price: String(price),
        currency: kind === "commitment" ? null : catalog.currency,
        source,
        asOf: new Date(`${asOf}T00:00:00Z`),
        data: rest as Prisma.InputJsonObject,
      };
    }),
  );
}

/**
 * Registers the bundled catalog (lib/catalog/data) as a version if it is not there yet.
 * Idempotent and safe to race: a concurrent registration wins and this one is a no-op.
 *
 * @returns true when this call registered it
 */
export async function ensureBundledCatalogVersion(db: DbClient): Promise<boolean> {
  const bundled = loadCatalog();
  if (await db.catalogVersion.findUnique({ where: { version: bundled.version }, select: { version: true } })) return false;
  try {
    // A nested create runs in one transaction: the version never exists without its items.
    await db.catalogVersion.create({
      data: {
        version: bundled.version,
        currency: bundled.currency,
        origin: "bundled",
        note: "Bundled with the app (lib/catalog/data).",
        createdBy: SYSTEM_ACTOR,
        items: { createMany: { data: catalogItemRows(bundled) } },
      },
    });
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

export type CatalogVersionSummary = {
  version: string;
  origin: "bundled" | "csvImport";
  note: string;
  createdBy: string;
  createdAt: Date;
  itemCount: number;
};

/** Every catalog version, newest (the current one) first. Registers the bundled one if needed. */
export async function listCatalogVersions(db: DbClient): Promise<CatalogVersionSummary[]> {
  await ensureBundledCatalogVersion(db);
  const rows = await db.catalogVersion.findMany({
    orderBy: [{ createdAt: "desc" }, { version: "desc" }],
    include: { _count: { select: { items: true } } },
  });
  return rows.map(({ _count, ...row }) => ({ ...row, itemCount: _count.items }));
}

/** The current catalog version: the newest registered. */
async function currentCatalogVersion(db: DbClient): Promise<string> {
  await ensureBundledCatalogVersion(db);
  const row = await db.catalogVersion.findFirstOrThrow({ orderBy: [{ createdAt: "desc" }, { version: "desc" }], select: { version: true } });
  return row.version;
}

/** The current catalog version with its list prices (no overrides): what a CSV export holds. */
export async function getCurrentCatalog(db: DbClient): Promise<Catalog> {
  const catalog = await loadCatalogVersion(db, await currentCatalogVersion(db));
  if (!catalog) throw new Error("The current catalog version has no row: it was deleted while being read.");
  return catalog;
}

/**
 * A stored catalog version with its list prices, validated by the catalog schema.
 *
 * @returns null when there is no such version
 * @throws ZodError when stored rows break the schema (data corruption, not user input)
 */
export async function loadCatalogVersion(db: DbClient, version: string): Promise<Catalog | null> {
  const head = await db.catalogVersion.findUnique({ where: { version } });
  if (!head) return null;
  const rows = await db.catalogItem.findMany({ where: { version }, orderBy: [{ kind: "asc" }, { position: "asc" }] });
  const sections: Record<CatalogSection, unknown[]> = {
    instanceTypes: [],
    storageTiers: [],
    dataTransfer: [],
    commitments: [],
  };
  for (const row of rows) {
    const spec = SECTIONS.find((s) => s.kind === row.kind);
    if (!spec) continue;
    sections[spec.section].push({
      ...(row.data as Prisma.JsonObject),
      [row.priceField]: row.price.toNumber(),
      source: row.source,
      asOf: row.asOf.toISOString().slice(0, 10),
    });
  }
  return CatalogSchema.parse({ version: head.version, currency: head.currency, ...sections });
}

function toActiveOverride(row: CatalogOverride): ActiveOverride | null {
  const provider = ProviderSchema.safeParse(row.provider);
  if (row.action !== "set" || row.value === null || !provider.success) return null;
  const common = { key: row.key, revision: row.revision, provider: provider.data, reason: row.reason, actor: row.actor, createdAt: row.createdAt };
  if (row.kind === "providerDiscount") return { ...common, kind: "providerDiscount", discountRatio: row.value.toNumber() };
  const field = Object.values(OVERRIDE_FIELD_BY_SECTION).find((f) => f === row.field);
  if (!row.itemId || !field) return null;
  return { ...common, kind: "itemPrice", itemId: row.itemId, field, priceUsd: row.value.toNumber() };
}

/** The newest history row of every key (set or reset), up to an override revision. */
function latestRowPerKey(db: DbClient, atRevision?: number): Promise<CatalogOverride[]> {
  return db.catalogOverride.findMany({
    where: atRevision === undefined ? {} : { revision: { lte: atRevision } },
    orderBy: [{ key: "asc" }, { revision: "desc" }],
    distinct: ["key"],
  });
}

/**
 * The latest revision of every override key that has a history, set or reset: what an edit form
 * sends back as `expectedRevision` (a key missing here expects 0).
 *
 * @example await getOverrideRevisions(prisma) //=> { "discount:aws": 4 }
 */
export async function getOverrideRevisions(db: DbClient): Promise<Record<string, number>> {
  return Object.fromEntries((await latestRowPerKey(db)).map((row) => [row.key, row.revision]));
}

/**
 * The overrides in force after an override revision (default: now), newest first.
 *
 * @param options.atRevision - replay history up to and including this revision
 */
export async function listActiveOverrides(db: DbClient, options: { atRevision?: number } = {}): Promise<ActiveOverride[]> {
  return (await latestRowPerKey(db, options.atRevision))
    .map(toActiveOverride)
    .filter((o): o is ActiveOverride => o !== null)
    .sort((a, b) => b.revision - a.revision);
}

/** The newest override revision, 0 when no override was ever set. */
async function latestOverrideRevision(db: DbClient): Promise<number> {
  const row = await db.catalogOverride.findFirst({ orderBy: { revision: "desc" }, select: { revision: true } });
  return row?.revision ?? 0;
}

/**
 * The catalog the model prices with.
 *
 * @param options.version - a priced version such as '2026-11-25.1+o3' to rebuild exactly; default the current catalog with the overrides in force now
 * @returns null only when `options.version` names a version that does not exist or is malformed
 * @example (await getPricedCatalog(prisma)).version //=> '2026-11-25.1+o0'
 */
export async function getPricedCatalog(db: DbClient): Promise<PricedCatalog>;
export async function getPricedCatalog(db: DbClient, options: { version: string }): Promise<PricedCatalog | null>;
export async function getPricedCatalog(db: DbClient, options: { version?: string } = {}): Promise<PricedCatalog | null> {
  let catalogVersion: string;
  let overrideRevision: number;
  if (options.version === undefined) {
    catalogVersion = await currentCatalogVersion(db);
    overrideRevision = await latestOverrideRevision(db);
  } else {
    const parsed = parsePricedVersion(options.version);
    if (!parsed) return null;
    ({ catalogVersion, overrideRevision } = parsed);
    await ensureBundledCatalogVersion(db);
  }
  const list = await loadCatalogVersion(db, catalogVersion);
  if (!list) return null;
  const { catalog, applied } = applyCatalogOverrides(list, await listActiveOverrides(db, { atRevision: overrideRevision }));
  return { version: `${catalogVersion}+o${overrideRevision}`, catalog, overrides: applied };
}

/**
 * Prices that differ between two priced versions ("prices changed since"), e.g. the version a
 * projection was priced with and the current one.
 *
 * @returns null when either version does not exist
 */
export async function diffPricedCatalogVersions(db: DbClient, fromVersion: string, toVersion?: string): Promise<PriceChange[] | null> {
  const from = await getPricedCatalog(db, { version: fromVersion });
  const to = toVersion === undefined ? await getPricedCatalog(db) : await getPricedCatalog(db, { version: toVersion });
  if (!from || !to) return null;
  return diffCatalogs(from.catalog, to.catalog);
}

// ---------------------------------------------------------------------------------------------
// Overrides: writes
// ---------------------------------------------------------------------------------------------

/** The outcome of an override write. `conflict` names the newer change the caller did not see. */
export type OverrideWriteResult =
  | { kind: "ok"; revision: number }
  | { kind: "conflict"; latest: { revision: number; actor: string; createdAt: Date } | null }
  | { kind: "not-found" }
  | { kind: "not-set" };

type Author = {
  reason: string;
  actor: string;
  /** The revision of this key the editor saw (0 when it had none): optimistic concurrency. */
  expectedRevision: number;
};

async function latestForKey(db: DbClient, key: string): Promise<CatalogOverride | null> {
  return db.catalogOverride.findFirst({ where: { key }, orderBy: { revision: "desc" } });
}

/**
 * Appends one history row for `key` on top of `expectedRevision`. The unique (key,
 * previousRevision) constraint makes a concurrent edit from the same revision fail as a conflict.
 */
async function appendOverride(
  db: DbClient,
  row: Omit<Prisma.CatalogOverrideCreateInput, "previousRevision" | "reason" | "actor"> & { key: string },
  author: Author,
): Promise<OverrideWriteResult> {
  const latest = await latestForKey(db, row.key);
  const conflict = (l: CatalogOverride | null) =>
    ({ kind: "conflict", latest: l && { revision: l.revision, actor: l.actor, createdAt: l.createdAt } }) as const;
  if ((latest?.revision ?? 0) !== author.expectedRevision) return conflict(latest);
  if (row.action === "reset" && latest?.action !== "set") return { kind: "not-set" };
  try {
    const created = await db.catalogOverride.create({
      data: { ...row, previousRevision: author.expectedRevision, reason: author.reason, actor: author.actor },
    });
    return { kind: "ok", revision: created.revision };
  } catch (error) {
    if (isUniqueViolation(error)) return conflict(await latestForKey(db, row.key));
    throw error;
  }
}

/**
 * Sets a provider's negotiated discount on on-demand instance prices.
 *
 * @param input.discountRatio - 0..<1 (0.12 = 12 % off)
 */
export async function setProviderDiscount(
  db: DbClient,
  input: Author & { provider: Provider; discountRatio: number },
): Promise<OverrideWriteResult> {
  return appendOverride(
    db,
    { key: discountKey(input.provider), kind: "providerDiscount", action: "set", provider: input.provider, value: String(input.discountRatio) },
    input,
  );
}

/**
 * Overrides one item's price with a negotiated net price (the provider discount no longer
 * applies to it): instance USD/hour, storage USD/GiB-month or transfer USD/GiB.
 *
 * @returns `not-found` when the current catalog has no such instance type, storage tier or transfer price
 */
export async function setItemPriceOverride(
  db: DbClient,
  input: Author & { itemId: string; priceUsd: number },
): Promise<OverrideWriteResult> {
  const list = await getCurrentCatalog(db);
  const item = overridablePrices(list).find((p) => p.itemId === input.itemId);
  if (!item) return { kind: "not-found" };
  return appendOverride(
    db,
    {
      key: itemPriceKey(input.itemId, item.field),
      kind: "itemPrice",
      action: "set",
      provider: item.provider,
      itemId: input.itemId,
      field: item.field,
      value: String(input.priceUsd),
      currency: list.currency,
    },
    input,
  );
}

/**
 * Resets an override: the list price applies again. Kept in the history as a `reset` row.
 *
 * @param input.key - `discount:<provider>` or `price:<itemId>:<field>`
 * @returns `not-set` when the key has no override in force
 */
export async function resetOverride(db: DbClient, input: Author & { key: string }): Promise<OverrideWriteResult> {
  const latest = await latestForKey(db, input.key);
  if (!latest) return { kind: "not-set" };
  return appendOverride(
    db,
    { key: input.key, kind: latest.kind, action: "reset", provider: latest.provider, itemId: latest.itemId, field: latest.field },
    input,
  );
}

export type OverrideHistoryEntry = {
  revision: number;
  key: string;
  kind: "providerDiscount" | "itemPrice";
  action: "set" | "reset";
  provider: string;
  itemId: string | null;
  field: string | null;
  /** Exact decimal as a string ("0.12", "0.171"), or null on a reset. */
  value: string | null;
  currency: string | null;
  reason: string;
  actor: string;
  createdAt: Date;
};

/** The override history, newest first. */
export async function listOverrideHistory(db: DbClient, options: { limit?: number } = {}): Promise<OverrideHistoryEntry[]> {
  const rows = await db.catalogOverride.findMany({ orderBy: { revision: "desc" }, take: options.limit ?? 50 });
  return rows.map(({ previousRevision: _previous, value, ...row }) => ({ ...row, value: value?.toString() ?? null }));
}

// ---------------------------------------------------------------------------------------------
// CSV import
// ---------------------------------------------------------------------------------------------

export type CatalogImportResult =
  | { kind: "ok"; version: string; instanceTypes: number }
  | { kind: "invalid"; errors: CsvRowError[] }
  | { kind: "conflict" };

/** The next free `YYYY-MM-DD.n` for `today` among existing versions. */
function nextVersionFor(today: string, existing: readonly string[]): string {
  const used = existing.filter((v) => v.startsWith(`${today}.`)).map((v) => Number(v.slice(today.length + 1)));
  return `${today}.${Math.max(0, ...used) + 1}`;
}

/**
 * Imports instance types from a CSV file as a new catalog version. The file is validated row by
 * row (lib/catalog/csv.ts); if any row is bad nothing is written. The new version takes its
 * instance types from the file and its storage, transfer and commitment prices from the current
 * version, and becomes the current catalog.
 *
 * @param input.now - the import time, for the version's date (default now, UTC)
 */
export async function importCatalogCsv(
  db: DbClient,
  input: { csv: string; fileName: string; actor: string; now?: Date },
): Promise<CatalogImportResult> {
  const parsed = importInstanceTypesCsv(input.csv);
  if (!parsed.ok) return { kind: "invalid", errors: parsed.errors };
  const base = await getCurrentCatalog(db);
  const existing = await db.catalogVersion.findMany({ select: { version: true } });
  const version = nextVersionFor((input.now ?? new Date()).toISOString().slice(0, 10), existing.map((v) => v.version));
  const catalog = CatalogSchema.parse({ ...base, version, instanceTypes: parsed.items satisfies CatalogInstanceType[] });
  try {
    await db.catalogVersion.create({
      data: {
        version,
        currency: catalog.currency,
        origin: "csvImport",
        note: input.fileName,
        createdBy: input.actor,
        items: { createMany: { data: catalogItemRows(catalog) } },
      },
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { kind: "conflict" };
    throw error;
  }
  return { kind: "ok", version, instanceTypes: catalog.instanceTypes.length };
}
