/**
 * The one place a scenario's plan is computed: (workload, scenario, priced catalog) → where it is
 * priced, the model's priced plan (`planScenario`: projection, purchase mix, commitments, storage,
 * network, DR, uncertainty bands), or the projection and the reason it could not be priced.
 * Pure and deterministic: the server runs it in a worker thread when an input changes
 * (lib/services/plans.ts) and stores the result; the browser may run it for a what-if preview.
 */
import { pricingFor } from "@/lib/catalog/pricing";
import type { PricedCatalog } from "@/lib/catalog/overrides";
import type { CatalogInstanceType, Provider } from "@/lib/catalog/schema";
import { ModelInputError } from "@/lib/model/errors";
import { planGaps, type PlanGap } from "@/lib/model/gaps";
import { planScenario, type ScenarioPlan } from "@/lib/model/plan-scenario";
import { projectScenario } from "@/lib/model/project";
import type { Projection, ScenarioSpec, WorkloadSpec } from "@/lib/model/types";

/** Where a plan is priced, and why there. */
export type PricingLocation = { provider: Provider; region: string; basis: "fixed instance" | "scenario filter" | "cheapest instance in month 0" };

/**
 * An instance type as a plan keeps it: the figures the model used, without the catalog's
 * provenance text (source, note), which would repeat in every month of every stored plan.
 */
export type PlanInstanceType = Omit<CatalogInstanceType, "source" | "note" | "asOf" | "estimate" | "estimatedFields">;

function slim({ source: _source, note: _note, asOf: _asOf, estimate: _estimate, estimatedFields: _fields, ...instance }: CatalogInstanceType): PlanInstanceType {
  return instance;
}

/**
 * The provider and region to price a scenario in: its fixed instance type's, else the single
 * provider and region its catalog filter names, else those of the instance month 0 of a
 * projection over the whole catalog picks (the cheapest that fits).
 *
 * @returns the location, or a sentence saying why there is none
 * @example pricingLocation({ instance: { mode: "cheapest" }, catalogFilter: { providers: ["aws"], regions: ["us-east-1"] }, … }, workload, catalog) //=> { provider: "aws", region: "us-east-1", basis: "scenario filter" }
 */
export function pricingLocation(workload: WorkloadSpec, scenario: ScenarioSpec, instanceTypes: readonly CatalogInstanceType[]): PricingLocation | string {
  if (scenario.instance.mode === "fixed") {
    const { instanceType } = scenario.instance;
    const fixed = instanceTypes.find((instance) => instance.id === instanceType);
    return fixed ? { provider: fixed.provider, region: fixed.region, basis: "fixed instance" } : `Instance type ${instanceType} is not in the catalog.`;
  }
  const [provider, ...otherProviders] = scenario.catalogFilter.providers ?? [];
  const [region, ...otherRegions] = scenario.catalogFilter.regions ?? [];
  if (provider && region && otherProviders.length === 0 && otherRegions.length === 0) return { provider, region, basis: "scenario filter" };
  // Only month 0 decides: a one-month probe, not a second projection of the horizon.
  const probe = projectScenario(workload, { ...scenario, horizonMonths: 1, uncertainty: undefined }, instanceTypes);
  const sized = probe.months[0]?.stages.find((stage) => stage.kind === "sized");
  if (sized?.kind !== "sized") return "No stage can be sized in the first month, so there is no instance to take the provider and region from.";
  return { provider: sized.instance.provider, region: sized.instance.region, basis: "cheapest instance in month 0" };
}

/** A computed plan: priced, or the projection with the reason it could not be priced. */
export type ComputedPlan =
  | {
      kind: "priced";
      plan: ScenarioPlan<PlanInstanceType>;
      where: PricingLocation;
      catalogVersion: string;
      /** FinOps overrides on prices this plan could use (its provider's discount, its region's items). */
      overridesApplied: number;
    }
  | { kind: "unpriced"; projection: Projection<PlanInstanceType>; gaps: PlanGap[]; reason: string; catalogVersion: string };

export type PlanInputs = {
  workload: WorkloadSpec;
  scenario: ScenarioSpec;
  priced: PricedCatalog;
};

/**
 * Computes a scenario's plan. A scenario that cannot be priced (no location, a price missing for
 * its region) comes back with its projection and the reason, not an exception.
 *
 * @param options.bands - run the Monte Carlo over the scenario's ranges (default true); false gives
 *   the deterministic plan at once (likely case only, zero-width bands), which is what a save
 *   stores before its bands are computed
 * @throws Error only for programmer errors (stored specs were validated when saved)
 * @example computePlan({ workload, scenario, priced }, { bands: false }).kind //=> "priced"
 */
export function computePlan({ workload, scenario, priced }: PlanInputs, options: { bands?: boolean } = {}): ComputedPlan {
  const { catalog, version: catalogVersion } = priced;
  const spec = options.bands === false ? { ...scenario, uncertainty: undefined } : scenario;
  const where = pricingLocation(workload, spec, catalog.instanceTypes);
  const unpriced = (reason: string): ComputedPlan => {
    const projection = projectScenario(workload, spec, catalog.instanceTypes.map(slim));
    return { kind: "unpriced", projection, gaps: planGaps(projection), reason, catalogVersion };
  };
  if (typeof where === "string") return unpriced(where);
  const pricing = pricingFor(where, catalog);
  try {
    const plan = planScenario(workload, spec, { ...pricing, instances: pricing.instances.map(slim) });
    const itemIds = new Set([...pricing.instances, ...pricing.storageTiers, ...pricing.dataTransfer, ...pricing.commitments].map((item) => item.id));
    const overridesApplied = priced.overrides.filter((override) => itemIds.has(override.itemId)).length;
    return { kind: "priced", plan, where, catalogVersion, overridesApplied };
  } catch (error) {
    if (error instanceof ModelInputError) return unpriced(error.message);
    throw error;
  }
}

/** Stages unsized in some month, priced or not: what totals exclude and the gaps banner names. */
export function gapsOf(computed: ComputedPlan): readonly PlanGap[] {
  return computed.kind === "priced" ? computed.plan.gaps : computed.gaps;
}

/** Whether a scenario asks for Monte Carlo bands (it has ranges). */
export function hasRanges(scenario: ScenarioSpec): boolean {
  return scenario.uncertainty !== undefined;
}
