import { getWorkload } from "@/lib/services/workloads";
import { toWorkloadDocument, workloadDocumentFileName } from "@/lib/export/workload-document";
import { loadPageData } from "@/lib/services/page-data";

/**
 * GET /api/v1/workloads/:id/export — the profile and its scenarios as a workload document
 * (`schemaVersion` 1), as a download. 404 for an unknown or deleted profile, 503 when the
 * database is unreachable.
 */
export async function GET(_request: Request, { params }: RouteContext<"/api/v1/workloads/[id]/export">) {
  const { id } = await params;
  const result = await loadPageData((db) => getWorkload(db, id));
  if (!result.ok) return Response.json({ error: result.message }, { status: 503 });
  const workload = result.data;
  if (!workload) return Response.json({ error: `No workload profile with id ${id}.` }, { status: 404 });
  const document = toWorkloadDocument(workload, workload.scenarios);
  return new Response(`${JSON.stringify(document, null, 2)}\n`, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${workloadDocumentFileName(workload.name)}"`,
      "Cache-Control": "no-store",
    },
  });
}
