/**
 * Applies `prisma/migrations` to PostgreSQL or the embedded PGlite, recording each in Prisma
 * Migrate's own `_prisma_migrations` table, so the native Prisma CLI (`prisma migrate status`,
 * `deploy`) sees the same history.
 *
 * A small runner rather than Prisma's schema engine: the engine's CLI needs a native binary these
 * machines cannot download, and its WASM build is 10 MB we would rather keep out of the Next
 * server bundle. See docs/decisions/003-wasm-schema-engine-and-migration-runner.md.
 *
 * Rules, as Prisma Migrate's: folders apply in name order, each once; a folder changed after it
 * was applied (checksum mismatch) is an error; a failed migration blocks the rest. Unlike Prisma,
 * each migration runs in one transaction with its history row, so a failure leaves nothing behind.
 */
import { randomUUID } from "node:crypto";

import type { PGlite, Transaction as PGliteTransaction } from "@electric-sql/pglite";
import pg from "pg";

import { PG_CONNECTION_TIMEOUT_MS, describePostgresUrl, type Db, type DbDriver } from "./client";
import { DatabaseUnreachableError } from "./errors";
import { Gate } from "./pglite-serialized-adapter";
import { type MigrationFolder, migrationsDir, readMigrations } from "./migrations-dir";

/**
 * Prisma Migrate's advisory lock key, so this runner and `prisma migrate deploy` never run at once.
 * Source: prisma-engines, sql-schema-connector, `SELECT pg_advisory_lock(72707369)`.
 */
export const PRISMA_ADVISORY_LOCK_KEY = 72707369;

/** How long to wait for another migrator (another app instance) to finish before giving up. */
export const ADVISORY_LOCK_TIMEOUT_MS = 60_000;

/** Prisma Migrate's history table, as its engine creates it on PostgreSQL. */
const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS _prisma_migrations (
    id                      VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum                VARCHAR(64) NOT NULL,
    finished_at             TIMESTAMPTZ,
    migration_name          VARCHAR(255) NOT NULL,
    logs                    TEXT,
    rolled_back_at          TIMESTAMPTZ,
    started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    applied_steps_count     INTEGER NOT NULL DEFAULT 0
)`;

/** A migration that was edited after it was applied. Migrations are immutable once applied. */
export class MigrationChecksumMismatchError extends Error {
  override readonly name = "MigrationChecksumMismatchError";
  constructor(
    readonly migrationName: string,
    readonly appliedChecksum: string,
    readonly fileChecksum: string,
  ) {
    super(
      `Migration ${migrationName} was modified after it was applied to this database ` +
        `(checksum applied ${appliedChecksum.slice(0, 12)}…, file now ${fileChecksum.slice(0, 12)}…). ` +
        `Applied migrations must not change: restore prisma/migrations/${migrationName}/migration.sql ` +
        `and put the change in a new migration (npm run db:migration:create -- <name>).`,
    );
  }
}

/** A migration that failed earlier (recorded by Prisma Migrate) or fails now. */
export class MigrationFailedError extends Error {
  override readonly name = "MigrationFailedError";
  constructor(
    readonly migrationName: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export type MigrateResult = {
  /** Migrations applied by this call, in order (empty when the database was up to date). */
  applied: string[];
  /** Latest applied migration after this call. */
  latest: string | null;
  /** Applied migrations that this code base does not have (the database is ahead of it). */
  unknown: string[];
};

export type MigrationStatus = {
  /** Number of migrations applied (and finished) that this code base has. */
  applied: number;
  /** Number of migrations in `prisma/migrations` not applied yet. */
  pending: number;
  pendingNames: string[];
  /** Name of the latest applied migration, or null. */
  latest: string | null;
  /** Applied migrations whose folder changed since (see {@link MigrationChecksumMismatchError}). */
  modified: string[];
  /** Migrations recorded as failed (by the Prisma CLI). */
  failed: string[];
};

type HistoryRow = {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  logs: string | null;
};

/** The little the runner needs from a connection: parameterised queries, scripts, transactions. */
type Session = {
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
  exec(script: string): Promise<void>;
};

type Connection = Session & {
  transaction<T>(fn: (tx: Session) => Promise<T>): Promise<T>;
  close(): Promise<void>;
};

function pgSession(client: pg.ClientBase): Session {
  return {
    query: async <T>(sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows as T[],
    // Without parameters pg uses the simple query protocol, which runs multi-statement scripts.
    exec: async (script) => {
      await client.query(script);
    },
  };
}

function pgliteSession(db: PGlite | PGliteTransaction): Session {
  return {
    query: async <T>(sql: string, params: unknown[] = []) => (await db.query<T>(sql, params)).rows,
    exec: async (script) => {
      await db.exec(script);
    },
  };
}

/**
 * The embedded database's stand-in for the advisory lock: one migrator per PGlite instance at a
 * time (another process cannot open the folder at all, see pglite-lock.ts).
 */
const embeddedMigrators = new WeakMap<PGlite, Gate>();

async function connect(driver: DbDriver): Promise<Connection> {
  if (driver.kind === "embedded") {
    const { pglite } = driver;
    let gate = embeddedMigrators.get(pglite);
    if (!gate) embeddedMigrators.set(pglite, (gate = new Gate()));
    const release = await gate.acquire();
    return {
      ...pgliteSession(pglite),
      transaction: (fn) => pglite.transaction((tx) => fn(pgliteSession(tx))),
      close: async () => release(),
    };
  }
  const client = new pg.Client({ connectionString: driver.url, connectionTimeoutMillis: PG_CONNECTION_TIMEOUT_MS });
  client.on("error", () => {}); // a dropped connection surfaces as the failing query's error
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => {});
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === "ECONNREFUSED" ? "connection refused" : code === "ENOTFOUND" ? "unknown host" : describeError(error);
    throw new DatabaseUnreachableError(
      `Cannot reach the database server (${describePostgresUrl(driver.url)}: ${why}). Is PostgreSQL running?`,
      { cause: error },
    );
  }
  const session = pgSession(client);
  const deadline = Date.now() + ADVISORY_LOCK_TIMEOUT_MS;
  try {
    // Polling try-lock rather than a blocking pg_advisory_lock, so the wait is bounded.
    for (;;) {
      const [row] = await session.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1) AS locked", [
        PRISMA_ADVISORY_LOCK_KEY,
      ]);
      if (row?.locked) break;
      if (Date.now() > deadline) {
        throw new Error(
          `Another process has been migrating this database for over ${ADVISORY_LOCK_TIMEOUT_MS / 1000} s ` +
            `(it holds advisory lock ${PRISMA_ADVISORY_LOCK_KEY}). Wait for it, or find it in pg_locks.`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  } catch (error) {
    await client.end().catch(() => {});
    throw error;
  }
  return {
    ...session,
    transaction: async (fn) => {
      await client.query("BEGIN");
      try {
        const result = await fn(session);
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {});
        throw error;
      }
    },
    close: async () => {
      // Ending the session releases the advisory lock too; unlock first to be explicit.
      await session.query("SELECT pg_advisory_unlock($1)", [PRISMA_ADVISORY_LOCK_KEY]).catch(() => {});
      await client.end().catch(() => {});
    },
  };
}

function describeError(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return describeError(error.errors[0]);
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code && !error.message.includes(code) ? `${error.message} (${code})` : error.message || String(code);
  }
  return String(error);
}

/**
 * Checks the recorded history against the folders: throws on an edited or failed migration.
 * Rolled-back rows are ignored, as Prisma does.
 */
function checkHistory(rows: HistoryRow[], folders: MigrationFolder[]) {
  const onDisk = new Map(folders.map((f) => [f.name, f]));
  const applied = new Map<string, HistoryRow>();
  for (const row of rows) {
    if (row.rolled_back_at) continue;
    if (!row.finished_at) {
      throw new MigrationFailedError(
        row.migration_name,
        `Migration ${row.migration_name} failed earlier and is recorded as failed in _prisma_migrations` +
          `${row.logs ? ` (${row.logs.split("\n")[0]})` : ""}. Repair the database, then run ` +
          `\`prisma migrate resolve --rolled-back ${row.migration_name}\` (or delete that row) and start again.`,
      );
    }
    applied.set(row.migration_name, row);
  }
  for (const [name, row] of applied) {
    const folder = onDisk.get(name);
    if (folder && folder.checksum !== row.checksum) {
      throw new MigrationChecksumMismatchError(name, row.checksum, folder.checksum);
    }
  }
  return {
    pending: folders.filter((f) => !applied.has(f.name)),
    unknown: [...applied.keys()].filter((name) => !onDisk.has(name)),
  };
}

function latestOf(names: Iterable<string>): string | null {
  let latest: string | null = null;
  for (const name of names) if (latest === null || name > latest) latest = name;
  return latest;
}

/**
 * Applies every pending migration, in name order, each in its own transaction. Re-running is a
 * no-op. On PostgreSQL it holds Prisma's advisory lock meanwhile, so app instances starting
 * together migrate one at a time.
 *
 * @param db - an open database ({@link Db}); only its driver is used
 * @param options.dir - the migrations folder (default `prisma/migrations`)
 * @param options.log - progress lines (default: none)
 * @returns the migrations applied by this call
 * @throws MigrationChecksumMismatchError when an applied migration's file changed
 * @throws MigrationFailedError when a migration fails (now, or recorded as failed before)
 * @throws DatabaseUnreachableError (from errors.ts) when PostgreSQL cannot be reached
 * @example await migrate(db) //=> { applied: ["20250101000000_init"], latest: "20250101000000_init", unknown: [] }
 */
export async function migrate(
  db: Pick<Db, "driver">,
  options: { dir?: string; log?: (line: string) => void } = {},
): Promise<MigrateResult> {
  const folders = await readMigrations(options.dir ?? migrationsDir());
  const log = options.log ?? (() => {});
  const conn = await connect(db.driver);
  try {
    await conn.exec(CREATE_MIGRATIONS_TABLE);
    const rows = await conn.query<HistoryRow>(
      "SELECT migration_name, checksum, finished_at, rolled_back_at, logs FROM _prisma_migrations ORDER BY started_at, migration_name",
    );
    const { pending, unknown } = checkHistory(rows, folders);
    if (unknown.length > 0) {
      log(`The database has migrations this code does not know (${unknown.join(", ")}): it is newer than this app.`);
    }
    const applied: string[] = [];
    for (const folder of pending) {
      const started = Date.now();
      try {
        await conn.transaction(async (tx) => {
          const id = randomUUID();
          await tx.query(
            "INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, applied_steps_count) VALUES ($1, $2, $3, now(), 0)",
            [id, folder.checksum, folder.name],
          );
          await tx.exec(folder.sql);
          await tx.query("UPDATE _prisma_migrations SET finished_at = clock_timestamp(), applied_steps_count = 1 WHERE id = $1", [id]);
        });
      } catch (error) {
        throw new MigrationFailedError(
          folder.name,
          `Migration ${folder.name} failed and was rolled back: ${describeError(error)}`,
          { cause: error },
        );
      }
      applied.push(folder.name);
      log(`Applied migration ${folder.name} (${Date.now() - started} ms)`);
    }
    const finished = rows.filter((r) => r.finished_at && !r.rolled_back_at).map((r) => r.migration_name);
    return { applied, latest: latestOf([...finished, ...applied]), unknown };
  } finally {
    await conn.close();
  }
}

/**
 * What has been applied and what is pending, read through the app's Prisma client (one query, no
 * lock), for the health endpoint. A database never migrated reports everything pending.
 *
 * @throws the driver's error when the database is unreachable (the caller bounds the wait)
 */
export async function migrationStatus(
  db: Pick<Db, "prisma">,
  options: { dir?: string } = {},
): Promise<MigrationStatus> {
  const folders = await readMigrations(options.dir ?? migrationsDir());
  const [table] = await db.prisma.$queryRawUnsafe<{ present: boolean }[]>(
    "SELECT EXISTS (SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = '_prisma_migrations') AS present",
  );
  const rows = table?.present
    ? await db.prisma.$queryRawUnsafe<HistoryRow[]>(
        "SELECT migration_name, checksum, finished_at, rolled_back_at, logs FROM _prisma_migrations",
      )
    : [];
  const live = rows.filter((r) => !r.rolled_back_at);
  const done = new Map(live.filter((r) => r.finished_at).map((r) => [r.migration_name, r]));
  const pendingNames = folders.filter((f) => !done.has(f.name)).map((f) => f.name);
  return {
    applied: folders.filter((f) => done.has(f.name)).length,
    pending: pendingNames.length,
    pendingNames,
    latest: latestOf(done.keys()),
    modified: folders.filter((f) => done.has(f.name) && done.get(f.name)?.checksum !== f.checksum).map((f) => f.name),
    failed: live.filter((r) => !r.finished_at).map((r) => r.migration_name),
  };
}
