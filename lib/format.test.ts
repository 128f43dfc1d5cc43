import { describe, expect, it } from "vitest";

import { formatCount, formatMinutes, formatPercent, formatUsd, formatUsdCompact, formatUsdPrecise } from "./format";

describe("display formatting", () => {
  it.each([
    [1, "month", "1 month"],
    [0, "month", "0 months"],
    [24, "month", "24 months"],
    [1200, "node", "1,200 nodes"],
  ])("counts %d %s as %s", (count, unit, expected) => {
    expect(formatCount(count, unit)).toBe(expected);
  });

  it("rounds money only for display, with the unit shown", () => {
    expect(formatUsd(12345.6)).toBe("$12,346");
    expect(formatUsdCompact(1234567)).toBe("$1.2M");
    expect(formatUsdPrecise(0.012345)).toBe("$0.0123");
    expect(formatPercent(0.456)).toBe("46%");
  });

  it.each([
    [15, "15 min"],
    [119.6, "120 min"],
    [120, "2 h"],
    [246, "4.1 h"], // 246 ÷ 60 = 4.1
    [1440, "24 h"],
  ])("prints %d minutes as %s", (minutes, expected) => {
    expect(formatMinutes(minutes)).toBe(expected);
  });
});
