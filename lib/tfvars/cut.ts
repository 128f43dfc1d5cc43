/**
 * A stored plan cut at a point: per stage, the month the point picks (the month itself, or the
 * stage's own peak in a range), the sized figures there, and the low and high counts an
 * autoscaler should allow. Provider-neutral; providers.ts and build.ts shape it into variables.
 */
import type { PlanInstanceType } from "@/lib/planning/compute-plan";
import type { PricedStageMonth, ScenarioPlan } from "@/lib/model/plan-scenario";
import { ceilWithTolerance } from "@/lib/model/numeric";
import type { BatchStageMonth, BrokerStageMonth, StageSpec, StreamStageMonth } from "@/lib/model/types";

import type { ResolvedPoint } from "./point";

export type SizedStage = StreamStageMonth<PlanInstanceType> | BrokerStageMonth<PlanInstanceType> | BatchStageMonth<PlanInstanceType>;

/** How many nodes of a stage are bought on demand and on spot in one month. */
export type NodeSplit = { onDemandNodes: number; spotNodes: number };

/** One stage at the point. */
export type StageCut = {
  /** The stage's spec with the scenario's SLO overrides applied (what the model sized). */
  stage: StageSpec;
  monthIndex: number;
  month: string;
  sized: SizedStage;
  priced: PricedStageMonth;
  /** Nodes at the point, split by purchase option (spot buffer included). */
  atPoint: NodeSplit;
  /** The fewest nodes of each option in the point's months (sized months only). */
  lowest: NodeSplit;
  /** Nodes the P90 of the Monte Carlo adds above the likely count at the point (0 without ranges). */
  p90ExtraNodes: number;
  /** The P90 node count when the plan has bands with spread. */
  p90Nodes: number | null;
  /** Months of the point in which the stage could not be sized (left out of the peak). */
  unsizedMonths: string[];
};

/** A stage with no sized month at the point. */
export type UnsizedStage = { stageName: string; reason: string };

function splitOf(priced: PricedStageMonth): NodeSplit {
  const spot = priced.spot;
  if (spot === null) return { onDemandNodes: priced.nodes, spotNodes: 0 };
  return { onDemandNodes: spot.onDemandNodes, spotNodes: spot.spotNodes };
}

/**
 * Cuts a priced plan at a point.
 *
 * @param stages - the workload's stages with SLO overrides applied, in workload order
 * @returns one cut per stage sized in at least one month of the point, and the stages sized in none
 */
export function cutPlan(plan: ScenarioPlan<PlanInstanceType>, stages: readonly StageSpec[], point: ResolvedPoint): { cuts: StageCut[]; unsized: UnsizedStage[] } {
  const cuts: StageCut[] = [];
  const unsized: UnsizedStage[] = [];
  stages.forEach((stage, stageIndex) => {
    let best: { monthIndex: number; sized: SizedStage; priced: PricedStageMonth } | null = null;
    const lowest: NodeSplit = { onDemandNodes: Infinity, spotNodes: Infinity };
    const unsizedMonths: string[] = [];
    let reason = "";
    for (let monthIndex = point.fromIndex; monthIndex <= point.toIndex; monthIndex += 1) {
      const projected = plan.projection.months[monthIndex]?.stages[stageIndex];
      const priced = plan.months[monthIndex]?.stages[stageIndex];
      if (projected === undefined || priced === undefined) throw new Error(`plan has no month ${monthIndex} for stage ${stage.name}`);
      if (projected.kind !== "sized") {
        unsizedMonths.push(plan.months[monthIndex]?.month ?? String(monthIndex));
        reason ||= projected.reason;
        continue;
      }
      const split = splitOf(priced);
      lowest.onDemandNodes = Math.min(lowest.onDemandNodes, split.onDemandNodes);
      lowest.spotNodes = Math.min(lowest.spotNodes, split.spotNodes);
      // The stage's peak: the most nodes bought; the earliest such month on a tie.
      if (best === null || priced.nodes > best.priced.nodes) best = { monthIndex, sized: projected, priced };
    }
    if (best === null) {
      unsized.push({ stageName: stage.name, reason });
      return;
    }
    const band = plan.uncertainty.months[best.monthIndex]?.stages[stageIndex]?.nodes;
    const spread = band !== undefined && band.p90 > band.p10;
    const p90Nodes = spread ? ceilWithTolerance(band.p90) : null;
    cuts.push({
      stage,
      monthIndex: best.monthIndex,
      month: plan.months[best.monthIndex]?.month ?? "",
      sized: best.sized,
      priced: best.priced,
      atPoint: splitOf(best.priced),
      lowest,
      p90ExtraNodes: p90Nodes === null ? 0 : Math.max(0, p90Nodes - best.sized.nodes),
      p90Nodes,
      unsizedMonths,
    });
  });
  return { cuts, unsized };
}
