import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";

import { exampleWorkloads } from "@/lib/model/examples";

import { migrate } from "@/lib/db/migrate";
import { getScenario, createScenario, listScenarios } from "./scenarios";
import { seedDemoData } from "./seed";
import { StoredSpecError } from "./stored-specs";
import { backends, type TestDatabase } from "@/lib/db/testing/backends";
import { createWorkload, getWorkload, listTeams, listWorkloads, updateWorkload } from "./workloads";

const [clickstream, nightlyEtl, fraudScoring] = exampleWorkloads;
const BULK = 45;

describe.each(backends)("workload and scenario queries on $name", (backend) => {
  let t: TestDatabase;

  beforeAll(async () => {
    t = await backend.open();
    await migrate(t.db);
    await seedDemoData(t.db);
    // Older than the demo rows, so "newest first" puts the demo workloads on top.
    const base = Date.parse("2025-01-01T00:00:00Z");
    await t.db.prisma.workloadProfile.createMany({
      data: Array.from({ length: BULK }, (_, i) => ({
        name: `Bulk pipeline ${String(i).padStart(2, "0")}`,
        team: "Bulk",
        tags: ["bulk"],
        kind: "streaming" as const,
        spec: fraudScoring!.spec,
        peakEventsPerSec: i % 5 === 0 ? null : i * 10,
        createdAt: new Date(base + i * 1000),
        updatedAt: new Date(base + i * 1000),
      })),
    });
  });
  afterAll(async () => {
    await t.cleanup();
  });

  it("lists the demo workloads first, newest first, with their scenario counts", async () => {
    const page = await listWorkloads(t.db.prisma, { pageSize: 3 });
    expect(page.total).toBe(3 + BULK);
    expect(page.rows.map((r) => r.name).sort()).toEqual(exampleWorkloads.map((e) => e.name).sort());
    expect(page.rows.every((r) => r.scenarioCount === 2)).toBe(true);
    const clicks = page.rows.find((r) => r.name === clickstream!.name)!;
    expect(clicks).toMatchObject({ team: "Data Platform", kind: "streaming", version: 1, tags: clickstream!.tags });
    // 40,000 events/s average × diurnal peak factor 2.5
    expect(clicks.peakEventsPerSec).toBe(100_000);
    expect(clicks).not.toHaveProperty("spec");
  });

  it("searches names, teams and tags case-insensitively, and treats wildcards literally", async () => {
    const names = async (query: string) => (await listWorkloads(t.db.prisma, { query })).rows.map((r) => r.name);
    expect(await names("KAFKA")).toEqual([clickstream!.name]); // name
    expect(await names("risk eng")).toEqual([fraudScoring!.name]); // team
    expect(await names("latency-critical")).toEqual([fraudScoring!.name]); // tag
    expect(await names("spark")).toEqual([nightlyEtl!.name]);
    expect(await names("%")).toEqual([]);
    expect(await names("_")).toEqual([]);
    expect(await names("\\")).toEqual([]);
    expect((await listWorkloads(t.db.prisma, { query: "  " })).total).toBe(3 + BULK);
    const literal = await createWorkload(t.db.prisma, { ...fraudScoring!, name: "Sampled 50%_of traffic", team: "Search", scenarios: [] });
    expect(await names("50%_")).toEqual([literal.name]);
    await t.db.prisma.workloadProfile.delete({ where: { id: literal.id } });
  });

  it("filters by team, tag and kind", async () => {
    expect((await listWorkloads(t.db.prisma, { team: "analytics engineering" })).rows.map((r) => r.name)).toEqual([
      nightlyEtl!.name,
    ]);
    expect((await listWorkloads(t.db.prisma, { tag: "Bulk" })).total).toBe(BULK);
    expect((await listWorkloads(t.db.prisma, { kind: "batch" })).rows.map((r) => r.name)).toEqual([nightlyEtl!.name]);
    expect(await listTeams(t.db.prisma)).toEqual(["Analytics Engineering", "Bulk", "Data Platform", "Risk Engineering"]);
  });

  it("sorts by name and by peak events/s, with workloads without a peak last", async () => {
    const byName = await listWorkloads(t.db.prisma, { sort: "name", pageSize: 100 });
    const sortedNames = byName.rows.map((r) => r.name);
    expect(sortedNames).toEqual([...sortedNames].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));

    for (const direction of ["desc", "asc"] as const) {
      const byPeak = await listWorkloads(t.db.prisma, { sort: "peakEventsPerSec", direction, pageSize: 100 });
      const peaks = byPeak.rows.map((r) => r.peakEventsPerSec);
      const withPeak = peaks.filter((p): p is number => p !== null);
      expect(peaks.slice(withPeak.length).every((p) => p === null)).toBe(true);
      expect(withPeak).toEqual([...withPeak].sort((a, b) => (direction === "desc" ? b - a : a - b)));
    }
    const top = await listWorkloads(t.db.prisma, { sort: "peakEventsPerSec", pageSize: 1 });
    expect(top.rows[0]?.name).toBe(clickstream!.name);
  });

  it("paginates with a stable order, a total and a page count, and clamps the page size", async () => {
    const seen = new Set<string>();
    for (let page = 1; page <= 3; page += 1) {
      const result = await listWorkloads(t.db.prisma, { team: "Bulk", sort: "name", page, pageSize: 20 });
      expect(result).toMatchObject({ total: BULK, page, pageSize: 20, pageCount: 3 });
      expect(result.rows).toHaveLength(page < 3 ? 20 : BULK - 40);
      for (const row of result.rows) seen.add(row.id);
    }
    expect(seen.size).toBe(BULK);
    expect((await listWorkloads(t.db.prisma, { team: "Bulk", page: 4, pageSize: 20 })).rows).toEqual([]);
    const clamped = await listWorkloads(t.db.prisma, { page: -3, pageSize: 10_000 });
    expect(clamped).toMatchObject({ page: 1, pageSize: 100 });
  });

  it("gets one workload with its parsed spec and scenarios; unknown and malformed ids are null", async () => {
    const [summary] = (await listWorkloads(t.db.prisma, { query: "clickstream" })).rows;
    const detail = await getWorkload(t.db.prisma, summary!.id);
    expect(detail?.spec).toEqual(clickstream!.spec);
    expect(detail?.scenarios.map((s) => s.name).sort()).toEqual(clickstream!.scenarios.map((s) => s.name).sort());
    const steady = detail?.scenarios.find((s) => s.name === clickstream!.scenarios[0]!.name);
    expect(steady?.spec).toEqual(clickstream!.scenarios[0]!.spec);
    expect(await getWorkload(t.db.prisma, "00000000-0000-4000-8000-000000000000")).toBeNull();
    expect(await getWorkload(t.db.prisma, "not-a-uuid")).toBeNull();
  });

  it("lists scenarios with their workload, filtered by workload or by search, and gets one with both specs", async () => {
    const all = await listScenarios(t.db.prisma, { sort: "workloadName" });
    expect(all.total).toBe(6);
    expect(all.rows.map((r) => r.workloadName)).toEqual(
      exampleWorkloads
        .flatMap((e) => e.scenarios.map(() => e.name))
        .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
    );
    const etl = (await listWorkloads(t.db.prisma, { kind: "batch" })).rows[0]!;
    const ofEtl = await listScenarios(t.db.prisma, { workloadId: etl.id, sort: "name" });
    expect(ofEtl.rows.map((r) => r.name)).toEqual(nightlyEtl!.scenarios.map((s) => s.name).sort());
    expect((await listScenarios(t.db.prisma, { query: "graviton" })).rows.map((r) => r.workloadName)).toEqual([fraudScoring!.name]);
    expect((await listScenarios(t.db.prisma, { workloadId: "nope" })).total).toBe(0);

    const scenario = await getScenario(t.db.prisma, ofEtl.rows[0]!.id);
    expect(scenario?.workload).toMatchObject({ id: etl.id, kind: "batch", spec: nightlyEtl!.spec });
    expect(scenario?.spec.horizonMonths).toBeGreaterThan(0);
  });

  it("hides soft-deleted workloads and their scenarios", async () => {
    const created = await createWorkload(t.db.prisma, { ...fraudScoring!, name: "Doomed", team: "Temp" });
    expect((await listWorkloads(t.db.prisma, { team: "Temp" })).total).toBe(1);
    await t.db.prisma.workloadProfile.update({ where: { id: created.id }, data: { deletedAt: new Date() } });
    expect((await listWorkloads(t.db.prisma, { team: "Temp" })).total).toBe(0);
    expect(await getWorkload(t.db.prisma, created.id)).toBeNull();
    expect(await getScenario(t.db.prisma, created.scenarios[0]!.id)).toBeNull();
    expect((await listScenarios(t.db.prisma, { query: "Doomed" })).total).toBe(0);
    expect(await createScenario(t.db.prisma, { workloadId: created.id, name: "late", spec: fraudScoring!.scenarios[0]!.spec })).toBeNull();
  });

  it("creates workloads and scenarios through the model's schemas, and writes nothing invalid", async () => {
    const before = await t.db.prisma.workloadProfile.count();
    await expect(
      createWorkload(t.db.prisma, { name: "Bad", spec: { kind: "streaming", stages: [] } }),
    ).rejects.toBeInstanceOf(ZodError);
    await expect(createWorkload(t.db.prisma, { name: "  ", spec: fraudScoring!.spec })).rejects.toThrow("must not be empty");
    expect(await t.db.prisma.workloadProfile.count()).toBe(before);

    const created = await createWorkload(t.db.prisma, {
      name: "  Tiny  ",
      tags: [" Kafka", "kafka", ""],
      spec: { kind: "batch", stages: [{ kind: "batch", name: "job", dataVolumeGibPerRun: 1, throughputGibPerCoreHour: 1 }] },
    });
    expect(created).toMatchObject({ name: "Tiny", tags: ["kafka"], kind: "batch", peakEventsPerSec: null, scenarioCount: 0 });
    expect(created.spec.stages[0]).toMatchObject({ runsPerDay: 1, completionWindowHours: 4 }); // defaults filled in
    const scenario = await createScenario(t.db.prisma, {
      workloadId: created.id,
      name: "Flat",
      spec: { startMonth: "2026-01" },
    });
    expect(scenario).toMatchObject({ name: "Flat", workloadName: "Tiny", spec: { horizonMonths: 36, growth: { kind: "flat" } } });
  });

  it("updates only from the version it read, and reports a conflict with the current row otherwise", async () => {
    const created = await createWorkload(t.db.prisma, { ...fraudScoring!, name: "Contended", scenarios: [] });
    const first = await updateWorkload(t.db.prisma, { id: created.id, expectedVersion: 1, changes: { name: "Contended (Alice)" } });
    expect(first).toMatchObject({ kind: "updated", workload: { name: "Contended (Alice)", version: 2 } });

    const stale = await updateWorkload(t.db.prisma, { id: created.id, expectedVersion: 1, changes: { name: "Contended (Bob)" } });
    expect(stale).toMatchObject({ kind: "conflict", current: { name: "Contended (Alice)", version: 2 } });

    const respec = await updateWorkload(t.db.prisma, { id: created.id, expectedVersion: 2, changes: { spec: clickstream!.spec } });
    expect(respec).toMatchObject({ kind: "updated", workload: { version: 3, peakEventsPerSec: 100_000 } });
    expect(await updateWorkload(t.db.prisma, { id: "00000000-0000-4000-8000-000000000000", expectedVersion: 1, changes: {} })).toEqual({
      kind: "not_found",
    });
  });

  it("refuses to hand out a stored spec that no longer passes the schema", async () => {
    const created = await createWorkload(t.db.prisma, { ...fraudScoring!, name: "Corrupted", scenarios: [] });
    await t.db.prisma.workloadProfile.update({ where: { id: created.id }, data: { spec: { kind: "streaming", stages: "oops" } } });
    const error = await getWorkload(t.db.prisma, created.id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoredSpecError);
    expect((error as Error).message).toContain(`workload ${created.id}`);
    expect((error as Error).message).toContain("Stages must be a list.");
  });
});
