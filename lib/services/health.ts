/**
 * The health check behind `GET /api/health`: is the database reachable, and is it migrated?
 * Bounded in time: with PostgreSQL down or unresponsive it answers within {@link HEALTH_TIMEOUT_MS}
 * instead of hanging, and it never throws. It only reads: migrations run at start-up
 * (instrumentation.ts), never because a probe or a stranger asked. The full report names the
 * database host or data directory, so it goes to the server log; the public answer is
 * {@link publicHealth}, the status alone.
 */
import "server-only";

import { databaseConfigFromEnv, describePostgresUrl, getDb, type DatabaseKind, type Db } from "@/lib/db/client";
import { describeDatabaseError, withTimeout } from "@/lib/db/errors";
import { migrationStatus } from "@/lib/db/migrate";

/**
 * Time budget of one health check. A load balancer's probe typically times out after 5 s; the
 * check must answer well before that, and a healthy local query takes a few milliseconds.
 */
export const HEALTH_TIMEOUT_MS = 2_500;

export type HealthReport = {
  status: "ok" | "error";
  database: {
    kind: DatabaseKind;
    location: string;
    reachable: boolean;
    /** Round trip of `SELECT 1`, when reachable. */
    latencyMs?: number;
    /** Why the status is "error", in words a person can act on. */
    message?: string;
  };
  migrations: { applied: number; pending: number; latest: string | null };
  checkedAt: string;
};

/** What anyone may learn from `GET /api/health`: whether the app can serve, nothing about where its data lives. */
export type PublicHealth = { status: HealthReport["status"] };

/** The public part of a report (the HTTP status says the same: 200 ok, 503 error). */
export function publicHealth(report: HealthReport): PublicHealth {
  return { status: report.status };
}

/**
 * Checks the database (the app's own, or `options.db`) without changing it: pending migrations
 * make the status "error"; they are applied at the next start.
 *
 * @param options.db - a specific database (tests); skips the start-up step
 * @param options.timeoutMs - total time budget (default {@link HEALTH_TIMEOUT_MS})
 * @example await checkHealth() //=> { status: "ok", database: { kind: "embedded", reachable: true, … }, migrations: { applied: 1, pending: 0, latest: "…_init" }, … }
 */
export async function checkHealth(options: { db?: Db; timeoutMs?: number } = {}): Promise<HealthReport> {
  const deadline = Date.now() + (options.timeoutMs ?? HEALTH_TIMEOUT_MS);
  const remaining = () => Math.max(1, deadline - Date.now());
  const config = databaseConfigFromEnv();
  const report: HealthReport = {
    status: "error",
    database: {
      kind: options.db?.kind ?? config.kind,
      location: options.db?.location ?? (config.kind === "postgres" ? describePostgresUrl(config.url) : `embedded PGlite at ${config.dataDir}`),
      reachable: false,
    },
    migrations: { applied: 0, pending: 0, latest: null },
    checkedAt: new Date().toISOString(),
  };

  let db: Db;
  try {
    db = options.db ?? (await withTimeout(getDb(), remaining(), "while opening"));
    report.database.location = db.location;
    const started = Date.now();
    await withTimeout(db.prisma.$queryRawUnsafe("SELECT 1"), remaining(), "a health query");
    report.database.reachable = true;
    report.database.latencyMs = Date.now() - started;
  } catch (error) {
    report.database.message = describeDatabaseError(error);
    return report;
  }

  try {
    const status = await withTimeout(migrationStatus(db), remaining(), "the migration status query");
    report.migrations = { applied: status.applied, pending: status.pending, latest: status.latest };
    if (status.failed.length > 0) {
      report.database.message ??= `Migration ${status.failed[0]} failed; see the server log.`;
    } else if (status.modified.length > 0) {
      report.database.message ??= `Migration ${status.modified[0]} was changed after it was applied.`;
    } else if (status.pending > 0) {
      report.database.message ??= `${status.pending} migration(s) not applied yet: ${status.pendingNames.join(", ")}.`;
    }
  } catch (error) {
    report.database.message ??= describeDatabaseError(error);
  }
  if (!report.database.message) report.status = "ok";
  return report;
}
