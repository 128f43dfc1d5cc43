import { z } from "zod";

import { comparisonCsv } from "@/lib/compare/csv";
import { CompareParamsSchema, scenariosParam } from "@/lib/compare/params";
import { DatabaseUnavailableError, describeDatabaseError, isDatabaseUnreachable } from "@/lib/db/errors";
import { loadComparison } from "@/lib/services/compare";
import { getReadyDb } from "@/lib/services/startup";

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
  try {
    const { prisma } = await getReadyDb();
    const result = await loadComparison(prisma, query.data.scenarios);
    if (result.kind === "missing") return Response.json({ error: `scenarios: no scenario ${result.missingIds.join(", ")}.`, field: "scenarios" }, { status: 404 });
    const { comparison } = result;
    return new Response(comparisonCsv(comparison.scenarios, comparison.kpis, comparison.inputs), {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="headroom-comparison.csv"`,
        "cache-control": "no-store",
      },
    });
  } catch (error) {
    if (error instanceof DatabaseUnavailableError || isDatabaseUnreachable(error)) {
      return Response.json({ error: describeDatabaseError(error) }, { status: 503 });
    }
    throw error;
  }
}
