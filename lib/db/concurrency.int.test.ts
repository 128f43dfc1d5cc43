/**
 * PGlite is one PostgreSQL backend in this process: one connection for the whole app. These tests
 * prove that concurrent requests and interactive transactions queue behind each other on it,
 * never fail for waiting and never interleave (lib/db/pglite-serialized-adapter.ts).
 */
import { spawn } from "node:child_process";
import { writeFile } from "node:fs/promises";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { exampleWorkloads } from "@/lib/model/examples";

import { createDb, type Db } from "./client";
import { migrate } from "./migrate";
import { lockPathFor } from "./pglite-lock";
import { createPGliteDir, pgliteBackend, type TestDatabase } from "./testing/backends";
import type { Prisma } from "./generated/client";
import { insertWorkload } from "./workloads";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** An example profile as rows (this layer stores JSON as given; the services validate it). */
function insertExample(db: Db, name: string, withScenarios: boolean): Promise<string> {
  const example = exampleWorkloads[0]!;
  const columns = { name, description: "clean", team: example.team, tags: example.tags, kind: example.spec.kind, spec: example.spec as Prisma.InputJsonValue, peakEventsPerSec: null };
  const scenarios = withScenarios ? example.scenarios.map((s) => ({ name: s.name, description: s.description, spec: s.spec as Prisma.InputJsonValue, pricedCatalogVersion: null })) : [];
  return db.prisma.$transaction((tx) => insertWorkload(tx, columns, scenarios));
}

describe("the embedded database under concurrent use", () => {
  let t: TestDatabase;
  let db: Db;
  let counterId: string;

  beforeAll(async () => {
    t = await pgliteBackend.open();
    db = t.db;
    await migrate(db);
    counterId = await insertExample(db, "counter", false);
  });
  afterAll(async () => {
    await t.cleanup();
  });

  async function counter(): Promise<{ version: number; description: string }> {
    return db.prisma.workloadProfile.findUniqueOrThrow({ where: { id: counterId }, select: { version: true, description: true } });
  }

  it("queues 50 read-modify-write transactions and 50 plain queries: no error, no lost update, no interleaving", async () => {
    const before = await counter();
    const transactions = 50;
    // Each transaction holds the connection ≥ 50 ms, so the last waits ≥ 2.5 s: longer than
    // Prisma's default maxWait (2 s), which would make it fail instead of wait.
    const holdMs = 50;
    let active = 0;
    let maxActive = 0;
    let dirtyReads = 0;
    const errors: unknown[] = [];
    const started = Date.now();

    const writers = Array.from({ length: transactions }, () =>
      db.prisma
        .$transaction(async (tx) => {
          active += 1;
          maxActive = Math.max(maxActive, active);
          const row = await tx.workloadProfile.findUniqueOrThrow({ where: { id: counterId }, select: { version: true } });
          // An uncommitted intermediate state: a query running inside this transaction would see it.
          await tx.workloadProfile.update({ where: { id: counterId }, data: { description: "dirty" } });
          await sleep(holdMs);
          await tx.workloadProfile.update({ where: { id: counterId }, data: { version: row.version + 1, description: "clean" } });
          active -= 1;
        })
        .catch((error: unknown) => {
          errors.push(error);
        }),
    );
    const readers = Array.from({ length: 50 }, async (_, i) => {
      await sleep(i * 40); // spread over the whole run
      try {
        const row = await counter();
        if (row.description !== "clean") dirtyReads += 1;
      } catch (error) {
        errors.push(error);
      }
    });
    await Promise.all([...writers, ...readers]);
    const elapsedMs = Date.now() - started;

    expect(errors).toEqual([]);
    expect(maxActive).toBe(1);
    expect(dirtyReads).toBe(0);
    expect((await counter()).version).toBe(before.version + transactions);
    expect(elapsedMs).toBeGreaterThanOrEqual(transactions * holdMs);
  });

  it("rolls a failing transaction back and lets the next one run", async () => {
    const before = await counter();
    const failing = db.prisma.$transaction(async (tx) => {
      await tx.workloadProfile.update({ where: { id: counterId }, data: { version: { increment: 100 } } });
      throw new Error("business rule violated");
    });
    const next = db.prisma.$transaction(async (tx) =>
      tx.workloadProfile.update({ where: { id: counterId }, data: { version: { increment: 1 } } }),
    );
    await expect(failing).rejects.toThrow("business rule violated");
    await expect(next).resolves.toMatchObject({ version: before.version + 1 });
  });

  it("rolls back a transaction that outlives its timeout, and frees the connection for the others", async () => {
    const before = await counter();
    const slow = db.prisma.$transaction(
      async (tx) => {
        await tx.workloadProfile.update({ where: { id: counterId }, data: { version: { increment: 100 } } });
        await sleep(1_500);
      },
      { timeout: 300 },
    );
    const waiting = db.prisma.workloadProfile.count();
    await expect(slow).rejects.toThrow(/expired|timeout|closed/i);
    await expect(waiting).resolves.toBeGreaterThan(0);
    expect((await counter()).version).toBe(before.version);
  });

  it("runs a transaction at the isolation level asked for", async () => {
    const [row] = await db.prisma.$transaction(
      (tx) => tx.$queryRawUnsafe<{ level: string }[]>("SELECT current_setting('transaction_isolation') AS level"),
      { isolationLevel: "Serializable" },
    );
    expect(row?.level).toBe("serializable");
  });

  it("queues nested writes and batch transactions alongside interactive ones", async () => {
    const example = exampleWorkloads[0]!;
    const countBefore = await db.prisma.scenario.count();
    const results = await Promise.all([
      ...Array.from({ length: 10 }, (_, i) => insertExample(db, `nested ${i}`, true)),
      ...Array.from({ length: 10 }, () =>
        db.prisma.$transaction([db.prisma.scenario.count(), db.prisma.workloadProfile.count()]),
      ),
    ]);
    expect(results).toHaveLength(20);
    expect(await db.prisma.scenario.count()).toBe(countBefore + 10 * example.scenarios.length);
  });
});

describe("the embedded database's folder", () => {
  it("cannot be opened twice, and says why", async () => {
    const dir = await createPGliteDir();
    const first = await createDb({ kind: "embedded", dataDir: dir.dataDir });
    try {
      await expect(createDb({ kind: "embedded", dataDir: dir.dataDir })).rejects.toThrow(/already open in this process/);
    } finally {
      await first.close();
      await dir.remove();
    }
  });

  it("is refused while another process holds it, and taken over once that process is gone", async () => {
    const dir = await createPGliteDir();
    const other = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], { stdio: "ignore" });
    try {
      await writeFile(lockPathFor(dir.dataDir), String(other.pid));
      await expect(createDb({ kind: "embedded", dataDir: dir.dataDir })).rejects.toThrow(
        new RegExp(`open in another process \\(pid ${other.pid}\\)`),
      );
      other.kill();
      await new Promise((resolve) => other.once("exit", resolve));
      const db = await createDb({ kind: "embedded", dataDir: dir.dataDir });
      await db.close();
    } finally {
      other.kill();
      await dir.remove();
    }
  });
});
