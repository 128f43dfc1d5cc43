import { validationProblem, problem } from "@/lib/api/problem";
import { parseQuery } from "@/lib/api/query";
import { apiRoute } from "@/lib/api/route";
import { getScenarioTfvars } from "@/lib/services/tfvars";
import { renderTfvars, TFVARS_CONTENT_TYPES, tfvarsFileName, TfvarsQuerySchema } from "@/lib/tfvars/export";

export const dynamic = "force-dynamic";

/**
 * GET /api/v1/scenarios/:id/tfvars — the scenario's stored plan as Terraform variables, as a
 * download named `<scenario-slug>.auto.tfvars` (HCL) or `.auto.tfvars.json`. 400 names each bad
 * query field; 404 for an unknown scenario; 422 when the point is outside the plan, the provider
 * is not the plan's, or the plan could not be priced.
 */
export const GET = apiRoute<{ id: string }>(async ({ url, params, db }) => {
  const query = parseQuery(url, TfvarsQuerySchema);
  if (!query.ok) return validationProblem(query.errors);
  const { format, provider, point } = query.data;
  const found = await getScenarioTfvars(db, params.id, { point, provider, now: new Date() });
  if (found.kind === "not-found") return problem("not-found", `No scenario with id ${params.id}.`);
  if (found.kind === "unprocessable") return problem("unprocessable", found.message, [{ path: found.field, message: found.message }]);
  const body = renderTfvars(found.result.document, format);
  return new Response(body, {
    headers: {
      "Content-Type": TFVARS_CONTENT_TYPES[format],
      "Content-Disposition": `attachment; filename="${tfvarsFileName(found.scenario.name, format)}"`,
      "Cache-Control": "no-store",
    },
  });
});
