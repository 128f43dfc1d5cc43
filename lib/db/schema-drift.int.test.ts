import { execFile } from "node:child_process";
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { migrationsDir } from "./migrations-dir";
import { diffMigrationsToSchema, schemaPath } from "./schema-engine";

const run = promisify(execFile);

describe("schema.prisma and prisma/migrations", () => {
  it("agree: replaying the migrations produces exactly the schema (exit code 0)", async () => {
    const diff = await diffMigrationsToSchema();
    // On failure, the SQL is the migration to add: npm run db:migration:create -- <name>
    expect(diff.sql).toContain("empty migration");
    expect(diff.exitCode).toBe(0);
  });
});

describe("a schema change without its migration", () => {
  let work: string;
  let schema: string;
  let migrations: string;

  beforeEach(async () => {
    work = await mkdtemp(path.join(tmpdir(), "headroom-drift-"));
    schema = path.join(work, "schema.prisma");
    migrations = path.join(work, "migrations");
    await cp(migrationsDir(), migrations, { recursive: true });
    const original = await readFile(schemaPath(), "utf8");
    const changed = original.replace(/(model WorkloadProfile \{\n)/, '$1  owner             String?\n');
    expect(changed).not.toBe(original);
    await writeFile(schema, changed);
  });
  afterEach(async () => {
    await rm(work, { recursive: true, force: true });
  });

  it("is caught: the diff exits with code 2 and names the missing SQL", async () => {
    const diff = await diffMigrationsToSchema({ migrationsDir: migrations, schemaPath: schema });
    expect(diff.exitCode).toBe(2);
    expect(diff.sql).toContain('ALTER TABLE "WorkloadProfile" ADD COLUMN     "owner" TEXT;');
  });

  it("is fixed by db:migration:create, which writes the next migration folder", { timeout: 180_000 }, async () => {
    const env = { ...process.env, HEADROOM_MIGRATIONS_DIR: migrations, HEADROOM_SCHEMA_PATH: schema };
    const created = await run("npx", ["tsx", "scripts/db-migration-create.ts", "add", "Owner"], { env });
    expect(created.stdout).toContain("_add_owner/migration.sql");
    const folders = (await readdir(migrations)).filter((f) => f.endsWith("_add_owner"));
    expect(folders).toHaveLength(1);
    expect(folders[0]).toMatch(/^\d{14}_add_owner$/);
    expect(await readFile(path.join(migrations, folders[0]!, "migration.sql"), "utf8")).toContain('ADD COLUMN     "owner" TEXT');

    const after = await diffMigrationsToSchema({ migrationsDir: migrations, schemaPath: schema });
    expect(after.exitCode).toBe(0);
  });
});
