/**
 * Demo integrity (issue 11): every demo scenario, projected and priced on the BUNDLED catalog (not
 * the TEST one the golden baseline uses), is feasible and priced in every month, so the demo never
 * shows a total that silently leaves a stage out.
 */
import { describe, expect, it } from "vitest";

import { loadCatalog } from "@/lib/catalog/load";
import { exampleWorkloads } from "@/lib/model/examples";

import { computePlan } from "./compute-plan";

const catalog = loadCatalog();
const priced = { version: `${catalog.version}+o0`, catalog, overrides: [] };
const scenarios = exampleWorkloads.flatMap((example) => example.scenarios.map((scenario) => [example.name, scenario.name, example, scenario] as const));

describe("demo scenarios on the bundled catalog", () => {
  it.each(scenarios)("%s / %s: priced, every stage sized and billed in every month", (_workload, _scenario, example, scenario) => {
    const plan = computePlan({ workload: example.spec, scenario: scenario.spec, priced }, { bands: false });
    if (plan.kind !== "priced") throw new Error(`unpriced: ${plan.reason}`);
    const unsized = plan.plan.projection.months.flatMap((month) =>
      month.stages.filter((stage) => stage.kind !== "sized").map((stage) => `${month.month} ${stage.stageName}: ${stage.kind === "infeasible" ? stage.reason : ""}`),
    );
    expect(unsized).toEqual([]);
    expect(plan.plan.gaps).toEqual([]);
    for (const month of plan.plan.months) {
      expect(month.breakdown.totalUsdPerMonth).toBeGreaterThan(0);
      for (const stage of month.stages) expect(stage.computeUsdPerMonth, `${month.month} ${stage.stageName}`).toBeGreaterThan(0);
    }
  });
});
