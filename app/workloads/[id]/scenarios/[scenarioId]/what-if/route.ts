import { isUuid } from "@/lib/entities/ids";
import { whatIfValuesOf } from "@/lib/forms/what-if";
import { loadPageData } from "@/lib/services/page-data";
import { previewWhatIf } from "@/lib/services/what-if";

export const dynamic = "force-dynamic";

/**
 * GET /workloads/:id/scenarios/:scenarioId/what-if?growth=0.06&spot=0.5 — the scenario page's
 * what-if preview (lib/services/what-if.ts): the saved plan's and the what-if's figures, or the
 * inputs' messages (`{ kind: "invalid", errors }`, 200: a person's typo, not a failed request).
 *
 * A GET route rather than a server action: the page's React Query cancels a superseded request
 * with its AbortSignal (server actions run one at a time and cannot be cancelled), and the URL
 * is the what-if itself. 404 for an unknown scenario; 503 when the database is unreachable.
 */
export async function GET(request: Request, { params }: RouteContext<"/workloads/[id]/scenarios/[scenarioId]/what-if">): Promise<Response> {
  const { id, scenarioId } = await params;
  const notFound = () => Response.json({ error: `No scenario with id ${scenarioId}.` }, { status: 404 });
  if (!isUuid(scenarioId)) return notFound();
  const { values, errors } = whatIfValuesOf(new URL(request.url).searchParams);
  if (Object.keys(errors).length > 0) return Response.json({ kind: "invalid", errors }, { headers: { "cache-control": "no-store" } });
  const result = await loadPageData((db) => previewWhatIf(db, { scenarioId, workloadId: id, values, signal: request.signal }));
  if (!result.ok) return Response.json({ error: result.message }, { status: 503 });
  if (result.data.kind === "not_found") return notFound();
  if (result.data.kind === "superseded") return new Response(null, { status: 204 });
  return Response.json(result.data, { headers: { "cache-control": "no-store" } });
}
