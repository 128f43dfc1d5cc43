import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { exampleWorkloads } from "@/lib/model/examples";

import { closeDb, createDb, type Db } from "@/lib/db/client";
import { DatabaseUnavailableError } from "@/lib/db/errors";
import { readMigrations } from "@/lib/db/migrations-dir";
import { seedDemoData } from "./seed";
import { getReadyDb, prepareDatabase, resetPrepareDatabase, runStartup, seedDemoEnabled } from "./startup";
import { backends, createPGliteDir, createPostgresDatabase, TEST_DATABASE_URL, withDatabase } from "@/lib/db/testing/backends";
import { useMigratedDatabase } from "@/lib/db/testing/migrated-database";
import { closedPort, startTcpProxy } from "@/lib/db/testing/tcp-proxy";
import { createWorkload, listWorkloads } from "./workloads";

const ENV_KEYS = ["DATABASE_URL", "HEADROOM_DATA_DIR", "HEADROOM_SEED_DEMO"] as const;

/** Runs the app's start-up code against a database chosen by environment, as the server would. */
function useEnv(values: Partial<Record<(typeof ENV_KEYS)[number], string>>) {
  for (const key of ENV_KEYS) {
    if (values[key] === undefined) delete process.env[key];
    else process.env[key] = values[key];
  }
}

async function resetApp() {
  resetPrepareDatabase();
  await closeDb();
}

const saved = Object.fromEntries(ENV_KEYS.map((k) => [k, process.env[k]]));
function restoreEnv() {
  for (const key of ENV_KEYS) {
    if (saved[key] === undefined) delete process.env[key];
    else process.env[key] = saved[key];
  }
}

describe.each(backends)("demo data on $name", (backend) => {
  const t = useMigratedDatabase(backend);

  it("seeds the example workloads and scenarios into an empty database, once", async () => {
    expect(await seedDemoData(t.db)).toEqual({ seeded: true, workloads: 3, scenarios: 6 });
    expect(await seedDemoData(t.db)).toEqual({ seeded: false, reason: "not-empty" });
    expect(await t.db.prisma.workloadProfile.count()).toBe(3);
    expect(await t.db.prisma.scenario.count()).toBe(6);
    const names = (await t.db.prisma.workloadProfile.findMany({ select: { name: true } })).map((r) => r.name);
    expect(names.sort()).toEqual(exampleWorkloads.map((e) => e.name).sort());
  });

  it("gives every seeded profile a plan of record whose stored plan is the list's headline", async () => {
    await runStartup(t.db, { seedDemo: true });
    const { rows } = await listWorkloads(t.db.prisma);
    expect(rows).toHaveLength(exampleWorkloads.length);
    for (const row of rows) {
      expect(row.headline, row.name).toMatchObject({ stale: false });
      expect(row.headline?.nodes, row.name).toBeGreaterThan(0);
      expect(row.headline?.totalUsdPerMonth, row.name).toBeGreaterThan(0);
    }
  });

  it("never seeds a database that holds user data, even deleted data", async () => {
    const mine = await createWorkload(t.db.prisma, { ...exampleWorkloads[2]!, name: "Mine", scenarios: [] });
    await t.db.prisma.workloadProfile.update({ where: { id: mine.id }, data: { deletedAt: new Date() } });
    expect(await seedDemoData(t.db)).toEqual({ seeded: false, reason: "not-empty" });
    expect(await t.db.prisma.workloadProfile.count()).toBe(1);
  });

  it("seeds all or nothing", async () => {
    const broken = { ...exampleWorkloads[1]!, scenarios: [{ name: " ", description: "", spec: exampleWorkloads[1]!.scenarios[0]!.spec }] };
    await expect(seedDemoData(t.db, { examples: [exampleWorkloads[0]!, broken] })).rejects.toThrow("must not be empty");
    expect(await t.db.prisma.workloadProfile.count()).toBe(0);
    expect(await t.db.prisma.scenario.count()).toBe(0);
  });

  it("seeds once when two app instances start on the same empty database together", async () => {
    // A second client on the same database (PGlite allows one per folder: reuse the first).
    const other: Db = backend.name === "postgres" && t.db.driver.kind === "postgres" ? await createDb({ kind: "postgres", url: t.db.driver.url }) : t.db;
    try {
      const results = await Promise.all([seedDemoData(t.db), seedDemoData(other)]);
      expect(results.filter((r) => r.seeded)).toHaveLength(1);
      expect(await t.db.prisma.workloadProfile.count()).toBe(3);
    } finally {
      if (other !== t.db) await other.close();
    }
  });
});

describe.each(backends)("start-up of the app on $name", (backend) => {
  let env: Partial<Record<(typeof ENV_KEYS)[number], string>>;
  let dispose: () => Promise<void>;

  beforeEach(async () => {
    if (backend.name === "postgres") {
      const database = await createPostgresDatabase();
      env = { DATABASE_URL: database.url };
      dispose = database.drop;
    } else {
      const dir = await createPGliteDir();
      env = { HEADROOM_DATA_DIR: dir.dataDir };
      dispose = dir.remove;
    }
    vi.spyOn(console, "info").mockImplementation(() => {});
  });
  afterEach(async () => {
    await resetApp();
    await dispose();
    restoreEnv();
    vi.restoreAllMocks();
  });

  it("migrates and seeds on the first start, shares one run between callers, and does nothing on the next start", async () => {
    useEnv(env);
    const [first, same] = await Promise.all([prepareDatabase(), prepareDatabase()]);
    expect(same).toBe(first);
    expect(first).toMatchObject({ ok: true, kind: backend.name === "postgres" ? "postgres" : "embedded", seed: { seeded: true, workloads: 3 } });
    expect(first.ok && first.migrated).toEqual((await readMigrations()).map((f) => f.name));
    const db = await getReadyDb();
    expect(await db.prisma.workloadProfile.count()).toBe(3);

    await resetApp(); // a restart
    const second = await prepareDatabase();
    expect(second).toMatchObject({ ok: true, migrated: [], seed: { seeded: false, reason: "not-empty" } });
    expect(await (await getReadyDb()).prisma.workloadProfile.count()).toBe(3);
  });

  it("leaves an empty database empty when HEADROOM_SEED_DEMO=0", async () => {
    useEnv({ ...env, HEADROOM_SEED_DEMO: "0" });
    expect(await prepareDatabase()).toMatchObject({ ok: true, seed: "disabled" });
    expect(await (await getReadyDb()).prisma.workloadProfile.count()).toBe(0);
  });
});

describe("start-up while PostgreSQL is down", () => {
  afterEach(async () => {
    await resetApp();
    restoreEnv();
    vi.restoreAllMocks();
  });

  it("does not throw, says what is wrong, and prepares the database once it is back, without a restart", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    vi.spyOn(console, "info").mockImplementation(() => {});
    vi.spyOn(console, "warn").mockImplementation(() => {});
    const database = await createPostgresDatabase();
    const target = new URL(TEST_DATABASE_URL);
    const proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    try {
      await proxy.stop(); // the server is down when the app boots
      useEnv({ DATABASE_URL: withDatabase(`postgresql://${target.username}@127.0.0.1:${proxy.port}`, new URL(database.url).pathname.slice(1)) });

      const started = Date.now();
      const down = await prepareDatabase();
      expect(Date.now() - started).toBeLessThan(4_000);
      expect(down).toMatchObject({ ok: false, kind: "postgres" });
      expect(down.ok ? "" : down.message).toMatch(/Cannot reach the database/);
      expect(errors).toHaveBeenCalled();
      await expect(getReadyDb()).rejects.toBeInstanceOf(DatabaseUnavailableError);

      await proxy.start(); // the server is back
      const up = await prepareDatabase();
      expect(up).toMatchObject({ ok: true, seed: { seeded: true } });
      expect(await (await getReadyDb()).prisma.workloadProfile.count()).toBe(3);
    } finally {
      await resetApp();
      await proxy.stop();
      await database.drop();
    }
  });

  it("reports an unreachable server quickly", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    useEnv({ DATABASE_URL: `postgresql://postgres@127.0.0.1:${await closedPort()}/headroom` });
    const started = Date.now();
    const result = await prepareDatabase();
    expect(result.ok).toBe(false);
    expect(Date.now() - started).toBeLessThan(4_000);
  });
});

describe("HEADROOM_SEED_DEMO", () => {
  it.each([
    [undefined, true],
    ["1", true],
    ["true", true],
    ["0", false],
    ["false", false],
    [" FALSE ", false],
    ["off", false],
  ])("%s → seed %s", (value, expected) => {
    expect(seedDemoEnabled({ HEADROOM_SEED_DEMO: value })).toBe(expected);
  });
});
