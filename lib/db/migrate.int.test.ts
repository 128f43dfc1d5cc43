import { cp, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { PGlite } from "@electric-sql/pglite";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { migrate, MigrationChecksumMismatchError, MigrationFailedError, migrationStatus } from "./migrate";
import { migrationsDir, readMigrations } from "./migrations-dir";
import { applyWithSchemaEngine } from "./schema-engine";
import { backends, type TestDatabase } from "./testing/backends";

/** A private copy of prisma/migrations that a test may edit. */
async function copyOfMigrations(): Promise<{ dir: string; remove(): Promise<void> }> {
  const parent = await mkdtemp(path.join(tmpdir(), "headroom-migrations-"));
  const dir = path.join(parent, "migrations");
  await cp(migrationsDir(), dir, { recursive: true });
  return { dir, remove: () => rm(parent, { recursive: true, force: true }) };
}

async function tableNames(t: TestDatabase): Promise<string[]> {
  const rows = await t.db.prisma.$queryRawUnsafe<{ table_name: string }[]>(
    "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY table_name",
  );
  return rows.map((r) => r.table_name);
}

describe.each(backends)("migrations on $name", (backend) => {
  let t: TestDatabase;
  let copy: { dir: string; remove(): Promise<void> };

  beforeAll(async () => {
    t = await backend.open();
  });
  afterAll(async () => {
    await t.cleanup();
  });
  beforeEach(async () => {
    await t.reset();
    copy = await copyOfMigrations();
  });
  afterEach(async () => {
    await copy.remove();
  });

  it("migrates an empty database, and migrating again is a no-op", async () => {
    const folders = await readMigrations();
    expect(folders.length).toBeGreaterThan(0);
    expect(await migrationStatus(t.db)).toMatchObject({ applied: 0, pending: folders.length, latest: null });

    const first = await migrate(t.db);
    expect(first.applied).toEqual(folders.map((f) => f.name));
    expect(await tableNames(t)).toEqual(["Account", "ApiToken", "AuditEvent", "CatalogItem", "CatalogOverride", "CatalogVersion", "PortfolioFigures", "Scenario", "ScenarioPlan", "Session", "TeamBudget", "User", "Verification", "WorkloadProfile", "_prisma_migrations"]);

    const second = await migrate(t.db);
    expect(second.applied).toEqual([]);
    expect(second.latest).toBe(folders.at(-1)?.name);
    expect(await migrationStatus(t.db)).toMatchObject({
      applied: folders.length,
      pending: 0,
      latest: folders.at(-1)?.name,
      modified: [],
      failed: [],
    });
    const rows = await t.db.prisma.$queryRawUnsafe<{ checksum: string; applied_steps_count: number; finished_at: Date | null }[]>(
      "SELECT checksum, applied_steps_count, finished_at FROM _prisma_migrations ORDER BY migration_name",
    );
    expect(rows.map((r) => r.checksum)).toEqual(folders.map((f) => f.checksum));
    expect(rows.every((r) => r.applied_steps_count === 1 && r.finished_at instanceof Date)).toBe(true);
  });

  it("refuses to run when an applied migration was edited, and says what to do", async () => {
    await migrate(t.db, { dir: copy.dir });
    const [first] = await readMigrations(copy.dir);
    await writeFile(path.join(copy.dir, first!.name, "migration.sql"), `${first!.sql}\n-- edited later\n`);

    const error = await migrate(t.db, { dir: copy.dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationChecksumMismatchError);
    expect((error as Error).message).toContain(`Migration ${first!.name} was modified after it was applied`);
    expect((error as Error).message).toContain("npm run db:migration:create");
    expect(await migrationStatus(t.db, { dir: copy.dir })).toMatchObject({ modified: [first!.name] });
  });

  it("applies a new migration on top, and rolls a failing one back entirely", async () => {
    await migrate(t.db, { dir: copy.dir });
    await mkdir(path.join(copy.dir, "29990101000000_add_owner"));
    await writeFile(
      path.join(copy.dir, "29990101000000_add_owner", "migration.sql"),
      'ALTER TABLE "WorkloadProfile" ADD COLUMN "owner" TEXT;\n',
    );
    expect((await migrate(t.db, { dir: copy.dir })).applied).toEqual(["29990101000000_add_owner"]);

    // The first statement succeeds, the second fails: neither it nor a history row may remain.
    await mkdir(path.join(copy.dir, "29990102000000_broken"));
    await writeFile(
      path.join(copy.dir, "29990102000000_broken", "migration.sql"),
      'CREATE TABLE "Leftover" (id INT);\nALTER TABLE "NoSuchTable" ADD COLUMN x INT;\n',
    );
    const error = await migrate(t.db, { dir: copy.dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationFailedError);
    expect((error as Error).message).toMatch(/Migration 29990102000000_broken failed and was rolled back: .*NoSuchTable/);
    expect(await tableNames(t)).not.toContain("Leftover");
    expect(await migrationStatus(t.db, { dir: copy.dir })).toMatchObject({
      pending: 1,
      pendingNames: ["29990102000000_broken"],
      latest: "29990101000000_add_owner",
      failed: [],
    });
  });

  it("applies each migration once when several start-ups migrate at the same time", async () => {
    const results = await Promise.all([migrate(t.db), migrate(t.db), migrate(t.db)]);
    const applied = results.flatMap((r) => r.applied);
    expect(applied).toEqual((await readMigrations()).map((f) => f.name));
    const [row] = await t.db.prisma.$queryRawUnsafe<{ n: bigint }[]>("SELECT count(*) AS n FROM _prisma_migrations");
    expect(Number(row?.n)).toBe(applied.length);
  });

  it("stops at a migration the Prisma CLI recorded as failed", async () => {
    await migrate(t.db);
    await t.db.prisma.$executeRawUnsafe(
      "INSERT INTO _prisma_migrations (id, checksum, migration_name, logs) VALUES ('x', 'y', '29990101000000_half_done', 'boom: syntax error')",
    );
    const error = await migrate(t.db).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationFailedError);
    expect((error as Error).message).toContain("29990101000000_half_done failed earlier");
    expect((error as Error).message).toContain("prisma migrate resolve");
  });
});

describe("the migration history", () => {
  let pglite: PGlite;
  beforeAll(async () => {
    pglite = await PGlite.create();
  });
  afterAll(async () => {
    await pglite.close();
  });

  it("is one Prisma's own schema engine accepts: after our runner it has nothing left to apply", async () => {
    await migrate({ driver: { kind: "embedded", pglite, dataDir: "memory://" } });
    expect(await applyWithSchemaEngine(pglite)).toEqual([]);
  });
});
