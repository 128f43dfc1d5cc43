import { etagOf } from "@/lib/api/etag";
import { notFound } from "@/lib/api/respond";
import { apiRoute } from "@/lib/api/route";
import { toWorkloadDocument, workloadDocumentFileName } from "@/lib/export/workload-document";
import { getWorkload } from "@/lib/services/workloads";

export const dynamic = "force-dynamic";

/**
 * GET /api/v1/workloads/{id}/export — the profile and its scenarios as a workload document
 * (`schemaVersion` 1), as a download. 404 for an unknown or deleted profile.
 */
export const GET = apiRoute<{ id: string }>(async ({ params, db }) => {
  const workload = await getWorkload(db, params.id);
  if (!workload) return notFound("workload", params.id);
  const document = toWorkloadDocument(workload, workload.scenarios);
  return new Response(`${JSON.stringify(document, null, 2)}\n`, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${workloadDocumentFileName(workload.name)}"`,
      "Cache-Control": "no-store",
      ETag: etagOf(workload.version),
    },
  });
});
