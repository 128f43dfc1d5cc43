import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

/** One folder of `prisma/migrations`, in Prisma Migrate's layout. */
export type MigrationFolder = {
  /** Folder name, e.g. `20250101120000_init`; migrations apply in this order. */
  name: string;
  /** Contents of `migration.sql`. */
  sql: string;
  /** Hex sha256 of `migration.sql`, as Prisma Migrate stores it in `_prisma_migrations.checksum`. */
  checksum: string;
};

/** The lock file Prisma Migrate keeps next to the folders; it pins the provider. */
export const MIGRATION_LOCK_FILE = "migration_lock.toml";

/** The provider this project's migrations are written for. */
export const MIGRATION_PROVIDER = "postgresql";

/**
 * Where the migrations live. `HEADROOM_MIGRATIONS_DIR` overrides it (tests point it at a copy);
 * otherwise `prisma/migrations` under the working directory, which is the project root for
 * `next start`, `next dev`, the npm scripts and vitest.
 */
export function migrationsDir(): string {
  // turbopackIgnore (here and below): run-time paths; without it Next traces the whole project.
  return path.resolve(/*turbopackIgnore: true*/ process.env.HEADROOM_MIGRATIONS_DIR ?? path.join(process.cwd(), "prisma", "migrations"));
}

/**
 * Prisma's checksum of a migration script: the sha256 of its bytes, in hex.
 * Source: prisma-engines `schema-engine/connectors/schema-connector/src/checksum.rs`.
 *
 * @example migrationChecksum("") //=> "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
 */
export function migrationChecksum(sql: string): string {
  return createHash("sha256").update(sql, "utf8").digest("hex");
}

/**
 * Reads every migration folder under `dir` (those holding a `migration.sql`), sorted by name.
 *
 * @throws Error when the folder is missing or `migration_lock.toml` names another provider.
 */
export async function readMigrations(dir: string = migrationsDir()): Promise<MigrationFolder[]> {
  if (!existsSync(/*turbopackIgnore: true*/ dir)) {
    throw new Error(`No migrations folder at ${dir}. Run the app from the project root, or set HEADROOM_MIGRATIONS_DIR.`);
  }
  const lock = await readMigrationLock(dir);
  if (lock !== null && !new RegExp(`provider\\s*=\\s*"${MIGRATION_PROVIDER}"`).test(lock)) {
    throw new Error(`${path.join(dir, MIGRATION_LOCK_FILE)} is not for ${MIGRATION_PROVIDER}:\n${lock}`);
  }
  const entries = await readdir(/*turbopackIgnore: true*/ dir, { withFileTypes: true });
  const names = entries
    .filter((e) => e.isDirectory() && existsSync(/*turbopackIgnore: true*/ path.join(dir, e.name, "migration.sql")))
    .map((e) => e.name)
    // Plain code-unit order, as Prisma sorts them (timestamps make it chronological).
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(/*turbopackIgnore: true*/ path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: migrationChecksum(sql) };
    }),
  );
}

/** Contents of `migration_lock.toml`, or null when there is none yet. */
export async function readMigrationLock(dir: string = migrationsDir()): Promise<string | null> {
  const file = path.join(dir, MIGRATION_LOCK_FILE);
  return existsSync(/*turbopackIgnore: true*/ file) ? readFile(/*turbopackIgnore: true*/ file, "utf8") : null;
}
