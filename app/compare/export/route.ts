import { fieldErrors, problem, validationProblem } from "@/lib/api/problem";
import { apiRoute } from "@/lib/api/route";
import { comparisonCsv } from "@/lib/compare/csv";
import { CompareParamsSchema, scenariosParam } from "@/lib/compare/params";
import { loadComparison } from "@/lib/services/compare";

export const dynamic = "force-dynamic";

/**
 * The comparison `?scenarios=<id>,<id>[,…]` as CSV: the KPI table with deltas and bands, then the
 * inputs that differ. Errors are problem+json (lib/api): 400 naming the field for a malformed
 * query, 404 naming unknown scenarios, 503 when the database is down. `scenarios` may come
 * repeated, as the compare picker's checkboxes send it.
 */
export const GET = apiRoute(async ({ url, db }) => {
  const params = url.searchParams;
  const query = CompareParamsSchema.safeParse({ scenarios: params.has("scenarios") ? scenariosParam(params.getAll("scenarios")) : undefined });
  if (!query.success) return validationProblem(fieldErrors(query.error));
  const result = await loadComparison(db, query.data.scenarios);
  if (result.kind === "missing") {
    const message = `scenarios: no scenario ${result.missingIds.join(", ")}.`;
    return problem("not-found", message, [{ path: "scenarios", message }]);
  }
  const { comparison } = result;
  return new Response(comparisonCsv(comparison.scenarios, comparison.kpis, comparison.inputs), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="headroom-comparison.csv"`,
      "cache-control": "no-store",
    },
  });
});
