/**
 * The headline figures of a plan: what lists show and sort by, what the portfolio sums. Derived
 * from the stored plan only, so a list, a scenario page and the API can never disagree.
 */
import type { ComputedPlan, PricingLocation } from "./compute-plan";

export type PlanHeadline = {
  /** Month 0's total of every cost component (compute, storage, network, DR), USD/month; null when unpriced. */
  month0TotalUsdPerMonth: number | null;
  /** Nodes bought in month 0 (spot buffer included); null when a stage is unsized then. */
  month0Nodes: number | null;
  /** Σ monthly totals over the horizon, USD; null when unpriced. */
  horizonTotalUsd: number | null;
  /** False when some stage is unsized in some month: the totals above then exclude it. */
  complete: boolean;
  where: PricingLocation | null;
};

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

/**
 * @example planHeadline(computed) //=> { month0TotalUsdPerMonth: 21873.4, month0Nodes: 23, horizonTotalUsd: 1.02e6, complete: true, where: { provider: "aws", … } }
 */
export function planHeadline(computed: ComputedPlan): PlanHeadline {
  if (computed.kind === "unpriced") {
    const month = computed.projection.months[0];
    const sized = month?.stages.every((stage) => stage.kind === "sized") ? month.stages : null;
    return {
      month0TotalUsdPerMonth: null,
      month0Nodes: sized ? sum(sized.map((stage) => (stage.kind === "sized" ? stage.nodes : 0))) : null,
      horizonTotalUsd: null,
      complete: computed.projection.feasible,
      where: null,
    };
  }
  const { plan } = computed;
  const month = plan.months[0];
  const monthComplete = !plan.gaps.some((gap) => gap.monthIndices.includes(0));
  return {
    month0TotalUsdPerMonth: month ? month.breakdown.totalUsdPerMonth : null,
    month0Nodes: month && monthComplete ? sum(month.stages.map((stage) => stage.nodes)) : null,
    horizonTotalUsd: plan.totals.usd,
    complete: plan.gaps.length === 0,
    where: computed.where,
  };
}

/**
 * USD as an exact decimal string to the cent, for a NUMERIC column: the figure a display rounds
 * to, so the stored column and the plan's own number print the same. Half away from zero, as
 * `Intl.NumberFormat` rounds.
 *
 * @example usdCents(1234.5678) //=> "1234.57"
 */
export function usdCents(usd: number): string {
  return new Intl.NumberFormat("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: false }).format(usd);
}
