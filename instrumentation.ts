/**
 * Runs once when a Next.js server starts: bring the database schema up to date and seed the demo
 * workloads into an empty database, before the first request needs them.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { prepareDatabase } = await import("@/lib/db/startup");
  await prepareDatabase();
}
