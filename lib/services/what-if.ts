import "server-only";

/**
 * What-if on a scenario page: preview a few changed inputs, then save them as a new scenario or
 * apply them to this one.
 *
 * Why the server computes the preview (and not the browser): a priced plan needs the priced
 * catalog (about 2 MB of instance, storage, transfer and commitment prices, with FinOps
 * overrides), which the browser does not have; and the figures must equal what a save stores to
 * the cent. So the preview runs the very steps a save runs — {@link resolveWhatIf} validates the
 * inputs with the scenario schema over the stored spec, and `computePlanInWorker` (the worker a
 * save's `refreshScenarioPlan` uses, `bands: false`) computes the deterministic priced plan with
 * the current priced catalog, which is what a save records. Monte Carlo bands stay a background
 * job of the saved scenario. The page calls it through a GET route
 * (app/workloads/[id]/scenarios/[scenarioId]/what-if/route.ts) from React Query.
 */
import type { PricedCatalog } from "@/lib/catalog/overrides";
import { whatIfFigures, type WhatIfFigures } from "@/lib/compare/what-if";
import type { DbClient } from "@/lib/db/client";
import { EntityNameSchema } from "@/lib/entities/workload";
import { instanceOptionsOf, type InstanceOption } from "@/lib/forms/scenario-form";
import { applyWhatIf, type WhatIfErrors, type WhatIfStage, type WhatIfValues } from "@/lib/forms/what-if";
import type { ComputedPlan } from "@/lib/planning/compute-plan";
import { computePlanInWorker } from "@/lib/planning/worker-pool";
import type { ScenarioSpec } from "@/lib/model/types";

import { getPricedCatalog } from "./catalog";
import { getScenarioPlan, refreshScenarioPlan, type PlanView } from "./plans";
import { createScenario, getScenario, updateScenario, type ScenarioDetail } from "./scenarios";

/** The stages of a scenario's profile, as the what-if overrides them. */
export function whatIfStagesOf(scenario: ScenarioDetail): WhatIfStage[] {
  return scenario.workload.spec.stages.map((stage) => ({
    name: stage.name,
    kind: stage.kind,
    maxUtilizationRatio: stage.maxUtilizationRatio,
    latencySloMs: stage.kind === "stream" ? stage.latencySloMs : undefined,
  }));
}

/**
 * The instance types a what-if offers for "one fixed type": those of the provider and region the
 * saved plan is priced in (a fixed type elsewhere would move the plan to another region), plus
 * the saved fixed type. Sorted by on-demand price.
 */
export function whatIfInstanceOptions(priced: PricedCatalog, saved: ComputedPlan, spec: ScenarioSpec): InstanceOption[] {
  const where = saved.kind === "priced" ? saved.where : null;
  const fixed = spec.instance.mode === "fixed" ? spec.instance.instanceType : null;
  const offered = priced.catalog.instanceTypes.filter((type) => type.id === fixed || (where !== null && type.provider === where.provider && type.region === where.region));
  return instanceOptionsOf(offered).sort((a, b) => a.onDemandUsdPerHour - b.onDemandUsdPerHour || a.name.localeCompare(b.name));
}

/** What the what-if region of a scenario page starts from. */
export type WhatIfContext = { saved: PlanView; priced: PricedCatalog; instances: InstanceOption[]; stages: WhatIfStage[] };

/** @returns null when the scenario's plan is gone (deleted meanwhile) */
export async function getWhatIfContext(db: DbClient, scenario: ScenarioDetail): Promise<WhatIfContext | null> {
  const [saved, priced] = await Promise.all([getScenarioPlan(db, scenario), getPricedCatalog(db)]);
  if (!saved) return null;
  return { saved, priced, instances: whatIfInstanceOptions(priced, saved.computed, scenario.spec), stages: whatIfStagesOf(scenario) };
}

/** The spec the what-if stands for, validated as a save validates it, with the context it was read in. */
function resolveWhatIf(scenario: ScenarioDetail, context: WhatIfContext, values: WhatIfValues) {
  return applyWhatIf(scenario.spec, values, context.stages, new Set(context.instances.map((option) => option.id)));
}

export type WhatIfPreviewResult =
  | { kind: "preview"; figures: WhatIfFigures; computeMs: number }
  | { kind: "invalid"; errors: WhatIfErrors }
  /** The request was cancelled before its computation started. */
  | { kind: "superseded" }
  | { kind: "not_found" };

/**
 * The saved plan and the what-if's deterministic priced plan, as figures for the page.
 *
 * @param input.workloadId - the profile in the page's URL; another profile's scenario is not found
 * @param input.signal - the request's: an aborted request is not computed (a running
 *   computation is left to finish: stopping it would cost the next preview a new worker)
 * @example await previewWhatIf(db, { scenarioId, values: { spot: "0.5" } }) //=> { kind: "preview", figures: { names: ["Saved plan", "What-if"], … } }
 */
export async function previewWhatIf(db: DbClient, input: { scenarioId: string; workloadId?: string; values: WhatIfValues; signal?: AbortSignal }): Promise<WhatIfPreviewResult> {
  const found = await getScenario(db, input.scenarioId);
  const scenario = found && (input.workloadId === undefined || found.workloadId === input.workloadId) ? found : null;
  const context = scenario ? await getWhatIfContext(db, scenario) : null;
  if (!scenario || !context) return { kind: "not_found" };
  const resolved = resolveWhatIf(scenario, context, input.values);
  if (!resolved.ok) return { kind: "invalid", errors: resolved.errors };
  if (input.signal?.aborted) return { kind: "superseded" };
  const { plan, computeMs } = await computePlanInWorker({ workload: scenario.workload.spec, scenario: resolved.spec, priced: context.priced }, { bands: false, lane: "interactive" });
  return { kind: "preview", figures: whatIfFigures(context.saved.computed, plan), computeMs };
}

export type WhatIfSaveResult =
  | { kind: "saved"; scenarioId: string; workloadId: string }
  | { kind: "invalid"; errors: WhatIfErrors & { name?: string[] } }
  | { kind: "conflict"; version: number }
  | { kind: "not_found" };

/** Reads the scenario and the what-if's spec, or why not. */
async function whatIfSpecOf(db: DbClient, scenarioId: string, values: WhatIfValues) {
  const scenario = await getScenario(db, scenarioId);
  const context = scenario ? await getWhatIfContext(db, scenario) : null;
  if (!scenario || !context) return { kind: "not_found" as const };
  const resolved = resolveWhatIf(scenario, context, values);
  return resolved.ok ? { kind: "ok" as const, scenario, spec: resolved.spec, pricedVersion: context.priced.version } : { kind: "invalid" as const, errors: resolved.errors };
}

/**
 * Saves the what-if as a new scenario of the same profile (priced with the current catalog, like
 * every save) and stores its plan before returning, as the scenario form's create does.
 */
export async function saveWhatIfAsScenario(db: DbClient, input: { scenarioId: string; name: string; values: WhatIfValues }): Promise<WhatIfSaveResult> {
  const name = EntityNameSchema.safeParse(input.name);
  const resolved = await whatIfSpecOf(db, input.scenarioId, input.values);
  if (resolved.kind === "not_found") return resolved;
  if (!name.success || resolved.kind === "invalid") {
    return { kind: "invalid", errors: { ...(resolved.kind === "invalid" ? resolved.errors : {}), ...(name.success ? {} : { name: name.error.issues.map((issue) => issue.message) }) } };
  }
  const { scenario, spec, pricedVersion } = resolved;
  const created = await createScenario(db, { workloadId: scenario.workloadId, name: name.data, description: scenario.description, spec, pricedCatalogVersion: pricedVersion });
  if (!created) return { kind: "not_found" };
  await refreshScenarioPlan(db, created.id);
  return { kind: "saved", scenarioId: created.id, workloadId: created.workloadId };
}

/**
 * Writes the what-if over this scenario if nobody saved it since `expectedVersion` was read
 * (optimistic concurrency, as the scenario form), and stores its plan before returning.
 */
export async function applyWhatIfToScenario(db: DbClient, input: { scenarioId: string; expectedVersion: number; values: WhatIfValues }): Promise<WhatIfSaveResult> {
  const resolved = await whatIfSpecOf(db, input.scenarioId, input.values);
  if (resolved.kind !== "ok") return resolved;
  const outcome = await updateScenario(db, { id: input.scenarioId, expectedVersion: input.expectedVersion, changes: { spec: resolved.spec, pricedCatalogVersion: resolved.pricedVersion } });
  if (outcome.kind === "not_found") return outcome;
  if (outcome.kind === "conflict") return { kind: "conflict", version: outcome.current.version };
  await refreshScenarioPlan(db, input.scenarioId);
  return { kind: "saved", scenarioId: input.scenarioId, workloadId: outcome.scenario.workloadId };
}
