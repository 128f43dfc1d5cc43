/**
 * Rows of workload profiles. Persistence only: specs are JSON the caller has already validated
 * (lib/services parses them with the model's schemas on the way in and out), derived columns
 * (`kind`, `peakEventsPerSec`) are given by the caller, and ids are UUIDs the caller has checked.
 * Every function takes the database client explicitly (the app's `prisma`, or an interactive
 * transaction's `tx`). Soft-deleted profiles (`deletedAt` set) are invisible here.
 */
import type { DbClient } from "./client";
import type { Prisma, WorkloadKind } from "./generated/client";
import { type Page, type SortDirection, type WorkloadSort } from "@/lib/entities/list-query";
import { afterKeyset, escapeLike, KEYSET_ORDER, keysetPage, normalizePaging, type Keyset, type KeysetPage } from "./paging";


/** The stored plan of a profile's plan of record, as lists need it (figures exact to the cent). */
export type PlanHeadlineRow = {
  scenarioId: string;
  scenarioName: string;
  /** The inputs the plan was computed from, to tell a stale plan. */
  key: { workloadVersion: number; scenarioVersion: number; pricedCatalogVersion: string; modelVersion: string };
  /** The live versions it must match. */
  live: { workloadVersion: number; scenarioVersion: number; pricedCatalogVersion: string | null };
  month0TotalUsdPerMonth: Prisma.Decimal | null;
  month0Nodes: number | null;
  complete: boolean;
  bandsStatus: "none" | "pending" | "running" | "ready" | "failed";
};

/** A profile as a list shows it: no spec, with its live scenario count and its plan of record. */
export type WorkloadSummaryRow = {
  id: string;
  name: string;
  description: string;
  team: string;
  tags: string[];
  kind: WorkloadKind;
  peakEventsPerSec: number | null;
  planOfRecordId: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  scenarioCount: number;
  /** Null when the profile has no scenario yet, or its plan was never stored. */
  headline: PlanHeadlineRow | null;
};

export type ScenarioRow = {
  id: string;
  name: string;
  description: string;
  spec: Prisma.JsonValue;
  version: number;
  pricedCatalogVersion: string | null;
  createdAt: Date;
  updatedAt: Date;
};

/** A profile with its unparsed spec and its live scenarios (oldest first, then by name). */
export type WorkloadRow = WorkloadSummaryRow & {
  spec: Prisma.JsonValue;
  specSchemaVersion: number;
  scenarios: ScenarioRow[];
};

export type ListWorkloadsOptions = {
  /** Case-insensitive substring of the name or team, or an exact tag. */
  query?: string;
  /** Exact team (case-insensitive). */
  team?: string;
  /** Exact tag (tags are stored lower-case). */
  tag?: string;
  kind?: WorkloadKind;
  /** Default `updatedAt`. */
  sort?: WorkloadSort;
  /** Default `desc` for dates and figures, `asc` for text. */
  direction?: SortDirection;
  /** 1-based, default 1. */
  page?: number;
  /** 1–100, default 20. */
  pageSize?: number;
};

/** Scenarios are listed oldest first, then by name and id: the plan of record defaults to the first. */
export const SCENARIO_ORDER: Prisma.ScenarioOrderByWithRelationInput[] = [{ createdAt: "asc" }, { name: "asc" }, { id: "asc" }];

const summaryInclude = {
  _count: { select: { scenarios: { where: { deletedAt: null } } } },
  planOfRecord: {
    select: {
      id: true,
      name: true,
      version: true,
      pricedCatalogVersion: true,
      plan: {
        select: {
          workloadVersion: true,
          scenarioVersion: true,
          pricedCatalogVersion: true,
          modelVersion: true,
          month0TotalUsdPerMonth: true,
          month0Nodes: true,
          complete: true,
          bandsStatus: true,
        },
      },
    },
  },
} as const satisfies Prisma.WorkloadProfileInclude;

type SummaryPayload = Prisma.WorkloadProfileGetPayload<{ omit: { spec: true }; include: typeof summaryInclude }>;

function toSummary(row: SummaryPayload): WorkloadSummaryRow {
  const record = row.planOfRecord;
  const plan = record?.plan;
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    team: row.team,
    tags: row.tags,
    kind: row.kind,
    peakEventsPerSec: row.peakEventsPerSec,
    planOfRecordId: row.planOfRecordId,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    scenarioCount: row._count.scenarios,
    headline:
      record && plan
        ? {
            scenarioId: record.id,
            scenarioName: record.name,
            key: { workloadVersion: plan.workloadVersion, scenarioVersion: plan.scenarioVersion, pricedCatalogVersion: plan.pricedCatalogVersion, modelVersion: plan.modelVersion },
            live: { workloadVersion: row.version, scenarioVersion: record.version, pricedCatalogVersion: record.pricedCatalogVersion },
            month0TotalUsdPerMonth: plan.month0TotalUsdPerMonth,
            month0Nodes: plan.month0Nodes,
            complete: plan.complete,
            bandsStatus: plan.bandsStatus,
          }
        : null,
  };
}

/** The filter of {@link listWorkloads}; exported for counts elsewhere. */
export function workloadWhere(options: Pick<ListWorkloadsOptions, "query" | "team" | "tag" | "kind">): Prisma.WorkloadProfileWhereInput {
  const query = options.query?.trim();
  const where: Prisma.WorkloadProfileWhereInput = { deletedAt: null };
  if (options.kind) where.kind = options.kind;
  if (options.team?.trim()) where.team = { equals: options.team.trim(), mode: "insensitive" };
  if (options.tag?.trim()) where.tags = { has: options.tag.trim().toLowerCase() };
  if (query) {
    const pattern = escapeLike(query);
    where.OR = [
      { name: { contains: pattern, mode: "insensitive" } },
      { team: { contains: pattern, mode: "insensitive" } },
      { tags: { has: query.toLowerCase() } },
    ];
  }
  return where;
}

function orderFor(sort: WorkloadSort, direction: SortDirection): Prisma.WorkloadProfileOrderByWithRelationInput {
  switch (sort) {
    case "peakEventsPerSec":
      return { peakEventsPerSec: { sort: direction, nulls: "last" } };
    case "headlineCostUsdPerMonth":
      // The plan of record's stored month-0 total: the figure the list shows.
      return { planOfRecord: { plan: { month0TotalUsdPerMonth: { sort: direction, nulls: "last" } } } };
    default:
      return { [sort]: direction };
  }
}

/**
 * A page of live workload profiles, filtered and sorted, with the total across all pages.
 * Ties in the sort key are broken by id, so paging is stable.
 *
 * @example await listWorkloadRows(prisma, { query: "kafka", sort: "name" }) //=> { rows: [{ name: "Clickstream (Kafka → Flink)", scenarioCount: 2, … }], total: 1, … }
 */
export async function listWorkloadRows(db: DbClient, options: ListWorkloadsOptions = {}): Promise<Page<WorkloadSummaryRow>> {
  const { page, pageSize } = normalizePaging(options.page, options.pageSize);
  const sort = options.sort ?? "updatedAt";
  const direction = options.direction ?? (sort === "name" || sort === "team" ? "asc" : "desc");
  const where = workloadWhere(options);
  const [total, rows] = await Promise.all([
    db.workloadProfile.count({ where }),
    db.workloadProfile.findMany({
      where,
      orderBy: [orderFor(sort, direction), { id: "asc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      omit: { spec: true },
      include: summaryInclude,
    }),
  ]);
  return { rows: rows.map(toSummary), total, page, pageSize, pageCount: Math.ceil(total / pageSize) };
}

/**
 * Live workload profiles created after `after` (oldest first), filtered like {@link listWorkloadRows}:
 * the API's cursor pages.
 *
 * @param options.limit - rows per page, 1–100
 */
export async function listWorkloadRowsAfter(
  db: DbClient,
  options: Pick<ListWorkloadsOptions, "query" | "team" | "tag" | "kind"> & { after?: Keyset; limit: number },
): Promise<KeysetPage<WorkloadSummaryRow>> {
  const rows = await db.workloadProfile.findMany({
    where: { AND: [workloadWhere(options), afterKeyset(options.after)] },
    orderBy: [...KEYSET_ORDER],
    take: options.limit + 1,
    omit: { spec: true },
    include: summaryInclude,
  });
  return keysetPage(rows.map(toSummary), options.limit);
}

/** One live profile with its live scenarios, or null. */
export async function getWorkloadRow(db: DbClient, id: string): Promise<WorkloadRow | null> {
  const row = await db.workloadProfile.findFirst({
    where: { id, deletedAt: null },
    include: { ...summaryInclude, scenarios: { where: { deletedAt: null }, orderBy: SCENARIO_ORDER } },
  });
  if (!row) return null;
  return {
    ...toSummary(row),
    spec: row.spec,
    specSchemaVersion: row.specSchemaVersion,
    scenarios: row.scenarios.map((s) => ({
      id: s.id,
      name: s.name,
      description: s.description,
      spec: s.spec,
      version: s.version,
      pricedCatalogVersion: s.pricedCatalogVersion,
      createdAt: s.createdAt,
      updatedAt: s.updatedAt,
    })),
  };
}

/** The distinct teams of live profiles, for a filter menu. */
export async function listTeams(db: DbClient): Promise<string[]> {
  const rows = await db.workloadProfile.findMany({
    where: { deletedAt: null, team: { not: "" } },
    distinct: ["team"],
    select: { team: true },
    orderBy: { team: "asc" },
  });
  return rows.map((r) => r.team);
}

/** The columns of a profile a write sets: metadata, the validated spec and what is derived from it. */
export type WorkloadColumns = {
  name: string;
  description: string;
  team: string;
  tags: string[];
  kind: WorkloadKind;
  spec: Prisma.InputJsonValue;
  peakEventsPerSec: number | null;
};

export type NewScenarioColumns = { name: string; description: string; spec: Prisma.InputJsonValue; pricedCatalogVersion: string | null };

/**
 * Inserts a profile and its scenarios in one statement (all or nothing), and makes the first
 * scenario its plan of record.
 *
 * @returns the new profile's id
 */
export async function insertWorkload(db: DbClient, columns: WorkloadColumns, scenarios: readonly NewScenarioColumns[]): Promise<string> {
  // One millisecond apart, so "first" is the order given (scenarios list oldest first).
  const now = Date.now();
  const created = await db.workloadProfile.create({
    data: { ...columns, scenarios: { create: scenarios.map((s, index) => ({ ...s, createdAt: new Date(now + index) })) } },
    select: { id: true, scenarios: { orderBy: SCENARIO_ORDER, take: 1, select: { id: true } } },
  });
  const first = created.scenarios[0];
  if (first) await db.workloadProfile.update({ where: { id: created.id }, data: { planOfRecordId: first.id } });
  return created.id;
}

export type RowUpdateResult = "updated" | "conflict" | "not_found";

/**
 * Optimistic-concurrency update: applies `changes` only if the row's version is still
 * `expectedVersion`, and bumps the version. Never overwrites someone else's save silently.
 */
export async function updateWorkloadRow(
  db: DbClient,
  input: { id: string; expectedVersion: number; changes: Partial<WorkloadColumns> },
): Promise<RowUpdateResult> {
  const { count } = await db.workloadProfile.updateMany({
    where: { id: input.id, version: input.expectedVersion, deletedAt: null },
    data: { ...input.changes, version: { increment: 1 } },
  });
  if (count === 1) return "updated";
  const exists = await db.workloadProfile.count({ where: { id: input.id, deletedAt: null } });
  return exists ? "conflict" : "not_found";
}

/**
 * Soft-deletes a live profile (its scenarios become invisible with it); {@link restoreWorkloadRow}
 * undoes it.
 *
 * @param expectedVersion - delete only while the row still has this version (optimistic concurrency)
 * @returns false when there was no live profile with that id (and version)
 */
export async function softDeleteWorkload(db: DbClient, id: string, expectedVersion?: number): Promise<boolean> {
  const { count } = await db.workloadProfile.updateMany({ where: { id, deletedAt: null, ...(expectedVersion === undefined ? {} : { version: expectedVersion }) }, data: { deletedAt: new Date() } });
  return count === 1;
}

/**
 * Brings a soft-deleted profile back, with the scenarios it had.
 *
 * @returns false when there was no deleted profile with that id
 */
export async function restoreWorkloadRow(db: DbClient, id: string): Promise<boolean> {
  const { count } = await db.workloadProfile.updateMany({ where: { id, deletedAt: { not: null } }, data: { deletedAt: null } });
  return count === 1;
}

/**
 * Points a profile's plan of record at `scenarioId`, or, with null, at its first live scenario
 * (none when it has none). Derived bookkeeping: it does not bump the profile's version.
 *
 * @returns the scenario now of record, or null
 */
export async function setPlanOfRecord(db: DbClient, workloadId: string, scenarioId: string | null): Promise<string | null> {
  const target =
    scenarioId ??
    (await db.scenario.findFirst({ where: { workloadId, deletedAt: null }, orderBy: SCENARIO_ORDER, select: { id: true } }))?.id ??
    null;
  await db.workloadProfile.updateMany({ where: { id: workloadId }, data: { planOfRecordId: target } });
  return target;
}
