import { describe, expect, it } from "vitest";

import { exampleWorkloads } from "@/lib/model/examples";

import { growthRateWarning, newScenarioInput, parseScenarioForm } from "./scenario-form";

const [clickstream] = exampleWorkloads;
const stages = clickstream!.spec.stages;

const form = {
  name: "Aggressive growth",
  description: "",
  "spec.startMonth": "2026-01",
  "spec.horizonMonths": "24",
  "spec.zones": "3",
  "spec.growth.kind": "compound",
  "spec.growth.rate": "0.12",
  "spec.growth.stepEvents.0.at": "6",
  "spec.growth.stepEvents.0.multiplier": "2",
  "spec.growth.stepEvents.0.durationMonths": "",
  "spec.growth.stepEvents.0.label": "Launch",
  "spec.growth.stepEvents.1.at": "2026-11",
  "spec.growth.stepEvents.1.multiplier": "3",
  "spec.growth.stepEvents.1.durationMonths": "1",
  "spec.growth.stepEvents.1.label": "",
  "spec.catalogFilter.provider": "aws",
  "spec.catalogFilter.region": "us-east-1",
  "spec.instance.mode": "cheapest",
  "spec.sloOverrides.0.maxUtilizationRatio": "",
  "spec.sloOverrides.1.latencySloMs": "500",
  "spec.purchase.onDemandBaseRatio": "0",
  "spec.purchase.spotShareRatio": "0.5",
  "spec.dr.strategy": "none",
};

describe("parseScenarioForm", () => {
  it("reads growth, step events (month index or ISO month), filter and overrides by stage name", () => {
    const parsed = parseScenarioForm(form, stages);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.fieldErrors));
    const { spec } = parsed.data;
    expect(spec.growth).toEqual({
      kind: "compound",
      monthlyGrowthRatio: 0.12,
      stepEvents: [
        { at: 6, multiplier: 2, label: "Launch" },
        { at: "2026-11", multiplier: 3, durationMonths: 1 },
      ],
    });
    expect(spec.catalogFilter).toEqual({ providers: ["aws"], regions: ["us-east-1"] });
    expect(spec.sloOverrides).toEqual({ "flink-sessionize": { latencySloMs: 500 } });
    expect(spec.purchase.spotShareRatio).toBe(0.5);
  });

  it("maps errors back to the inputs that hold them", () => {
    const parsed = parseScenarioForm({ ...form, "spec.growth.rate": "2", "spec.sloOverrides.1.latencySloMs": "-1", "spec.horizonMonths": "100" }, stages);
    expect(parsed.ok ? {} : parsed.fieldErrors).toEqual({
      "spec.horizonMonths": ["Horizon (months) must be at least 1 and at most 60."],
      "spec.growth.rate": ["Monthly growth rate must be at least -0.5 and at most 1."],
      "spec.sloOverrides.1.latencySloMs": ["Latency SLO target (ms) must be greater than 0 and at most 86,400,000."],
    });
  });

  it("a step event dated before the start month is an error on that event's month input", () => {
    const parsed = parseScenarioForm({ ...form, "spec.startMonth": "2026-03", "spec.growth.stepEvents.1.at": "2026-01" }, stages);
    expect(parsed.ok ? {} : parsed.fieldErrors).toEqual({
      "spec.growth.stepEvents.1.at": ["Step event month 2026-01 is before the start month 2026-03."],
    });
  });

  it("warns while typing a monthly rate of 15 % or more, with what it compounds to in a year", () => {
    // 1.15^12 = 5.3503 (+435 %); as an annual rate, 1.15^(1/12) − 1 = 1.171 % a month.
    expect(1.15 ** 12).toBeCloseTo(5.3503, 4);
    expect(growthRateWarning("compound", "0.15")).toBe(
      "Monthly growth of 15 % compounds to 5.35× a year (+435 %); if 15 % is the annual rate, enter 1.17 % a month.",
    );
    // Linear: 12 × 20 % = 240 % of month-0 demand a year; 20 % ÷ 12 = 1.67 % a month.
    expect(growthRateWarning("linear", "0.2")).toBe("A monthly increase of 20 % adds 240 % of month-0 demand a year; if 20 % is the annual increase, enter 1.67 % a month.");
    expect(growthRateWarning("compound", "0.149")).toBeNull();
    expect(growthRateWarning("compound", "")).toBeNull();
    expect(growthRateWarning("flat", "0.5")).toBeNull();
  });

  it("keeps what the form does not show from the stored scenario on edit", () => {
    const stored = clickstream!.scenarios[1]!.spec;
    const parsed = parseScenarioForm(form, stages, stored);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.fieldErrors));
    expect(parsed.data.spec.stageInstances).toEqual(stored.stageInstances);
  });

  it("starts a new scenario from valid defaults", () => {
    expect(newScenarioInput("2026-03").spec).toMatchObject({ startMonth: "2026-03", horizonMonths: 36, growth: { kind: "compound", monthlyGrowthRatio: 0.03 } });
  });
});
