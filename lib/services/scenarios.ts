import "server-only";

/**
 * Scenarios as the app uses them: specs parsed by the model's schemas on the way in and out, the
 * plan of record kept pointing at a live scenario. Like workloads.ts, writes do not plan: callers
 * refresh the plan after their transaction (lib/services/plans.ts).
 */
import { transact, type DbClient } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import type { Page } from "@/lib/entities/list-query";
import type { Keyset, KeysetPage } from "@/lib/db/paging";
import {
  getScenarioRow,
  getScenarioRows,
  insertScenario,
  listScenarioRows,
  listScenarioRowsAfter,
  recordScenarioPricing as recordPricing,
  softDeleteScenario,
  updateScenarioRow,
  type ListScenariosOptions,
  type ScenarioDetailRow,
  type ScenarioSummaryRow,
} from "@/lib/db/scenarios";
import { setPlanOfRecord as setPlanOfRecordRow } from "@/lib/db/workloads";
import { isUuid } from "@/lib/entities/ids";
import { ScenarioSpecSchema } from "@/lib/model/schemas";
import type { ScenarioSpec, ScenarioSpecInput, WorkloadSpec } from "@/lib/model/types";

import { parseStoredScenarioSpec, parseStoredWorkloadSpec } from "./stored-specs";
import { requireName } from "./workloads";

export type { ListScenariosOptions } from "@/lib/db/scenarios";
export { SCENARIO_SORTS, type ScenarioSort } from "@/lib/entities/list-query";

export type ScenarioSummary = ScenarioSummaryRow;

/** A scenario with its parsed spec and its profile's parsed spec: all a plan needs. */
export type ScenarioDetail = ScenarioSummary & {
  spec: ScenarioSpec;
  /** The priced catalog version it is priced with (null: not recorded yet; its first plan records it). */
  pricedCatalogVersion: string | null;
  workload: Omit<ScenarioDetailRow["workload"], "spec"> & { spec: WorkloadSpec };
};

function toDetail(row: ScenarioDetailRow): ScenarioDetail {
  return {
    ...row,
    spec: parseStoredScenarioSpec(row.spec, row.id),
    workload: { ...row.workload, spec: parseStoredWorkloadSpec(row.workload.spec, row.workload.id) },
  };
}

/**
 * A page of live scenarios (of live profiles), with the total across all pages.
 *
 * @example await listScenarios(prisma, { workloadId, sort: "name" }) //=> { rows: [{ name: "App launch and holiday peaks", … }], total: 2, … }
 */
export async function listScenarios(db: DbClient, options: ListScenariosOptions = {}): Promise<Page<ScenarioSummary>> {
  if (options.workloadId !== undefined && !isUuid(options.workloadId)) {
    return { rows: [], total: 0, page: 1, pageSize: options.pageSize ?? 20, pageCount: 0 };
  }
  return listScenarioRows(db, options);
}

/**
 * A live profile's live scenarios created after `after`, oldest first: one cursor page of the API.
 * A malformed profile id has none.
 */
export function listScenariosAfter(db: DbClient, options: { workloadId: string; after?: Keyset; limit: number }): Promise<KeysetPage<ScenarioSummary>> {
  return isUuid(options.workloadId) ? listScenarioRowsAfter(db, options) : Promise.resolve({ rows: [], next: null });
}

/**
 * One live scenario with its spec and its profile's spec, or null.
 *
 * @throws StoredSpecError when a stored spec no longer passes its schema
 */
export async function getScenario(db: DbClient, id: string): Promise<ScenarioDetail | null> {
  if (!isUuid(id)) return null;
  const row = await getScenarioRow(db, id);
  return row ? toDetail(row) : null;
}

/** Several live scenarios, in the order asked for; unknown or malformed ids are left out. */
export async function getScenarios(db: DbClient, ids: readonly string[]): Promise<ScenarioDetail[]> {
  const rows = await getScenarioRows(db, ids.filter(isUuid));
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [toDetail(row)] : [];
  });
}

/**
 * Records the priced catalog version a scenario is priced with (on re-pricing). Derived, so it
 * does not bump the version; the plan becomes stale and is recomputed.
 *
 * @returns false when there is no live scenario with that id
 */
export function recordScenarioPricing(db: DbClient, id: string, pricedCatalogVersion: string): Promise<boolean> {
  return isUuid(id) ? recordPricing(db, id, pricedCatalogVersion) : Promise.resolve(false);
}

export type CreateScenarioInput = {
  workloadId: string;
  name: string;
  description?: string;
  spec: ScenarioSpecInput;
  /** The priced catalog its plan uses (default: recorded when its first plan is stored). */
  pricedCatalogVersion?: string;
};

/**
 * Adds a scenario to a live profile; it becomes the plan of record when the profile had none.
 *
 * @returns the scenario, or null when the profile does not exist (or is deleted)
 * @throws ZodError when the spec is invalid; Error when the name is empty
 */
export async function createScenario(db: DbClient, input: CreateScenarioInput): Promise<ScenarioDetail | null> {
  const spec = ScenarioSpecSchema.parse(input.spec) as Prisma.InputJsonValue;
  const name = requireName(input.name, "Scenario");
  if (!isUuid(input.workloadId)) return null;
  const id = await transact(db, (tx) =>
    insertScenario(tx, input.workloadId, { name, description: input.description?.trim() ?? "", spec, pricedCatalogVersion: input.pricedCatalogVersion ?? null }),
  );
  return id ? getScenario(db, id) : null;
}

export type UpdateScenarioInput = {
  id: string;
  /** The `version` the editor read; the update applies only if the row still has it. */
  expectedVersion: number;
  changes: Partial<Pick<CreateScenarioInput, "name" | "description" | "spec" | "pricedCatalogVersion">>;
};

export type UpdateScenarioResult =
  | { kind: "updated"; scenario: ScenarioDetail }
  /** Someone saved first: `current` is what they saved, for the conflict message. */
  | { kind: "conflict"; current: ScenarioDetail }
  | { kind: "not_found" };

/**
 * Optimistic-concurrency update of a live scenario, like `updateWorkload`.
 *
 * @throws ZodError when `changes.spec` is invalid; Error when the name is empty
 * @example await updateScenario(prisma, { id, expectedVersion: 1, changes: { name: "Baseline" } }) //=> { kind: "updated", scenario: { version: 2, … } }
 */
export async function updateScenario(db: DbClient, input: UpdateScenarioInput): Promise<UpdateScenarioResult> {
  if (!isUuid(input.id)) return { kind: "not_found" };
  const { changes } = input;
  const columns: Parameters<typeof updateScenarioRow>[1]["changes"] = {};
  if (changes.name !== undefined) columns.name = requireName(changes.name, "Scenario");
  if (changes.description !== undefined) columns.description = changes.description.trim();
  if (changes.spec !== undefined) columns.spec = ScenarioSpecSchema.parse(changes.spec) as Prisma.InputJsonValue;
  if (changes.pricedCatalogVersion !== undefined) columns.pricedCatalogVersion = changes.pricedCatalogVersion;
  const outcome = await updateScenarioRow(db, { id: input.id, expectedVersion: input.expectedVersion, changes: columns });
  const current = await getScenario(db, input.id);
  if (outcome === "not_found" || !current) return { kind: "not_found" };
  return outcome === "updated" ? { kind: "updated", scenario: current } : { kind: "conflict", current };
}

/**
 * Soft-deletes a live scenario; if it was the plan of record, the profile's next scenario is.
 *
 * @param options.expectedVersion - delete only while the scenario still has this version (the API's If-Match)
 * @returns the profile it belonged to, or null when there was no live scenario with that id (and version)
 */
export function deleteScenario(db: DbClient, id: string, options: { expectedVersion?: number } = {}): Promise<{ workloadId: string } | null> {
  return isUuid(id) ? transact(db, (tx) => softDeleteScenario(tx, id, options.expectedVersion)) : Promise.resolve(null);
}

/**
 * Copies a live scenario within its profile under the name "<name> (copy)", priced with the same
 * catalog as its source so it shows the same figures.
 *
 * @returns the copy, or null when there is no live scenario with that id
 */
export async function cloneScenario(db: DbClient, id: string): Promise<ScenarioDetail | null> {
  const source = await getScenario(db, id);
  if (!source) return null;
  return createScenario(db, {
    workloadId: source.workloadId,
    name: `${source.name} (copy)`.slice(0, 200),
    description: source.description,
    spec: source.spec,
    pricedCatalogVersion: source.pricedCatalogVersion ?? undefined,
  });
}

/**
 * Makes a scenario its profile's plan of record (the one lists and the portfolio read).
 *
 * @returns the profile's id, or null when there is no live scenario with that id
 */
export async function setPlanOfRecord(db: DbClient, scenarioId: string): Promise<{ workloadId: string } | null> {
  const scenario = isUuid(scenarioId) ? await getScenarioRow(db, scenarioId) : null;
  if (!scenario) return null;
  await setPlanOfRecordRow(db, scenario.workloadId, scenario.id);
  return { workloadId: scenario.workloadId };
}
