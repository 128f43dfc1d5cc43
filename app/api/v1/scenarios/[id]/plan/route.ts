import { jsonResponse, notFound } from "@/lib/api/respond";
import { planJson } from "@/lib/api/resources/plan";
import { apiRoute } from "@/lib/api/route";
import { getScenarioPlan } from "@/lib/services/plans";
import { getScenario } from "@/lib/services/scenarios";

export const dynamic = "force-dynamic";

/**
 * GET /api/v1/scenarios/{id}/plan — the scenario's stored plan: month rows per stage and cost
 * component, Monte Carlo bands, commitments, DR, totals (lib/api/resources/plan.ts). Read through
 * the planning service: a plan made stale by a change is recomputed once there, never here.
 */
export const GET = apiRoute<{ id: string }>(async ({ params, db }) => {
  const scenario = await getScenario(db, params.id);
  const plan = scenario && (await getScenarioPlan(db, scenario));
  return scenario && plan ? jsonResponse(planJson(scenario, plan)) : notFound("scenario", params.id);
});
