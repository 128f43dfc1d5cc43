/**
 * Chart rows for a comparison: scenarios overlaid on one calendar axis (they may start in
 * different months or run for different horizons), and cost by component side by side. Pure;
 * USD unrounded.
 */
import type { ComputedPlan } from "@/lib/planning/compute-plan";
import { COST_COMPONENTS, type CostComponentKey } from "@/lib/planning/display/cost";

/** One calendar month, one value per scenario (null: that scenario is not priced or not running then). */
export type CompareMonthRow = {
  month: string;
  totalUsdPerMonth: (number | null)[];
  /** [P10, P90] of the month's total; null without ranges. */
  bandUsdPerMonth: ([number, number] | null)[];
  /** Σ of the scenario's monthly totals up to and including this month. */
  cumulativeUsd: (number | null)[];
};

type PricedPlan = Extract<ComputedPlan, { kind: "priced" }>["plan"];

const pricedOf = (computed: ComputedPlan): PricedPlan | null => (computed.kind === "priced" ? computed.plan : null);

/**
 * Monthly totals, bands and cumulative spend of each scenario on the union of their months.
 * Cumulative spend stays flat after a scenario's horizon ends (null before it starts).
 *
 * @example compareMonthRows([a, b])[1] //=> { month: "2027-01", totalUsdPerMonth: [1000, 1100], bandUsdPerMonth: [null, [900, 1300]], cumulativeUsd: [2000, 2100] }
 */
export function compareMonthRows(plans: readonly ComputedPlan[]): CompareMonthRow[] {
  const priced = plans.map(pricedOf);
  const months = [...new Set(priced.flatMap((plan) => plan?.months.map((month) => month.month) ?? []))].sort();
  const byMonth = priced.map((plan) => new Map(plan?.months.map((month) => [month.month, month]) ?? []));
  const running = priced.map(() => 0);
  const started = priced.map(() => false);
  return months.map((month) => {
    const totalUsdPerMonth = byMonth.map((map) => map.get(month)?.breakdown.totalUsdPerMonth ?? null);
    const bandUsdPerMonth = priced.map((plan, index) => {
      const planned = byMonth[index]?.get(month);
      const band = plan && planned && plan.uncertainty.seed !== null ? plan.uncertainty.months[planned.monthIndex]?.totalUsdPerMonth : undefined;
      return band ? ([band.p10, band.p90] as [number, number]) : null;
    });
    const cumulativeUsd = totalUsdPerMonth.map((total, index) => {
      if (total !== null) {
        running[index] = (running[index] ?? 0) + total;
        started[index] = true;
      }
      return started[index] ? (running[index] ?? 0) : null;
    });
    return { month, totalUsdPerMonth, bandUsdPerMonth, cumulativeUsd };
  });
}

/** One cost component over the horizon, one figure per scenario (null: not priced). */
export type CompareComponentRow = { key: CostComponentKey; label: string; usd: (number | null)[] };

/**
 * Σ of each cost component over each scenario's horizon; components zero in every scenario are left out.
 *
 * @example compareComponentRows([a, b]) //=> [{ key: "computeOnDemandUsdPerMonth", label: "On-demand compute", usd: [36000, 24000] }, …]
 */
export function compareComponentRows(plans: readonly ComputedPlan[]): CompareComponentRow[] {
  const priced = plans.map(pricedOf);
  return COST_COMPONENTS.map(({ key, label }) => ({
    key,
    label,
    usd: priced.map((plan) => (plan ? plan.months.reduce((sum, month) => sum + month.breakdown[key], 0) : null)),
  })).filter((row) => row.usd.some((usd) => usd !== null && usd !== 0));
}

/** Nodes per stage, month by month, on the union of the scenarios' calendar months. */
export type CompareNodeSeries = {
  /** One entry per scenario: its stage names, in workload order. */
  stages: string[][];
  /** `nodes[scenario][stage]`; null when the scenario does not run that month or the stage is unsized. */
  rows: { month: string; nodes: (number | null)[][] }[];
};

/** A plan's nodes by month and stage (spot buffer included when priced). */
function stageNodes(computed: ComputedPlan): { names: string[]; months: Map<string, (number | null)[]> } {
  if (computed.kind === "priced") {
    const { plan } = computed;
    const unsized = (stageName: string, monthIndex: number) => plan.gaps.some((gap) => gap.stageName === stageName && gap.monthIndices.includes(monthIndex));
    return {
      names: plan.projection.stageNames,
      months: new Map(plan.months.map((month) => [month.month, month.stages.map((stage) => (unsized(stage.stageName, month.monthIndex) ? null : stage.nodes))])),
    };
  }
  const { projection } = computed;
  return { names: projection.stageNames, months: new Map(projection.months.map((month) => [month.month, month.stages.map((stage) => (stage.kind === "sized" ? stage.nodes : null))])) };
}

/**
 * Nodes per stage for each scenario on one calendar axis.
 *
 * @example compareNodeRows([a, b]).rows[0] //=> { month: "2027-01", nodes: [[6, 12], [null]] }
 */
export function compareNodeRows(plans: readonly ComputedPlan[]): CompareNodeSeries {
  const perPlan = plans.map(stageNodes);
  const months = [...new Set(perPlan.flatMap((plan) => [...plan.months.keys()]))].sort();
  return {
    stages: perPlan.map((plan) => plan.names),
    rows: months.map((month) => ({ month, nodes: perPlan.map((plan) => plan.months.get(month) ?? plan.names.map(() => null)) })),
  };
}
