import { describe, expect, it } from "vitest";

import { compareKpis, INCOMPLETE, kpiRow, type CompareEntry, type KpiRow } from "./kpis";
import { pricedPlanFixture } from "./testing/plan-fixture";

// Baseline A: 14 months at 1,000 + 100·m USD/month on 10 + m nodes.
//   month 0 = 1,000; month 12 = 2,200; month 13 (final) = 2,300;
//   horizon = 14 × 1,000 + 100 × (0 + 1 + … + 13) = 14,000 + 9,100 = 23,100; peak nodes = 23.
const a = pricedPlanFixture({
  months: Array.from({ length: 14 }, (_, m) => ({ totalUsdPerMonth: 1000 + 100 * m, nodes: 10 + m })),
  spotSavingsUsd: 500,
  dr: { strategy: "warm-standby", rtoMinutes: 15, rpoMinutes: 1 },
  usdPerMillionEvents: 0.5,
});
// B: 14 flat months at 900 USD/month on 8 nodes (horizon 12,600), unsized in months 12 and 13.
const b = pricedPlanFixture({
  months: Array.from({ length: 14 }, () => ({ totalUsdPerMonth: 900, nodes: 8 })),
  spotSavingsUsd: 800,
  dr: { strategy: "backup-restore", rtoMinutes: 240, rpoMinutes: 1440 },
  gapMonthIndices: [12, 13],
  usdPerMillionEvents: 0.45,
});
// C: one month at 1,050 with a P10–P90 band of 950–1,200 (it has ranges).
const c = pricedPlanFixture({ months: [{ totalUsdPerMonth: 1050, nodes: 9, band: [950, 1200] }], usdPerMillionEvents: 0.5 });

const entry = (name: string, computed: CompareEntry["computed"]): CompareEntry => ({ scenarioId: name, scenarioName: name, workloadId: "w", workloadName: "Clickstream", computed });
const rows = compareKpis([entry("A", a), entry("B", b), entry("C", c)]);
const row = (key: string): KpiRow => {
  const found = rows.find((candidate) => candidate.key === key);
  if (!found) throw new Error(`no row ${key}`);
  return found;
};

describe("compareKpis", () => {
  it("gives the baseline's figures without deltas", () => {
    const month0 = row("month0").cells[0];
    expect(month0).toMatchObject({ value: 1000, deltaAbs: null, deltaRatio: null, withinBand: false });
    expect(row("horizon").cells[0]?.value).toBe(23_100);
    expect(row("peakNodes").cells[0]?.value).toBe(23);
    expect(row("final").cells[0]?.value).toBe(2300);
  });

  it("gives absolute and relative deltas against the baseline, worked out by hand", () => {
    // 900 − 1,000 = −100, ÷ 1,000 = −10 %.
    expect(row("month0").cells[1]).toMatchObject({ value: 900, deltaAbs: -100, deltaRatio: -0.1 });
    // 900 − 2,200 = −1,300, ÷ 2,200 = −0.590909…
    expect(row("month12").cells[1]?.deltaAbs).toBe(-1300);
    expect(row("month12").cells[1]?.deltaRatio).toBeCloseTo(-1300 / 2200, 12);
    // 12,600 − 23,100 = −10,500, ÷ 23,100 = −0.454545…
    expect(row("horizon").cells[1]?.deltaAbs).toBe(-10_500);
    expect(row("horizon").cells[1]?.deltaRatio).toBeCloseTo(-0.4545454545, 9);
    // 8 − 23 = −15 nodes.
    expect(row("peakNodes").cells[1]?.deltaAbs).toBe(-15);
    // 0.45 − 0.50 = −0.05 USD per million events, −10 %.
    expect(row("unitCost").cells[1]?.deltaAbs).toBeCloseTo(-0.05, 12);
    expect(row("unitCost").perUnit).toBe("million events");
    // Spot savings 800 − 500 = +300, +60 %.
    expect(row("spotSavings").cells[1]).toMatchObject({ deltaAbs: 300, deltaRatio: 0.6 });
    // RTO 240 − 15 = +225 minutes (+1,500 %); RPO 1,440 − 1 = +1,439.
    expect(row("rto").cells[1]).toMatchObject({ value: 240, deltaAbs: 225, deltaRatio: 15 });
    expect(row("rpo").cells[1]?.deltaAbs).toBe(1439);
    // Two gap months against none: +2, no ratio against zero.
    expect(row("gapMonths").cells[1]).toMatchObject({ value: 2, deltaAbs: 2, deltaRatio: null });
  });

  it("marks the winner per row in the row's direction", () => {
    expect(row("month0").winnerIndex).toBe(1); // 900 < 1,000 < 1,050
    expect(row("spotSavings").winnerIndex).toBe(1); // higher is better: 800
    expect(row("rto").winnerIndex).toBe(0); // 15 min beats 240 min
    expect(row("gapMonths").winnerIndex).toBeNull(); // A and C tie at 0
    expect(row("dr").winnerIndex).toBeNull(); // words are not ranked
  });

  it("says a difference inside the P10–P90 band is not a real difference", () => {
    // C = 1,050 with a band of 950–1,200: the baseline's 1,000 lies inside it.
    expect(row("month0").cells[2]).toMatchObject({ deltaAbs: 50, deltaRatio: 0.05, withinBand: true });
    // B has no band and A none: B's −100 is a real difference.
    expect(row("month0").cells[1]?.withinBand).toBe(false);
  });

  it("says a total is incomplete where a stage could not be sized", () => {
    // B is unsized in months 12 and 13: its month-12, final and horizon totals leave a stage out.
    expect(row("month12").cells[1]?.text).toBe(INCOMPLETE);
    expect(row("final").cells[1]?.text).toBe(INCOMPLETE);
    expect(row("horizon").cells[1]?.text).toBe(INCOMPLETE);
    expect(row("month0").cells[1]?.text).toBeNull();
  });

  it("leaves figures beyond a scenario's horizon empty, with a word", () => {
    expect(row("month12").cells[2]).toMatchObject({ value: null, text: "beyond horizon", deltaAbs: null });
  });

  it("names the DR strategy with its RTO and RPO", () => {
    expect(row("dr").cells.map((cell) => cell.text)).toEqual(["Warm standby (RTO 15 min, RPO 1 min)", "Backup & restore (RTO 4 h, RPO 24 h)", "no DR"]);
  });
});

describe("kpiRow", () => {
  it("flags the winner's lead as not real when it lies inside the band", () => {
    const result = kpiRow({ key: "k", label: "K", unit: "usdPerMonth", better: "lower" }, [{ value: 100, band: { p10: 90, p90: 120 } }, { value: 110 }]);
    expect(result.winnerIndex).toBe(0);
    expect(result.winnerWithinBand).toBe(true);
    expect(result.cells[1]).toMatchObject({ deltaAbs: 10, deltaRatio: 0.1, withinBand: true });
  });

  it("calls figures within half a cent a tie", () => {
    expect(kpiRow({ key: "k", label: "K", unit: "usd", better: "lower" }, [{ value: 100 }, { value: 100.004 }]).winnerIndex).toBeNull();
  });
});
