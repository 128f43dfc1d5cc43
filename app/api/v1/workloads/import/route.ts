import { problem } from "@/lib/api/problem";
import { apiWriteRoute } from "@/lib/api/route";
import { parseWorkloadDocument } from "@/lib/export/workload-document";
import { MAX_WORKLOAD_DOCUMENT_BYTES } from "@/lib/forms/upload-limits";
import { currentPricedVersion } from "@/lib/services/catalog";
import { refreshWorkloadPlans } from "@/lib/services/plans";
import { importWorkload } from "@/lib/services/workloads";

export const dynamic = "force-dynamic";

/**
 * POST /api/v1/workloads/import — body: a workload document (`application/json`). Creates the
 * profile and its scenarios in one statement and answers 201 `{ id, url }`. Errors are
 * problem+json: 400 lists each problem of a bad document and writes nothing; 403 for a
 * cross-origin request, 415 for another content type, 413 once the body passes 1 MiB (counted
 * while it streams); 503 when the database is unreachable.
 */
export const POST = apiWriteRoute({ maxBodyBytes: MAX_WORKLOAD_DOCUMENT_BYTES, permission: "workloads.write" }, async ({ body, db }) => {
  const parsed = parseWorkloadDocument(body);
  if (!parsed.ok) {
    return problem("validation", `The document was not imported; nothing was written. ${parsed.problems.join(" ")}`, parsed.problems.map((message) => ({ path: "(body)", message })));
  }
  const imported = await importWorkload(db, parsed.document, { pricedCatalogVersion: await currentPricedVersion(db) });
  await refreshWorkloadPlans(db, imported.scenarios.map((s) => s.id));
  return Response.json({ id: imported.id, url: `/workloads/${imported.id}` }, { status: 201, headers: { Location: `/workloads/${imported.id}` } });
});
