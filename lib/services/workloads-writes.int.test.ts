/**
 * The architect's workspace writes (issue 6) on PostgreSQL and PGlite: create, optimistic
 * updates and their conflicts, soft delete and undo, duplicate, scenarios, the plan of record and
 * its headline figures from stored plans, import, and that invalid input writes nothing.
 */
import { describe, expect, it } from "vitest";
import { ZodError } from "zod";

import { toWorkloadDocument, parseWorkloadDocument } from "@/lib/export/workload-document";
import { exampleWorkloads } from "@/lib/model/examples";


import { refreshScenarioPlan, refreshWorkloadPlans } from "./plans";
import { cloneScenario, createScenario, deleteScenario, getScenario, listScenarios, recordScenarioPricing, updateScenario } from "./scenarios";
import { backends } from "@/lib/db/testing/backends";
import { useMigratedDatabase } from "@/lib/db/testing/migrated-database";
import {
  createWorkload,
  deleteWorkload,
  duplicateWorkload,
  getWorkload,
  importWorkload,
  listWorkloads,
  restoreWorkload,
  updateWorkload,
} from "./workloads";

const [clickstream] = exampleWorkloads;
const input = { name: clickstream!.name, team: "Data Platform", tags: ["kafka"], spec: clickstream!.spec };

describe.each(backends)("workspace writes on $name", (backend) => {
  const t = useMigratedDatabase(backend);
  const count = async () => ({
    workloads: await t.db.prisma.workloadProfile.count(),
    scenarios: await t.db.prisma.scenario.count(),
  });


  it("creates a profile whose first scenario is its plan of record, and lists that plan's stored month-0 total", async () => {
    const created = await createWorkload(t.db.prisma, { ...input, scenarios: clickstream!.scenarios });
    expect(created.scenarios).toHaveLength(2);
    expect(created.planOfRecordId).toBe(created.scenarios[0]!.id);
    expect(created.headline).toBeNull(); // no plan stored yet
    await refreshWorkloadPlans(t.db.prisma, created.scenarios.map((s) => s.id));
    const [row] = (await listWorkloads(t.db.prisma, { sort: "headlineCostUsdPerMonth" })).rows;
    expect(row?.headline).toMatchObject({ scenarioId: created.scenarios[0]!.id, complete: true, stale: false });
    expect(row?.headline?.nodes).toBeGreaterThan(0);
    expect(row?.headline?.totalUsdPerMonth).toBeGreaterThan(0);
  });

  it("updates only from the version it read, and reports a conflict with what is stored now", async () => {
    const created = await createWorkload(t.db.prisma, input);
    const first = await updateWorkload(t.db.prisma, { id: created.id, expectedVersion: 1, changes: { team: "Payments" } });
    expect(first).toMatchObject({ kind: "updated", workload: { version: 2, team: "Payments" } });
    const stale = await updateWorkload(t.db.prisma, { id: created.id, expectedVersion: 1, changes: { team: "Overwritten" } });
    expect(stale).toMatchObject({ kind: "conflict", current: { version: 2, team: "Payments" } });
    expect((await getWorkload(t.db.prisma, created.id))?.team).toBe("Payments");
  });

  it("writes nothing when the input is invalid", async () => {
    const created = await createWorkload(t.db.prisma, input);
    const before = await count();
    await expect(createWorkload(t.db.prisma, { ...input, spec: { kind: "streaming", stages: [] } })).rejects.toBeInstanceOf(ZodError);
    await expect(
      createWorkload(t.db.prisma, { ...input, scenarios: [{ name: "Bad", spec: { startMonth: "2026-13" } }] }),
    ).rejects.toBeInstanceOf(ZodError);
    await expect(
      updateWorkload(t.db.prisma, { id: created.id, expectedVersion: 1, changes: { spec: { kind: "batch", stages: clickstream!.spec.stages } } }),
    ).rejects.toBeInstanceOf(ZodError);
    expect(await count()).toEqual(before);
    expect((await getWorkload(t.db.prisma, created.id))?.version).toBe(1);
  });

  it("soft-deletes a profile with its scenarios, and undoes it", async () => {
    const created = await createWorkload(t.db.prisma, { ...input, scenarios: clickstream!.scenarios });
    expect(await deleteWorkload(t.db.prisma, created.id)).toBe(true);
    expect(await getWorkload(t.db.prisma, created.id)).toBeNull();
    expect((await listScenarios(t.db.prisma)).total).toBe(0);
    expect(await deleteWorkload(t.db.prisma, created.id)).toBe(false);
    expect(await restoreWorkload(t.db.prisma, created.id)).toBe(true);
    expect((await getWorkload(t.db.prisma, created.id))?.scenarios).toHaveLength(2);
    expect(await restoreWorkload(t.db.prisma, created.id)).toBe(false);
  });

  it("duplicates a profile with its scenarios under a new name", async () => {
    const created = await createWorkload(t.db.prisma, { ...input, scenarios: clickstream!.scenarios });
    const copy = await duplicateWorkload(t.db.prisma, created.id);
    expect(copy).toMatchObject({ name: `${input.name} (copy)`, spec: created.spec, version: 1 });
    expect(copy?.id).not.toBe(created.id);
    expect(copy?.scenarios.map((s) => s.name)).toEqual(created.scenarios.map((s) => s.name));
  });

  it("updates, clones and deletes scenarios; the headline follows the plan of record's stored plan", async () => {
    const created = await createWorkload(t.db.prisma, input);
    const baseline = await createScenario(t.db.prisma, { workloadId: created.id, name: "Baseline", spec: clickstream!.scenarios[0]!.spec });
    expect((await getWorkload(t.db.prisma, created.id))?.planOfRecordId).toBe(baseline!.id);
    await refreshScenarioPlan(t.db.prisma, baseline!.id);
    const baselineUsd = (await getWorkload(t.db.prisma, created.id))!.headline!.totalUsdPerMonth!;
    const grown = await updateScenario(t.db.prisma, {
      id: baseline!.id,
      expectedVersion: 1,
      changes: { name: "Tripled", spec: { ...baseline!.spec, growth: { kind: "flat", stepEvents: [{ at: 0, multiplier: 3 }] } } },
    });
    expect(grown).toMatchObject({ kind: "updated", scenario: { name: "Tripled", version: 2 } });
    expect((await getWorkload(t.db.prisma, created.id))!.headline).toMatchObject({ stale: true });
    await refreshScenarioPlan(t.db.prisma, baseline!.id);
    expect((await getWorkload(t.db.prisma, created.id))!.headline).toMatchObject({ stale: false, nodes: expect.any(Number) });
    // Three times the traffic costs more (node counts need not grow: the horizon's instance choice may move to bigger nodes).
    expect((await getWorkload(t.db.prisma, created.id))!.headline!.totalUsdPerMonth).toBeGreaterThan(baselineUsd);

    const stale = await updateScenario(t.db.prisma, { id: baseline!.id, expectedVersion: 1, changes: { name: "Lost" } });
    expect(stale).toMatchObject({ kind: "conflict", current: { name: "Tripled", version: 2 } });

    const clone = await cloneScenario(t.db.prisma, baseline!.id);
    expect(clone).toMatchObject({ name: "Tripled (copy)", workloadId: created.id });
    expect(await deleteScenario(t.db.prisma, baseline!.id)).toEqual({ workloadId: created.id });
    expect(await getScenario(t.db.prisma, baseline!.id)).toBeNull();
    expect(await updateScenario(t.db.prisma, { id: baseline!.id, expectedVersion: 2, changes: { name: "Gone" } })).toEqual({ kind: "not_found" });
    expect((await getWorkload(t.db.prisma, created.id))?.scenarios.map((s) => s.name)).toEqual(["Tripled (copy)"]);
    // The deleted scenario was the plan of record: the next one is now.
    expect((await getWorkload(t.db.prisma, created.id))?.planOfRecordId).toBe(clone!.id);
  });

  it("records the priced catalog a scenario was priced with, and a clone keeps it", async () => {
    const created = await createWorkload(t.db.prisma, input);
    const scenario = await createScenario(t.db.prisma, { workloadId: created.id, name: "Baseline", spec: clickstream!.scenarios[0]!.spec });
    expect(scenario!.pricedCatalogVersion).toBeNull();
    expect(await recordScenarioPricing(t.db.prisma, scenario!.id, "2026-11-25.1+o3")).toBe(true);
    expect(await getScenario(t.db.prisma, scenario!.id)).toMatchObject({ pricedCatalogVersion: "2026-11-25.1+o3", version: 1 });
    const clone = await cloneScenario(t.db.prisma, scenario!.id);
    expect(clone).toMatchObject({ pricedCatalogVersion: "2026-11-25.1+o3" });
    expect(await getScenario(t.db.prisma, clone!.id)).toMatchObject({ pricedCatalogVersion: "2026-11-25.1+o3" });
    await deleteScenario(t.db.prisma, scenario!.id);
    expect(await recordScenarioPricing(t.db.prisma, scenario!.id, "2026-11-25.1+o4")).toBe(false);
  });

  it("round-trips a profile through an exported document, and a bad document writes nothing", async () => {
    const created = await createWorkload(t.db.prisma, { ...input, scenarios: clickstream!.scenarios });
    const text = JSON.stringify(toWorkloadDocument(created, created.scenarios));
    const parsed = parseWorkloadDocument(text);
    if (!parsed.ok) throw new Error(parsed.problems.join("\n"));
    const imported = await importWorkload(t.db.prisma, parsed.document);
    expect(imported).toMatchObject({ name: created.name, team: created.team, tags: created.tags, spec: created.spec });
    expect(imported.scenarios.map((s) => s.spec)).toEqual(created.scenarios.map((s) => s.spec));

    const before = await count();
    const bad = JSON.parse(text) as { scenarios: { spec: { horizonMonths: number } }[] };
    bad.scenarios[1]!.spec.horizonMonths = 0;
    const rejected = parseWorkloadDocument(JSON.stringify(bad));
    expect(rejected).toEqual({ ok: false, problems: ["scenarios.1.spec.horizonMonths: Horizon (months) must be at least 1 and at most 60."] });
    expect(await count()).toEqual(before);
  });
});
