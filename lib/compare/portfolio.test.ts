import { describe, expect, it } from "vitest";

import { addMonths, aggregatePortfolio, budgetCrossing, monthsBetween, planFigures, type FigureMonth, type PortfolioPlan } from "./portfolio";
import { pricedPlanFixture } from "./testing/plan-fixture";

function month(likelyUsd: number, band?: [number, number], gap = false): FigureMonth {
  const [p10Usd, p90Usd] = band ?? [likelyUsd, likelyUsd];
  return { likelyUsd, p10Usd, p90Usd, componentsUsd: [likelyUsd, 0, 0, 0, 0, 0], savingsTakenUsd: 0, uncoveredOnDemandUsd: likelyUsd, strandedUsd: 0, gap };
}

function plan(id: string, team: string, provider: string, startMonth: string, months: FigureMonth[], pricedCatalogVersion = "v1"): PortfolioPlan {
  return {
    workloadId: `w-${id}`,
    workloadName: id,
    team,
    scenarioId: `s-${id}`,
    scenarioName: "Plan",
    provider,
    pricedCatalogVersion,
    figures: { kind: "priced", startMonth, months, banded: months.some((m) => m.p90Usd > m.p10Usd), sloRiskCount: 0 },
  };
}

// Read in 2027-03.
// P1 (Data, AWS): from 2027-01, 24 months at 100 + 10·m → 120 now (m = 2), 240 in 12 months (m = 14);
//   horizon 24 × 100 + 10 × (0 + … + 23) = 2,400 + 2,760 = 5,160.
// P2 (Data, GCP): from 2027-03, 6 months at 50 (P10 40, P90 70), unsized in its second month; horizon 300 (240–420).
// P3 (Risk, AWS): from 2028-01, 12 months at 300: nothing now, 300 in 12 months; horizon 3,600; priced on an old catalog.
const p1 = plan("P1", "Data", "aws", "2027-01", Array.from({ length: 24 }, (_, m) => month(100 + 10 * m)));
const p2 = plan("P2", "Data", "gcp", "2027-03", Array.from({ length: 6 }, (_, m) => month(50, [40, 70], m === 1)));
const p3 = plan("P3", "Risk", "aws", "2028-01", Array.from({ length: 12 }, () => month(300)), "v0");
const budgets = new Map([["Data", 175], ["Risk", 250], ["Ops", 1000]]);
const portfolio = aggregatePortfolio({ plans: [p1, p2, p3], asOfMonth: "2027-03", budgets, currentPricedVersion: "v1" });

describe("aggregatePortfolio", () => {
  it("sums this month's spend on the calendar, with P10–P90 as sums of the plans' bands", () => {
    // 120 + 50 = 170; P10 120 + 40 = 160; P90 120 + 70 = 190. P3 has not started.
    expect(portfolio.thisMonth).toEqual({ likelyUsd: 170, p10Usd: 160, p90Usd: 190 });
    expect(portfolio.runningThisMonth).toBe(2);
  });

  it("reads spend in 12 months where each plan is then (P2 has ended, P3 has started)", () => {
    // 240 + 0 + 300 = 540.
    expect(portfolio.in12Months.likelyUsd).toBe(540);
  });

  it("adds each plan's own horizon total", () => {
    // 5,160 + 300 + 3,600 = 9,060; P10 5,160 + 240 + 3,600 = 9,000; P90 5,160 + 420 + 3,600 = 9,180.
    expect(portfolio.horizonTotal).toEqual({ likelyUsd: 9060, p10Usd: 9000, p90Usd: 9180 });
  });

  it("finds the month each team crosses its budget on the likely path and on P90", () => {
    const team = (name: string) => portfolio.byTeam.find((row) => row.team === name);
    // Data: 2027-03 likely 170 ≤ 175 but P90 190 > 175; 2027-04 likely 130 + 50 = 180 > 175.
    expect(team("Data")?.crossing).toEqual({ likelyMonth: "2027-04", p90Month: "2027-03" });
    // Risk: nothing until P3 starts at 300 > 250 in 2028-01.
    expect(team("Risk")?.crossing).toEqual({ likelyMonth: "2028-01", p90Month: "2028-01" });
    // Ops has a budget and no workloads: never crosses.
    expect(team("Ops")).toMatchObject({ workloads: 0, thisMonthUsd: 0, crossing: { likelyMonth: null, p90Month: null } });
  });

  it("ranks growing workloads by USD/month added over 12 months", () => {
    // P3: 300 − 0 = +300; P1: 240 − 120 = +120; P2 shrinks to nothing and is left out.
    expect(portfolio.topGrowing.map((row) => [row.workloadName, row.growthUsdPerMonth])).toEqual([["P3", 300], ["P1", 120]]);
  });

  it("groups this month's spend by provider and component", () => {
    expect(portfolio.byProvider).toEqual([{ provider: "aws", thisMonthUsd: 120 }, { provider: "gcp", thisMonthUsd: 50 }]);
    expect(portfolio.byComponent[0]).toEqual({ key: "computeOnDemandUsdPerMonth", label: "On-demand compute", thisMonthUsd: 170 });
  });

  it("raises infeasible months first, then prices changed since a plan was priced", () => {
    expect(portfolio.alerts.map((alert) => [alert.kind, alert.workloadName])).toEqual([["gap", "P2"], ["repriced", "P3"]]);
    expect(portfolio.alerts[0]?.text).toContain("1 month from 2027-04");
  });
});

describe("budgetCrossing", () => {
  it("says 'never' within the horizons when spend stays under the budget", () => {
    expect(budgetCrossing([p1], 1_000, "2027-01")).toEqual({ likelyMonth: null, p90Month: null });
  });
});

describe("planFigures", () => {
  it("keeps each month's total, components and a zero-width band for a plan without ranges", () => {
    const figures = planFigures(pricedPlanFixture({ startMonth: "2027-05", months: [{ totalUsdPerMonth: 1000, storageUsdPerMonth: 200 }], gapMonthIndices: [0] }));
    expect(figures).toMatchObject({ kind: "priced", startMonth: "2027-05", banded: false });
    expect(figures.kind === "priced" ? figures.months[0] : null).toEqual({
      likelyUsd: 1000,
      p10Usd: 1000,
      p90Usd: 1000,
      componentsUsd: [800, 0, 0, 200, 0, 0],
      savingsTakenUsd: 0,
      uncoveredOnDemandUsd: 800,
      strandedUsd: 0,
      gap: true,
    });
  });
});

describe("calendar months", () => {
  it("counts and adds months across years", () => {
    expect(monthsBetween("2026-11", "2027-02")).toBe(3);
    expect(addMonths("2026-11", 14)).toBe("2028-01");
  });
});
