import { describe, expect, it } from "vitest";

import { exampleWorkloads } from "@/lib/model/examples";
import { planScenario } from "@/lib/model/plan-scenario";
import { testPricing } from "@/lib/model/test-pricing";
import type { ScenarioSpecInput } from "@/lib/model/types";

import { COST_COMPONENTS, commitmentPurchases, costChartRows, summarizeCost } from "./cost";

const [clickstream, nightlyEtl] = exampleWorkloads;
if (!clickstream || !nightlyEtl) throw new Error("examples missing");

/** Clickstream's first scenario (spot, a 1-year ladder, DR compared, ranges) on the TEST prices. */
function clickstreamPlan(overrides: Partial<ScenarioSpecInput> = {}) {
  return planScenario(clickstream!.spec, { ...clickstream!.scenarios[0]!.spec, catalogFilter: {}, ...overrides }, testPricing);
}

const near = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b));

describe("costChartRows", () => {
  it("gives one row per month whose components add up to the month's total", () => {
    const plan = clickstreamPlan();
    const rows = costChartRows(plan);
    expect(rows.map((row) => row.month)).toEqual(plan.months.map((month) => month.month));
    for (const row of rows) {
      const sum = COST_COMPONENTS.reduce((total, { key }) => total + row[key], 0);
      expect(near(sum, row.totalUsdPerMonth)).toBe(true);
    }
    expect(rows.some((row) => row.computeSpotUsdPerMonth > 0)).toBe(true);
    expect(rows.some((row) => row.computeCommittedUsdPerMonth > 0)).toBe(true);
  });

  it("carries the P10–P90 band of the total when the scenario has ranges, ordered low to high", () => {
    const rows = costChartRows(clickstreamPlan());
    for (const row of rows) {
      expect(row.totalBandUsdPerMonth).not.toBeNull();
      const [p10, p90] = row.totalBandUsdPerMonth!;
      expect(p10).toBeLessThanOrEqual(p90);
    }
  });

  it("has no band for a scenario without ranges", () => {
    const rows = costChartRows(clickstreamPlan({ uncertainty: undefined }));
    expect(rows.every((row) => row.totalBandUsdPerMonth === null)).toBe(true);
  });
});

describe("summarizeCost", () => {
  it("totals each component over the horizon, and those totals add up to the plan's total", () => {
    const plan = clickstreamPlan();
    const summary = summarizeCost(plan)!;
    const sum = COST_COMPONENTS.reduce((total, { key }) => total + summary.componentUsd[key], 0);
    expect(near(sum, summary.horizonUsd)).toBe(true);
    expect(near(summary.horizonUsd, plan.months.reduce((total, month) => total + month.breakdown.totalUsdPerMonth, 0))).toBe(true);
    expect(summary.first).toEqual({ month: plan.months[0]!.month, totalUsdPerMonth: plan.months[0]!.breakdown.totalUsdPerMonth });
    expect(summary.last.month).toBe(plan.months.at(-1)!.month);
    expect(summary.spotSavingsUsd).toBe(plan.totals.spotSavingsUsd);
    expect(summary.commitmentSavingUsd).toBe(plan.totals.commitmentSavingUsd);
    expect(summary.unitCost).toMatchObject({ unit: "million events" });
    expect(summary.unitCost!.first).toBeGreaterThan(0);
  });

  it("prices a batch pipeline per TB processed", () => {
    const plan = planScenario(nightlyEtl.spec, { ...nightlyEtl.scenarios[0]!.spec, catalogFilter: {} }, testPricing);
    expect(summarizeCost(plan)!.unitCost).toMatchObject({ unit: "TB processed" });
  });
});

describe("commitmentPurchases", () => {
  it("lists the months the ladder buys in, in per-hour terms, with a saving that matches the ladder's", () => {
    const plan = clickstreamPlan({ uncertainty: undefined });
    const rows = commitmentPurchases(plan);
    const ladder = plan.commitments!;
    const bought = ladder.months.filter((rung) => rung.purchasedUsdPerMonth > 0);
    expect(rows.map((row) => row.month)).toEqual(bought.map((rung) => plan.months[rung.monthIndex]!.month));
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.committedUsdPerHour).toBeGreaterThanOrEqual(row.purchasedUsdPerHour);
      expect(row.coverageRatio).toBeGreaterThan(0);
    }
    // Bought once at the start and never stranded on the likely path: that month's saving is
    // the commitment times the discount.
    const firstRung = bought[0]!;
    expect(near(rows[0]!.savingUsdPerMonth, firstRung.committedUsdPerMonth * ladder.offer.discountRatio)).toBe(true);
    expect(rows[0]!.strandedUsdPerMonth).toBe(0);
  });

  it("is empty without a ladder", () => {
    expect(commitmentPurchases(clickstreamPlan({ purchase: { spotShareRatio: 0.5 } }))).toEqual([]);
  });
});
