import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { migrate } from "@/lib/db/migrate";
import { backends, type TestDatabase } from "@/lib/db/testing/backends";

import { getScenarioPlan } from "./plans";
import { listScenarios, getScenario } from "./scenarios";
import { seedDemoData } from "./seed";
import { getScenarioTfvars } from "./tfvars";

const NOW = new Date("2026-12-02T03:00:00Z");

describe.each(backends)("a scenario's tfvars from its stored plan on $name", (backend) => {
  let t: TestDatabase;
  let ids: { id: string; name: string }[] = [];

  beforeAll(async () => {
    t = await backend.open();
    await migrate(t.db);
    await seedDemoData(t.db);
    ids = (await listScenarios(t.db.prisma, { pageSize: 50 })).rows.map(({ id, name }) => ({ id, name }));
  });
  afterAll(async () => {
    await t.cleanup();
  });

  it("exports every demo scenario, with the stored plan's peak node counts and versions", async () => {
    expect(ids).toHaveLength(6);
    for (const { id, name } of ids) {
      const found = await getScenarioTfvars(t.db.prisma, id, { point: { kind: "next-12-months" }, now: NOW });
      if (found.kind !== "ok") throw new Error(`${name}: ${JSON.stringify(found)}`);
      const scenario = await getScenario(t.db.prisma, id);
      const plan = scenario && (await getScenarioPlan(t.db.prisma, scenario));
      if (!plan || plan.computed.kind !== "priced") throw new Error(`${name}: priced plan expected`);
      const { plan: priced } = plan.computed;
      for (const stage of found.result.stages) {
        const s = priced.projection.stageNames.indexOf(stage.stageName);
        const inRange = priced.months.filter((month) => month.month >= "2026-12" && month.month <= "2027-11" && priced.projection.months[month.monthIndex]?.stages[s]?.kind === "sized");
        expect(stage.nodes, `${name} ${stage.stageName}`).toBe(Math.max(...inRange.map((month) => month.stages[s]?.nodes ?? 0)));
      }
      const headroom = found.result.document.variables.find(([variable]) => variable === "headroom")?.[1];
      expect(JSON.stringify(headroom)).toContain(plan.key.pricedCatalogVersion);
    }
  });

  it("answers not-found for an unknown or malformed id", async () => {
    const point = { kind: "next-12-months" } as const;
    expect(await getScenarioTfvars(t.db.prisma, "00000000-0000-4000-8000-000000000000", { point, now: NOW })).toEqual({ kind: "not-found" });
    expect(await getScenarioTfvars(t.db.prisma, "not-a-uuid", { point, now: NOW })).toEqual({ kind: "not-found" });
  });

  it("names the field when the provider is not the plan's or the month is outside it", async () => {
    const steady = ids.find((s) => s.name.startsWith("Steady"));
    if (!steady) throw new Error("demo scenario missing");
    const wrongProvider = await getScenarioTfvars(t.db.prisma, steady.id, { point: { kind: "next-12-months" }, provider: "azure", now: NOW });
    expect(wrongProvider).toMatchObject({ kind: "unprocessable", field: "provider" });
    const outside = await getScenarioTfvars(t.db.prisma, steady.id, { point: { kind: "month", month: "2035-01" }, now: NOW });
    expect(outside).toEqual({ kind: "unprocessable", field: "month", message: "2035-01 is outside the plan, which covers 2026-01 to 2028-12." });
  });
});
