import { z } from "zod";

import { exportInstanceTypesCsv } from "@/lib/catalog/csv";
import { CatalogVersionSchema } from "@/lib/catalog/schema";
import { getCurrentCatalog, loadCatalogVersion } from "@/lib/services/catalog";
import { loadPageData } from "@/lib/services/page-data";

export const dynamic = "force-dynamic";

const QuerySchema = z.object({ version: CatalogVersionSchema.optional() });

/**
 * The instance types of a catalog version as CSV (list prices, no overrides: the file is what an
 * import reads back). `?version=2026-11-25.1` picks a version; default the current one.
 * 400 for a malformed version, 404 for an unknown one, 503 when the database is down.
 */
export async function GET(request: Request): Promise<Response> {
  const query = QuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return Response.json({ error: z.prettifyError(query.error) }, { status: 400 });
  const version = query.data.version;
  const result = await loadPageData((db) => (version ? loadCatalogVersion(db, version) : getCurrentCatalog(db)));
  if (!result.ok) return Response.json({ error: result.message }, { status: 503 });
  const catalog = result.data;
  if (!catalog) return Response.json({ error: `No catalog version ${version}.` }, { status: 404 });
  return new Response(exportInstanceTypesCsv(catalog.instanceTypes), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="headroom-catalog-${catalog.version}.csv"`,
      "cache-control": "no-store",
    },
  });
}
