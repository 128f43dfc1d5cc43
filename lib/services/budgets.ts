import "server-only";

/**
 * Team budgets (USD/month) as FinOps sets them: versioned like catalog overrides, each change a new
 * revision with who and why, written only on top of the revision the editor saw.
 */
import { appendBudgetRow, listLatestBudgetRows } from "@/lib/db/budgets";
import type { DbClient } from "@/lib/db/client";
import { usdCents } from "@/lib/planning/headline";

export type TeamBudgetView = {
  team: string;
  /** The team's latest revision (a set or a clear). */
  revision: number;
  /** USD/month in force; null after a clear. */
  monthlyUsd: number | null;
  reason: string;
  actor: string;
  changedAt: Date;
};

/** Every team's latest budget row, by team name. */
export async function listBudgets(db: DbClient): Promise<TeamBudgetView[]> {
  const rows = await listLatestBudgetRows(db);
  return rows.map((row) => ({ team: row.team, revision: row.revision, monthlyUsd: row.monthlyUsd === null ? null : Number(row.monthlyUsd), reason: row.reason, actor: row.actor, changedAt: row.createdAt }));
}

export type SetBudgetInput = { team: string; monthlyUsd: number | null; previousRevision: number; reason: string; actor: string };

/**
 * Sets (or, with `monthlyUsd` null, clears) a team's budget on top of the revision the editor read.
 *
 * @returns the new revision, or a conflict with what is in force now
 */
export async function setTeamBudget(db: DbClient, input: SetBudgetInput): Promise<{ kind: "ok"; revision: number } | { kind: "conflict"; latest: TeamBudgetView | null }> {
  const result = await appendBudgetRow(db, { ...input, monthlyUsd: input.monthlyUsd === null ? null : usdCents(input.monthlyUsd) });
  if (result !== "conflict") return { kind: "ok", revision: result.revision };
  const latest = (await listBudgets(db)).find((budget) => budget.team === input.team) ?? null;
  return { kind: "conflict", latest };
}
