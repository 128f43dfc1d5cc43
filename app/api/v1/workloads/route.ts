import { parseJsonBody } from "@/lib/api/json-body";
import { validationProblem } from "@/lib/api/problem";
import { parseQuery } from "@/lib/api/query";
import { jsonResponse } from "@/lib/api/respond";
import { nextCursorOf } from "@/lib/api/resources/common";
import { WorkloadCreateSchema, workloadJson, WorkloadListQuerySchema, workloadSummaryJson } from "@/lib/api/resources/workloads";
import { apiRoute, apiWriteRoute } from "@/lib/api/route";
import { MAX_WORKLOAD_DOCUMENT_BYTES } from "@/lib/forms/upload-limits";
import { currentPricedVersion } from "@/lib/services/catalog";
import { refreshWorkloadPlans } from "@/lib/services/plans";
import { createWorkload, getWorkload, listWorkloadsAfter } from "@/lib/services/workloads";

export const dynamic = "force-dynamic";

/**
 * GET /api/v1/workloads — live workload profiles, oldest first, `limit` (1–100, default 20) per
 * page; `nextCursor` continues. Filters: `q`, `team`, `tag`, `kind`.
 */
export const GET = apiRoute(async ({ url, db }) => {
  const query = parseQuery(url, WorkloadListQuerySchema);
  if (!query.ok) return validationProblem(query.errors);
  const { q, cursor, ...options } = query.data;
  const page = await listWorkloadsAfter(db, { ...options, query: q, after: cursor });
  return jsonResponse({ items: page.rows.map(workloadSummaryJson), nextCursor: nextCursorOf(page.next) });
});

/**
 * POST /api/v1/workloads — creates a profile (the workload form's schema) and, optionally, its
 * first scenarios, stores their plans like a form save, and answers 201 with the profile, its
 * `Location` and `ETag`. 400 lists each bad field and writes nothing.
 */
export const POST = apiWriteRoute({ maxBodyBytes: MAX_WORKLOAD_DOCUMENT_BYTES, permission: "workloads.write" }, async ({ body, db }) => {
  const parsed = parseJsonBody(body, WorkloadCreateSchema);
  if (!parsed.ok) return parsed.response;
  const { scenarios = [], ...profile } = parsed.data;
  const created = await createWorkload(db, { ...profile, scenarios }, { pricedCatalogVersion: await currentPricedVersion(db) });
  await refreshWorkloadPlans(db, created.scenarios.map((s) => s.id));
  const stored = (await getWorkload(db, created.id)) ?? created;
  return jsonResponse(workloadJson(stored), { status: 201, version: stored.version, location: `/api/v1/workloads/${stored.id}` });
});
