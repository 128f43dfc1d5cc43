import { parseJsonBody } from "@/lib/api/json-body";
import { validationProblem } from "@/lib/api/problem";
import { parseQuery } from "@/lib/api/query";
import { jsonResponse, notFound } from "@/lib/api/respond";
import { nextCursorOf } from "@/lib/api/resources/common";
import { scenarioJson, ScenarioListQuerySchema, scenarioSummaryJson, ScenarioWriteSchema } from "@/lib/api/resources/scenarios";
import { apiRoute, apiWriteRoute } from "@/lib/api/route";
import { currentPricedVersion } from "@/lib/services/catalog";
import { refreshScenarioPlan } from "@/lib/services/plans";
import { createScenario, getScenario, listScenariosAfter } from "@/lib/services/scenarios";
import { getWorkload } from "@/lib/services/workloads";

export const dynamic = "force-dynamic";

const MAX_BODY_BYTES = 256 * 1024;

/** GET /api/v1/workloads/{id}/scenarios — the profile's live scenarios, oldest first, a cursor page at a time. */
export const GET = apiRoute<{ id: string }>(async ({ url, params, db }) => {
  const query = parseQuery(url, ScenarioListQuerySchema);
  if (!query.ok) return validationProblem(query.errors);
  if (!(await getWorkload(db, params.id))) return notFound("workload", params.id);
  const page = await listScenariosAfter(db, { workloadId: params.id, after: query.data.cursor, limit: query.data.limit });
  return jsonResponse({ items: page.rows.map(scenarioSummaryJson), nextCursor: nextCursorOf(page.next) });
});

/**
 * POST /api/v1/workloads/{id}/scenarios — adds a scenario (the scenario form's schema), priced
 * with the current catalog, stores its plan like a form save, and answers 201 with it.
 */
export const POST = apiWriteRoute<{ id: string }>({ maxBodyBytes: MAX_BODY_BYTES, permission: "workloads.write" }, async ({ body, params, db }) => {
  const parsed = parseJsonBody(body, ScenarioWriteSchema);
  if (!parsed.ok) return parsed.response;
  const created = await createScenario(db, { workloadId: params.id, ...parsed.data, pricedCatalogVersion: await currentPricedVersion(db) });
  if (!created) return notFound("workload", params.id);
  await refreshScenarioPlan(db, created.id);
  const stored = (await getScenario(db, created.id)) ?? created;
  return jsonResponse(scenarioJson(stored), { status: 201, version: stored.version, location: `/api/v1/scenarios/${stored.id}` });
});
