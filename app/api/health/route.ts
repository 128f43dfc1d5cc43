import { checkHealth, publicHealth } from "@/lib/services/health";

export const dynamic = "force-dynamic";

/**
 * Liveness and readiness for load balancers and the shell's badge: 200 `{ status: "ok" }` when
 * the database answers and is migrated, 503 `{ status: "error" }` otherwise. The reason (which
 * names the database host or data directory) goes to the server log only.
 */
export async function GET(): Promise<Response> {
  const health = await checkHealth();
  if (health.status !== "ok") console.error(`[health] ${health.database.location}: ${health.database.message ?? "not ready"}`);
  return Response.json(publicHealth(health), {
    status: health.status === "ok" ? 200 : 503,
    headers: { "cache-control": "no-store" },
  });
}
