/**
 * Rows of scenarios. Like workloads.ts: persistence only, the client is passed in, ids are UUIDs
 * the caller checked, specs are JSON the caller validated, and soft-deleted rows (and the
 * scenarios of soft-deleted profiles) are invisible.
 */
import type { DbClient } from "./client";
import type { Prisma, WorkloadKind } from "./generated/client";
import { type Page, type SortDirection, type ScenarioSort } from "@/lib/entities/list-query";
import { afterKeyset, escapeLike, KEYSET_ORDER, keysetPage, normalizePaging, type Keyset, type KeysetPage } from "./paging";
import { SCENARIO_ORDER, type RowUpdateResult } from "./workloads";


/** A scenario as a list shows it, with the name of its profile. */
export type ScenarioSummaryRow = {
  id: string;
  workloadId: string;
  workloadName: string;
  workloadKind: WorkloadKind;
  name: string;
  description: string;
  version: number;
  /** Whether it is its profile's plan of record. */
  ofRecord: boolean;
  createdAt: Date;
  updatedAt: Date;
};

/** A scenario with its unparsed spec and its profile's unparsed spec: all a plan needs. */
export type ScenarioDetailRow = ScenarioSummaryRow & {
  spec: Prisma.JsonValue;
  /** The priced catalog version it is priced with (null: not recorded yet). */
  pricedCatalogVersion: string | null;
  workload: { id: string; name: string; team: string; kind: WorkloadKind; version: number; spec: Prisma.JsonValue; planOfRecordId: string | null };
};

export type ListScenariosOptions = {
  /** Only this profile's scenarios. */
  workloadId?: string;
  /** Case-insensitive substring of the scenario's or its profile's name. */
  query?: string;
  /** Default `updatedAt`. */
  sort?: ScenarioSort;
  /** Default `desc` for dates, `asc` for names. */
  direction?: SortDirection;
  page?: number;
  pageSize?: number;
};

const withWorkload = { workload: { select: { id: true, name: true, kind: true, planOfRecordId: true } } } as const;
type SummaryPayload = Prisma.ScenarioGetPayload<{ omit: { spec: true }; include: typeof withWorkload }>;

function toSummary(row: SummaryPayload): ScenarioSummaryRow {
  return {
    id: row.id,
    workloadId: row.workloadId,
    workloadName: row.workload.name,
    workloadKind: row.workload.kind,
    name: row.name,
    description: row.description,
    version: row.version,
    ofRecord: row.workload.planOfRecordId === row.id,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

const LIVE = { deletedAt: null, workload: { deletedAt: null } } as const satisfies Prisma.ScenarioWhereInput;

/**
 * A page of live scenarios (of live profiles), with the total across all pages.
 *
 * @example await listScenarioRows(prisma, { workloadId, sort: "name" }) //=> { rows: [{ name: "App launch and holiday peaks", … }], total: 2, … }
 */
export async function listScenarioRows(db: DbClient, options: ListScenariosOptions = {}): Promise<Page<ScenarioSummaryRow>> {
  const { page, pageSize } = normalizePaging(options.page, options.pageSize);
  const sort = options.sort ?? "updatedAt";
  const direction = options.direction ?? (sort === "name" || sort === "workloadName" ? "asc" : "desc");
  const query = options.query?.trim();
  const where: Prisma.ScenarioWhereInput = {
    ...LIVE,
    ...(options.workloadId ? { workloadId: options.workloadId } : {}),
    ...(query
      ? {
          OR: [
            { name: { contains: escapeLike(query), mode: "insensitive" } },
            { workload: { name: { contains: escapeLike(query), mode: "insensitive" } } },
          ],
        }
      : {}),
  };
  const primary: Prisma.ScenarioOrderByWithRelationInput = sort === "workloadName" ? { workload: { name: direction } } : { [sort]: direction };
  const [total, rows] = await Promise.all([
    db.scenario.count({ where }),
    db.scenario.findMany({
      where,
      orderBy: [primary, { name: "asc" }, { id: "asc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      omit: { spec: true },
      include: withWorkload,
    }),
  ]);
  return { rows: rows.map(toSummary), total, page, pageSize, pageCount: Math.ceil(total / pageSize) };
}

/** A live profile's live scenarios created after `after` (oldest first): the API's cursor pages. */
export async function listScenarioRowsAfter(db: DbClient, options: { workloadId: string; after?: Keyset; limit: number }): Promise<KeysetPage<ScenarioSummaryRow>> {
  const rows = await db.scenario.findMany({
    where: { AND: [{ ...LIVE, workloadId: options.workloadId }, afterKeyset(options.after)] },
    orderBy: [...KEYSET_ORDER],
    take: options.limit + 1,
    omit: { spec: true },
    include: withWorkload,
  });
  return keysetPage(rows.map(toSummary), options.limit);
}

/** Live scenarios by id (of live profiles), in no particular order; unknown ids are left out. */
export async function getScenarioRows(db: DbClient, ids: readonly string[]): Promise<ScenarioDetailRow[]> {
  const rows = await db.scenario.findMany({
    where: { id: { in: [...ids] }, ...LIVE },
    include: { workload: { select: { id: true, name: true, team: true, kind: true, version: true, spec: true, planOfRecordId: true } } },
  });
  return rows.map((row) => ({ ...toSummary(row), spec: row.spec, pricedCatalogVersion: row.pricedCatalogVersion, workload: row.workload }));
}

/** One live scenario with its profile, or null. */
export async function getScenarioRow(db: DbClient, id: string): Promise<ScenarioDetailRow | null> {
  return (await getScenarioRows(db, [id]))[0] ?? null;
}

/**
 * Records the priced catalog version a scenario is priced with (on save, and when someone
 * re-prices it). Derived, so it does not bump the version.
 *
 * @returns false when there is no live scenario with that id
 */
export async function recordScenarioPricing(db: DbClient, id: string, pricedCatalogVersion: string): Promise<boolean> {
  const { count } = await db.scenario.updateMany({ where: { id, deletedAt: null }, data: { pricedCatalogVersion } });
  return count === 1;
}

export type ScenarioColumns = { name: string; description: string; spec: Prisma.InputJsonValue; pricedCatalogVersion: string | null };

/**
 * Adds a scenario to a live profile.
 *
 * @returns the new scenario's id, or null when the profile does not exist (or is deleted)
 */
export async function insertScenario(db: DbClient, workloadId: string, columns: ScenarioColumns): Promise<string | null> {
  const workload = await db.workloadProfile.findFirst({ where: { id: workloadId, deletedAt: null }, select: { id: true, planOfRecordId: true } });
  if (!workload) return null;
  const { id } = await db.scenario.create({ data: { workloadId, ...columns }, select: { id: true } });
  if (workload.planOfRecordId === null) await db.workloadProfile.update({ where: { id: workloadId }, data: { planOfRecordId: id } });
  return id;
}

/**
 * Optimistic-concurrency update of a live scenario, like `updateWorkloadRow`: applies `changes`
 * only if the row's version is still `expectedVersion`, and bumps the version.
 */
export async function updateScenarioRow(
  db: DbClient,
  input: { id: string; expectedVersion: number; changes: Partial<Omit<ScenarioColumns, "pricedCatalogVersion">> & { pricedCatalogVersion?: string } },
): Promise<RowUpdateResult> {
  const { count } = await db.scenario.updateMany({
    where: { id: input.id, version: input.expectedVersion, ...LIVE },
    data: { ...input.changes, version: { increment: 1 } },
  });
  if (count === 1) return "updated";
  return (await db.scenario.count({ where: { id: input.id, ...LIVE } })) ? "conflict" : "not_found";
}

/**
 * Soft-deletes a live scenario; when it was its profile's plan of record, the profile's next
 * scenario (oldest first) becomes it.
 *
 * @param expectedVersion - delete only while the row still has this version (optimistic concurrency)
 * @returns the profile it belonged to, or null when there was no live scenario with that id (and version)
 */
export async function softDeleteScenario(db: DbClient, id: string, expectedVersion?: number): Promise<{ workloadId: string } | null> {
  const row = await db.scenario.findFirst({ where: { id, ...LIVE }, select: { workloadId: true, workload: { select: { planOfRecordId: true } } } });
  if (!row) return null;
  const version = expectedVersion === undefined ? {} : { version: expectedVersion };
  const { count } = await db.scenario.updateMany({ where: { id, deletedAt: null, ...version }, data: { deletedAt: new Date() } });
  if (count === 0) return null;
  if (row.workload.planOfRecordId === id) {
    const next = await db.scenario.findFirst({ where: { workloadId: row.workloadId, deletedAt: null }, orderBy: SCENARIO_ORDER, select: { id: true } });
    await db.workloadProfile.update({ where: { id: row.workloadId }, data: { planOfRecordId: next?.id ?? null } });
  }
  return { workloadId: row.workloadId };
}

/** Live scenarios priced with another catalog version than `pricedCatalogVersion` (or none recorded). */
export async function listScenarioIdsPricedOtherThan(db: DbClient, pricedCatalogVersion: string): Promise<string[]> {
  const rows = await db.scenario.findMany({
    where: { ...LIVE, OR: [{ pricedCatalogVersion: { not: pricedCatalogVersion } }, { pricedCatalogVersion: null }] },
    orderBy: SCENARIO_ORDER,
    select: { id: true },
  });
  return rows.map((row) => row.id);
}
