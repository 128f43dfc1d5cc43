import { describe, expect, it } from "vitest";

import { loadCatalog } from "@/lib/catalog/load";
import { exampleWorkloads } from "@/lib/model/examples";
import { ScenarioSpecSchema, WorkloadSpecSchema } from "@/lib/model/schemas";

import { computePlan } from "./compute-plan";

const [clickstream, , fraud] = exampleWorkloads;
if (!clickstream || !fraud) throw new Error("examples missing");

describe("computePlan", () => {
  const catalog = loadCatalog();
  const priced = { version: `${catalog.version}+o0`, catalog, overrides: [] };

  it("prices in the region the scenario filters to", () => {
    const cost = computePlan({ workload: WorkloadSpecSchema.parse(clickstream.spec), scenario: ScenarioSpecSchema.parse(clickstream.scenarios[0]!.spec), priced });
    expect(cost).toMatchObject({ kind: "priced", where: { provider: "aws", region: "us-east-1", basis: "scenario filter" }, overridesApplied: 0 });
  });

  it("prices a fixed instance type in its own region", () => {
    const cost = computePlan({ workload: WorkloadSpecSchema.parse(fraud.spec), scenario: ScenarioSpecSchema.parse(fraud.scenarios[1]!.spec), priced });
    expect(cost).toMatchObject({ kind: "priced", where: { provider: "aws", region: "us-east-1", basis: "fixed instance" } });
  });

  it("prices 'cheapest anywhere' where month 0's cheapest instance is, at month 0's all-on-demand cost", () => {
    const cost = computePlan({ workload: WorkloadSpecSchema.parse(fraud.spec), scenario: ScenarioSpecSchema.parse(fraud.scenarios[0]!.spec), priced });
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
    const cost = computePlan({ workload: WorkloadSpecSchema.parse(clickstream.spec), scenario: ScenarioSpecSchema.parse(clickstream.scenarios[0]!.spec), priced: { ...priced, overrides: [override, elsewhere] } });
    expect(cost).toMatchObject({ kind: "priced", overridesApplied: 1 });
  });
});

describe("computePlan without bands", () => {
  const catalog = loadCatalog();
  const priced = { version: `${catalog.version}+o0`, catalog, overrides: [] };
  const inputs = { workload: WorkloadSpecSchema.parse(clickstream.spec), scenario: ScenarioSpecSchema.parse(clickstream.scenarios[0]!.spec), priced };

  it("is the likely case of the full plan: same months and nodes, zero-width bands", () => {
    const full = computePlan(inputs);
    const likely = computePlan(inputs, { bands: false });
    if (full.kind !== "priced" || likely.kind !== "priced") throw new Error("both should be priced");
    expect(full.plan.uncertainty.seed).not.toBeNull();
    expect(likely.plan.uncertainty.seed).toBeNull();
    expect(likely.plan.months.map((m) => m.stages.map((s) => s.nodes))).toEqual(full.plan.months.map((m) => m.stages.map((s) => s.nodes)));
    const band = likely.plan.uncertainty.months[0]!.totalUsdPerMonth;
    expect(band.p10).toBe(band.p90);
  });

  it("keeps plans free of the catalog's provenance text", () => {
    const likely = computePlan(inputs, { bands: false });
    if (likely.kind !== "priced") throw new Error("should be priced");
    const sized = likely.plan.projection.months[0]!.stages.find((stage) => stage.kind === "sized");
    expect(sized).toBeDefined();
    expect(sized).toMatchObject({ instance: { id: expect.any(String), onDemandUsdPerHour: expect.any(Number) } });
    expect(sized && "instance" in sized ? sized.instance : {}).not.toHaveProperty("note");
  });
});
