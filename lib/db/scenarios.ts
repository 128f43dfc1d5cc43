/**
 * Queries for scenarios. Like workloads.ts: the client is passed in, soft-deleted rows (and the
 * scenarios of soft-deleted profiles) are invisible.
 */
import { ScenarioSpecSchema } from "@/lib/model/schemas";
import type { ScenarioSpec, ScenarioSpecInput, WorkloadSpec } from "@/lib/model/types";

import type { DbClient } from "./client";
import type { Prisma, WorkloadKind } from "./generated/client";
import { parseStoredScenarioSpec, parseStoredWorkloadSpec } from "./specs";
import { escapeLike, isUuid, normalizePaging, type Page, type SortDirection } from "./workloads";

export const SCENARIO_SORTS = ["name", "workloadName", "updatedAt", "createdAt"] as const;
export type ScenarioSort = (typeof SCENARIO_SORTS)[number];

/** A scenario as a list shows it, with the name of its profile. */
export type ScenarioSummary = {
  id: string;
  workloadId: string;
  workloadName: string;
  workloadKind: WorkloadKind;
  name: string;
  description: string;
  version: number;
  createdAt: Date;
  updatedAt: Date;
};

/** A scenario with its parsed spec and its profile's parsed spec: all a projection needs. */
export type ScenarioDetail = ScenarioSummary & {
  spec: ScenarioSpec;
  /** The priced catalog version it was last priced with (null: price with the current one). */
  pricedCatalogVersion: string | null;
  workload: { id: string; name: string; kind: WorkloadKind; version: number; spec: WorkloadSpec };
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

const withWorkload = { workload: { select: { id: true, name: true, kind: true } } } as const;
type SummaryRow = Prisma.ScenarioGetPayload<{ omit: { spec: true }; include: typeof withWorkload }>;

function toSummary(row: SummaryRow): ScenarioSummary {
  return {
    id: row.id,
    workloadId: row.workloadId,
    workloadName: row.workload.name,
    workloadKind: row.workload.kind,
    name: row.name,
    description: row.description,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/**
 * A page of live scenarios (of live profiles), with the total across all pages.
 *
 * @example await listScenarios(prisma, { workloadId, sort: "name" }) //=> { rows: [{ name: "App launch and holiday peaks", … }], total: 2, … }
 */
export async function listScenarios(db: DbClient, options: ListScenariosOptions = {}): Promise<Page<ScenarioSummary>> {
  const { page, pageSize } = normalizePaging(options.page, options.pageSize);
  const sort = options.sort ?? "updatedAt";
  const direction = options.direction ?? (sort === "name" || sort === "workloadName" ? "asc" : "desc");
  if (options.workloadId !== undefined && !isUuid(options.workloadId)) {
    return { rows: [], total: 0, page, pageSize, pageCount: 0 };
  }
  const query = options.query?.trim();
  const where: Prisma.ScenarioWhereInput = {
    deletedAt: null,
    workload: { deletedAt: null },
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
  const primary: Prisma.ScenarioOrderByWithRelationInput =
    sort === "workloadName" ? { workload: { name: direction } } : { [sort]: direction };
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

/**
 * One live scenario with its spec and its profile's spec, or null.
 *
 * @throws StoredSpecError when a stored spec no longer passes its schema
 */
export async function getScenario(db: DbClient, id: string): Promise<ScenarioDetail | null> {
  if (!isUuid(id)) return null;
  const row = await db.scenario.findFirst({
    where: { id, deletedAt: null, workload: { deletedAt: null } },
    include: { workload: { select: { id: true, name: true, kind: true, version: true, spec: true } } },
  });
  if (!row) return null;
  return {
    ...toSummary(row),
    spec: parseStoredScenarioSpec(row.spec, row.id),
    pricedCatalogVersion: row.pricedCatalogVersion,
    workload: {
      id: row.workload.id,
      name: row.workload.name,
      kind: row.workload.kind,
      version: row.workload.version,
      spec: parseStoredWorkloadSpec(row.workload.spec, row.workload.id),
    },
  };
}

/**
 * Records the priced catalog version a scenario's projection is priced with (on save, and when
 * someone re-prices it on the current catalog). Derived, so it does not bump the version.
 *
 * @returns false when there is no live scenario with that id
 */
export async function recordScenarioPricing(db: DbClient, id: string, pricedCatalogVersion: string): Promise<boolean> {
  if (!isUuid(id)) return false;
  const { count } = await db.scenario.updateMany({ where: { id, deletedAt: null }, data: { pricedCatalogVersion } });
  return count === 1;
}

export type CreateScenarioInput = {
  workloadId: string;
  name: string;
  description?: string;
  spec: ScenarioSpecInput;
};

/**
 * Adds a scenario to a live profile.
 *
 * @returns the scenario, or null when the profile does not exist (or is deleted)
 * @throws ZodError when the spec is invalid; Error when the name is empty
 */
export async function createScenario(db: DbClient, input: CreateScenarioInput): Promise<ScenarioDetail | null> {
  const spec = ScenarioSpecSchema.parse(input.spec);
  const name = input.name.trim();
  if (!name) throw new Error("Scenario name must not be empty.");
  if (!isUuid(input.workloadId)) return null;
  const workload = await db.workloadProfile.findFirst({ where: { id: input.workloadId, deletedAt: null }, select: { id: true } });
  if (!workload) return null;
  const created = await db.scenario.create({
    data: { workloadId: workload.id, name, description: input.description?.trim() ?? "", spec },
    select: { id: true },
  });
  return getScenario(db, created.id);
}

export type UpdateScenarioInput = {
  id: string;
  /** The `version` the editor read; the update applies only if the row still has it. */
  expectedVersion: number;
  changes: Partial<Pick<CreateScenarioInput, "name" | "description" | "spec">>;
};

export type UpdateScenarioResult =
  | { kind: "updated"; scenario: ScenarioDetail }
  /** Someone saved first: `current` is what they saved, for the conflict message. */
  | { kind: "conflict"; current: ScenarioDetail }
  | { kind: "not_found" };

/**
 * Optimistic-concurrency update of a live scenario, like `updateWorkload`: applies `changes` only
 * if the row's version is still `expectedVersion`, and bumps the version.
 *
 * @throws ZodError when `changes.spec` is invalid; Error when the name is empty
 * @example await updateScenario(prisma, { id, expectedVersion: 1, changes: { name: "Baseline" } }) //=> { kind: "updated", scenario: { version: 2, … } }
 */
export async function updateScenario(db: DbClient, input: UpdateScenarioInput): Promise<UpdateScenarioResult> {
  if (!isUuid(input.id)) return { kind: "not_found" };
  const { changes } = input;
  const data: Prisma.ScenarioUpdateManyMutationInput = { version: { increment: 1 } };
  if (changes.name !== undefined) {
    data.name = changes.name.trim();
    if (!data.name) throw new Error("Scenario name must not be empty.");
  }
  if (changes.description !== undefined) data.description = changes.description.trim();
  if (changes.spec !== undefined) data.spec = ScenarioSpecSchema.parse(changes.spec);
  const { count } = await db.scenario.updateMany({
    where: { id: input.id, version: input.expectedVersion, deletedAt: null, workload: { deletedAt: null } },
    data,
  });
  const current = await getScenario(db, input.id);
  if (!current) return { kind: "not_found" };
  return count === 1 ? { kind: "updated", scenario: current } : { kind: "conflict", current };
}

/**
 * Soft-deletes a live scenario.
 *
 * @returns the profile it belonged to, or null when there was no live scenario with that id
 */
export async function deleteScenario(db: DbClient, id: string): Promise<{ workloadId: string } | null> {
  const scenario = await getScenario(db, id);
  if (!scenario) return null;
  await db.scenario.update({ where: { id }, data: { deletedAt: new Date() } });
  return { workloadId: scenario.workloadId };
}

/**
 * Copies a live scenario within its profile under the name "<name> (copy)".
 *
 * @returns the copy, or null when there is no live scenario with that id
 */
export async function cloneScenario(db: DbClient, id: string): Promise<ScenarioDetail | null> {
  const source = await getScenario(db, id);
  if (!source) return null;
  const copy = await createScenario(db, {
    workloadId: source.workloadId,
    name: `${source.name} (copy)`.slice(0, 200),
    description: source.description,
    spec: source.spec,
  });
  // The copy shows the same figures as its source: same priced catalog.
  if (copy && source.pricedCatalogVersion) {
    await recordScenarioPricing(db, copy.id, source.pricedCatalogVersion);
    return { ...copy, pricedCatalogVersion: source.pricedCatalogVersion };
  }
  return copy;
}
