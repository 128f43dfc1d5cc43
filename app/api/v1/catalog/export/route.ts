import { z } from "zod";

import { exportInstanceTypesCsv } from "@/lib/catalog/csv";
import { CatalogVersionSchema } from "@/lib/catalog/schema";
import { getCurrentCatalog, loadCatalogVersion } from "@/lib/services/catalog";
import { DatabaseUnavailableError, describeDatabaseError, isDatabaseUnreachable } from "@/lib/db/errors";
import { getReadyDb } from "@/lib/services/startup";

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
  try {
    const { prisma } = await getReadyDb();
    const catalog = query.data.version ? await loadCatalogVersion(prisma, query.data.version) : await getCurrentCatalog(prisma);
    if (!catalog) return Response.json({ error: `No catalog version ${query.data.version}.` }, { status: 404 });
    return new Response(exportInstanceTypesCsv(catalog.instanceTypes), {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="headroom-catalog-${catalog.version}.csv"`,
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
