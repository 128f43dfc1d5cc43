/**
 * Rows of the price catalog: catalog versions with their items (prices as exact Decimals) and the
 * append-only history of FinOps overrides. Persistence only: lib/services/catalog.ts turns rows
 * into a validated catalog and applies overrides. Every function takes the database client.
 */
import type { DbClient } from "./client";
import { Prisma, type CatalogItemKind, type CatalogOverride, type CatalogVersionOrigin } from "./generated/client";

/** Rows per INSERT: 8 columns each stays far below PostgreSQL's 65,535 bind parameters. */
const INSERT_BATCH_ROWS = 2_000;

/** Prisma's unique-constraint violation: a concurrent writer got there first. */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/** One item of a catalog version as stored: the price exact, provenance in columns, the rest in `data`. */
export type CatalogItemRow = {
  kind: CatalogItemKind;
  itemId: string;
  position: number;
  priceField: string;
  /** Exact decimal string, e.g. "0.2016". */
  price: string;
  currency: string | null;
  source: string;
  asOf: Date;
  data: Prisma.InputJsonObject;
};

export type StoredCatalogItem = Omit<CatalogItemRow, "price" | "data"> & { price: Prisma.Decimal; data: Prisma.JsonValue };

export type CatalogVersionHead = {
  version: string;
  currency: string;
  origin: CatalogVersionOrigin;
  note: string;
  createdBy: string;
  createdAt: Date;
};

/** Whether a catalog version exists. */
export async function catalogVersionExists(db: DbClient, version: string): Promise<boolean> {
  return (await db.catalogVersion.count({ where: { version } })) > 0;
}

/**
 * Inserts a catalog version and its items, in batches. Run it in a transaction: the version must
 * never exist without all its items.
 *
 * @throws Prisma's P2002 (see {@link isUniqueViolation}) when the version already exists
 */
export async function insertCatalogVersion(db: DbClient, head: Omit<CatalogVersionHead, "createdAt">, items: readonly CatalogItemRow[]): Promise<void> {
  await db.catalogVersion.create({ data: head });
  for (let start = 0; start < items.length; start += INSERT_BATCH_ROWS) {
    await db.catalogItem.createMany({ data: items.slice(start, start + INSERT_BATCH_ROWS).map((item) => ({ ...item, version: head.version })) });
  }
}

/** Every catalog version, newest (the current one) first, with its item count. */
export async function listCatalogVersionRows(db: DbClient): Promise<(CatalogVersionHead & { itemCount: number })[]> {
  const rows = await db.catalogVersion.findMany({
    orderBy: [{ createdAt: "desc" }, { version: "desc" }],
    include: { _count: { select: { items: true } } },
  });
  return rows.map(({ _count, ...row }) => ({ ...row, itemCount: _count.items }));
}

/** The newest registered version's name (the current catalog), or null when there is none. */
export async function currentCatalogVersionName(db: DbClient): Promise<string | null> {
  const row = await db.catalogVersion.findFirst({ orderBy: [{ createdAt: "desc" }, { version: "desc" }], select: { version: true } });
  return row?.version ?? null;
}

/** Every version name, for picking the next free one. */
export async function listCatalogVersionNames(db: DbClient): Promise<string[]> {
  return (await db.catalogVersion.findMany({ select: { version: true } })).map((row) => row.version);
}

/** A version's head, or null when there is none. */
export async function getCatalogVersionHead(db: DbClient, version: string): Promise<CatalogVersionHead | null> {
  return db.catalogVersion.findUnique({ where: { version } });
}

/** A version's items in catalog order (by kind, then position). */
export async function loadCatalogItemRows(db: DbClient, version: string): Promise<StoredCatalogItem[]> {
  return db.catalogItem.findMany({
    where: { version },
    orderBy: [{ kind: "asc" }, { position: "asc" }],
    select: { kind: true, itemId: true, position: true, priceField: true, price: true, currency: true, source: true, asOf: true, data: true },
  });
}

// ---------------------------------------------------------------------------------------------
// Overrides: an append-only history. The override in force for a key is its newest row, unless
// that row is a reset.

export type OverrideRow = CatalogOverride;

/** The newest history row of every key (set or reset), up to an override revision. */
export function latestOverrideRowPerKey(db: DbClient, atRevision?: number): Promise<OverrideRow[]> {
  return db.catalogOverride.findMany({
    where: atRevision === undefined ? {} : { revision: { lte: atRevision } },
    orderBy: [{ key: "asc" }, { revision: "desc" }],
    distinct: ["key"],
  });
}

/** The newest override revision, 0 when no override was ever set. */
export async function latestOverrideRevision(db: DbClient): Promise<number> {
  const row = await db.catalogOverride.findFirst({ orderBy: { revision: "desc" }, select: { revision: true } });
  return row?.revision ?? 0;
}

/** The newest history row of one key, or null. */
export async function latestOverrideRowForKey(db: DbClient, key: string): Promise<OverrideRow | null> {
  return db.catalogOverride.findFirst({ where: { key }, orderBy: { revision: "desc" } });
}

export type NewOverrideRow = Omit<Prisma.CatalogOverrideCreateInput, "previousRevision"> & { key: string };

/**
 * Appends one history row for `row.key` on top of `previousRevision`. The unique (key,
 * previousRevision) constraint makes a concurrent edit from the same revision fail.
 *
 * @returns the new revision, or null when another row was appended on top of `previousRevision` first
 */
export async function appendOverrideRow(db: DbClient, row: NewOverrideRow, previousRevision: number): Promise<number | null> {
  try {
    const created = await db.catalogOverride.create({ data: { ...row, previousRevision } });
    return created.revision;
  } catch (error) {
    if (isUniqueViolation(error)) return null;
    throw error;
  }
}

/** The override history, newest first. */
export async function listOverrideRows(db: DbClient, limit: number): Promise<OverrideRow[]> {
  return db.catalogOverride.findMany({ orderBy: { revision: "desc" }, take: limit });
}
