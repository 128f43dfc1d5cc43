/**
 * The DR trade-off charts' data: for one recovery measure (RTO or RPO), each strategy's mean
 * USD/month against its minutes, the Pareto frontier of that pair, and the target. Pure.
 *
 * The frontier here is two-dimensional (cost × RTO, resp. cost × RPO), which is what each chart
 * can draw; `DrOption.pareto` is the model's three-dimensional one (cost × RTO × RPO), shown in
 * the table. Source of the definition: a point is Pareto-optimal when no other point is at least
 * as good on every objective and strictly better on one (Deb, "Multi-Objective Optimization Using
 * Evolutionary Algorithms", 2001, §2.4); here lower is better on both objectives.
 */
import type { DrAnalysis } from "@/lib/model/dr";
import type { DrStrategy } from "@/lib/model/types";

/** Lower is better on both: USD/month and minutes. */
export type CostMinutesPoint = { usdPerMonth: number; minutes: number };

export type DrMeasure = "rto" | "rpo";

export type DrTradeoffPoint = CostMinutesPoint & { strategy: DrStrategy; onFrontier: boolean; meetsTarget: boolean };

export type DrTradeoff = {
  measure: DrMeasure;
  /** Every strategy, in the analysis's order. */
  points: DrTradeoffPoint[];
  /** The non-dominated points, by minutes ascending (so cost descending): the frontier's path. */
  frontier: DrTradeoffPoint[];
  /** The target in minutes, or null when the scenario sets none. */
  targetMinutes: number | null;
};

function dominates(a: CostMinutesPoint, b: CostMinutesPoint): boolean {
  return a.usdPerMonth <= b.usdPerMonth && a.minutes <= b.minutes && (a.usdPerMonth < b.usdPerMonth || a.minutes < b.minutes);
}

/**
 * The points no other point dominates (no more USD/month and no more minutes, and fewer of one),
 * ordered by minutes ascending, then USD/month ascending. Identical points are both kept.
 * @param points - USD/month and minutes per point
 * @returns the frontier, in drawing order
 * @example paretoFrontier([{ usdPerMonth: 10, minutes: 60 }, { usdPerMonth: 20, minutes: 60 }, { usdPerMonth: 30, minutes: 5 }])
 * //=> [{ usdPerMonth: 30, minutes: 5 }, { usdPerMonth: 10, minutes: 60 }]
 */
export function paretoFrontier<T extends CostMinutesPoint>(points: readonly T[]): T[] {
  return points
    .filter((point) => !points.some((other) => dominates(other, point)))
    .sort((a, b) => a.minutes - b.minutes || a.usdPerMonth - b.usdPerMonth);
}

/**
 * One chart's data from a stored plan's DR analysis.
 * @param dr - the plan's DR analysis (mean USD/month over the horizon; minutes)
 * @param measure - "rto" for cost × RTO, "rpo" for cost × RPO
 */
export function drTradeoff(dr: DrAnalysis, measure: DrMeasure): DrTradeoff {
  const targetMinutes = measure === "rto" ? dr.targets.rtoMinutes : dr.targets.rpoMinutes;
  const candidates = dr.options.map((option) => {
    const minutes = measure === "rto" ? option.rtoMinutes : option.rpoMinutes;
    return { strategy: option.strategy, usdPerMonth: option.meanUsdPerMonth, minutes, meetsTarget: targetMinutes === null || minutes <= targetMinutes };
  });
  const frontierSet = new Set(paretoFrontier(candidates));
  const points = candidates.map((candidate) => ({ ...candidate, onFrontier: frontierSet.has(candidate) }));
  return { measure, points, frontier: paretoFrontier(points), targetMinutes };
}

/**
 * Ticks for a minutes axis drawn on a symmetric-log scale (linear near 0, logarithmic beyond 1):
 * 0, then powers of ten up to the first at or above the largest value, so 1 minute and a week
 * (RPO of replication vs a restore's RTO) both stay readable.
 * @param maxMinutes - the largest value the axis must show (≥ 0)
 * @example symlogMinutesTicks(1440) //=> [0, 1, 10, 100, 1000, 10000]
 */
export function symlogMinutesTicks(maxMinutes: number): number[] {
  const decades = maxMinutes <= 1 ? 0 : Math.ceil(Math.log10(maxMinutes));
  return [0, ...Array.from({ length: decades + 1 }, (_, power) => 10 ** power)];
}
