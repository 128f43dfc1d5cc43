import "server-only";

/**
 * The portfolio dashboard's data: one small query for every plan of record's stored-plan head,
 * the budgets in force, and an aggregation in memory. Each stored plan is reduced to its
 * portfolio figures once (the first view after it changed), stored beside it, and kept parsed in
 * memory by the moment the plan was stored; a view after no change reads no JSON at all. No plan
 * is ever computed here.
 */
import { PlanFiguresSchema, aggregatePortfolio, planFigures, type PlanFigures, type Portfolio, type PortfolioPlan } from "@/lib/compare/portfolio";
import type { DbClient } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { getPlansForFigures, getPortfolioFigures, listPortfolioRows, storePortfolioFigures, type PortfolioRow } from "@/lib/db/portfolio";
import type { ComputedPlan } from "@/lib/planning/compute-plan";

import { listBudgets, type TeamBudgetView } from "./budgets";
import { currentPricedVersion } from "./catalog";

/** Plans read per query while deriving figures: bounds memory when many plans changed at once. */
const DERIVE_BATCH = 50;

export type Dashboard = {
  portfolio: Portfolio;
  budgets: TeamBudgetView[];
  /** Plans of record without a stored plan yet (stored when their scenario is next read or saved). */
  notPlanned: number;
  /** Plans whose figures were derived from their plan during this view (0 after no change). */
  derived: number;
};

type PlanStamp = { scenarioId: string; planComputedAt: Date; planBandsComputedAt: Date | null };

/** Figures by stored plan: a stored plan never changes (a new one has a new `computedAt`). */
const figuresCache = new Map<string, PlanFigures>();
/** Well above any portfolio here (500 plans in the bench); the oldest entries go first. */
const FIGURES_CACHE_SIZE = 20_000;

function stampKey(stamp: PlanStamp): string {
  return `${stamp.scenarioId}|${stamp.planComputedAt.toISOString()}|${stamp.planBandsComputedAt?.toISOString() ?? ""}`;
}

function remember(stamp: PlanStamp, figures: PlanFigures): void {
  figuresCache.set(stampKey(stamp), figures);
  for (const oldest of figuresCache.keys()) {
    if (figuresCache.size <= FIGURES_CACHE_SIZE) break;
    figuresCache.delete(oldest);
  }
}

/** Derives and stores the figures of stored plans that have none (or only older ones). */
async function deriveFigures(db: DbClient, scenarioIds: readonly string[]): Promise<number> {
  let derived = 0;
  for (let start = 0; start < scenarioIds.length; start += DERIVE_BATCH) {
    const plans = await getPlansForFigures(db, scenarioIds.slice(start, start + DERIVE_BATCH));
    const rows = plans.map((plan) => ({
      scenarioId: plan.scenarioId,
      planComputedAt: plan.computedAt,
      planBandsComputedAt: plan.bandsComputedAt,
      figures: planFigures(plan.plan as unknown as ComputedPlan),
    }));
    await storePortfolioFigures(db, rows.map((row) => ({ ...row, figures: row.figures as Prisma.InputJsonValue })));
    for (const row of rows) remember(row, row.figures);
    derived += rows.length;
  }
  return derived;
}

/** Fills the cache for every planned row: stored figures are read and parsed, missing ones derived. */
async function ensureFigures(db: DbClient, rows: readonly PortfolioRow[]): Promise<number> {
  const uncached = rows.filter((row): row is PortfolioRow & { planComputedAt: Date } => row.planComputedAt !== null && !figuresCache.has(stampKey(row as PlanStamp)));
  const stored = uncached.filter((row) => row.hasFigures);
  const live = new Map(stored.map((row) => [row.scenarioId, stampKey(row)]));
  const toDerive = new Set(uncached.filter((row) => !row.hasFigures).map((row) => row.scenarioId));
  for (const row of await getPortfolioFigures(db, [...live.keys()])) {
    // A plan replaced between the two queries: derive the new one's figures.
    if (live.get(row.scenarioId) !== stampKey(row)) toDerive.add(row.scenarioId);
    else remember(row, PlanFiguresSchema.parse(row.figures));
  }
  return deriveFigures(db, [...toDerive]);
}

/**
 * @param options.asOfMonth - the calendar month to read the portfolio in (default: this UTC month)
 */
export async function loadDashboard(db: DbClient, options: { asOfMonth?: string } = {}): Promise<Dashboard> {
  const asOfMonth = options.asOfMonth ?? new Date().toISOString().slice(0, 7);
  const [rows, budgets, priced] = await Promise.all([listPortfolioRows(db), listBudgets(db), currentPricedVersion(db)]);
  const derived = await ensureFigures(db, rows);
  const plans: PortfolioPlan[] = rows.flatMap((row) => {
    if (row.planComputedAt === null || row.pricedCatalogVersion === null) return [];
    const figures = figuresCache.get(stampKey(row as PlanStamp));
    if (!figures) return [];
    return [
      {
        workloadId: row.workloadId,
        workloadName: row.workloadName,
        team: row.team,
        scenarioId: row.scenarioId,
        scenarioName: row.scenarioName,
        provider: row.provider,
        pricedCatalogVersion: row.pricedCatalogVersion,
        figures,
      },
    ];
  });
  const budgetByTeam = new Map(budgets.flatMap((budget) => (budget.monthlyUsd === null ? [] : [[budget.team, budget.monthlyUsd] as const])));
  return {
    portfolio: aggregatePortfolio({ plans, asOfMonth, budgets: budgetByTeam, currentPricedVersion: priced }),
    budgets,
    notPlanned: rows.filter((row) => row.planComputedAt === null).length,
    derived,
  };
}
