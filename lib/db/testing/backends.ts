/**
 * The two databases every data-layer integration test runs against: a throwaway database on the
 * real PostgreSQL server, and an embedded PGlite in a temporary folder.
 *
 * PostgreSQL comes from `TEST_DATABASE_URL` (default postgresql://postgres@127.0.0.1:5432/postgres),
 * which must be allowed to CREATE DATABASE. Each `open()` creates `headroom_test_<random>` and
 * `cleanup()` drops it.
 */
import { existsSync, readFileSync } from "node:fs";
import { cp, mkdtemp, rename, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";

import { PGlite } from "@electric-sql/pglite";
import pg from "pg";

import { createDb, type Db } from "../client";

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

export type TestDatabase = {
  db: Db;
  /** Empties the database (drops and recreates the `public` schema): faster than a new one. */
  reset(): Promise<void>;
  cleanup(): Promise<void>;
};

async function resetSchema(db: Db): Promise<void> {
  await db.prisma.$executeRawUnsafe("DROP SCHEMA public CASCADE");
  await db.prisma.$executeRawUnsafe("CREATE SCHEMA public");
}

export type Backend = {
  name: "postgres" | "pglite";
  /** Opens a new, empty database of this kind. */
  open(): Promise<TestDatabase>;
};

/** `TEST_DATABASE_URL` with its database name replaced. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Creates an empty PostgreSQL database and returns its URL and a function that drops it. */
export async function createPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `headroom_test_${Math.random().toString(36).slice(2, 10)}`;
  await adminQuery(`CREATE DATABASE "${name}"`);
  return {
    url: withDatabase(TEST_DATABASE_URL, name),
    // WITH (FORCE) (PostgreSQL 13+) ends connections a failed test may have left open.
    drop: () => adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

function pgliteVersion(): string {
  const entry = createRequire(import.meta.url).resolve("@electric-sql/pglite");
  const pkg = JSON.parse(readFileSync(path.join(path.dirname(entry), "..", "package.json"), "utf8")) as { version: string };
  return pkg.version;
}

let templatePromise: Promise<string> | undefined;

/**
 * A freshly initialised, empty PGlite data folder, made once per PGlite version and machine.
 * Running initdb takes 3–5 s; copying this folder and opening the copy takes about 1 s.
 */
function pgliteTemplate(): Promise<string> {
  templatePromise ??= (async () => {
    const template = path.join(tmpdir(), `headroom-pglite-template-${pgliteVersion()}`);
    if (existsSync(path.join(template, "READY"))) return path.join(template, "data");
    const staging = await mkdtemp(`${template}.staging-`);
    const pglite = await PGlite.create(path.join(staging, "data"));
    await pglite.close();
    await writeFile(path.join(staging, "READY"), "");
    // Another test process may have won the race: then use its template and drop ours.
    await rename(staging, template).catch(() => rm(staging, { recursive: true, force: true }));
    return path.join(template, "data");
  })();
  return templatePromise;
}

/**
 * Creates a temporary folder holding an empty PGlite database (a copy of the template), and a
 * function that removes it. `fresh: true` leaves the folder empty, so PGlite runs initdb itself.
 */
export async function createPGliteDir(options: { fresh?: boolean } = {}): Promise<{ dataDir: string; remove(): Promise<void> }> {
  const parent = await mkdtemp(path.join(tmpdir(), "headroom-pglite-"));
  const dataDir = path.join(parent, "pglite");
  if (!options.fresh) await cp(await pgliteTemplate(), dataDir, { recursive: true });
  return { dataDir, remove: () => rm(parent, { recursive: true, force: true }) };
}

export const postgresBackend: Backend = {
  name: "postgres",
  async open() {
    const database = await createPostgresDatabase();
    const db = await createDb({ kind: "postgres", url: database.url });
    return {
      db,
      reset: () => resetSchema(db),
      async cleanup() {
        await db.close();
        await database.drop();
      },
    };
  },
};

export const pgliteBackend: Backend = {
  name: "pglite",
  async open() {
    const dir = await createPGliteDir();
    const db = await createDb({ kind: "embedded", dataDir: dir.dataDir });
    return {
      db,
      reset: () => resetSchema(db),
      async cleanup() {
        await db.close();
        await dir.remove();
      },
    };
  },
};

/** Both backends, for `describe.each(backends)`. */
export const backends: Backend[] = [postgresBackend, pgliteBackend];
