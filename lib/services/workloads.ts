import "server-only";

/**
 * Workload profiles as the app uses them: specs parsed by the model's schemas on the way in and
 * out (lib/db stores JSON), derived columns computed here, and the list's headline figures read
 * from the plan of record's stored plan. Writes do not plan: callers refresh plans after their
 * transaction (lib/services/plans.ts), so a slow computation never holds a lock.
 */
import { transact, type DbClient } from "@/lib/db/client";
import type { Prisma, WorkloadKind } from "@/lib/db/generated/client";
import type { Page } from "@/lib/entities/list-query";
import type { Keyset, KeysetPage } from "@/lib/db/paging";
import {
  getWorkloadRow,
  insertWorkload,
  listTeams as listTeamRows,
  listWorkloadRows,
  listWorkloadRowsAfter,
  restoreWorkloadRow,
  softDeleteWorkload,
  updateWorkloadRow,
  type ListWorkloadsOptions,
  type PlanHeadlineRow,
  type WorkloadColumns,
  type WorkloadSummaryRow,
} from "@/lib/db/workloads";
import { isUuid } from "@/lib/entities/ids";
import { workloadPeakEventsPerSec } from "@/lib/entities/peak-events";
import { normalizeTags } from "@/lib/entities/workload";
import type { WorkloadDocument } from "@/lib/export/workload-document";
import { ScenarioSpecSchema, WorkloadSpecSchema } from "@/lib/model/schemas";
import type { ScenarioSpec, ScenarioSpecInput, WorkloadSpec, WorkloadSpecInput } from "@/lib/model/types";
import { MODEL_VERSION } from "@/lib/model/version";

import { parseStoredScenarioSpec, parseStoredWorkloadSpec } from "./stored-specs";

export type { ListWorkloadsOptions } from "@/lib/db/workloads";
export type { Keyset, KeysetPage } from "@/lib/db/paging";
export { WORKLOAD_SORTS, type WorkloadSort } from "@/lib/entities/list-query";

/**
 * The list's headline: month 0's total of every cost component of the plan of record, from its
 * stored plan (the same figure its scenario page and the API show).
 */
export type WorkloadHeadline = {
  scenarioId: string;
  scenarioName: string;
  /** USD per month, exact to the cent as stored; null when the plan could not be priced. */
  totalUsdPerMonth: number | null;
  nodes: number | null;
  /** False when a stage is unsized in some month (the total excludes it there). */
  complete: boolean;
  /** Computed from inputs that have changed since (a newer plan is on its way). */
  stale: boolean;
  bandsStatus: PlanHeadlineRow["bandsStatus"];
};

export type WorkloadSummary = Omit<WorkloadSummaryRow, "headline"> & { headline: WorkloadHeadline | null };

export type WorkloadScenario = {
  id: string;
  name: string;
  description: string;
  spec: ScenarioSpec;
  version: number;
  pricedCatalogVersion: string | null;
  createdAt: Date;
  updatedAt: Date;
};

/** A profile with its parsed spec and its scenarios (oldest first, then by name). */
export type WorkloadDetail = WorkloadSummary & {
  spec: WorkloadSpec;
  specSchemaVersion: number;
  scenarios: WorkloadScenario[];
};

/** Whether a stored plan was computed from the live inputs of its scenario and this model. */
export function isPlanFresh(row: Pick<PlanHeadlineRow, "key" | "live">): boolean {
  const { key, live } = row;
  return (
    key.modelVersion === MODEL_VERSION &&
    key.workloadVersion === live.workloadVersion &&
    key.scenarioVersion === live.scenarioVersion &&
    (live.pricedCatalogVersion === null || key.pricedCatalogVersion === live.pricedCatalogVersion)
  );
}

function toSummary({ headline, ...row }: WorkloadSummaryRow): WorkloadSummary {
  return {
    ...row,
    headline: headline && {
      scenarioId: headline.scenarioId,
      scenarioName: headline.scenarioName,
      totalUsdPerMonth: headline.month0TotalUsdPerMonth === null ? null : headline.month0TotalUsdPerMonth.toNumber(),
      nodes: headline.month0Nodes,
      complete: headline.complete,
      stale: !isPlanFresh(headline),
      bandsStatus: headline.bandsStatus,
    },
  };
}

/**
 * A page of live workload profiles, filtered and sorted, with the total across all pages.
 *
 * @example await listWorkloads(prisma, { query: "kafka", sort: "name", page: 1, pageSize: 20 })
 * //=> { rows: [{ name: "Clickstream (Kafka → Flink)", scenarioCount: 2, headline: { totalUsdPerMonth: 21873.4, … }, … }], total: 1, … }
 */
export async function listWorkloads(db: DbClient, options: ListWorkloadsOptions = {}): Promise<Page<WorkloadSummary>> {
  const page = await listWorkloadRows(db, options);
  return { ...page, rows: page.rows.map(toSummary) };
}

/**
 * Live workload profiles created after `after`, oldest first, filtered like {@link listWorkloads}:
 * one cursor page of the API, and the position of the next.
 */
export async function listWorkloadsAfter(
  db: DbClient,
  options: Pick<ListWorkloadsOptions, "query" | "team" | "tag" | "kind"> & { after?: Keyset; limit: number },
): Promise<KeysetPage<WorkloadSummary>> {
  const page = await listWorkloadRowsAfter(db, options);
  return { ...page, rows: page.rows.map(toSummary) };
}

/** The distinct teams of live profiles, for a filter menu. */
export function listTeams(db: DbClient): Promise<string[]> {
  return listTeamRows(db);
}

/**
 * One live profile with its parsed spec and live scenarios, or null when there is none (or the
 * id is not a UUID).
 *
 * @throws StoredSpecError when a stored spec no longer passes its schema
 */
export async function getWorkload(db: DbClient, id: string): Promise<WorkloadDetail | null> {
  if (!isUuid(id)) return null;
  const row = await getWorkloadRow(db, id);
  if (!row) return null;
  const { spec, specSchemaVersion, scenarios, ...summary } = row;
  return {
    ...toSummary(summary),
    spec: parseStoredWorkloadSpec(spec, row.id),
    specSchemaVersion,
    scenarios: scenarios.map((s) => ({ ...s, spec: parseStoredScenarioSpec(s.spec, s.id) })),
  };
}

export type CreateWorkloadInput = {
  name: string;
  description?: string;
  team?: string;
  tags?: string[];
  spec: WorkloadSpecInput;
  scenarios?: { name: string; description?: string; spec: ScenarioSpecInput }[];
};

export function requireName(name: string, what: string): string {
  const trimmed = name.trim();
  if (!trimmed) throw new Error(`${what} name must not be empty.`);
  if (trimmed.length > 200) throw new Error(`${what} name must be at most 200 characters.`);
  return trimmed;
}

/** A parsed spec as the columns that store it and what is derived from it. */
function specColumns(input: WorkloadSpecInput): Pick<WorkloadColumns, "spec" | "kind" | "peakEventsPerSec"> {
  const spec = WorkloadSpecSchema.parse(input);
  return { spec: spec as Prisma.InputJsonValue, kind: spec.kind satisfies WorkloadKind, peakEventsPerSec: workloadPeakEventsPerSec(spec) };
}

/**
 * Creates a profile and its scenarios (all or nothing); the first scenario becomes its plan of
 * record. Specs are parsed by the model's schemas (defaults filled in); `kind` and
 * `peakEventsPerSec` are derived from the spec.
 *
 * @param options.pricedCatalogVersion - recorded on each scenario: the priced catalog its plan uses
 * @throws ZodError when a spec is invalid; Error when a name is empty
 */
export async function createWorkload(db: DbClient, input: CreateWorkloadInput, options: { pricedCatalogVersion?: string } = {}): Promise<WorkloadDetail> {
  const columns: WorkloadColumns = {
    name: requireName(input.name, "Workload"),
    description: input.description?.trim() ?? "",
    team: input.team?.trim() ?? "",
    tags: normalizeTags(input.tags ?? []),
    ...specColumns(input.spec),
  };
  const scenarios = (input.scenarios ?? []).map((s) => ({
    name: requireName(s.name, "Scenario"),
    description: s.description?.trim() ?? "",
    spec: ScenarioSpecSchema.parse(s.spec) as Prisma.InputJsonValue,
    pricedCatalogVersion: options.pricedCatalogVersion ?? null,
  }));
  const id = await transact(db, (tx) => insertWorkload(tx, columns, scenarios));
  const detail = await getWorkload(db, id);
  if (!detail) throw new Error(`Workload ${id} vanished right after it was created.`);
  return detail;
}

export type UpdateWorkloadInput = {
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
  const columns: Partial<WorkloadColumns> = {};
  if (changes.name !== undefined) columns.name = requireName(changes.name, "Workload");
  if (changes.description !== undefined) columns.description = changes.description.trim();
  if (changes.team !== undefined) columns.team = changes.team.trim();
  if (changes.tags !== undefined) columns.tags = normalizeTags(changes.tags);
  if (changes.spec !== undefined) Object.assign(columns, specColumns(changes.spec));
  const outcome = await updateWorkloadRow(db, { id: input.id, expectedVersion: input.expectedVersion, changes: columns });
  const current = await getWorkload(db, input.id);
  if (outcome === "not_found" || !current) return { kind: "not_found" };
  return outcome === "updated" ? { kind: "updated", workload: current } : { kind: "conflict", current };
}

/**
 * Creates a profile and its scenarios from an imported document (already parsed by its schema),
 * all or nothing.
 */
export function importWorkload(db: DbClient, document: WorkloadDocument, options: { pricedCatalogVersion?: string } = {}): Promise<WorkloadDetail> {
  return createWorkload(db, { ...document.workload, scenarios: document.scenarios }, options);
}

/**
 * Soft-deletes a live profile (its scenarios become invisible with it); {@link restoreWorkload}
 * undoes it.
 *
 * @param options.expectedVersion - delete only while the profile still has this version (the API's If-Match)
 * @returns false when there was no live profile with that id (and version)
 */
export function deleteWorkload(db: DbClient, id: string, options: { expectedVersion?: number } = {}): Promise<boolean> {
  return isUuid(id) ? softDeleteWorkload(db, id, options.expectedVersion) : Promise.resolve(false);
}

/**
 * Brings a soft-deleted profile back, with the scenarios it had.
 *
 * @returns false when there was no deleted profile with that id
 */
export function restoreWorkload(db: DbClient, id: string): Promise<boolean> {
  return isUuid(id) ? restoreWorkloadRow(db, id) : Promise.resolve(false);
}

/**
 * Copies a live profile and its live scenarios under the name "<name> (copy)"; each copied
 * scenario keeps the priced catalog of its source, so the copy shows the same figures.
 *
 * @returns the copy, or null when there is no live profile with that id
 */
export async function duplicateWorkload(db: DbClient, id: string): Promise<WorkloadDetail | null> {
  const source = await getWorkload(db, id);
  if (!source) return null;
  const copyId = await transact(db, (tx) =>
    insertWorkload(
      tx,
      {
        name: `${source.name} (copy)`.slice(0, 200),
        description: source.description,
        team: source.team,
        tags: source.tags,
        ...specColumns(source.spec),
      },
      source.scenarios.map((s) => ({ name: s.name, description: s.description, spec: s.spec as Prisma.InputJsonValue, pricedCatalogVersion: s.pricedCatalogVersion })),
    ),
  );
  return getWorkload(db, copyId);
}
