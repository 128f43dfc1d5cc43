/**
 * Queries for workload profiles. Every function takes the database client explicitly (the app's
 * `prisma`, or an interactive transaction's `tx`), so callers choose the transaction.
 * Soft-deleted profiles (`deletedAt` set) are invisible here.
 */
import type { WorkloadDocument } from "@/lib/export/workload-document";
import { projectScenario } from "@/lib/model/project";
import { WorkloadSpecSchema, ScenarioSpecSchema } from "@/lib/model/schemas";
import { monthTotals } from "@/lib/schemas/scenario-projection";
import type { CatalogInstanceType, ScenarioSpec, ScenarioSpecInput, WorkloadSpec, WorkloadSpecInput } from "@/lib/model/types";

import type { DbClient } from "./client";
import type { Prisma, WorkloadKind } from "./generated/client";
import { workloadPeakEventsPerSec } from "./peak-events";
import { normalizeTags, parseStoredScenarioSpec, parseStoredWorkloadSpec } from "./specs";

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export const WORKLOAD_SORTS = ["name", "team", "updatedAt", "createdAt", "peakEventsPerSec", "headlineCostUsdPerMonth"] as const;
export type WorkloadSort = (typeof WORKLOAD_SORTS)[number];
export type SortDirection = "asc" | "desc";

/** One page of a list. `page` is 1-based; a page past the end has no rows. */
export type Page<T> = { rows: T[]; total: number; page: number; pageSize: number; pageCount: number };

/** A profile as a list shows it: no spec, with its headline figure and live scenario count. */
export type WorkloadSummary = {
  id: string;
  name: string;
  description: string;
  team: string;
  tags: string[];
  kind: WorkloadKind;
  peakEventsPerSec: number | null;
  /** Nodes of every stage in month 0 of the first scenario (null until computed, or infeasible). */
  headlineNodes: number | null;
  /** On-demand compute in month 0 of the first scenario, USD per month. */
  headlineCostUsdPerMonth: number | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  scenarioCount: number;
};

export type WorkloadScenario = {
  id: string;
  name: string;
  description: string;
  spec: ScenarioSpec;
  version: number;
  createdAt: Date;
  updatedAt: Date;
};

/** A profile with its parsed spec and its scenarios (oldest first, then by name). */
export type WorkloadDetail = WorkloadSummary & {
  spec: WorkloadSpec;
  specSchemaVersion: number;
  scenarios: WorkloadScenario[];
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

/** Clamps paging input from a URL into range. */
export function normalizePaging(page?: number, pageSize?: number): { page: number; pageSize: number } {
  const size = Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(pageSize ?? DEFAULT_PAGE_SIZE) || DEFAULT_PAGE_SIZE));
  return { page: Math.max(1, Math.floor(page ?? 1) || 1), pageSize: size };
}

const liveScenarioCount = { _count: { select: { scenarios: { where: { deletedAt: null } } } } } as const;

type SummaryRow = Prisma.WorkloadProfileGetPayload<{ omit: { spec: true }; include: typeof liveScenarioCount }>;

function toSummary(row: SummaryRow): WorkloadSummary {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    team: row.team,
    tags: row.tags,
    kind: row.kind,
    peakEventsPerSec: row.peakEventsPerSec,
    headlineNodes: row.headlineNodes,
    headlineCostUsdPerMonth: row.headlineCostUsdPerMonth === null ? null : row.headlineCostUsdPerMonth.toNumber(),
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    scenarioCount: row._count.scenarios,
  };
}

/** The filter of {@link listWorkloads}; exported for tests and for counts elsewhere. */
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

/**
 * A page of live workload profiles, filtered and sorted, with the total across all pages.
 * Ties in the sort key are broken by id, so paging is stable.
 *
 * @example await listWorkloads(prisma, { query: "kafka", sort: "name", page: 1, pageSize: 20 })
 * //=> { rows: [{ name: "Clickstream (Kafka → Flink)", scenarioCount: 2, … }], total: 1, page: 1, pageSize: 20, pageCount: 1 }
 */
export async function listWorkloads(db: DbClient, options: ListWorkloadsOptions = {}): Promise<Page<WorkloadSummary>> {
  const { page, pageSize } = normalizePaging(options.page, options.pageSize);
  const sort = options.sort ?? "updatedAt";
  const direction = options.direction ?? (sort === "name" || sort === "team" ? "asc" : "desc");
  const where = workloadWhere(options);
  const primary: Prisma.WorkloadProfileOrderByWithRelationInput =
    sort === "peakEventsPerSec" || sort === "headlineCostUsdPerMonth" ? { [sort]: { sort: direction, nulls: "last" } } : { [sort]: direction };
  const [total, rows] = await Promise.all([
    db.workloadProfile.count({ where }),
    db.workloadProfile.findMany({
      where,
      orderBy: [primary, { id: "asc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      omit: { spec: true },
      include: liveScenarioCount,
    }),
  ]);
  return { rows: rows.map(toSummary), total, page, pageSize, pageCount: Math.ceil(total / pageSize) };
}

/**
 * One live profile with its parsed spec and live scenarios, or null when there is none.
 *
 * @throws StoredSpecError when a stored spec no longer passes its schema
 */
export async function getWorkload(db: DbClient, id: string): Promise<WorkloadDetail | null> {
  if (!isUuid(id)) return null;
  const row = await db.workloadProfile.findFirst({
    where: { id, deletedAt: null },
    include: {
      ...liveScenarioCount,
      scenarios: { where: { deletedAt: null }, orderBy: [{ createdAt: "asc" }, { name: "asc" }, { id: "asc" }] },
    },
  });
  if (!row) return null;
  return {
    ...toSummary(row),
    spec: parseStoredWorkloadSpec(row.spec, row.id),
    specSchemaVersion: row.specSchemaVersion,
    scenarios: row.scenarios.map((s) => ({
      id: s.id,
      name: s.name,
      description: s.description,
      spec: parseStoredScenarioSpec(s.spec, s.id),
      version: s.version,
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

export type CreateWorkloadInput = {
  name: string;
  description?: string;
  team?: string;
  tags?: string[];
  spec: WorkloadSpecInput;
  scenarios?: { name: string; description?: string; spec: ScenarioSpecInput }[];
};

function requireName(name: string, what: string): string {
  const trimmed = name.trim();
  if (!trimmed) throw new Error(`${what} name must not be empty.`);
  if (trimmed.length > 200) throw new Error(`${what} name must be at most 200 characters.`);
  return trimmed;
}

/**
 * Creates a profile (and its scenarios, in the same statement, so all or nothing). The specs are
 * parsed by the model's schemas; `kind` and `peakEventsPerSec` are derived from the spec.
 *
 * @throws ZodError when a spec is invalid; Error when a name is empty
 */
export async function createWorkload(db: DbClient, input: CreateWorkloadInput, options: HeadlineOptions = {}): Promise<WorkloadDetail> {
  const spec = WorkloadSpecSchema.parse(input.spec);
  const scenarios = (input.scenarios ?? []).map((s) => ({
    name: requireName(s.name, "Scenario"),
    description: s.description?.trim() ?? "",
    spec: ScenarioSpecSchema.parse(s.spec),
  }));
  const created = await db.workloadProfile.create({
    data: {
      ...(options.instanceTypes ? computeHeadline(spec, scenarios[0]?.spec, options.instanceTypes) : {}),
      name: requireName(input.name, "Workload"),
      description: input.description?.trim() ?? "",
      team: input.team?.trim() ?? "",
      tags: normalizeTags(input.tags ?? []),
      kind: spec.kind,
      spec,
      peakEventsPerSec: workloadPeakEventsPerSec(spec),
      scenarios: { create: scenarios },
    },
    select: { id: true },
  });
  const detail = await getWorkload(db, created.id);
  if (!detail) throw new Error(`Workload ${created.id} vanished right after it was created.`);
  return detail;
}

/** With `instanceTypes` (the priced catalog), a write also stores the headline figures. */
export type HeadlineOptions = { instanceTypes?: readonly CatalogInstanceType[] };

export type UpdateWorkloadInput = HeadlineOptions & {
  id: string;
  /** The `version` the editor read; the update applies only if the row still has it. */
  expectedVersion: number;
  changes: Partial<Pick<CreateWorkloadInput, "name" | "description" | "team" | "tags" | "spec">>;
};

export type UpdateWorkloadResult =
  | { kind: "updated"; workload: WorkloadDetail }
  /** Someone saved first: `current` is what they saved, for the conflict message. */
  | { kind: "conflict"; current: WorkloadDetail }
  | { kind: "not_found" };

/**
 * Optimistic-concurrency update: applies `changes` only if the row's version is still
 * `expectedVersion`, and bumps the version. Never overwrites someone else's save silently.
 *
 * @throws ZodError when `changes.spec` is invalid
 * @example await updateWorkload(prisma, { id, expectedVersion: 1, changes: { name: "Clicks" } }) //=> { kind: "updated", workload: { version: 2, … } }
 */
export async function updateWorkload(db: DbClient, input: UpdateWorkloadInput): Promise<UpdateWorkloadResult> {
  if (!isUuid(input.id)) return { kind: "not_found" };
  const { changes } = input;
  const data: Prisma.WorkloadProfileUpdateManyMutationInput = { version: { increment: 1 } };
  if (changes.name !== undefined) data.name = requireName(changes.name, "Workload");
  if (changes.description !== undefined) data.description = changes.description.trim();
  if (changes.team !== undefined) data.team = changes.team.trim();
  if (changes.tags !== undefined) data.tags = normalizeTags(changes.tags);
  if (changes.spec !== undefined) {
    const spec = WorkloadSpecSchema.parse(changes.spec);
    data.spec = spec;
    data.kind = spec.kind;
    data.peakEventsPerSec = workloadPeakEventsPerSec(spec);
    if (input.instanceTypes) Object.assign(data, computeHeadline(spec, await firstScenarioSpec(db, input.id), input.instanceTypes));
  }
  const { count } = await db.workloadProfile.updateMany({
    where: { id: input.id, version: input.expectedVersion, deletedAt: null },
    data,
  });
  const current = await getWorkload(db, input.id);
  if (!current) return { kind: "not_found" };
  return count === 1 ? { kind: "updated", workload: current } : { kind: "conflict", current };
}

/**
 * Creates a profile and its scenarios from an imported document (already parsed by its schema),
 * in one statement: a document either lands whole or not at all.
 */
export async function importWorkload(db: DbClient, document: WorkloadDocument, options: HeadlineOptions = {}): Promise<WorkloadDetail> {
  return createWorkload(db, { ...document.workload, scenarios: document.scenarios }, options);
}

/**
 * Soft-deletes a live profile (its scenarios become invisible with it); {@link restoreWorkload}
 * undoes it.
 *
 * @returns false when there was no live profile with that id
 */
export async function deleteWorkload(db: DbClient, id: string): Promise<boolean> {
  if (!isUuid(id)) return false;
  const { count } = await db.workloadProfile.updateMany({ where: { id, deletedAt: null }, data: { deletedAt: new Date() } });
  return count === 1;
}

/**
 * Brings a soft-deleted profile back, with the scenarios it had.
 *
 * @returns false when there was no deleted profile with that id
 */
export async function restoreWorkload(db: DbClient, id: string): Promise<boolean> {
  if (!isUuid(id)) return false;
  const { count } = await db.workloadProfile.updateMany({ where: { id, deletedAt: { not: null } }, data: { deletedAt: null } });
  return count === 1;
}

/**
 * Copies a live profile and its live scenarios under the name "<name> (copy)".
 *
 * @returns the copy, or null when there is no live profile with that id
 */
export async function duplicateWorkload(db: DbClient, id: string, options: HeadlineOptions = {}): Promise<WorkloadDetail | null> {
  const source = await getWorkload(db, id);
  if (!source) return null;
  return createWorkload(
    db,
    {
      name: `${source.name} (copy)`.slice(0, 200),
      description: source.description,
      team: source.team,
      tags: source.tags,
      spec: source.spec,
      scenarios: source.scenarios.map((s) => ({ name: s.name, description: s.description, spec: s.spec })),
    },
    options,
  );
}

/**
 * The scenario the headline uses when a profile has none: month 0 of flat growth on the cheapest
 * instance types in 3 zones. Without step events, month 0 does not depend on the start month.
 */
const DEFAULT_HEADLINE_SCENARIO: ScenarioSpecInput = { startMonth: "2026-01", horizonMonths: 1 };

export type Headline = { headlineNodes: number | null; headlineCostUsdPerMonth: number | null };

/**
 * The list's headline figures: nodes and on-demand compute cost (USD per month, rounded to cents
 * for the Decimal column) of every stage in month 0 of `scenario`, or of a default scenario.
 * Both null when a stage cannot be sized.
 *
 * @example computeHeadline(clickstream.spec, clickstream.scenarios[0].spec, catalog) //=> { headlineNodes: 12, headlineCostUsdPerMonth: 6543.21 }
 */
export function computeHeadline(
  spec: WorkloadSpec,
  scenario: ScenarioSpec | undefined,
  instanceTypes: readonly CatalogInstanceType[],
): Headline {
  const projection = projectScenario(spec, { ...(scenario ?? DEFAULT_HEADLINE_SCENARIO), horizonMonths: 1 }, instanceTypes);
  const month = projection.months[0];
  const totals = month ? monthTotals(month) : null;
  return {
    headlineNodes: totals?.nodes ?? null,
    headlineCostUsdPerMonth: totals?.onDemandUsdPerMonth == null ? null : Math.round(totals.onDemandUsdPerMonth * 100) / 100,
  };
}

/** The spec of a live profile's first live scenario (oldest), if any. */
async function firstScenarioSpec(db: DbClient, workloadId: string): Promise<ScenarioSpec | undefined> {
  const first = await db.scenario.findFirst({
    where: { workloadId, deletedAt: null },
    orderBy: [{ createdAt: "asc" }, { name: "asc" }, { id: "asc" }],
    select: { id: true, spec: true },
  });
  return first ? parseStoredScenarioSpec(first.spec, first.id) : undefined;
}

/**
 * Recomputes and stores a profile's headline figures (after its scenarios changed). Does not
 * bump the version: the figures are derived, not edited. Run it in the same transaction as the
 * write that changed them.
 *
 * @returns the new figures, or null when there is no live profile with that id
 */
export async function refreshHeadline(db: DbClient, workloadId: string, instanceTypes: readonly CatalogInstanceType[]): Promise<Headline | null> {
  if (!isUuid(workloadId)) return null;
  const row = await db.workloadProfile.findFirst({ where: { id: workloadId, deletedAt: null }, select: { spec: true } });
  if (!row) return null;
  const headline = computeHeadline(parseStoredWorkloadSpec(row.spec, workloadId), await firstScenarioSpec(db, workloadId), instanceTypes);
  await db.workloadProfile.update({ where: { id: workloadId }, data: headline });
  return headline;
}

/**
 * Prisma's `contains` becomes `LIKE '%' || value || '%'` without escaping, so `%` and `_` typed
 * into a search box would act as wildcards. Escapes them (and the escape character itself) for
 * PostgreSQL's default LIKE escape, the backslash.
 *
 * @example escapeLike("50%_off") //=> "50\\%\\_off"
 */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids are UUIDs; anything else (a mistyped URL) is "not found", not a database error. */
export function isUuid(id: string): boolean {
  return UUID.test(id);
}
