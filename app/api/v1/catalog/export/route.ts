import { problem, validationProblem } from "@/lib/api/problem";
import { parseQuery } from "@/lib/api/query";
import { CatalogExportQuerySchema } from "@/lib/api/resources/catalog";
import { apiRoute } from "@/lib/api/route";
import { exportInstanceTypesCsv } from "@/lib/catalog/csv";
import { getCurrentCatalog, loadCatalogVersion } from "@/lib/services/catalog";

export const dynamic = "force-dynamic";

/**
 * GET /api/v1/catalog/export — the instance types of a catalog version as CSV (list prices, no
 * overrides: the file is what an import reads back). 400 for a malformed version, 404 for an
 * unknown one.
 */
export const GET = apiRoute(async ({ url, db }) => {
  const query = parseQuery(url, CatalogExportQuerySchema);
  if (!query.ok) return validationProblem(query.errors);
  const { version } = query.data;
  const catalog = version ? await loadCatalogVersion(db, version) : await getCurrentCatalog(db);
  if (!catalog) return problem("not-found", `No catalog version ${version}.`);
  return new Response(exportInstanceTypesCsv(catalog.instanceTypes), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="headroom-catalog-${catalog.version}.csv"`,
      "Cache-Control": "no-store",
    },
  });
});
