/**
 * Rows of the portfolio: every live profile's plan of record with its stored plan's head and the
 * figures derived from it (`PortfolioFigures`), in one query. Persistence only: what the figures
 * contain is lib/compare/portfolio.ts's business.
 */
import type { DbClient } from "./client";
import { transact } from "./client";
import type { Prisma } from "./generated/client";

export type PortfolioRow = {
  workloadId: string;
  workloadName: string;
  team: string;
  scenarioId: string;
  scenarioName: string;
  /** Null: the plan of record has no stored plan yet (it is stored when first read or saved). */
  planComputedAt: Date | null;
  planBandsComputedAt: Date | null;
  pricedCatalogVersion: string | null;
  provider: string | null;
  /** Figures of exactly this stored plan are stored (false: still to be derived). */
  hasFigures: boolean;
};

/** Every live profile's plan of record and its stored plan's head: small rows, no JSON. */
export async function listPortfolioRows(db: DbClient): Promise<PortfolioRow[]> {
  return db.$queryRaw<PortfolioRow[]>`
    SELECT w."id" AS "workloadId", w."name" AS "workloadName", w."team", s."id" AS "scenarioId", s."name" AS "scenarioName",
           p."computedAt" AS "planComputedAt", p."bandsComputedAt" AS "planBandsComputedAt", p."pricedCatalogVersion", p."provider",
           (f."scenarioId" IS NOT NULL) AS "hasFigures"
    FROM "WorkloadProfile" w
    JOIN "Scenario" s ON s."id" = w."planOfRecordId" AND s."deletedAt" IS NULL
    LEFT JOIN "ScenarioPlan" p ON p."scenarioId" = s."id"
    LEFT JOIN "PortfolioFigures" f ON f."scenarioId" = p."scenarioId" AND f."planComputedAt" = p."computedAt"
         AND f."planBandsComputedAt" IS NOT DISTINCT FROM p."bandsComputedAt"
    WHERE w."deletedAt" IS NULL
    ORDER BY w."name", w."id"`;
}

/** The stored figures of these plans, with the stored plan each came from. */
export async function getPortfolioFigures(db: DbClient, scenarioIds: readonly string[]): Promise<{ scenarioId: string; planComputedAt: Date; planBandsComputedAt: Date | null; figures: Prisma.JsonValue }[]> {
  return db.portfolioFigures.findMany({ where: { scenarioId: { in: [...scenarioIds] } } });
}

/** Stored plans' JSON with the moment each was stored, for deriving figures. */
export async function getPlansForFigures(db: DbClient, scenarioIds: readonly string[]): Promise<{ scenarioId: string; plan: Prisma.JsonValue; computedAt: Date; bandsComputedAt: Date | null }[]> {
  return db.scenarioPlan.findMany({ where: { scenarioId: { in: [...scenarioIds] } }, select: { scenarioId: true, plan: true, computedAt: true, bandsComputedAt: true } });
}

/** Replaces the figures of these plans (each row names the stored plan it came from). */
export async function storePortfolioFigures(
  db: DbClient,
  rows: readonly { scenarioId: string; planComputedAt: Date; planBandsComputedAt: Date | null; figures: Prisma.InputJsonValue }[],
): Promise<void> {
  if (rows.length === 0) return;
  await transact(db, async (tx) => {
    const ids = rows.map((row) => row.scenarioId);
    // Only plans that still exist: a scenario deleted meanwhile took its plan (and figures) with it.
    const live = new Set((await tx.scenarioPlan.findMany({ where: { scenarioId: { in: ids } }, select: { scenarioId: true } })).map((row) => row.scenarioId));
    await tx.portfolioFigures.deleteMany({ where: { scenarioId: { in: ids } } });
    await tx.portfolioFigures.createMany({ data: rows.filter((row) => live.has(row.scenarioId)).map((row) => ({ ...row })), skipDuplicates: true });
  });
}
