import { validationProblem } from "@/lib/api/problem";
import { parseQuery } from "@/lib/api/query";
import { jsonResponse } from "@/lib/api/respond";
import { catalogListPage, CatalogListQuerySchema } from "@/lib/api/resources/catalog";
import { apiRoute } from "@/lib/api/route";
import { browseInstanceTypes } from "@/lib/catalog/browse";
import { getPricedCatalog } from "@/lib/services/catalog";

export const dynamic = "force-dynamic";

/**
 * GET /api/v1/catalog/instance-types — the priced catalog's instance types (list prices with the
 * overrides in force), filtered by provider, region, family, arch, minVcpu, minMemoryGib, sorted
 * by `sort` (ties by id), a cursor page at a time.
 */
export const GET = apiRoute(async ({ url, db }) => {
  const query = parseQuery(url, CatalogListQuerySchema);
  if (!query.ok) return validationProblem(query.errors);
  const { limit, cursor, ...filters } = query.data;
  const priced = await getPricedCatalog(db);
  const rows = browseInstanceTypes({ ...filters, region: filters.region, family: filters.family, page: 1 }, priced.catalog);
  return jsonResponse({ pricedCatalogVersion: priced.version, currency: "USD", ...catalogListPage(rows, { sort: filters.sort, limit, cursor }) });
});
