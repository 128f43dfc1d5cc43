import { describe, expect, it } from "vitest";

import { compareComponentRows, compareMonthRows, compareNodeRows } from "./series";
import { pricedPlanFixture } from "./testing/plan-fixture";

// A: Jan 100, Feb 200. B: Feb 50 (band 40–70), Mar 60 (band 45–80).
const a = pricedPlanFixture({ startMonth: "2027-01", months: [{ totalUsdPerMonth: 100, storageUsdPerMonth: 10 }, { totalUsdPerMonth: 200, storageUsdPerMonth: 20 }] });
const b = pricedPlanFixture({ startMonth: "2027-02", months: [{ totalUsdPerMonth: 50, band: [40, 70] }, { totalUsdPerMonth: 60, band: [45, 80] }] });

describe("compareMonthRows", () => {
  it("overlays scenarios on the union of their calendar months", () => {
    const rows = compareMonthRows([a, b]);
    expect(rows.map((row) => row.month)).toEqual(["2027-01", "2027-02", "2027-03"]);
    expect(rows.map((row) => row.totalUsdPerMonth)).toEqual([[100, null], [200, 50], [null, 60]]);
    expect(rows.map((row) => row.bandUsdPerMonth)).toEqual([[null, null], [null, [40, 70]], [null, [45, 80]]]);
  });

  it("accumulates spend, flat after a horizon ends and empty before it starts", () => {
    // A: 100, 100 + 200 = 300, still 300. B: none, 50, 50 + 60 = 110.
    expect(compareMonthRows([a, b]).map((row) => row.cumulativeUsd)).toEqual([[100, null], [300, 50], [300, 110]]);
  });
});

describe("compareComponentRows", () => {
  it("sums each component over each horizon and leaves out components that are zero everywhere", () => {
    // A: on-demand (100 − 10) + (200 − 20) = 270, storage 10 + 20 = 30. B: on-demand 50 + 60 = 110, storage 0.
    expect(compareComponentRows([a, b])).toEqual([
      { key: "computeOnDemandUsdPerMonth", label: "On-demand compute", usd: [270, 110] },
      { key: "storageUsdPerMonth", label: "Storage", usd: [30, 0] },
    ]);
  });
});

describe("compareNodeRows", () => {
  it("gives each scenario's nodes per stage on the calendar, empty where unsized or not running", () => {
    const c = pricedPlanFixture({ startMonth: "2027-01", months: [{ totalUsdPerMonth: 1, nodes: 6 }, { totalUsdPerMonth: 1, nodes: 7 }], gapMonthIndices: [1] });
    const d = pricedPlanFixture({ startMonth: "2027-02", months: [{ totalUsdPerMonth: 1, nodes: 3 }] });
    expect(compareNodeRows([c, d])).toEqual({
      stages: [["kafka"], ["kafka"]],
      rows: [
        { month: "2027-01", nodes: [[6], [null]] },
        { month: "2027-02", nodes: [[null], [3]] },
      ],
    });
  });
});
