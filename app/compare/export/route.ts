import { z } from "zod";

import { comparisonCsv } from "@/lib/compare/csv";
import { CompareParamsSchema, scenariosParam } from "@/lib/compare/params";
import { loadComparison } from "@/lib/services/compare";
import { loadPageData } from "@/lib/services/page-data";

export const dynamic = "force-dynamic";

/**
 * The comparison `?scenarios=<id>,<id>[,…]` as CSV: the KPI table with deltas and bands, then the
 * inputs that differ. 400 naming the field for a malformed query, 404 naming unknown scenarios,
 * 503 when the database is down.
 */
export async function GET(request: Request): Promise<Response> {
  const params = new URL(request.url).searchParams;
  const query = CompareParamsSchema.safeParse({ scenarios: params.has("scenarios") ? scenariosParam(params.getAll("scenarios")) : undefined });
  if (!query.success) return Response.json({ error: z.prettifyError(query.error), field: "scenarios" }, { status: 400 });
  const loaded = await loadPageData((db) => loadComparison(db, query.data.scenarios));
  if (!loaded.ok) return Response.json({ error: loaded.message }, { status: 503 });
  const result = loaded.data;
  if (result.kind === "missing") return Response.json({ error: `scenarios: no scenario ${result.missingIds.join(", ")}.`, field: "scenarios" }, { status: 404 });
  const { comparison } = result;
  return new Response(comparisonCsv(comparison.scenarios, comparison.kpis, comparison.inputs), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="headroom-comparison.csv"`,
      "cache-control": "no-store",
    },
  });
}
