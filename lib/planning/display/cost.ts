/**
 * Figures derived from a priced plan (`planScenario`) for display: chart rows by cost component,
 * the headline figures, the commitment ladder's purchases. Pure; the scenario page and its chart
 * read them from here. USD, unrounded (rounding is lib/format.ts's job).
 */
import { costWithCommitment } from "@/lib/model/commitments";
import type { CostBreakdown, ScenarioPlan } from "@/lib/model/plan-scenario";
import type { DrStrategy } from "@/lib/model/types";

import { HOURS_PER_MONTH } from "@/lib/model";

export type CostComponentKey = Exclude<keyof CostBreakdown, "totalUsdPerMonth">;

/** The breakdown's components in stacking order (compute at the bottom), with their labels. */
export const COST_COMPONENTS: readonly { key: CostComponentKey; label: string }[] = [
  { key: "computeOnDemandUsdPerMonth", label: "On-demand compute" },
  { key: "computeSpotUsdPerMonth", label: "Spot compute" },
  { key: "computeCommittedUsdPerMonth", label: "Committed compute" },
  { key: "storageUsdPerMonth", label: "Storage" },
  { key: "networkUsdPerMonth", label: "Network" },
  { key: "drUsdPerMonth", label: "Disaster recovery" },
];

/** The four DR strategies as people name them (AWS DR whitepaper). */
export const DR_STRATEGY_LABELS: Record<DrStrategy, string> = {
  "backup-restore": "Backup & restore",
  "pilot-light": "Pilot light",
  "warm-standby": "Warm standby",
  "active-active": "Multi-site active/active",
};

/** One month of the cost chart: each component, the total, and the P10–P90 band of the total. */
export type CostChartRow = Record<CostComponentKey, number> & {
  month: string;
  totalUsdPerMonth: number;
  /** [P10, P90] of total USD/month; null when the scenario has no ranges (zero-width band). */
  totalBandUsdPerMonth: [number, number] | null;
};

/** Whether the plan came from Monte Carlo over ranges (otherwise its bands have zero width). */
export function hasUncertainty(plan: ScenarioPlan): boolean {
  return plan.uncertainty.seed !== null;
}

/**
 * Chart rows, one per month of the plan: the components add up to the total.
 *
 * @example costChartRows(plan)[0] //=> { month: "2026-01", computeOnDemandUsdPerMonth: 812.4, …, totalUsdPerMonth: 2310.9, totalBandUsdPerMonth: [2101.2, 2544.0] }
 */
export function costChartRows(plan: ScenarioPlan): CostChartRow[] {
  const banded = hasUncertainty(plan);
  return plan.months.map((month) => {
    const band = plan.uncertainty.months[month.monthIndex]?.totalUsdPerMonth;
    const components = Object.fromEntries(COST_COMPONENTS.map(({ key }) => [key, month.breakdown[key]])) as Record<CostComponentKey, number>;
    return {
      month: month.month,
      ...components,
      totalUsdPerMonth: month.breakdown.totalUsdPerMonth,
      totalBandUsdPerMonth: banded && band ? [band.p10, band.p90] : null,
    };
  });
}

export type CostSummary = {
  first: { month: string; totalUsdPerMonth: number };
  last: { month: string; totalUsdPerMonth: number };
  /** Σ total over the horizon. */
  horizonUsd: number;
  /** Σ each component over the horizon. */
  componentUsd: Record<CostComponentKey, number>;
  /** Σ compute if every SLO-sized node were on-demand (the savings baseline). */
  allOnDemandComputeUsd: number;
  spotSavingsUsd: number;
  commitmentSavingUsd: number;
  /** Month 0 and the final month, per million events (streaming) or per TB processed (batch). */
  unitCost: { unit: "million events" | "TB processed"; first: number | null; last: number | null } | null;
};

function unitCostOf(month: ScenarioPlan["months"][number], unit: "million events" | "TB processed"): number | null {
  return unit === "million events" ? month.unitCost.usdPerMillionEvents : month.unitCost.usdPerTbProcessed;
}

/**
 * The headline figures of a plan; null for a plan without months.
 *
 * @example summarizeCost(plan)?.first //=> { month: "2026-01", totalUsdPerMonth: 2310.9 }
 */
export function summarizeCost(plan: ScenarioPlan): CostSummary | null {
  const first = plan.months[0];
  const last = plan.months.at(-1);
  if (!first || !last) return null;
  const componentUsd = Object.fromEntries(
    COST_COMPONENTS.map(({ key }) => [key, plan.months.reduce((sum, month) => sum + month.breakdown[key], 0)]),
  ) as Record<CostComponentKey, number>;
  const unit = first.unitCost.usdPerMillionEvents !== null ? "million events" : first.unitCost.usdPerTbProcessed !== null ? "TB processed" : null;
  return {
    first: { month: first.month, totalUsdPerMonth: first.breakdown.totalUsdPerMonth },
    last: { month: last.month, totalUsdPerMonth: last.breakdown.totalUsdPerMonth },
    horizonUsd: plan.totals.usd,
    componentUsd,
    allOnDemandComputeUsd: plan.totals.allOnDemandComputeUsd,
    spotSavingsUsd: plan.totals.spotSavingsUsd,
    commitmentSavingUsd: plan.totals.commitmentSavingUsd,
    unitCost: unit === null ? null : { unit, first: unitCostOf(first, unit), last: unitCostOf(last, unit) },
  };
}

/** A month in which the ladder buys, with what is then in force and how it fares on the likely path. */
export type CommitmentPurchaseRow = {
  month: string;
  /** Bought this month, on-demand-equivalent USD per hour (÷ {@link HOURS_PER_MONTH}). */
  purchasedUsdPerHour: number;
  /** In force after the purchase, on-demand-equivalent USD per hour. */
  committedUsdPerHour: number;
  /** Committed ÷ the likely committable (on-demand) compute that month; > 1 means stranded. */
  coverageRatio: number | null;
  /** Likely committable compute − what it costs with the commitment, that month (USD). */
  savingUsdPerMonth: number;
  /** Paid for and unused that month on the likely path (USD). */
  strandedUsdPerMonth: number;
};

/**
 * The ladder's purchase months, for a table; empty without a ladder or purchases.
 * Saving and stranding follow docs/model.md §16: cost = committed × (1 − d) + max(0, u − committed).
 */
export function commitmentPurchases(plan: ScenarioPlan): CommitmentPurchaseRow[] {
  const ladder = plan.commitments;
  if (!ladder) return [];
  const discount = ladder.offer.discountRatio;
  return ladder.months.flatMap((rung) => {
    const month = plan.months[rung.monthIndex];
    if (!month || rung.purchasedUsdPerMonth <= 0) return [];
    const usage = month.stages.reduce((sum, stage) => sum + stage.committableUsdPerMonth, 0);
    const committed = rung.committedUsdPerMonth;
    return [
      {
        month: month.month,
        purchasedUsdPerHour: rung.purchasedUsdPerMonth / HOURS_PER_MONTH,
        committedUsdPerHour: committed / HOURS_PER_MONTH,
        coverageRatio: usage > 0 ? committed / usage : null,
        savingUsdPerMonth: usage - costWithCommitment(usage, committed, discount),
        strandedUsdPerMonth: Math.max(0, committed - usage) * (1 - discount),
      },
    ];
  });
}
