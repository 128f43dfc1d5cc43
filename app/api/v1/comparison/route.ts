import { problem, validationProblem } from "@/lib/api/problem";
import { parseQuery } from "@/lib/api/query";
import { jsonResponse } from "@/lib/api/respond";
import { comparisonJson, ComparisonQuerySchema } from "@/lib/api/resources/comparison";
import { apiRoute } from "@/lib/api/route";
import { loadComparison } from "@/lib/services/compare";

export const dynamic = "force-dynamic";

/**
 * GET /api/v1/comparison?scenarios=a,b[,c,d] — the /compare page's figures for 2–4 scenarios, the
 * first the baseline, from their stored plans. 404 names the ids that are not live scenarios.
 */
export const GET = apiRoute(async ({ url, db }) => {
  const query = parseQuery(url, ComparisonQuerySchema);
  if (!query.ok) return validationProblem(query.errors);
  const result = await loadComparison(db, query.data.scenarios);
  if (result.kind === "missing") {
    const detail = `No scenario with id ${result.missingIds.join(", ")}.`;
    return problem("not-found", detail, result.missingIds.map(() => ({ path: "scenarios", message: detail })));
  }
  return jsonResponse(comparisonJson(result.comparison));
});
