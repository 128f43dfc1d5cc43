import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { closeDb, createDb, getDb } from "@/lib/db/client";
import { describeDatabaseError } from "@/lib/db/errors";
import { GET as healthRoute } from "@/app/api/health/route";

import { checkHealth } from "./health";
import { migrate } from "@/lib/db/migrate";
import { readMigrations } from "@/lib/db/migrations-dir";
import { prepareDatabase, resetPrepareDatabase } from "./startup";
import { backends, createPostgresDatabase, TEST_DATABASE_URL, type TestDatabase } from "@/lib/db/testing/backends";
import { closedPort, startSilentServer, startTcpProxy } from "@/lib/db/testing/tcp-proxy";

describe.each(backends)("health of $name", (backend) => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await backend.open();
  });
  afterEach(async () => {
    await t.cleanup();
  });

  it("is an error naming the pending migrations before migrating, and ok after", async () => {
    const before = await checkHealth({ db: t.db });
    const folders = await readMigrations();
    const latest = folders.at(-1)!.name;
    expect(before).toMatchObject({
      status: "error",
      database: { kind: t.db.kind, reachable: true },
      migrations: { applied: 0, pending: folders.length, latest: null },
    });
    expect(before.database.message).toContain(latest);

    await migrate(t.db);
    const after = await checkHealth({ db: t.db });
    expect(after).toMatchObject({
      status: "ok",
      database: { kind: backend.name === "postgres" ? "postgres" : "embedded", reachable: true },
      migrations: { applied: folders.length, pending: 0, latest },
    });
    expect(after.database.message).toBeUndefined();
    expect(after.database.latencyMs).toBeGreaterThanOrEqual(0);
  });
});

describe("health when PostgreSQL is not there", () => {
  beforeEach(() => {
    vi.spyOn(console, "warn").mockImplementation(() => {});
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("answers at once with an error when the port is closed, without throwing", async () => {
    const db = await createDb({ kind: "postgres", url: `postgresql://postgres@127.0.0.1:${await closedPort()}/headroom` });
    try {
      const started = Date.now();
      const health = await checkHealth({ db });
      expect(Date.now() - started).toBeLessThan(1_000);
      expect(health).toMatchObject({ status: "error", database: { kind: "postgres", reachable: false } });
      expect(health.database.message).toMatch(/^Cannot reach the database server at 127\.0\.0\.1:\d+\. Is PostgreSQL running\?$/);
    } finally {
      await db.close();
    }
  });

  it("answers within its time budget when the server accepts connections but never replies", async () => {
    const silent = await startSilentServer();
    const db = await createDb({ kind: "postgres", url: `postgresql://postgres@127.0.0.1:${silent.port}/headroom` });
    try {
      const started = Date.now();
      const health = await checkHealth({ db, timeoutMs: 1_000 });
      expect(Date.now() - started).toBeLessThan(1_500);
      expect(health).toMatchObject({ status: "error", database: { reachable: false } });
      expect(health.database.message).toContain("did not answer");
    } finally {
      await silent.close();
      await db.close();
    }
  });
});

describe("the app's database going down and coming back", () => {
  const saved = process.env.DATABASE_URL;
  afterEach(async () => {
    resetPrepareDatabase();
    await closeDb();
    if (saved === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = saved;
    vi.restoreAllMocks();
  });

  it("never migrates on request, and answers the public status only (no host, database or data directory)", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const database = await createPostgresDatabase();
    try {
      process.env.DATABASE_URL = database.url;
      const pending = (await readMigrations()).length;

      const response = await healthRoute();
      expect(response.status).toBe(503);
      const text = await response.text();
      expect(JSON.parse(text)).toEqual({ status: "error" });
      const dbName = new URL(database.url).pathname.slice(1);
      expect(text).not.toContain(dbName);
      expect(text).not.toContain("127.0.0.1");
      expect(logged).toHaveBeenCalledWith(expect.stringContaining(dbName)); // the reason is in the server log

      // Asking again changes nothing: the pending migrations are the start-up's job.
      await healthRoute();
      expect((await checkHealth()).migrations).toMatchObject({ applied: 0, pending });

      await migrate(await getDb());
      const ready = await healthRoute();
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({ status: "ok" });
    } finally {
      await closeDb();
      await database.drop();
    }
  });

  it("turns health and queries into clear errors while down, and recovers without a restart", async () => {
    vi.spyOn(console, "info").mockImplementation(() => {});
    vi.spyOn(console, "warn").mockImplementation(() => {});
    vi.spyOn(console, "error").mockImplementation(() => {});
    const database = await createPostgresDatabase();
    const target = new URL(TEST_DATABASE_URL);
    const proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    try {
      const url = new URL(database.url);
      url.host = `127.0.0.1:${proxy.port}`;
      process.env.DATABASE_URL = url.toString();

      // Start-up (migrate, seed, store the demo plans) first: health answers within its budget.
      expect(await prepareDatabase()).toMatchObject({ ok: true });
      expect((await checkHealth()).status).toBe("ok");
      const db = await getDb();
      expect(await db.prisma.workloadProfile.count()).toBe(3); // seeded by the start-up

      await proxy.stop();
      const started = Date.now();
      const down = await checkHealth();
      expect(Date.now() - started).toBeLessThan(3_000);
      expect(down).toMatchObject({ status: "error", database: { kind: "postgres", reachable: false } });
      expect(down.database.message).toMatch(/Cannot reach the database server|connection .* lost/);
      const failure = await db.prisma.workloadProfile.count().catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(Error);
      expect(describeDatabaseError(failure)).toMatch(/^Cannot reach the database server at 127\.0\.0\.1:\d+\. Is PostgreSQL running\?$/);

      await proxy.start();
      const up = await checkHealth();
      expect(up.status).toBe("ok");
      expect(await getDb()).toBe(db); // same client, no restart
      expect(await db.prisma.workloadProfile.count()).toBe(3);
    } finally {
      resetPrepareDatabase();
      await closeDb();
      await proxy.stop();
      await database.drop();
    }
  });
});
