/**
 * Team budgets as an append-only history (`TeamBudget`), like catalog overrides: a set or a clear
 * is a new row naming the revision it replaces, and `(team, previousRevision)` is unique, so two
 * edits from the same stale revision cannot both land. Persistence only.
 */
import type { DbClient } from "./client";
import { isUniqueViolation } from "./catalog";

export type TeamBudgetRow = { revision: number; team: string; monthlyUsd: string | null; reason: string; actor: string; createdAt: Date };

/** Each team's newest budget row (a clear has `monthlyUsd` null). */
export async function listLatestBudgetRows(db: DbClient): Promise<TeamBudgetRow[]> {
  const rows = await db.$queryRaw<TeamBudgetRow[]>`
    SELECT DISTINCT ON ("team") "revision", "team", "monthlyUsd"::text AS "monthlyUsd", "reason", "actor", "createdAt"
    FROM "TeamBudget" ORDER BY "team", "revision" DESC`;
  return rows;
}

/** A team's budget history, newest first. */
export async function listBudgetHistory(db: DbClient, team: string): Promise<TeamBudgetRow[]> {
  const rows = await db.teamBudget.findMany({ where: { team }, orderBy: { revision: "desc" } });
  return rows.map((row) => ({ ...row, monthlyUsd: row.monthlyUsd === null ? null : row.monthlyUsd.toFixed(2) }));
}

/**
 * Appends a budget row after `previousRevision` (0 for a team's first).
 *
 * @param input.monthlyUsd - USD/month as an exact decimal string ("12000.00"), or null to clear
 * @returns the new revision, or "conflict" when someone else appended after `previousRevision` first
 */
export async function appendBudgetRow(
  db: DbClient,
  input: { team: string; previousRevision: number; monthlyUsd: string | null; reason: string; actor: string },
): Promise<{ revision: number } | "conflict"> {
  const latest = await db.teamBudget.findFirst({ where: { team: input.team }, orderBy: { revision: "desc" }, select: { revision: true } });
  if ((latest?.revision ?? 0) !== input.previousRevision) return "conflict";
  try {
    const row = await db.teamBudget.create({ data: input, select: { revision: true } });
    return { revision: row.revision };
  } catch (error) {
    if (isUniqueViolation(error)) return "conflict";
    throw error;
  }
}
