/**
 * THE Prisma client of Headroom, and the choice of database behind it.
 *
 * - `DATABASE_URL` set: PostgreSQL through `@prisma/adapter-pg` (a pg pool).
 * - Unset: embedded PostgreSQL (PGlite, WebAssembly) persisted under `HEADROOM_DATA_DIR`
 *   (default `.data/pglite`), so the app runs with no database server at all.
 *
 * Everything else in the app goes through {@link getDb}. Tests and scripts that need their own
 * database call {@link createDb}. See docs/decisions/002-pglite-embedded-default.md.
 */
import path from "node:path";

import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";

import { PrismaClient } from "./generated/client";
import { acquireDataDirLock, type DataDirLock } from "./pglite-lock";
import { SerializedPGlite } from "./pglite-serialized-adapter";

export type DatabaseKind = "postgres" | "embedded";

/** How to reach the database; see {@link databaseConfigFromEnv}. */
export type DatabaseConfig =
  | { kind: "postgres"; url: string; /** Default {@link PG_QUERY_TIMEOUT_MS}. */ queryTimeoutMs?: number }
  /** `dataDir` is a folder, or `memory://` for a throwaway in-memory database. */
  | { kind: "embedded"; dataDir: string };

/** The raw driver behind the Prisma client, for the migration runner (multi-statement SQL). */
export type DbDriver =
  | { kind: "postgres"; url: string }
  | { kind: "embedded"; pglite: PGlite; dataDir: string };

/** An open database: the Prisma client plus what the migration runner and health check need. */
export type Db = {
  prisma: PrismaClient;
  kind: DatabaseKind;
  /** Where the data lives, for messages: `PostgreSQL at 127.0.0.1:5432/headroom`, `embedded PGlite at /srv/.data/pglite`. */
  location: string;
  driver: DbDriver;
  /** Disconnects Prisma, ends the pool / closes PGlite and releases the data-folder lock. */
  close(): Promise<void>;
};

/** What query functions take: the client or an interactive transaction's client. */
export type DbClient = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

/** Clients of transactions opened by {@link transact}: work given one of them joins it. */
const openTransactions = new WeakSet<DbClient>();

/**
 * Runs `work` in a transaction: a new one, or the caller's when `db` is already the client of a
 * transaction opened here (Prisma would nest a savepoint, which PGlite's adapter cannot).
 */
export function transact<T>(db: DbClient, work: (tx: DbClient) => Promise<T>, options?: { timeout?: number }): Promise<T> {
  if (openTransactions.has(db)) return work(db);
  const client = db as DbClient & Pick<PrismaClient, "$transaction">;
  return client.$transaction((tx) => {
    openTransactions.add(tx);
    return work(tx);
  }, options);
}

/**
 * How long a request waits for a PostgreSQL connection before failing with a clear error,
 * rather than hanging while the server is down. 3 s: longer than a healthy local or same-region
 * connect (tens of ms), short enough that a page shows its error state promptly.
 */
export const PG_CONNECTION_TIMEOUT_MS = 3_000;

/**
 * How long one query may go unanswered before it fails. A server that hangs (stopped, or a network
 * path that drops packets) leaves an open connection silent: without a client-side limit a page
 * would wait for as long as it hangs. 15 s: the slowest statement the app issues (the catalog's
 * bulk insert of a few thousand items) takes well under a second; the same value is the server's
 * `statement_timeout`, so a runaway statement is cancelled there too.
 */
export const PG_QUERY_TIMEOUT_MS = 15_000;

/**
 * How long an interactive transaction on the embedded database may wait for its turn. PGlite is a
 * single connection, so transactions queue; Prisma's default `maxWait` (2 s) would make a busy
 * queue fail instead of wait. 60 s: far beyond any queue this single-user app builds, and still
 * finite so a leaked transaction surfaces as an error instead of a silent hang.
 */
export const EMBEDDED_TRANSACTION_MAX_WAIT_MS = 60_000;

/** Default folder of the embedded database, relative to the working directory. */
export const DEFAULT_DATA_DIR = path.join(".data", "pglite");

/**
 * Reads the database choice from the environment: `DATABASE_URL` (PostgreSQL) or
 * `HEADROOM_DATA_DIR` (embedded, default `.data/pglite`).
 */
export function databaseConfigFromEnv(env: Readonly<Record<string, string | undefined>> = process.env): DatabaseConfig {
  const url = env.DATABASE_URL?.trim();
  if (url) return { kind: "postgres", url };
  const dataDir = env.HEADROOM_DATA_DIR?.trim() || DEFAULT_DATA_DIR;
  // turbopackIgnore: a run-time path; without it Next traces the whole project into the build.
  return { kind: "embedded", dataDir: dataDir.startsWith("memory://") ? dataDir : path.resolve(/*turbopackIgnore: true*/ dataDir) };
}

/** Which database the app uses, from the environment alone (no connection is made). */
export function databaseKind(env: Readonly<Record<string, string | undefined>> = process.env): DatabaseKind {
  return databaseConfigFromEnv(env).kind;
}

/** `postgres://user:secret@host:5432/db?x` → `PostgreSQL at host:5432/db` (never the password). */
export function describePostgresUrl(url: string): string {
  try {
    const u = new URL(url);
    return `PostgreSQL at ${u.hostname}:${u.port || "5432"}${u.pathname}`;
  } catch {
    return "PostgreSQL (DATABASE_URL is not a valid URL)";
  }
}

/**
 * Opens a database. Each call makes a new client: the app uses {@link getDb}; tests and scripts
 * call this for their own database and must `close()` it.
 *
 * @throws Error when the embedded data folder is in use by another process, or PGlite cannot open it.
 */
export async function createDb(config: DatabaseConfig = databaseConfigFromEnv()): Promise<Db> {
  if (config.kind === "postgres") {
    const location = describePostgresUrl(config.url);
    const adapter = new PrismaPg(
      {
        connectionString: config.url,
        connectionTimeoutMillis: PG_CONNECTION_TIMEOUT_MS,
        query_timeout: config.queryTimeoutMs ?? PG_QUERY_TIMEOUT_MS,
        statement_timeout: config.queryTimeoutMs ?? PG_QUERY_TIMEOUT_MS,
        // Idle connections are dropped after 30 s, so a restarted server is reconnected to cleanly.
        idleTimeoutMillis: 30_000,
        max: 10,
      },
      {
        // Without a listener, an idle connection dying (server restart) would crash the process.
        onPoolError: (error) => console.warn(`[db] ${location}: idle connection lost (${error.message})`),
        onConnectionError: (error) => console.warn(`[db] ${location}: connection error (${error.message})`),
      },
    );
    const prisma = new PrismaClient({ adapter });
    return {
      prisma,
      kind: "postgres",
      location,
      driver: { kind: "postgres", url: config.url },
      close: () => prisma.$disconnect(),
    };
  }

  const inMemory = config.dataDir.startsWith("memory://");
  const lock: DataDirLock | null = inMemory ? null : acquireDataDirLock(config.dataDir);
  let pglite: PGlite;
  try {
    pglite = await PGlite.create(inMemory ? undefined : config.dataDir);
  } catch (error) {
    lock?.release();
    throw new Error(
      `Could not open the embedded database at ${config.dataDir}: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
  const prisma = new PrismaClient({
    adapter: new SerializedPGlite(pglite),
    transactionOptions: { maxWait: EMBEDDED_TRANSACTION_MAX_WAIT_MS },
  });
  let closing: Promise<void> | undefined;
  return {
    prisma,
    kind: "embedded",
    location: inMemory ? "embedded PGlite (in memory)" : `embedded PGlite at ${config.dataDir}`,
    driver: { kind: "embedded", pglite, dataDir: config.dataDir },
    close: () =>
      (closing ??= (async () => {
        try {
          await prisma.$disconnect();
          if (!pglite.closed) await pglite.close();
        } finally {
          lock?.release();
        }
      })()),
  };
}

// The singleton lives on globalThis so that Next's dev server, which re-evaluates modules on every
// edit (HMR), keeps one client, one pool and one PGlite instead of leaking a new one per edit.
type DbGlobal = { __headroomDb?: Promise<Db> };
const globalForDb = globalThis as typeof globalThis & DbGlobal;

/**
 * The app's database, opened on first use from the environment (see {@link databaseConfigFromEnv}).
 * Concurrent first calls share one open; a failed open is forgotten, so the next call retries.
 *
 * @example const { prisma, kind } = await getDb(); //=> kind: "embedded"
 */
export function getDb(): Promise<Db> {
  if (!globalForDb.__headroomDb) {
    const opening = createDb();
    globalForDb.__headroomDb = opening;
    opening.then(
      (db) => registerShutdown(db),
      () => {
        if (globalForDb.__headroomDb === opening) globalForDb.__headroomDb = undefined;
      },
    );
  }
  return globalForDb.__headroomDb;
}

/** Closes the app's database (scripts call this before exiting). A later {@link getDb} reopens it. */
export async function closeDb(): Promise<void> {
  const opening = globalForDb.__headroomDb;
  globalForDb.__headroomDb = undefined;
  if (!opening) return;
  const db = await opening.catch(() => undefined);
  await db?.close();
}

/**
 * PGlite writes through to its folder, but a clean shutdown checkpoints it and releases the lock,
 * so the next start skips crash recovery. Only the embedded database needs this.
 */
function registerShutdown(db: Db): void {
  if (db.kind !== "embedded") return;
  const onSignal = (signal: NodeJS.Signals) => {
    void db.close().finally(() => {
      // Re-raise the default behaviour only if nobody else (e.g. Next) handles the signal.
      if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
    });
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
}
