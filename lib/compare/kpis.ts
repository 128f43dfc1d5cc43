/**
 * The comparison's KPI table: one row per figure FinOps decides on, one cell per scenario, each
 * with its absolute and relative delta against the baseline (the first scenario), the winner of
 * the row, and whether a difference is inside the P10–P90 band ("not a real difference").
 * Pure: reads stored plans (ComputedPlan), computes nothing the planner did not.
 */
import { gapsOf, type ComputedPlan } from "@/lib/planning/compute-plan";
import { formatMinutes } from "@/lib/format";
import { DR_STRATEGY_LABELS } from "@/lib/planning/display/cost";

/** One scenario of a comparison: its stored plan and how to name it. */
export type CompareEntry = {
  scenarioId: string;
  scenarioName: string;
  workloadId: string;
  workloadName: string;
  computed: ComputedPlan;
};

export type KpiUnit = "usdPerMonth" | "usd" | "nodes" | "usdPerUnit" | "minutes" | "count" | "text";

/** P10 and P90 of a figure; equal when the scenario has no ranges. */
export type KpiBand = { p10: number; p90: number };

export type KpiCell = {
  /** The figure (likely path); null when it does not apply (unpriced plan, no DR, another unit). */
  value: number | null;
  /** What to print when the figure is a word (DR strategy, feasibility), or a note beside a number. */
  text: string | null;
  band: KpiBand | null;
  /** value − baseline value; null for the baseline itself or when either is null. */
  deltaAbs: number | null;
  /** deltaAbs ÷ |baseline value|; null when the baseline is zero or a delta is null. */
  deltaRatio: number | null;
  /** The difference to the baseline lies inside one of their P10–P90 bands. */
  withinBand: boolean;
};

export type KpiRow = {
  key: string;
  label: string;
  unit: KpiUnit;
  /** Unit cost's denominator ("million events", "TB processed"), else null. */
  perUnit: string | null;
  /** Which way is better; null for rows that are not ranked. */
  better: "lower" | "higher" | null;
  cells: KpiCell[];
  /** Index of the single best cell, or null (a tie, fewer than two figures, or not ranked). */
  winnerIndex: number | null;
  /** The winner's lead over the runner-up is inside a P10–P90 band: shown, but "not a real difference". */
  winnerWithinBand: boolean;
};

type Figure = { value: number | null; text?: string | null; band?: KpiBand | null };

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

/** A priced plan as stored. */
type ScenarioPlan = Extract<ComputedPlan, { kind: "priced" }>["plan"];

function pricedPlan(computed: ComputedPlan): ScenarioPlan | null {
  return computed.kind === "priced" ? computed.plan : null;
}

/** Bands are real only when the plan came from Monte Carlo over ranges (seed set). */
function monthBand(plan: ScenarioPlan, monthIndex: number): KpiBand | null {
  if (plan.uncertainty.seed === null) return null;
  const band = plan.uncertainty.months[monthIndex]?.totalUsdPerMonth;
  return band ? { p10: band.p10, p90: band.p90 } : null;
}

function monthTotal(computed: ComputedPlan, pick: (months: number) => number | null): Figure {
  const plan = pricedPlan(computed);
  if (!plan) return { value: null, text: "not priced" };
  const index = pick(plan.months.length);
  const month = index === null ? undefined : plan.months[index];
  if (index === null || !month) return { value: null, text: "beyond horizon" };
  const unsized = plan.gaps.some((gap) => gap.monthIndices.includes(index));
  return { value: month.breakdown.totalUsdPerMonth, band: monthBand(plan, index), text: unsized ? INCOMPLETE : null };
}

/** Said beside a total that leaves out a stage the planner could not size (plan gaps). */
export const INCOMPLETE = "incomplete: a stage could not be sized, its cost is left out";

/**
 * The horizon total's band as the sum of monthly P10s and P90s. Exact when every sample keeps its
 * rank from month to month (one growth rate per sample drives all months, so they nearly do);
 * otherwise it is wider than the true band, which only makes "not a real difference" cautious.
 */
function horizonTotal(computed: ComputedPlan): Figure {
  const plan = pricedPlan(computed);
  if (!plan) return { value: null, text: "not priced" };
  const banded = plan.uncertainty.seed !== null;
  const bands = plan.uncertainty.months.map((month) => month.totalUsdPerMonth);
  return {
    value: plan.totals.usd,
    text: plan.gaps.length > 0 ? INCOMPLETE : null,
    band: banded ? { p10: sum(bands.map((band) => band.p10)), p90: sum(bands.map((band) => band.p90)) } : null,
  };
}

/** Nodes per month (Σ stages, spot buffer included); unsized stages count zero. */
function nodesByMonth(computed: ComputedPlan): number[] {
  if (computed.kind === "priced") return computed.plan.months.map((month) => sum(month.stages.map((stage) => stage.nodes)));
  return computed.projection.months.map((month) => sum(month.stages.map((stage) => (stage.kind === "sized" ? stage.nodes : 0))));
}

function peakNodes(computed: ComputedPlan): Figure {
  const nodes = nodesByMonth(computed);
  return nodes.length === 0 ? { value: null } : { value: Math.max(...nodes) };
}

type UnitCost = { usd: number | null; per: "million events" | "TB processed" | null };

function monthZeroUnitCost(computed: ComputedPlan): UnitCost {
  const month = pricedPlan(computed)?.months[0];
  if (!month) return { usd: null, per: null };
  if (month.unitCost.usdPerMillionEvents !== null) return { usd: month.unitCost.usdPerMillionEvents, per: "million events" };
  if (month.unitCost.usdPerTbProcessed !== null) return { usd: month.unitCost.usdPerTbProcessed, per: "TB processed" };
  return { usd: null, per: null };
}

function gapMonths(computed: ComputedPlan): number {
  return new Set(gapsOf(computed).flatMap((gap) => gap.monthIndices)).size;
}


type DrChoice = { label: string; rtoMinutes: number | null; rpoMinutes: number | null };

function drChoice(computed: ComputedPlan): DrChoice {
  const plan = pricedPlan(computed);
  if (!plan) return { label: "not priced", rtoMinutes: null, rpoMinutes: null };
  const option = plan.dr?.options.find((candidate) => candidate.strategy === plan.drStrategy);
  if (!plan.drStrategy || !option) return { label: plan.dr ? "none meets the targets" : "no DR", rtoMinutes: null, rpoMinutes: null };
  return {
    label: `${DR_STRATEGY_LABELS[plan.drStrategy]} (RTO ${formatMinutes(option.rtoMinutes)}, RPO ${formatMinutes(option.rpoMinutes)})`,
    rtoMinutes: option.rtoMinutes,
    rpoMinutes: option.rpoMinutes,
  };
}

/** Whether b's difference to a is inside a's or b's P10–P90 band (either likely value inside the other's band). */
export function insideBands(a: { value: number; band: KpiBand | null }, b: { value: number; band: KpiBand | null }): boolean {
  const inside = (value: number, band: KpiBand | null) => band !== null && band.p90 > band.p10 && value >= band.p10 && value <= band.p90;
  return a.value !== b.value && (inside(b.value, a.band) || inside(a.value, b.band));
}

/** Money compared to the cent: closer than half a cent is a tie. */
const TIE_TOLERANCE = 0.005;

/**
 * Builds one row from one figure per scenario: deltas against cell 0, the winner and the band test.
 *
 * @example kpiRow({ key: "h", label: "Horizon", unit: "usd", better: "lower" }, [{ value: 100 }, { value: 80 }]).cells[1] //=> { value: 80, deltaAbs: -20, deltaRatio: -0.2, … }
 */
export function kpiRow(meta: Pick<KpiRow, "key" | "label" | "unit" | "better"> & { perUnit?: string | null }, figures: readonly Figure[]): KpiRow {
  const base = figures[0];
  const cells: KpiCell[] = figures.map((figure, index) => {
    const comparable = index > 0 && base?.value != null && figure.value !== null;
    const deltaAbs = comparable && base?.value != null && figure.value !== null ? figure.value - base.value : null;
    const baseValue = base?.value ?? null;
    return {
      value: figure.value,
      text: figure.text ?? null,
      band: figure.band ?? null,
      deltaAbs,
      deltaRatio: deltaAbs !== null && baseValue !== null && baseValue !== 0 ? deltaAbs / Math.abs(baseValue) : null,
      withinBand:
        deltaAbs !== null && baseValue !== null && figure.value !== null
          ? insideBands({ value: baseValue, band: base?.band ?? null }, { value: figure.value, band: figure.band ?? null })
          : false,
    };
  });
  const ranked = meta.better === null ? [] : cells.flatMap((cell, index) => (cell.value === null ? [] : [{ index, value: cell.value, band: cell.band }]));
  const sign = meta.better === "higher" ? -1 : 1;
  ranked.sort((a, b) => sign * (a.value - b.value));
  const [best, runnerUp] = ranked;
  const winnerIndex = best && runnerUp && Math.abs(best.value - runnerUp.value) > TIE_TOLERANCE ? best.index : null;
  return {
    key: meta.key,
    label: meta.label,
    unit: meta.unit,
    perUnit: meta.perUnit ?? null,
    better: meta.better,
    cells,
    winnerIndex,
    winnerWithinBand: winnerIndex !== null && best !== undefined && runnerUp !== undefined && insideBands(best, runnerUp),
  };
}

/** The month 12 months after the start, if the horizon reaches it. */
const MONTH_12 = 12;

/**
 * The KPI table of a comparison, baseline first (issue 12): month-0, month-12 and final monthly
 * total, horizon total, peak nodes, month-0 unit cost, spot and commitment savings over the
 * horizon, the DR strategy with its RTO and RPO, feasibility (months with a capacity gap) and SLO
 * risk (stage-months whose spot share breaks the SLO at the stated risk).
 *
 * @param entries - 2–4 scenarios, the baseline first
 */
export function compareKpis(entries: readonly CompareEntry[]): KpiRow[] {
  const plans = entries.map((entry) => entry.computed);
  const unitCosts = plans.map(monthZeroUnitCost);
  const units = new Set(unitCosts.flatMap((cost) => (cost.per ? [cost.per] : [])));
  // Unit costs in different units (per million events vs per TB) are not ranked against each other.
  const sharedUnit = units.size === 1 ? [...units][0] ?? null : null;
  const drs = plans.map(drChoice);
  const gaps = plans.map(gapMonths);
  const savings = (pick: (plan: ScenarioPlan) => number): Figure[] =>
    plans.map((computed) => {
      const plan = pricedPlan(computed);
      return plan ? { value: pick(plan) } : { value: null, text: "not priced" };
    });
  return [
    kpiRow({ key: "month0", label: "Month-0 monthly total", unit: "usdPerMonth", better: "lower" }, plans.map((plan) => monthTotal(plan, () => 0))),
    kpiRow({ key: "month12", label: "Month-12 monthly total", unit: "usdPerMonth", better: "lower" }, plans.map((plan) => monthTotal(plan, (months) => (months > MONTH_12 ? MONTH_12 : null)))),
    kpiRow({ key: "final", label: "Final monthly total", unit: "usdPerMonth", better: "lower" }, plans.map((plan) => monthTotal(plan, (months) => (months > 0 ? months - 1 : null)))),
    kpiRow({ key: "horizon", label: "Horizon total", unit: "usd", better: "lower" }, plans.map(horizonTotal)),
    kpiRow({ key: "peakNodes", label: "Peak nodes", unit: "nodes", better: "lower" }, plans.map(peakNodes)),
    kpiRow(
      { key: "unitCost", label: "Month-0 unit cost", unit: "usdPerUnit", better: sharedUnit ? "lower" : null, perUnit: sharedUnit },
      unitCosts.map((cost) => ({ value: cost.usd, text: cost.per && cost.per !== sharedUnit ? `per ${cost.per}` : cost.usd === null ? "n/a" : null })),
    ),
    kpiRow({ key: "spotSavings", label: "Spot savings over the horizon", unit: "usd", better: "higher" }, savings((plan) => plan.totals.spotSavingsUsd)),
    kpiRow({ key: "commitmentSavings", label: "Commitment savings over the horizon", unit: "usd", better: "higher" }, savings((plan) => plan.totals.commitmentSavingUsd)),
    kpiRow({ key: "dr", label: "DR strategy", unit: "text", better: null }, drs.map((dr) => ({ value: null, text: dr.label }))),
    kpiRow({ key: "rto", label: "Recovery time (RTO)", unit: "minutes", better: "lower" }, drs.map((dr) => ({ value: dr.rtoMinutes, text: dr.rtoMinutes === null ? "—" : null }))),
    kpiRow({ key: "rpo", label: "Data loss window (RPO)", unit: "minutes", better: "lower" }, drs.map((dr) => ({ value: dr.rpoMinutes, text: dr.rpoMinutes === null ? "—" : null }))),
    kpiRow(
      { key: "gapMonths", label: "Months with a capacity gap", unit: "count", better: "lower" },
      gaps.map((count) => ({ value: count, text: count === 0 ? "feasible every month" : null })),
    ),
    kpiRow(
      { key: "sloRisk", label: "Stage-months where spot risks the SLO", unit: "count", better: "lower" },
      plans.map((computed) => {
        const plan = pricedPlan(computed);
        return plan ? { value: plan.spotFlags.length } : { value: null, text: "not priced" };
      }),
    ),
  ];
}
