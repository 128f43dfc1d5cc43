import { describe, expect, it } from "vitest";

import { ScenarioSpecSchema } from "@/lib/model/schemas";
import type { ScenarioSpecInput } from "@/lib/model/types";

import { describeGrowthInWords, diffScenarioInputs } from "./inputs-diff";

const spec = (overrides: Partial<ScenarioSpecInput>) => ScenarioSpecSchema.parse({ startMonth: "2027-01", horizonMonths: 24, growth: { kind: "compound", monthlyGrowthRatio: 0.02 }, ...overrides });

describe("diffScenarioInputs", () => {
  it("keeps only the topics that differ, described per scenario", () => {
    const topics = diffScenarioInputs([
      { workloadName: "Clickstream", spec: spec({}) },
      { workloadName: "Clickstream", spec: spec({ growth: { kind: "compound", monthlyGrowthRatio: 0.05 }, purchase: { spotShareRatio: 0.5 } }) },
    ]);
    expect(topics).toEqual([
      { topic: "Growth", values: ["grows 2 % per month (compound)", "grows 5 % per month (compound)"] },
      {
        topic: "Purchase mix",
        values: ["all on-demand (no spot)", "50 % of eligible nodes above a 0 % on-demand base on spot, accepting a 5 % monthly risk of an SLO breach"],
      },
    ]);
  });

  it("names the workloads when scenarios come from different ones", () => {
    const topics = diffScenarioInputs([
      { workloadName: "Clickstream", spec: spec({}) },
      { workloadName: "Nightly ETL", spec: spec({}) },
    ]);
    expect(topics).toEqual([{ topic: "Workload", values: ["Clickstream", "Nightly ETL"] }]);
  });

  it("describes DR and commitments in words", () => {
    const topics = diffScenarioInputs([
      { workloadName: "W", spec: spec({}) },
      { workloadName: "W", spec: spec({ dr: { strategy: "compare", rtoTargetMinutes: 60 }, purchase: { commitment: { coverage: "p10-ladder", termYears: 3 } } }) },
    ]);
    expect(topics.find((topic) => topic.topic === "Commitments")?.values).toEqual(["no commitments (pay as you go)", "3-year commitments covering the low (P10) usage path"]);
    expect(topics.find((topic) => topic.topic === "Disaster recovery")?.values).toEqual(["no second region", "cheapest strategy meeting the targets; targets: recover within 60 min"]);
  });
});

describe("describeGrowthInWords", () => {
  it("reads linear growth as a share of month-0 demand", () => {
    expect(describeGrowthInWords({ kind: "linear", monthlyIncreaseRatio: 0.1, stepEvents: [] })).toBe("adds 10 % of month-0 demand per month (linear)");
  });
});
