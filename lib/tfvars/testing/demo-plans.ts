/**
 * Test fixtures: every demo scenario (lib/model/examples.ts) planned in each provider, as a stored
 * plan reads back (JSON round trip). A demo scenario names one provider; to cover the three
 * shapes, its catalog filter is set to each provider's first region and a fixed instance type of
 * another provider falls back to "cheapest".
 */
import { loadCatalog } from "@/lib/catalog/load";
import type { Provider } from "@/lib/catalog/schema";
import { exampleWorkloads } from "@/lib/model/examples";
import type { ScenarioSpec } from "@/lib/model/types";
import { MODEL_VERSION } from "@/lib/model/version";
import { computePlan } from "@/lib/planning/compute-plan";
import { toJsonSafe } from "@/lib/planning/json-safe";

import type { TfvarsInputs } from "../build";

export const PROVIDERS: readonly Provider[] = ["aws", "gcp", "azure"];
const REGION: Record<Provider, string> = { aws: "us-east-1", gcp: "us-central1", azure: "eastus" };

/** The scenario priced in `provider`: filter to its region, fixed types of other providers dropped. */
function inProvider(spec: ScenarioSpec, provider: Provider): ScenarioSpec {
  const own = (choice: ScenarioSpec["instance"]) => (choice.mode === "fixed" && !choice.instanceType.startsWith(`${provider}:`) ? { mode: "cheapest" as const } : choice);
  return {
    ...spec,
    instance: own(spec.instance),
    stageInstances: Object.fromEntries(Object.entries(spec.stageInstances).map(([stage, choice]) => [stage, own(choice)])),
    catalogFilter: { ...spec.catalogFilter, providers: [provider], regions: [REGION[provider]] },
    purchase: spec.purchase.commitment.offerId === undefined ? spec.purchase : { ...spec.purchase, commitment: { ...spec.purchase.commitment, offerId: undefined } },
  };
}

export type DemoCase = { label: string; provider: Provider; inputs: Omit<TfvarsInputs, "point" | "generatedAt"> };

/**
 * Every demo scenario × provider, planned without Monte Carlo bands (`bands: false`, the plan a
 * save stores first) unless `bands` is true; `only` picks some.
 */
export function demoCases(options: { bands?: boolean; only?: (scenarioName: string, provider: Provider) => boolean } = {}): DemoCase[] {
  const catalog = loadCatalog();
  const priced = { version: `${catalog.version}+o0`, catalog, overrides: [] };
  const instanceTypes = catalog.instanceTypes.map(({ source: _s, note: _n, asOf: _a, estimate: _e, estimatedFields: _f, ...type }) => type);
  return exampleWorkloads.flatMap((workload, w) =>
    workload.scenarios.flatMap((scenario, s) =>
      PROVIDERS.filter((provider) => options.only?.(scenario.name, provider) ?? true).map((provider): DemoCase => {
        const spec = inProvider(scenario.spec, provider);
        const computed = toJsonSafe(computePlan({ workload: workload.spec, scenario: spec, priced }, { bands: options.bands ?? false }));
        return {
          label: `${scenario.name} × ${provider}`,
          provider,
          inputs: {
            scenario: { id: `00000000-0000-4000-8000-0000000000${w}${s}`, name: scenario.name, version: 1, team: workload.team, workloadVersion: 1 },
            workload: workload.spec,
            spec,
            computed,
            key: { pricedCatalogVersion: priced.version, modelVersion: MODEL_VERSION },
            instanceTypes,
          },
        };
      }),
    ),
  );
}
