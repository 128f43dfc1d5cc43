import { withReadyDb } from "@/lib/services/with-ready-db";
import { currentPricedVersion } from "@/lib/services/catalog";
import { refreshWorkloadPlans } from "@/lib/services/plans";
import { importWorkload } from "@/lib/services/workloads";
import { MAX_WORKLOAD_DOCUMENT_BYTES, parseWorkloadDocument } from "@/lib/export/workload-document";

/**
 * POST /api/v1/workloads/import — body: a workload document (JSON). Creates the profile and its
 * scenarios in one statement and answers 201 `{ id, url }`. A bad document answers 400
 * `{ error, problems }` naming each problem, and writes nothing; 413 above 1 MiB; 503 when the
 * database is unreachable.
 */
export async function POST(request: Request) {
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > MAX_WORKLOAD_DOCUMENT_BYTES) return Response.json({ error: "The document is larger than 1 MiB." }, { status: 413 });
  const parsed = parseWorkloadDocument(await request.text());
  if (!parsed.ok) return Response.json({ error: "The document was not imported; nothing was written.", problems: parsed.problems }, { status: 400 });
  const result = await withReadyDb(async (prisma) => {
    const imported = await importWorkload(prisma, parsed.document, { pricedCatalogVersion: await currentPricedVersion(prisma) });
    await refreshWorkloadPlans(prisma, imported.scenarios.map((s) => s.id));
    return imported;
  });
  if (!result.ok) return Response.json({ error: result.message }, { status: 503 });
  const { id } = result.value;
  return Response.json({ id, url: `/workloads/${id}` }, { status: 201, headers: { Location: `/workloads/${id}` } });
}
