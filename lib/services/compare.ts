import "server-only";

/**
 * The comparison of 2–4 scenarios from their stored plans (never recomputed here: a stale plan
 * is refreshed once by getScenarioPlans, as on the scenario page).
 */
import type { DbClient } from "@/lib/db/client";
import { buildComparison, type Comparison } from "@/lib/compare/comparison";

import { getScenarioPlans } from "./plans";

export type ComparisonResult = { kind: "ok"; comparison: Comparison } | { kind: "missing"; missingIds: string[] };

/**
 * @param scenarioIds - validated ids (lib/compare/params.ts), baseline first
 * @returns the comparison, or the ids that name no live scenario
 */
export async function loadComparison(db: DbClient, scenarioIds: readonly string[]): Promise<ComparisonResult> {
  const found = await getScenarioPlans(db, scenarioIds);
  const foundIds = new Set(found.map(({ scenario }) => scenario.id));
  const missingIds = scenarioIds.filter((id) => !foundIds.has(id));
  if (missingIds.length > 0) return { kind: "missing", missingIds };
  return {
    kind: "ok",
    comparison: buildComparison(
      found.map(({ scenario, plan }) => ({
        scenarioId: scenario.id,
        scenarioName: scenario.name,
        workloadId: scenario.workloadId,
        workloadName: scenario.workloadName,
        computed: plan.computed,
        spec: scenario.spec,
        ofRecord: scenario.ofRecord,
        bandsPending: plan.bandsStatus === "pending" || plan.bandsStatus === "running",
      })),
    ),
  };
}
