import { describe, expect, it } from "vitest";

import type { DrAnalysis, DrOption } from "@/lib/model/dr";
import type { DrStrategy } from "@/lib/model/types";

import { drTradeoff, paretoFrontier, symlogMinutesTicks } from "./dr-frontier";

/** A DR option with only what the charts read; the rest is irrelevant here. */
function option(strategy: DrStrategy, rtoMinutes: number, rpoMinutes: number, meanUsdPerMonth: number): DrOption {
  return { strategy, rtoMinutes, rpoMinutes, meanUsdPerMonth, usdPerMonth: [meanUsdPerMonth], pareto: true, meetsTargets: true, explanation: "" };
}

/**
 * The model's default policy on 2,000 GiB (lib/model/schemas.ts DrPolicySchema): RTO backup =
 * 30 + 2000 / 1000 × 60 + 5 = 155, pilot light = 30 + 5 = 35, warm standby = 10 + 5 = 15,
 * active/active = 5 minutes; RPO backup = 24 h = 1,440, the replicating three 60 s = 1 minute.
 * Costs chosen by hand, rising with readiness.
 */
function defaultsAnalysis(targets: DrAnalysis["targets"]): DrAnalysis {
  return {
    targets,
    options: [option("backup-restore", 155, 1440, 100), option("pilot-light", 35, 1, 400), option("warm-standby", 15, 1, 900), option("active-active", 5, 1, 2000)],
    recommendation: { kind: "none-meets", reason: "" },
  };
}

const strategies = (points: readonly { strategy: DrStrategy }[]) => points.map((point) => point.strategy);

describe("paretoFrontier", () => {
  it("drops a point another beats on cost at equal minutes, and orders the rest by minutes", () => {
    const cheapSlow = { usdPerMonth: 10, minutes: 60 };
    const dearSlow = { usdPerMonth: 20, minutes: 60 };
    const dearFast = { usdPerMonth: 30, minutes: 5 };
    expect(paretoFrontier([cheapSlow, dearSlow, dearFast])).toEqual([dearFast, cheapSlow]);
  });

  it("drops a point beaten on both axes and keeps a lone best point only", () => {
    expect(paretoFrontier([{ usdPerMonth: 5, minutes: 5 }, { usdPerMonth: 6, minutes: 50 }, { usdPerMonth: 50, minutes: 6 }])).toEqual([{ usdPerMonth: 5, minutes: 5 }]);
  });

  it("keeps identical points both (neither is strictly better) and is empty for no points", () => {
    const a = { usdPerMonth: 7, minutes: 3 };
    const b = { usdPerMonth: 7, minutes: 3 };
    expect(paretoFrontier([a, b])).toHaveLength(2);
    expect(paretoFrontier([])).toEqual([]);
  });
});

describe("drTradeoff", () => {
  it("puts all four on the cost × RTO frontier when each faster strategy costs more", () => {
    const rto = drTradeoff(defaultsAnalysis({ rtoMinutes: null, rpoMinutes: null }), "rto");
    expect(strategies(rto.frontier)).toEqual(["active-active", "warm-standby", "pilot-light", "backup-restore"]);
    expect(rto.points.every((point) => point.onFrontier && point.meetsTarget)).toBe(true);
    expect(rto.targetMinutes).toBeNull();
  });

  it("leaves warm standby and active/active off the cost × RPO frontier: same 1-minute RPO as pilot light, dearer", () => {
    const rpo = drTradeoff(defaultsAnalysis({ rtoMinutes: null, rpoMinutes: null }), "rpo");
    expect(strategies(rpo.frontier)).toEqual(["pilot-light", "backup-restore"]);
    expect(rpo.points.map((point) => [point.strategy, point.minutes, point.usdPerMonth, point.onFrontier])).toEqual([
      ["backup-restore", 1440, 100, true],
      ["pilot-light", 1, 400, true],
      ["warm-standby", 1, 900, false],
      ["active-active", 1, 2000, false],
    ]);
  });

  it("drops warm standby from the RTO frontier when it costs more than active/active", () => {
    const analysis = defaultsAnalysis({ rtoMinutes: null, rpoMinutes: null });
    analysis.options[2] = option("warm-standby", 15, 1, 2500);
    expect(strategies(drTradeoff(analysis, "rto").frontier)).toEqual(["active-active", "pilot-light", "backup-restore"]);
  });

  it("marks who meets each target on its own measure: a 60-minute RTO excludes backup & restore only", () => {
    const analysis = defaultsAnalysis({ rtoMinutes: 60, rpoMinutes: 1 });
    const rto = drTradeoff(analysis, "rto");
    expect(rto.targetMinutes).toBe(60);
    expect(rto.points.filter((point) => !point.meetsTarget).map((point) => point.strategy)).toEqual(["backup-restore"]);
    const rpo = drTradeoff(analysis, "rpo");
    expect(rpo.targetMinutes).toBe(1);
    expect(rpo.points.filter((point) => point.meetsTarget).map((point) => point.strategy)).toEqual(["pilot-light", "warm-standby", "active-active"]);
  });
});

describe("symlogMinutesTicks", () => {
  it("runs from 0 through the powers of ten to the first one at or above the largest value", () => {
    expect(symlogMinutesTicks(1440)).toEqual([0, 1, 10, 100, 1000, 10000]);
    expect(symlogMinutesTicks(100)).toEqual([0, 1, 10, 100]);
    expect(symlogMinutesTicks(101)).toEqual([0, 1, 10, 100, 1000]);
  });

  it("still spans 0 to 1 when every value is a minute or less", () => {
    expect(symlogMinutesTicks(0)).toEqual([0, 1]);
    expect(symlogMinutesTicks(0.5)).toEqual([0, 1]);
  });
});
