import { conditionalWrite } from "@/lib/api/conditional-write";
import { readIfMatch } from "@/lib/api/etag";
import { parseJsonBody } from "@/lib/api/json-body";
import { jsonResponse, notFound } from "@/lib/api/respond";
import { WorkloadReplaceSchema, workloadJson } from "@/lib/api/resources/workloads";
import { apiRoute, apiWriteRoute } from "@/lib/api/route";
import { refreshWorkloadPlans } from "@/lib/services/plans";
import { deleteWorkload, getWorkload, updateWorkload } from "@/lib/services/workloads";

export const dynamic = "force-dynamic";

const MAX_BODY_BYTES = 256 * 1024;

/** GET /api/v1/workloads/{id} — the profile, its spec and its scenarios, with its ETag. */
export const GET = apiRoute<{ id: string }>(async ({ params, db }) => {
  const workload = await getWorkload(db, params.id);
  return workload ? jsonResponse(workloadJson(workload), { version: workload.version }) : notFound("workload", params.id);
});

/**
 * PUT /api/v1/workloads/{id} — replaces the profile (name, description, team, tags, spec) if
 * `If-Match` names its current version (428 without it, 412 when stale), then stores every
 * scenario's plan again, as the edit form does.
 */
export const PUT = apiWriteRoute<{ id: string }>({ maxBodyBytes: MAX_BODY_BYTES, permission: "workloads.write" }, async ({ request, body, params, db }) => {
  const ifMatch = readIfMatch(request);
  if (!ifMatch.ok) return ifMatch.response;
  const parsed = parseJsonBody(body, WorkloadReplaceSchema);
  if (!parsed.ok) return parsed.response;
  return conditionalWrite({
    condition: ifMatch.condition,
    what: "workload",
    id: params.id,
    load: () => getWorkload(db, params.id),
    write: async (expectedVersion) => {
      const outcome = await updateWorkload(db, { id: params.id, expectedVersion, changes: parsed.data });
      if (outcome.kind !== "updated") return outcome.kind === "conflict" ? "conflict" : "not-found";
      await refreshWorkloadPlans(db, outcome.workload.scenarios.map((s) => s.id));
      const stored = (await getWorkload(db, params.id)) ?? outcome.workload;
      return jsonResponse(workloadJson(stored), { version: stored.version });
    },
  });
});

/** DELETE /api/v1/workloads/{id} — soft-deletes the profile and its scenarios (the app's undo can restore it); 204. */
export const DELETE = apiWriteRoute<{ id: string }>({ body: "none", permission: "delete" }, async ({ request, params, db }) => {
  const ifMatch = readIfMatch(request);
  if (!ifMatch.ok) return ifMatch.response;
  return conditionalWrite({
    condition: ifMatch.condition,
    what: "workload",
    id: params.id,
    load: () => getWorkload(db, params.id),
    write: async (expectedVersion) => ((await deleteWorkload(db, params.id, { expectedVersion })) ? new Response(null, { status: 204 }) : "conflict"),
  });
});
