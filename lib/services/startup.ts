import "server-only";

/**
 * Start-up of the app's data: migrate, seed the demo data into an empty database, and store the
 * plans that are missing or stale (a model upgrade). Called from `instrumentation.ts` when the
 * server starts, and through {@link getReadyDb} before any page touches the database, so a
 * database that was down at boot is prepared as soon as it comes back, without a restart.
 */
import { getDb, databaseConfigFromEnv, describePostgresUrl, type DatabaseKind, type Db } from "@/lib/db/client";
import { DatabaseUnavailableError, describeDatabaseError } from "@/lib/db/errors";
import { migrate } from "@/lib/db/migrate";

import { demoModeEnabled } from "./auth-mode";
import { seedDemoUsers } from "./demo-users";
import { sweepStalePlans } from "./plan-jobs";
import { seedDemoData, type SeedResult } from "./seed";

/**
 * Stale plans stored before the app answers: enough for the demo data and a small team's
 * workspace (about 50 ms each); the job runner sweeps the rest in the background.
 */
const PLANS_BEFORE_READY = 50;

export type PrepareResult =
  | { ok: true; kind: DatabaseKind; location: string; migrated: string[]; seed: SeedResult | "disabled"; ms: number }
  | { ok: false; kind: DatabaseKind; location: string; message: string };

/**
 * Whether to seed the demo workloads into an empty database: yes unless `HEADROOM_SEED_DEMO`
 * is `0`, `false`, `no` or `off`.
 */
export function seedDemoEnabled(env: Readonly<Record<string, string | undefined>> = process.env): boolean {
  const value = env.HEADROOM_SEED_DEMO?.trim().toLowerCase();
  return !(value === "0" || value === "false" || value === "no" || value === "off");
}

/**
 * Migrates `db`, seeds it if enabled and empty, creates the demo users in demo mode
 * (lib/services/auth-mode.ts), and stores missing or stale plans. Throws on
 * failure; the app calls {@link prepareDatabase}, which does not.
 */
export async function runStartup(
  db: Db,
  options: { seedDemo?: boolean; demoUsers?: boolean; log?: (line: string) => void } = {},
): Promise<{ migrated: string[]; seed: SeedResult | "disabled" }> {
  const log = options.log ?? (() => {});
  const { applied } = await migrate(db, { log });
  const seed = (options.seedDemo ?? seedDemoEnabled()) ? await seedDemoData(db) : "disabled";
  if (seed !== "disabled" && seed.seeded) log(`Seeded ${seed.workloads} demo workloads with ${seed.scenarios} scenarios.`);
  if (options.demoUsers ?? demoModeEnabled()) {
    const users = await seedDemoUsers(db);
    if (users > 0) log(`Created ${users} demo user(s).`);
  }
  const planned = await sweepStalePlans(db.prisma, PLANS_BEFORE_READY);
  if (planned > 0) log(`Stored ${planned} plan(s) that were missing or stale.`);
  return { migrated: applied, seed };
}

type StartupGlobal = { __headroomStartup?: Promise<PrepareResult> };
const globalForStartup = globalThis as typeof globalThis & StartupGlobal;

function log(line: string) {
  console.info(`[db] ${line}`);
}

/**
 * Opens the app's database (see `getDb`), migrates it and seeds the demo data if it is empty.
 * Never throws: a failure (PostgreSQL down, embedded folder locked, a bad migration) is logged
 * and returned. Concurrent and repeated calls share one run; after a failure the next call
 * tries again.
 *
 * @example await prepareDatabase() //=> { ok: true, kind: "embedded", migrated: [], seed: { seeded: false, reason: "not-empty" }, … }
 */
export function prepareDatabase(): Promise<PrepareResult> {
  const existing = globalForStartup.__headroomStartup;
  if (existing) return existing;
  const config = databaseConfigFromEnv();
  const kind = config.kind;
  const fallbackLocation = config.kind === "postgres" ? describePostgresUrl(config.url) : `embedded PGlite at ${config.dataDir}`;
  const run = (async (): Promise<PrepareResult> => {
    const started = Date.now();
    let db: Db;
    try {
      db = await getDb();
    } catch (error) {
      const message = `Cannot open the database (${fallbackLocation}): ${describeDatabaseError(error)}`;
      console.error(`[db] ${message}`);
      return { ok: false, kind, location: fallbackLocation, message };
    }
    try {
      const { migrated, seed } = await runStartup(db, { log });
      const ms = Date.now() - started;
      log(`Database ready: ${db.location}${migrated.length ? `, applied ${migrated.length} migration(s)` : ""} (${ms} ms).`);
      return { ok: true, kind, location: db.location, migrated, seed, ms };
    } catch (error) {
      const message = `The database (${db.location}) is not ready: ${describeDatabaseError(error)}`;
      console.error(`[db] ${message}`);
      return { ok: false, kind, location: db.location, message };
    }
  })();
  globalForStartup.__headroomStartup = run;
  void run.then((result) => {
    // Forget a failure so the next call retries (PostgreSQL may be back by then).
    if (!result.ok && globalForStartup.__headroomStartup === run) globalForStartup.__headroomStartup = undefined;
  });
  return run;
}

/**
 * The app's database, migrated and seeded: what pages and actions should call.
 *
 * @throws DatabaseUnavailableError with a message safe to show when it cannot be prepared
 */
export async function getReadyDb(): Promise<Db> {
  const result = await prepareDatabase();
  if (!result.ok) throw new DatabaseUnavailableError(result.message);
  return getDb();
}

/** Forgets the memoized start-up, for tests that switch databases within one process. */
export function resetPrepareDatabase(): void {
  globalForStartup.__headroomStartup = undefined;
}
