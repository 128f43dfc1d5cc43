/**
 * Runs once when a Next.js server starts: bring the database schema up to date, seed the demo
 * workloads into an empty database and store missing plans, before the first request needs them;
 * then start this process's planning job runner (Monte Carlo bands, stale-plan sweeps).
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getReadyDb, prepareDatabase } = await import("@/lib/services/startup");
  const { startPlanJobs } = await import("@/lib/services/plan-jobs");
  await prepareDatabase();
  startPlanJobs(async () => (await getReadyDb()).prisma);
}
