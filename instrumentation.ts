/**
 * Runs once when a Next.js server starts: refuse a production configuration without an auth
 * secret, bring the database schema up to date, seed the demo workloads (and in demo mode the demo
 * users, whose credentials are printed) into an empty database and store missing plans, before
 * the first request needs them; then start this process's planning job runner (Monte Carlo bands,
 * stale-plan sweeps).
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { refuseToStartWithoutAuthConfig, demoModeEnabled } = await import("@/lib/services/auth-mode");
  refuseToStartWithoutAuthConfig();
  const { getReadyDb, prepareDatabase } = await import("@/lib/services/startup");
  const { startPlanJobs } = await import("@/lib/services/plan-jobs");
  const prepared = await prepareDatabase();
  if (prepared.ok && demoModeEnabled()) {
    const { demoCredentialsBanner } = await import("@/lib/services/demo-users");
    for (const line of demoCredentialsBanner()) console.info(`[auth] ${line}`);
  }
  startPlanJobs(async () => (await getReadyDb()).prisma);
}
