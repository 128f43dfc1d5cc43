import "server-only";

/**
 * The price catalog as the app uses it: catalog versions (the bundled one and CSV imports) read
 * back through the catalog's schema, FinOps overrides applied, and the writes that change them.
 *
 * A catalog version's items never change once written, so each is parsed once per process and
 * kept (see {@link loadCatalogVersion}); overrides are applied on every read (a few milliseconds).
 */
import { importInstanceTypesCsv, type CsvRowError } from "@/lib/catalog/csv";
import { diffCatalogs, type PriceChange } from "@/lib/catalog/diff";
import { loadCatalog } from "@/lib/catalog/load";
import { catalogShrinkage, type CatalogShrinkage } from "@/lib/catalog/shrink";
import {
  applyCatalogOverrides,
  discountKey,
  itemPriceKey,
  OVERRIDE_FIELD_BY_SECTION,
  overridablePrices,
  parsePricedVersion,
  type ActiveOverride,
  type PricedCatalog,
} from "@/lib/catalog/overrides";
import { CatalogSchema, ProviderSchema, type Catalog, type CatalogInstanceType, type Provider } from "@/lib/catalog/schema";
import {
  appendOverrideRow,
  catalogVersionExists,
  currentCatalogVersionName,
  insertCatalogVersion,
  isUniqueViolation,
  latestOverrideRevision,
  latestOverrideRowForKey,
  latestOverrideRowPerKey,
  listCatalogVersionNames,
  getCatalogVersionHead,
  listCatalogVersionRows,
  listOverrideRows,
  loadCatalogItemRows,
  type CatalogItemRow,
  type NewOverrideRow,
  type OverrideRow,
} from "@/lib/db/catalog";
import { transact, type DbClient } from "@/lib/db/client";
import type { CatalogItemKind, Prisma } from "@/lib/db/generated/client";

export type { PricedCatalog } from "@/lib/catalog/overrides";

type CatalogSection = "instanceTypes" | "storageTiers" | "dataTransfer" | "commitments";

const SECTIONS = [
  { section: "instanceTypes", kind: "instanceType", priceField: "onDemandUsdPerHour" },
  { section: "storageTiers", kind: "storageTier", priceField: "usdPerGibMonth" },
  { section: "dataTransfer", kind: "dataTransfer", priceField: "usdPerGib" },
  { section: "commitments", kind: "commitment", priceField: "discountRatio" },
] as const satisfies readonly { section: CatalogSection; kind: CatalogItemKind; priceField: string }[];

/** Who registered the bundled catalog. */
const SYSTEM_ACTOR = "headroom (bundled)";

/** A catalog as rows: the price exact (the shortest round-trip decimal the catalog states), the rest in `data`. */
function catalogItemRows(catalog: Catalog): CatalogItemRow[] {
  return SECTIONS.flatMap(({ section, kind, priceField }) =>
    catalog[section].map((item, position) => {
      const { [priceField]: price, source, asOf, ...rest } = item as Record<string, unknown> & { source: string; asOf: string };
      return {
        kind,
        itemId: (item as { id: string }).id,
        position,
        priceField,
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
 * Writing a whole catalog version (~2,500 items in batches) takes a few seconds on a loaded
 * machine; Prisma's default 5 s interactive-transaction limit is too tight for it.
 */
const CATALOG_WRITE_TIMEOUT_MS = 60_000;

/**
 * Registers the bundled catalog (lib/catalog/data) as a version if it is not there yet.
 * Idempotent and safe to race: a concurrent registration wins and this one is a no-op.
 *
 * @returns true when this call registered it
 */
export async function ensureBundledCatalogVersion(db: DbClient): Promise<boolean> {
  const bundled = loadCatalog();
  if (await catalogVersionExists(db, bundled.version)) return false;
  try {
    await transact(db, (tx) =>
      insertCatalogVersion(
        tx,
        { version: bundled.version, currency: bundled.currency, origin: "bundled", note: "Bundled with the app (lib/catalog/data).", createdBy: SYSTEM_ACTOR },
        catalogItemRows(bundled),
      ),
      { timeout: CATALOG_WRITE_TIMEOUT_MS },
    );
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

export type CatalogVersionSummary = Awaited<ReturnType<typeof listCatalogVersionRows>>[number];

/** Every catalog version, newest (the current one) first. Registers the bundled one if needed. */
export async function listCatalogVersions(db: DbClient): Promise<CatalogVersionSummary[]> {
  await ensureBundledCatalogVersion(db);
  return listCatalogVersionRows(db);
}

async function currentCatalogVersion(db: DbClient): Promise<string> {
  await ensureBundledCatalogVersion(db);
  const version = await currentCatalogVersionName(db);
  if (!version) throw new Error("No catalog version right after registering the bundled one.");
  return version;
}

/**
 * Parsed catalog versions, most recently used last. A version's items never change once written;
 * the key includes its creation time so two databases in one process (tests) never share an entry.
 */
const parsedCatalogs = new Map<string, Catalog>();
const PARSED_CATALOGS_KEPT = 4;

function remember(key: string, catalog: Catalog): Catalog {
  parsedCatalogs.delete(key);
  parsedCatalogs.set(key, catalog);
  for (const oldest of parsedCatalogs.keys()) {
    if (parsedCatalogs.size <= PARSED_CATALOGS_KEPT) break;
    parsedCatalogs.delete(oldest);
  }
  return catalog;
}

/**
 * A stored catalog version with its list prices, validated by the catalog schema (once per
 * process: later reads cost one small query).
 *
 * @returns null when there is no such version
 * @throws ZodError when stored rows break the schema (data corruption, not user input)
 */
export async function loadCatalogVersion(db: DbClient, version: string): Promise<Catalog | null> {
  const head = await getCatalogVersionHead(db, version);
  if (!head) return null;
  const key = `${version}@${head.createdAt.toISOString()}`;
  const cached = parsedCatalogs.get(key);
  if (cached) return remember(key, cached);
  const sections: Record<CatalogSection, unknown[]> = { instanceTypes: [], storageTiers: [], dataTransfer: [], commitments: [] };
  for (const row of await loadCatalogItemRows(db, version)) {
    const spec = SECTIONS.find((s) => s.kind === row.kind);
    if (!spec) continue;
    sections[spec.section].push({
      ...(row.data as Prisma.JsonObject),
      [row.priceField]: row.price.toNumber(),
      source: row.source,
      asOf: row.asOf.toISOString().slice(0, 10),
    });
  }
  return remember(key, CatalogSchema.parse({ version: head.version, currency: head.currency, ...sections }));
}

/** The current catalog version with its list prices (no overrides): what a CSV export holds. */
export async function getCurrentCatalog(db: DbClient): Promise<Catalog> {
  const catalog = await loadCatalogVersion(db, await currentCatalogVersion(db));
  if (!catalog) throw new Error("The current catalog version has no row: it was deleted while being read.");
  return catalog;
}

function toActiveOverride(row: OverrideRow): ActiveOverride | null {
  const provider = ProviderSchema.safeParse(row.provider);
  if (row.action !== "set" || row.value === null || !provider.success) return null;
  const common = { key: row.key, revision: row.revision, provider: provider.data, reason: row.reason, actor: row.actor, createdAt: row.createdAt };
  if (row.kind === "providerDiscount") return { ...common, kind: "providerDiscount", discountRatio: row.value.toNumber() };
  const field = Object.values(OVERRIDE_FIELD_BY_SECTION).find((f) => f === row.field);
  if (!row.itemId || !field) return null;
  return { ...common, kind: "itemPrice", itemId: row.itemId, field, priceUsd: row.value.toNumber() };
}

/**
 * The latest revision of every override key that has a history, set or reset: what an edit form
 * sends back as `expectedRevision` (a key missing here expects 0).
 *
 * @example await getOverrideRevisions(prisma) //=> { "discount:aws": 4 }
 */
export async function getOverrideRevisions(db: DbClient): Promise<Record<string, number>> {
  return Object.fromEntries((await latestOverrideRowPerKey(db)).map((row) => [row.key, row.revision]));
}

/**
 * The overrides in force after an override revision (default: now), newest first.
 *
 * @param options.atRevision - replay history up to and including this revision
 */
export async function listActiveOverrides(db: DbClient, options: { atRevision?: number } = {}): Promise<ActiveOverride[]> {
  return (await latestOverrideRowPerKey(db, options.atRevision))
    .map(toActiveOverride)
    .filter((o): o is ActiveOverride => o !== null)
    .sort((a, b) => b.revision - a.revision);
}

/**
 * Priced catalogs already built, per parsed list catalog (the parsed-catalog cache's objects) and
 * override revision. Both are immutable — versions are never rewritten and overrides are an
 * append-only log — so a priced version is built once, not on every page that needs it.
 */
const pricedCatalogs = new WeakMap<Catalog, Map<number, PricedCatalog>>();

/** The current priced version, `<current catalog version>+o<latest override revision>`. */
export async function currentPricedVersion(db: DbClient): Promise<string> {
  const [catalogVersion, overrideRevision] = await Promise.all([currentCatalogVersion(db), latestOverrideRevision(db)]);
  return `${catalogVersion}+o${overrideRevision}`;
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
  const version = options.version ?? (await currentPricedVersion(db));
  const parsed = parsePricedVersion(version);
  if (!parsed) return null;
  await ensureBundledCatalogVersion(db);
  const list = await loadCatalogVersion(db, parsed.catalogVersion);
  if (!list) return null;
  const byRevision = pricedCatalogs.get(list) ?? new Map<number, PricedCatalog>();
  pricedCatalogs.set(list, byRevision);
  const cached = byRevision.get(parsed.overrideRevision);
  if (cached) return cached;
  const { catalog, applied } = applyCatalogOverrides(list, await listActiveOverrides(db, { atRevision: parsed.overrideRevision }));
  const priced = { version, catalog, overrides: applied };
  byRevision.set(parsed.overrideRevision, priced);
  return priced;
}

/**
 * Prices that differ between two priced versions ("prices changed since"), e.g. the version a
 * plan was priced with and the current one.
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

function conflictWith(latest: OverrideRow | null): OverrideWriteResult {
  return { kind: "conflict", latest: latest && { revision: latest.revision, actor: latest.actor, createdAt: latest.createdAt } };
}

/** Appends one history row for `row.key` on top of the revision the author saw. */
async function appendOverride(db: DbClient, row: Omit<NewOverrideRow, "reason" | "actor">, author: Author): Promise<OverrideWriteResult> {
  const latest = await latestOverrideRowForKey(db, row.key);
  if ((latest?.revision ?? 0) !== author.expectedRevision) return conflictWith(latest);
  if (row.action === "reset" && latest?.action !== "set") return { kind: "not-set" };
  const revision = await appendOverrideRow(db, { ...row, reason: author.reason, actor: author.actor }, author.expectedRevision);
  return revision === null ? conflictWith(await latestOverrideRowForKey(db, row.key)) : { kind: "ok", revision };
}

/**
 * Sets a provider's negotiated discount on on-demand instance prices.
 *
 * @param input.discountRatio - 0..<1 (0.12 = 12 % off)
 */
export async function setProviderDiscount(db: DbClient, input: Author & { provider: Provider; discountRatio: number }): Promise<OverrideWriteResult> {
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
export async function setItemPriceOverride(db: DbClient, input: Author & { itemId: string; priceUsd: number }): Promise<OverrideWriteResult> {
  const list = await getCurrentCatalog(db);
  const item = overridablePrices(list).get(input.itemId);
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
  const latest = await latestOverrideRowForKey(db, input.key);
  if (!latest) return { kind: "not-set" };
  return appendOverride(db, { key: input.key, kind: latest.kind, action: "reset", provider: latest.provider, itemId: latest.itemId, field: latest.field }, input);
}

export type OverrideHistoryEntry = Omit<OverrideRow, "previousRevision" | "value"> & {
  /** Exact decimal as a string ("0.12", "0.171"), or null on a reset. */
  value: string | null;
};

/** The override history, newest first. */
export async function listOverrideHistory(db: DbClient, options: { limit?: number } = {}): Promise<OverrideHistoryEntry[]> {
  const rows = await listOverrideRows(db, options.limit ?? 50);
  return rows.map(({ previousRevision: _previous, value, ...row }) => ({ ...row, value: value?.toString() ?? null }));
}

// ---------------------------------------------------------------------------------------------
// CSV import

export type CatalogImportResult =
  | { kind: "ok"; version: string; instanceTypes: number }
  | { kind: "invalid"; errors: CsvRowError[] }
  /** A file with no instance type: never imported (every scenario would become unsizeable). */
  | { kind: "empty" }
  /** Far fewer types, or a region emptied: imported only when asked again with `confirmShrink`. */
  | { kind: "needs-confirmation"; shrinkage: CatalogShrinkage }
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
 * version, and becomes the current catalog. A file without instance types is refused; one that
 * keeps fewer than half of today's types or empties a region (lib/catalog/shrink.ts) is written
 * only with `confirmShrink`.
 *
 * @param input.now - the import time, for the version's date (default now, UTC)
 */
export async function importCatalogCsv(db: DbClient, input: { csv: string; fileName: string; actor: string; confirmShrink?: boolean; now?: Date }): Promise<CatalogImportResult> {
  const parsed = importInstanceTypesCsv(input.csv);
  if (!parsed.ok) return { kind: "invalid", errors: parsed.errors };
  const base = await getCurrentCatalog(db);
  const shrinkage = catalogShrinkage(base.instanceTypes, parsed.items);
  if (shrinkage.empties) return { kind: "empty" };
  if (shrinkage.drastic && !input.confirmShrink) return { kind: "needs-confirmation", shrinkage };
  const written = await writeCatalogVersion(db, { ...base, instanceTypes: parsed.items satisfies CatalogInstanceType[] }, { origin: "csvImport", note: input.fileName, actor: input.actor, now: input.now });
  return written ? { kind: "ok", ...written } : { kind: "conflict" };
}

export type CatalogRestoreResult = { kind: "ok"; version: string; instanceTypes: number } | { kind: "not-found" } | { kind: "already-current" } | { kind: "conflict" };

/**
 * Rolls the catalog back: an earlier version's items, unchanged, become a new version (origin
 * `restored`), so history stays append-only and scenarios priced with any version can still be
 * priced again exactly.
 */
export async function restoreCatalogVersion(db: DbClient, input: { version: string; actor: string; now?: Date }): Promise<CatalogRestoreResult> {
  const earlier = await loadCatalogVersion(db, input.version);
  if (!earlier) return { kind: "not-found" };
  if ((await currentCatalogVersion(db)) === input.version) return { kind: "already-current" };
  const written = await writeCatalogVersion(db, earlier, { origin: "restored", note: `Restored from ${input.version}`, actor: input.actor, now: input.now });
  return written ? { kind: "ok", ...written } : { kind: "conflict" };
}

/** Writes `content` as the next `YYYY-MM-DD.n` version; null when another write took that name first. */
async function writeCatalogVersion(
  db: DbClient,
  content: Omit<Catalog, "version">,
  meta: { origin: "csvImport" | "restored"; note: string; actor: string; now?: Date },
): Promise<{ version: string; instanceTypes: number } | null> {
  const version = nextVersionFor((meta.now ?? new Date()).toISOString().slice(0, 10), await listCatalogVersionNames(db));
  const catalog = CatalogSchema.parse({ ...content, version });
  try {
    await transact(db, (tx) =>
      insertCatalogVersion(tx, { version, currency: catalog.currency, origin: meta.origin, note: meta.note, createdBy: meta.actor }, catalogItemRows(catalog)),
      { timeout: CATALOG_WRITE_TIMEOUT_MS },
    );
  } catch (error) {
    if (isUniqueViolation(error)) return null;
    throw error;
  }
  return { version, instanceTypes: catalog.instanceTypes.length };
}
