import { isUuid } from "@/lib/entities/ids";
import { loadPageData } from "@/lib/services/page-data";
import { getPlanStatus } from "@/lib/services/plans";

export const dynamic = "force-dynamic";

/**
 * GET /api/v1/scenarios/:id/plan/status — the state of a scenario's stored plan and its Monte
 * Carlo bands (`none`, `pending`, `running`, `ready`, `failed`), for the page to poll while the
 * bands are computed. 404 for an unknown scenario or one without a stored plan; 503 when the
 * database is unreachable.
 */
export async function GET(_request: Request, { params }: RouteContext<"/api/v1/scenarios/[id]/plan/status">): Promise<Response> {
  const { id } = await params;
  if (!isUuid(id)) return Response.json({ error: `No scenario with id ${id}.` }, { status: 404 });
  const result = await loadPageData((db) => getPlanStatus(db, id));
  if (!result.ok) return Response.json({ error: result.message }, { status: 503 });
  if (!result.data) return Response.json({ error: `No stored plan for scenario ${id}.` }, { status: 404 });
  const { key, bandsStatus, bandsError } = result.data;
  return Response.json({ scenarioId: id, key, bandsStatus, bandsError }, { headers: { "cache-control": "no-store" } });
}
