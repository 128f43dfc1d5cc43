/**
 * Prices a stored scenario for its page: picks the one provider and region the plan is priced in,
 * builds the pricing from the FinOps-priced catalog and runs `planScenario` (docs/model.md §11–18).
 */
import { pricingFor } from "@/lib/catalog/pricing";
import type { CatalogInstanceType, Provider } from "@/lib/catalog/schema";
import type { PricedCatalog } from "@/lib/db/catalog";
import { ModelInputError } from "@/lib/model/errors";
import { planScenario, type ScenarioPlan } from "@/lib/model/plan-scenario";
import { projectScenario } from "@/lib/model/project";
import type { Projection, ScenarioSpec, WorkloadSpec } from "@/lib/model/types";

/** Where a plan is priced, and why there. */
export type PricingLocation = { provider: Provider; region: string; basis: "fixed instance" | "scenario filter" | "cheapest instance in month 0" };

/**
 * The provider and region to price a scenario in: its fixed instance type's, else the single
 * provider and region its catalog filter names, else those of the instance the all-catalog
 * projection picked in month 0 (the cheapest that fits).
 *
 * @param projection - the scenario projected on the whole catalog (used only in the last case)
 * @returns the location, or a sentence saying why there is none
 * @example pricingLocation({ instance: { mode: "cheapest" }, catalogFilter: { providers: ["aws"], regions: ["us-east-1"] }, … }, projection, catalog) //=> { provider: "aws", region: "us-east-1", basis: "scenario filter" }
 */
export function pricingLocation(
  scenario: ScenarioSpec,
  projection: Projection<CatalogInstanceType>,
  instanceTypes: readonly CatalogInstanceType[],
): PricingLocation | string {
  if (scenario.instance.mode === "fixed") {
    const { instanceType } = scenario.instance;
    const fixed = instanceTypes.find((instance) => instance.id === instanceType);
    return fixed ? { provider: fixed.provider, region: fixed.region, basis: "fixed instance" } : `Instance type ${instanceType} is not in the catalog.`;
  }
  const [provider, ...otherProviders] = scenario.catalogFilter.providers ?? [];
  const [region, ...otherRegions] = scenario.catalogFilter.regions ?? [];
  if (provider && region && otherProviders.length === 0 && otherRegions.length === 0) return { provider, region, basis: "scenario filter" };
  const sized = projection.months[0]?.stages.find((stage) => stage.kind === "sized");
  if (sized?.kind !== "sized") return "No stage can be sized in the first month, so there is no instance to take the provider and region from.";
  return { provider: sized.instance.provider, region: sized.instance.region, basis: "cheapest instance in month 0" };
}

export type ScenarioCost =
  | {
      kind: "priced";
      plan: ScenarioPlan<CatalogInstanceType>;
      where: PricingLocation;
      catalogVersion: string;
      /** FinOps overrides on prices this plan could use (its provider's discount, its region's items). */
      overridesApplied: number;
    }
  | { kind: "unpriced"; projection: Projection<CatalogInstanceType>; reason: string; catalogVersion: string };

/**
 * The scenario projected and priced with the FinOps-priced catalog. A scenario that cannot be
 * priced (no location, a price missing for its region) comes back with the on-demand projection
 * and the reason, not an exception.
 *
 * @throws Error only for programmer errors (stored specs were validated when saved)
 */
export function priceScenario(workload: WorkloadSpec, scenario: ScenarioSpec, priced: PricedCatalog): ScenarioCost {
  const { catalog, version: catalogVersion } = priced;
  const projection = projectScenario(workload, scenario, catalog.instanceTypes);
  const where = pricingLocation(scenario, projection, catalog.instanceTypes);
  if (typeof where === "string") return { kind: "unpriced", projection, reason: where, catalogVersion };
  const pricing = pricingFor(where, catalog);
  try {
    const plan = planScenario(workload, scenario, pricing);
    const itemIds = new Set([...pricing.instances, ...pricing.storageTiers, ...pricing.dataTransfer, ...pricing.commitments].map((item) => item.id));
    const overridesApplied = priced.overrides.filter((override) => itemIds.has(override.itemId)).length;
    return { kind: "priced", plan, where, catalogVersion, overridesApplied };
  } catch (error) {
    if (error instanceof ModelInputError) return { kind: "unpriced", projection, reason: error.message, catalogVersion };
    throw error;
  }
}
