import { checkHealth } from "@/lib/services/health";

export const dynamic = "force-dynamic";

/** Liveness and readiness: 200 when the database answers and is migrated, 503 with the reason otherwise. */
export async function GET(): Promise<Response> {
  const health = await checkHealth();
  return Response.json(health, {
    status: health.status === "ok" ? 200 : 503,
    headers: { "cache-control": "no-store" },
  });
}
