import { describe, expect, it } from "vitest";

import { loadCatalog } from "@/lib/catalog/load";
import { exampleWorkloads } from "@/lib/model/examples";
import { ScenarioSpecSchema, WorkloadSpecSchema } from "@/lib/model/schemas";

import { priceScenario } from "./scenario-cost";

const [clickstream, , fraud] = exampleWorkloads;
if (!clickstream || !fraud) throw new Error("examples missing");

describe("priceScenario", () => {
  const catalog = loadCatalog();
  const priced = { version: `${catalog.version}+o0`, catalog, overrides: [] };

  it("prices in the region the scenario filters to", () => {
    const cost = priceScenario(WorkloadSpecSchema.parse(clickstream.spec), ScenarioSpecSchema.parse(clickstream.scenarios[0]!.spec), priced);
    expect(cost).toMatchObject({ kind: "priced", where: { provider: "aws", region: "us-east-1", basis: "scenario filter" }, overridesApplied: 0 });
  });

  it("prices a fixed instance type in its own region", () => {
    const cost = priceScenario(WorkloadSpecSchema.parse(fraud.spec), ScenarioSpecSchema.parse(fraud.scenarios[1]!.spec), priced);
    expect(cost).toMatchObject({ kind: "priced", where: { provider: "aws", region: "us-east-1", basis: "fixed instance" } });
  });

  it("prices 'cheapest anywhere' where month 0's cheapest instance is, at month 0's all-on-demand cost", () => {
    const cost = priceScenario(WorkloadSpecSchema.parse(fraud.spec), ScenarioSpecSchema.parse(fraud.scenarios[0]!.spec), priced);
    if (cost.kind !== "priced") throw new Error(cost.reason);
    expect(cost.where.basis).toBe("cheapest instance in month 0");
    const [stage] = cost.plan.projection.months[0]!.stages;
    expect(stage).toMatchObject({ kind: "sized", instance: { provider: cost.where.provider, region: cost.where.region } });
    expect(cost.plan.dr?.options).toHaveLength(4);
  });

  it("counts the FinOps overrides on prices the plan could use", () => {
    const [instance] = catalog.instanceTypes.filter((item) => item.provider === "aws" && item.region === "us-east-1");
    const override = { itemId: instance!.id, field: "onDemandUsdPerHour" as const, listValue: 1, effectiveValue: 0.9, reason: "test", kind: "itemPrice" as const };
    const elsewhere = { ...override, itemId: "gcp:elsewhere:n2-standard-4" };
    const cost = priceScenario(WorkloadSpecSchema.parse(clickstream.spec), ScenarioSpecSchema.parse(clickstream.scenarios[0]!.spec), { ...priced, overrides: [override, elsewhere] });
    expect(cost).toMatchObject({ kind: "priced", overridesApplied: 1 });
  });
});
