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
