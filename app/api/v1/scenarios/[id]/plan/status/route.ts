import { jsonResponse, notFound } from "@/lib/api/respond";
import { apiRoute } from "@/lib/api/route";
import { isUuid } from "@/lib/entities/ids";
import { getPlanStatus } from "@/lib/services/plans";

export const dynamic = "force-dynamic";

/**
 * GET /api/v1/scenarios/{id}/plan/status — the state of a scenario's stored plan and its Monte
 * Carlo bands (`none`, `pending`, `running`, `ready`, `failed`), for the page to poll while the
 * bands are computed. 404 for an unknown scenario or one without a stored plan.
 */
export const GET = apiRoute<{ id: string }>(async ({ params, db }) => {
  const status = isUuid(params.id) ? await getPlanStatus(db, params.id) : null;
  if (!status) return notFound("scenario with a stored plan", params.id);
  const { key, bandsStatus, bandsError } = status;
  return jsonResponse({ scenarioId: params.id, key, bandsStatus, bandsError });
});
