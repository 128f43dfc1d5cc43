import { conditionalWrite } from "@/lib/api/conditional-write";
import { readIfMatch } from "@/lib/api/etag";
import { parseJsonBody } from "@/lib/api/json-body";
import { jsonResponse, notFound } from "@/lib/api/respond";
import { scenarioJson, ScenarioWriteSchema } from "@/lib/api/resources/scenarios";
import { apiRoute, apiWriteRoute } from "@/lib/api/route";
import { currentPricedVersion } from "@/lib/services/catalog";
import { refreshScenarioPlan } from "@/lib/services/plans";
import { deleteScenario, getScenario, updateScenario } from "@/lib/services/scenarios";

export const dynamic = "force-dynamic";

const MAX_BODY_BYTES = 256 * 1024;

/** GET /api/v1/scenarios/{id} — the scenario and its spec, with its ETag. */
export const GET = apiRoute<{ id: string }>(async ({ params, db }) => {
  const scenario = await getScenario(db, params.id);
  return scenario ? jsonResponse(scenarioJson(scenario), { version: scenario.version }) : notFound("scenario", params.id);
});

/**
 * PUT /api/v1/scenarios/{id} — replaces name, description and spec if `If-Match` names the
 * current version (428 without it, 412 when stale); like the edit form, the scenario is priced
 * with the current catalog and its plan stored again.
 */
export const PUT = apiWriteRoute<{ id: string }>({ maxBodyBytes: MAX_BODY_BYTES, permission: "workloads.write" }, async ({ request, body, params, db }) => {
  const ifMatch = readIfMatch(request);
  if (!ifMatch.ok) return ifMatch.response;
  const parsed = parseJsonBody(body, ScenarioWriteSchema);
  if (!parsed.ok) return parsed.response;
  return conditionalWrite({
    condition: ifMatch.condition,
    what: "scenario",
    id: params.id,
    load: () => getScenario(db, params.id),
    write: async (expectedVersion) => {
      const changes = { ...parsed.data, pricedCatalogVersion: await currentPricedVersion(db) };
      const outcome = await updateScenario(db, { id: params.id, expectedVersion, changes });
      if (outcome.kind !== "updated") return outcome.kind === "conflict" ? "conflict" : "not-found";
      await refreshScenarioPlan(db, params.id);
      return jsonResponse(scenarioJson(outcome.scenario), { version: outcome.scenario.version });
    },
  });
});

/** DELETE /api/v1/scenarios/{id} — soft-deletes the scenario (its profile's next one becomes plan of record); 204. */
export const DELETE = apiWriteRoute<{ id: string }>({ body: "none", permission: "delete" }, async ({ request, params, db }) => {
  const ifMatch = readIfMatch(request);
  if (!ifMatch.ok) return ifMatch.response;
  return conditionalWrite({
    condition: ifMatch.condition,
    what: "scenario",
    id: params.id,
    load: () => getScenario(db, params.id),
    write: async (expectedVersion) => ((await deleteScenario(db, params.id, { expectedVersion })) ? new Response(null, { status: 204 }) : "conflict"),
  });
});
