/**
 * The FinOps portfolio across plans of record: each stored plan is reduced once to a few KB of
 * figures ({@link planFigures}, kept beside the plan until it is replaced), and the dashboard
 * aggregates those ({@link aggregatePortfolio}) on the calendar: "this month" is the month the
 * dashboard is read in, so plans starting later count nothing yet and plans that ended count
 * nothing any more. Pure; USD unrounded.
 *
 * Sums of bands: a portfolio's P10 (P90) is taken as the sum of its plans' P10s (P90s). That is
 * exact when plans move together (a common market) and wider than the true band when they are
 * independent, so the portfolio band is a cautious upper bound on the spread.
 */
import { z } from "zod";

import type { ComputedPlan } from "@/lib/planning/compute-plan";
import { COST_COMPONENTS, type CostComponentKey } from "@/lib/planning/display/cost";

const usd = z.number();

/** One month of a plan as the portfolio reads it. */
const FigureMonthSchema = z.object({
  likelyUsd: usd,
  p10Usd: usd,
  p90Usd: usd,
  /** The breakdown in COST_COMPONENTS order, USD/month. */
  componentsUsd: z.array(usd).length(COST_COMPONENTS.length),
  /** All-on-demand compute − what compute costs with spot and commitments (USD/month). */
  savingsTakenUsd: usd,
  /** On-demand compute neither on spot nor under a commitment: where savings are still available (USD/month). */
  uncoveredOnDemandUsd: usd,
  /** Committed but unused on the likely path, at the committed price (USD/month). */
  strandedUsd: usd,
  /** Some stage could not be sized this month: the totals exclude it. */
  gap: z.boolean(),
});

export const PlanFiguresSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("priced"),
    /** ISO month of `months[0]`. */
    startMonth: z.string().regex(/^\d{4}-\d{2}$/),
    months: z.array(FigureMonthSchema),
    /** The plan has Monte Carlo bands (otherwise p10 = likely = p90). */
    banded: z.boolean(),
    /** Stage-months whose spot share breaks the SLO at the stated risk. */
    sloRiskCount: z.number().int(),
  }),
  z.object({ kind: z.literal("unpriced"), reason: z.string() }),
]);

export type PlanFigures = z.infer<typeof PlanFiguresSchema>;
export type FigureMonth = z.infer<typeof FigureMonthSchema>;

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

/**
 * Reduces a stored plan to what the portfolio aggregates.
 *
 * @example planFigures(computed) //=> { kind: "priced", startMonth: "2026-01", months: [{ likelyUsd: 9193.4, … }], banded: true, sloRiskCount: 0 }
 */
export function planFigures(computed: ComputedPlan): PlanFigures {
  if (computed.kind === "unpriced") return { kind: "unpriced", reason: computed.reason };
  const { plan } = computed;
  const banded = plan.uncertainty.seed !== null;
  const gapMonths = new Set(plan.gaps.flatMap((gap) => gap.monthIndices));
  const discount = plan.commitments?.offer.discountRatio ?? 0;
  return {
    kind: "priced",
    startMonth: plan.months[0]?.month ?? plan.projection.startMonth,
    banded,
    sloRiskCount: plan.spotFlags.length,
    months: plan.months.map((month) => {
      const { breakdown } = month;
      const band = plan.uncertainty.months[month.monthIndex]?.totalUsdPerMonth;
      const committed = plan.commitments?.months[month.monthIndex]?.committedUsdPerMonth ?? 0;
      const usage = sum(month.stages.map((stage) => stage.committableUsdPerMonth));
      const compute = breakdown.computeOnDemandUsdPerMonth + breakdown.computeSpotUsdPerMonth + breakdown.computeCommittedUsdPerMonth;
      return {
        likelyUsd: breakdown.totalUsdPerMonth,
        p10Usd: banded && band ? band.p10 : breakdown.totalUsdPerMonth,
        p90Usd: banded && band ? band.p90 : breakdown.totalUsdPerMonth,
        componentsUsd: COST_COMPONENTS.map(({ key }) => breakdown[key]),
        savingsTakenUsd: month.allOnDemandComputeUsdPerMonth - compute,
        uncoveredOnDemandUsd: breakdown.computeOnDemandUsdPerMonth,
        strandedUsd: Math.max(0, committed - usage) * (1 - discount),
        gap: gapMonths.has(month.monthIndex),
      };
    }),
  };
}

/**
 * Months from `from` to `to` (ISO `YYYY-MM`), negative when `to` is earlier.
 *
 * @example monthsBetween("2026-11", "2027-02") //=> 3
 */
export function monthsBetween(from: string, to: string): number {
  const [fromYear = 0, fromMonth = 1] = from.split("-").map(Number);
  const [toYear = 0, toMonth = 1] = to.split("-").map(Number);
  return (toYear - fromYear) * 12 + (toMonth - fromMonth);
}

/**
 * The ISO month `count` months after `month`.
 *
 * @example addMonths("2026-11", 3) //=> "2027-02"
 */
export function addMonths(month: string, count: number): string {
  const [year = 0, monthNumber = 1] = month.split("-").map(Number);
  const index = year * 12 + (monthNumber - 1) + count;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}

/** A plan of record with its figures and where it belongs. */
export type PortfolioPlan = {
  workloadId: string;
  workloadName: string;
  /** "" when the profile names no team. */
  team: string;
  scenarioId: string;
  scenarioName: string;
  provider: string | null;
  /** The priced catalog the plan was priced with. */
  pricedCatalogVersion: string;
  figures: PlanFigures;
};

/** A figure with its P10–P90 (equal to it when no plan in the sum has ranges). */
export type BandedUsd = { likelyUsd: number; p10Usd: number; p90Usd: number };

export type TeamRow = {
  team: string;
  workloads: number;
  thisMonthUsd: number;
  in12MonthsUsd: number;
  budgetUsdPerMonth: number | null;
  /** First month from now whose spend exceeds the budget, on the likely path and on P90 (null: never within the plans' horizons). */
  crossing: { likelyMonth: string | null; p90Month: string | null } | null;
};

export type PortfolioAlert = {
  kind: "gap" | "sloRisk" | "stranded" | "repriced" | "unpriced";
  workloadId: string;
  workloadName: string;
  scenarioId: string;
  text: string;
};

export type GrowingWorkload = { workloadId: string; workloadName: string; scenarioId: string; team: string; thisMonthUsd: number; in12MonthsUsd: number; growthUsdPerMonth: number };

export type Portfolio = {
  asOfMonth: string;
  plans: number;
  /** Plans of record with a priced plan running this month. */
  runningThisMonth: number;
  thisMonth: BandedUsd;
  in12Months: BandedUsd;
  /** Σ of each plan's horizon total (horizons differ; each plan's own). */
  horizonTotal: BandedUsd;
  banded: boolean;
  byTeam: TeamRow[];
  byProvider: { provider: string; thisMonthUsd: number }[];
  byComponent: { key: CostComponentKey; label: string; thisMonthUsd: number }[];
  topGrowing: GrowingWorkload[];
  savings: { takenUsdPerMonth: number; availableOnDemandUsdPerMonth: number; strandedUsdPerMonth: number };
  alerts: PortfolioAlert[];
};

/** The plan's month at a calendar month, or undefined when it does not run then. */
function monthAt(figures: PlanFigures, month: string): FigureMonth | undefined {
  return figures.kind === "priced" ? figures.months[monthsBetween(figures.startMonth, month)] : undefined;
}

const ZERO: BandedUsd = { likelyUsd: 0, p10Usd: 0, p90Usd: 0 };

function addBanded(total: BandedUsd, month: FigureMonth | undefined): BandedUsd {
  return month ? { likelyUsd: total.likelyUsd + month.likelyUsd, p10Usd: total.p10Usd + month.p10Usd, p90Usd: total.p90Usd + month.p90Usd } : total;
}

/** Spend of several plans at a calendar month on the likely path and on P90. */
function spendAt(plans: readonly PortfolioPlan[], month: string): BandedUsd {
  return plans.reduce((total, plan) => addBanded(total, monthAt(plan.figures, month)), ZERO);
}

/** The last calendar month any of the plans runs in. */
function lastMonthOf(plans: readonly PortfolioPlan[]): string | null {
  const ends = plans.flatMap((plan) => (plan.figures.kind === "priced" && plan.figures.months.length > 0 ? [addMonths(plan.figures.startMonth, plan.figures.months.length - 1)] : []));
  return ends.length ? ends.reduce((a, b) => (a > b ? a : b)) : null;
}

/**
 * The first month from `asOfMonth` whose team spend exceeds the budget, on the likely path and on
 * P90; null when it stays within budget through the plans' horizons.
 *
 * @example budgetCrossing(plans, 10_000, "2026-12") //=> { likelyMonth: "2027-08", p90Month: "2027-05" }
 */
export function budgetCrossing(plans: readonly PortfolioPlan[], budgetUsdPerMonth: number, asOfMonth: string): { likelyMonth: string | null; p90Month: string | null } {
  const last = lastMonthOf(plans);
  let likelyMonth: string | null = null;
  let p90Month: string | null = null;
  if (last === null) return { likelyMonth, p90Month };
  for (let month = asOfMonth; month <= last && likelyMonth === null; month = addMonths(month, 1)) {
    const spend = spendAt(plans, month);
    if (p90Month === null && spend.p90Usd > budgetUsdPerMonth) p90Month = month;
    if (spend.likelyUsd > budgetUsdPerMonth) likelyMonth = month;
  }
  return { likelyMonth, p90Month };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

function alertsOf(plan: PortfolioPlan, currentPricedVersion: string, asOfMonth: string): PortfolioAlert[] {
  const base = { workloadId: plan.workloadId, workloadName: plan.workloadName, scenarioId: plan.scenarioId };
  const { figures } = plan;
  if (figures.kind === "unpriced") return [{ ...base, kind: "unpriced", text: `Not priced: ${figures.reason}` }];
  const alerts: PortfolioAlert[] = [];
  const gapIndices = figures.months.flatMap((month, index) => (month.gap ? [index] : []));
  if (gapIndices.length > 0) {
    alerts.push({ ...base, kind: "gap", text: `Infeasible in ${gapIndices.length} month${gapIndices.length === 1 ? "" : "s"} from ${addMonths(figures.startMonth, gapIndices[0] ?? 0)}: a stage cannot be sized, so totals leave it out.` });
  }
  if (figures.sloRiskCount > 0) alerts.push({ ...base, kind: "sloRisk", text: `Spot share puts the SLO at risk in ${figures.sloRiskCount} stage-month${figures.sloRiskCount === 1 ? "" : "s"}.` });
  const stranded = sum(figures.months.slice(Math.max(0, monthsBetween(figures.startMonth, asOfMonth))).map((month) => month.strandedUsd));
  if (stranded >= 0.005) alerts.push({ ...base, kind: "stranded", text: `Commitments left unused on the likely path: ${Math.round(stranded).toLocaleString("en-US")} USD from now to the horizon.` });
  if (plan.pricedCatalogVersion !== currentPricedVersion) {
    alerts.push({ ...base, kind: "repriced", text: `Prices changed since it was priced (${plan.pricedCatalogVersion}; current ${currentPricedVersion}).` });
  }
  return alerts;
}

/** Alert kinds in the order FinOps acts on them. */
const ALERT_ORDER: readonly PortfolioAlert["kind"][] = ["gap", "unpriced", "sloRisk", "stranded", "repriced"];

/** "" → "(no team)": a profile without a team still counts. */
export const NO_TEAM = "(no team)";

/**
 * The portfolio dashboard's figures (issue 12).
 *
 * @param input.asOfMonth - the calendar month the dashboard is read in (ISO `YYYY-MM`)
 * @param input.budgets - team → budget in force (USD/month)
 * @param input.currentPricedVersion - to flag plans priced before a price change
 */
export function aggregatePortfolio(input: { plans: readonly PortfolioPlan[]; asOfMonth: string; budgets: ReadonlyMap<string, number>; currentPricedVersion: string }): Portfolio {
  const { plans, asOfMonth, budgets, currentPricedVersion } = input;
  const in12 = addMonths(asOfMonth, 12);
  const teamOf = (plan: PortfolioPlan) => plan.team.trim() || NO_TEAM;
  const running = plans.filter((plan) => monthAt(plan.figures, asOfMonth) !== undefined);
  const thisMonthOf = (plan: PortfolioPlan) => monthAt(plan.figures, asOfMonth)?.likelyUsd ?? 0;
  const in12Of = (plan: PortfolioPlan) => monthAt(plan.figures, in12)?.likelyUsd ?? 0;

  const horizonTotal = plans.reduce<BandedUsd>((total, plan) => {
    if (plan.figures.kind !== "priced") return total;
    return plan.figures.months.reduce(addBanded, total);
  }, ZERO);

  const teams = new Set([...plans.map(teamOf), ...budgets.keys()]);
  const byTeamPlans = groupBy(plans, teamOf);
  const byTeam: TeamRow[] = [...teams]
    .map((team) => {
      const teamPlans = byTeamPlans.get(team) ?? [];
      const budget = budgets.get(team) ?? null;
      return {
        team,
        workloads: teamPlans.length,
        thisMonthUsd: sum(teamPlans.map(thisMonthOf)),
        in12MonthsUsd: sum(teamPlans.map(in12Of)),
        budgetUsdPerMonth: budget,
        crossing: budget === null ? null : budgetCrossing(teamPlans, budget, asOfMonth),
      };
    })
    .sort((a, b) => b.thisMonthUsd - a.thisMonthUsd || a.team.localeCompare(b.team));

  const byProvider = [...groupBy(running, (plan) => plan.provider ?? "unknown")]
    .map(([provider, group]) => ({ provider, thisMonthUsd: sum(group.map(thisMonthOf)) }))
    .sort((a, b) => b.thisMonthUsd - a.thisMonthUsd);

  const thisMonths = running.flatMap((plan) => monthAt(plan.figures, asOfMonth) ?? []);
  const byComponent = COST_COMPONENTS.map(({ key, label }, index) => ({ key, label, thisMonthUsd: sum(thisMonths.map((month) => month.componentsUsd[index] ?? 0)) }));

  const topGrowing = plans
    .filter((plan) => plan.figures.kind === "priced")
    .map((plan) => ({ workloadId: plan.workloadId, workloadName: plan.workloadName, scenarioId: plan.scenarioId, team: teamOf(plan), thisMonthUsd: thisMonthOf(plan), in12MonthsUsd: in12Of(plan), growthUsdPerMonth: in12Of(plan) - thisMonthOf(plan) }))
    .filter((row) => row.growthUsdPerMonth > 0)
    .sort((a, b) => b.growthUsdPerMonth - a.growthUsdPerMonth)
    .slice(0, 5);

  const alerts = plans
    .flatMap((plan) => alertsOf(plan, currentPricedVersion, asOfMonth))
    .sort((a, b) => ALERT_ORDER.indexOf(a.kind) - ALERT_ORDER.indexOf(b.kind) || a.workloadName.localeCompare(b.workloadName));

  return {
    asOfMonth,
    plans: plans.length,
    runningThisMonth: running.length,
    thisMonth: spendAt(plans, asOfMonth),
    in12Months: spendAt(plans, in12),
    horizonTotal,
    banded: plans.some((plan) => plan.figures.kind === "priced" && plan.figures.banded),
    byTeam,
    byProvider,
    byComponent,
    topGrowing,
    savings: {
      takenUsdPerMonth: sum(thisMonths.map((month) => month.savingsTakenUsd)),
      availableOnDemandUsdPerMonth: sum(thisMonths.map((month) => month.uncoveredOnDemandUsd)),
      strandedUsdPerMonth: sum(thisMonths.map((month) => month.strandedUsd)),
    },
    alerts,
  };
}
