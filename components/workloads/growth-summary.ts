import type { GrowthSpec } from "@/lib/model/types";

/** "4 % per month, compound, + 2 step events": a scenario's growth in one phrase. */
export function describeGrowth(growth: GrowthSpec): string {
  const trend =
    growth.kind === "compound"
      ? `${+(growth.monthlyGrowthRatio * 100).toFixed(2)} % per month, compound`
      : growth.kind === "linear"
        ? `${+(growth.monthlyIncreaseRatio * 100).toFixed(2)} % of month 0 per month, linear`
        : "flat";
  const steps = growth.stepEvents.length;
  return steps ? `${trend}, + ${steps} step event${steps === 1 ? "" : "s"}` : trend;
}
