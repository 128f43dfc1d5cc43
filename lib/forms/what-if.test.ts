import { describe, expect, it } from "vitest";

import { ScenarioSpecSchema } from "@/lib/model/schemas";

import { applyWhatIf, changedWhatIfValues, savedWhatIfValues, whatIfQuery, whatIfValuesOf, type WhatIfStage } from "./what-if";

const STAGES: WhatIfStage[] = [
  { name: "kafka", kind: "broker", maxUtilizationRatio: 0.7 },
  { name: "flink", kind: "stream", maxUtilizationRatio: 0.7, latencySloMs: 250 },
  { name: "spark", kind: "batch", maxUtilizationRatio: 0.8 },
];
const IDS = new Set(["aws:us-east-1:m7i.large"]);
const spec = (growth: object, extra: object = {}) => ScenarioSpecSchema.parse({ startMonth: "2026-01", growth, ...extra });

describe("applyWhatIf", () => {
  it("replaces the rate of the saved growth kind, and makes a flat scenario compound", () => {
    const steps = [{ at: 3, multiplier: 2 }];
    const compound = applyWhatIf(spec({ kind: "compound", monthlyGrowthRatio: 0.04, stepEvents: steps }), { growth: "0.06" }, STAGES, IDS);
    expect(compound.ok && compound.spec.growth).toMatchObject({ kind: "compound", monthlyGrowthRatio: 0.06, stepEvents: [{ at: 3, multiplier: 2 }] });
    const linear = applyWhatIf(spec({ kind: "linear", monthlyIncreaseRatio: 0.1 }), { growth: "0.2" }, STAGES, IDS);
    expect(linear.ok && linear.spec.growth).toMatchObject({ kind: "linear", monthlyIncreaseRatio: 0.2 });
    const flat = applyWhatIf(spec({ kind: "flat" }), { growth: "0.01" }, STAGES, IDS);
    expect(flat.ok && flat.spec.growth).toMatchObject({ kind: "compound", monthlyGrowthRatio: 0.01 });
  });

  it("writes one ceiling to every stage and the latency target to stream stages only", () => {
    const result = applyWhatIf(spec({ kind: "flat" }, { sloOverrides: { spark: { completionWindowHours: 3 } } }), { util: "0.5", sloMs: "100" }, STAGES, IDS);
    expect(result.ok && result.spec.sloOverrides).toEqual({
      kafka: { maxUtilizationRatio: 0.5 },
      flink: { maxUtilizationRatio: 0.5, latencySloMs: 100 },
      spark: { completionWindowHours: 3, maxUtilizationRatio: 0.5 },
    });
  });

  it("sets purchase, DR and instance inputs; an empty target removes it", () => {
    const saved = spec({ kind: "flat" }, { dr: { strategy: "compare", rtoTargetMinutes: 60 } });
    const result = applyWhatIf(saved, { spot: "0.4", rto: "", rpo: "5", commit: "p10-ladder", term: "3", horizon: "12", instance: "aws:us-east-1:m7i.large" }, STAGES, IDS);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.spec.purchase).toMatchObject({ spotShareRatio: 0.4, commitment: { coverage: "p10-ladder", termYears: 3 } });
    expect(result.spec.dr.rtoTargetMinutes).toBeUndefined();
    expect(result.spec.dr.rpoTargetMinutes).toBe(5);
    expect(result.spec.horizonMonths).toBe(12);
    expect(result.spec.instance).toEqual({ mode: "fixed", instanceType: "aws:us-east-1:m7i.large" });
    // The saved spec is not touched.
    expect(saved.dr.rtoTargetMinutes).toBe(60);
  });

  it("names each invalid input once, in the schema's words", () => {
    const result = applyWhatIf(spec({ kind: "compound", monthlyGrowthRatio: 0.04 }), { growth: "5", util: "1.5", term: "2", horizon: "0x10", instance: "gcp:nowhere" }, STAGES, IDS);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors).sort()).toEqual(["growth", "horizon", "instance", "term", "util"]);
    expect(result.errors.util).toHaveLength(1);
    expect(result.errors.growth?.[0]).toMatch(/Monthly growth rate/);
  });
});

describe("what-if URL params", () => {
  it("keeps only the inputs that differ from the saved scenario, in input order", () => {
    const saved = savedWhatIfValues(spec({ kind: "compound", monthlyGrowthRatio: 0.04 }, { purchase: { spotShareRatio: 0.2 } }));
    expect(saved).toMatchObject({ growth: "0.04", spot: "0.2", util: "", commit: "none", term: "1", instance: "cheapest", horizon: "36" });
    const changed = changedWhatIfValues({ ...saved, spot: "0.5", growth: " 0.04 ", util: "" }, saved);
    expect(changed).toEqual({ spot: "0.5" });
    expect(whatIfQuery({ spot: "0.5", growth: "0.06" })).toBe("growth=0.06&spot=0.5");
  });

  it("reads the first value of known params and refuses an overlong one by name", () => {
    expect(whatIfValuesOf({ growth: ["0.05", "0.9"], view: "all" })).toEqual({ values: { growth: "0.05" }, errors: {} });
    const { values, errors } = whatIfValuesOf(new URLSearchParams({ spot: "x".repeat(201), horizon: "12" }));
    expect(values).toEqual({ horizon: "12" });
    expect(errors.spot?.[0]).toMatch(/200 characters/);
  });
});
