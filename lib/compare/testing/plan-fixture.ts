/**
 * Hand-built stored plans for the comparison's tests: round figures whose deltas can be worked
 * out on paper, in the exact shape the planner stores (every field present, zeros elsewhere).
 */
import type { ComputedPlan } from "@/lib/planning/compute-plan";
import type { DrStrategy } from "@/lib/model/types";

import { addMonths } from "../portfolio";

type PricedPlan = Extract<ComputedPlan, { kind: "priced" }>["plan"];

export type FixtureMonth = {
  totalUsdPerMonth: number;
  nodes?: number;
  /** [P10, P90] of the total; given for any month, the plan counts as having ranges. */
  band?: [number, number];
  /** Split of the total: on-demand compute by default. */
  storageUsdPerMonth?: number;
};

export type FixtureOptions = {
  startMonth?: string;
  months: FixtureMonth[];
  spotSavingsUsd?: number;
  commitmentSavingUsd?: number;
  dr?: { strategy: DrStrategy; rtoMinutes: number; rpoMinutes: number };
  gapMonthIndices?: number[];
  spotFlags?: string[];
  usdPerMillionEvents?: number;
};

export function pricedPlanFixture(options: FixtureOptions): ComputedPlan {
  const start = options.startMonth ?? "2027-01";
  const banded = options.months.some((month) => month.band !== undefined);
  const months: PricedPlan["months"] = options.months.map((month, monthIndex) => {
    const storage = month.storageUsdPerMonth ?? 0;
    return {
      monthIndex,
      month: addMonths(start, monthIndex),
      demandMultiplier: 1,
      stages: [{ stageName: "kafka", spot: null, nodes: month.nodes ?? 0, computeUsdPerMonth: month.totalUsdPerMonth - storage, committableUsdPerMonth: 0, storageUsdPerMonth: storage, crossZoneUsdPerMonth: 0 }],
      breakdown: {
        computeOnDemandUsdPerMonth: month.totalUsdPerMonth - storage,
        computeSpotUsdPerMonth: 0,
        computeCommittedUsdPerMonth: 0,
        storageUsdPerMonth: storage,
        networkUsdPerMonth: 0,
        drUsdPerMonth: 0,
        totalUsdPerMonth: month.totalUsdPerMonth,
      },
      allOnDemandComputeUsdPerMonth: month.totalUsdPerMonth - storage,
      unitCost: { usdPerMillionEvents: options.usdPerMillionEvents ?? null, usdPerTbProcessed: null },
    };
  });
  const gapMonths = options.gapMonthIndices ?? [];
  const dr = options.dr;
  const plan: PricedPlan = {
    projection: { startMonth: start, horizonMonths: months.length, stageNames: ["kafka"], months: [], feasible: gapMonths.length === 0, warnings: [] },
    months,
    spotFlags: options.spotFlags ?? [],
    commitments: null,
    drStrategy: dr?.strategy ?? null,
    dr: dr
      ? {
          targets: { rtoMinutes: null, rpoMinutes: null },
          options: [{ strategy: dr.strategy, rtoMinutes: dr.rtoMinutes, rpoMinutes: dr.rpoMinutes, usdPerMonth: months.map(() => 0), meanUsdPerMonth: 0, pareto: true, meetsTargets: true, explanation: "" }],
          recommendation: { kind: "meets", strategy: dr.strategy, reason: "" },
        }
      : null,
    uncertainty: {
      samples: banded ? 1000 : 1,
      seed: banded ? 1 : null,
      infeasibleSampleRatio: 0,
      months: options.months.map((month, monthIndex) => {
        const [p10, p90] = month.band ?? [month.totalUsdPerMonth, month.totalUsdPerMonth];
        return { monthIndex, totalUsdPerMonth: { p10, p50: month.totalUsdPerMonth, p90 }, stages: [] };
      }),
    },
    totals: {
      usd: months.reduce((sum, month) => sum + month.breakdown.totalUsdPerMonth, 0),
      allOnDemandComputeUsd: 0,
      spotSavingsUsd: options.spotSavingsUsd ?? 0,
      commitmentSavingUsd: options.commitmentSavingUsd ?? 0,
    },
    gaps: gapMonths.length ? [{ stageName: "kafka", bindingConstraint: "instance-catalog", reason: "no instance fits", monthIndices: gapMonths, firstMonth: addMonths(start, gapMonths[0] ?? 0) }] : [],
    warnings: [],
  };
  return { kind: "priced", plan, where: { provider: "aws", region: "us-east-1", basis: "scenario filter" }, catalogVersion: "2026-11-25.1+o0", overridesApplied: 0 };
}
