/**
 * Figures derived from a projection for display and the list's headline: nodes and on-demand
 * compute cost per stage and per month. Pure; the scenario page, its chart and the stored headline
 * figures all read them from here, so they agree.
 */
import { nodeHoursPerMonth } from "@/lib/model";
import type { MonthProjection, StageMonth } from "@/lib/model/types";

/**
 * A sized stage's on-demand compute cost for a month: node-group USD/hour × the billed hours of
 * a node running that many hours a day (the model's 730-hour month). Null for an infeasible stage.
 *
 * @example stageOnDemandUsdPerMonth({ kind: "sized", nodeGroupOnDemandUsdPerHour: 2, activeHoursPerDay: 24, … }) //=> 1460
 */
export function stageOnDemandUsdPerMonth(stage: StageMonth): number | null {
  if (stage.kind !== "sized") return null;
  return stage.nodeGroupOnDemandUsdPerHour * nodeHoursPerMonth(stage.activeHoursPerDay);
}

export type MonthTotals = { month: string; demandMultiplier: number; nodes: number | null; onDemandUsdPerMonth: number | null };

/**
 * Nodes and on-demand cost of every stage in one month; both null when any stage is infeasible
 * (a partial sum would understate the plan).
 */
export function monthTotals(month: MonthProjection): MonthTotals {
  let nodes = 0;
  let usd = 0;
  for (const stage of month.stages) {
    const cost = stageOnDemandUsdPerMonth(stage);
    if (stage.kind !== "sized" || cost === null) return { month: month.month, demandMultiplier: month.demandMultiplier, nodes: null, onDemandUsdPerMonth: null };
    nodes += stage.nodes;
    usd += cost;
  }
  return { month: month.month, demandMultiplier: month.demandMultiplier, nodes, onDemandUsdPerMonth: usd };
}
