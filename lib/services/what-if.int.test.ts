/**
 * What-if (issue 12), on PostgreSQL and PGlite: a preview's figures equal, to the cent, the plan
 * that saving the same what-if stores — as a new scenario and applied to the scenario — and a
 * stale apply writes nothing.
 */
import { describe, expect, it } from "vitest";

import { whatIfFigures, type WhatIfFigures } from "@/lib/compare/what-if";
import { backends } from "@/lib/db/testing/backends";
import { useMigratedDatabase } from "@/lib/db/testing/migrated-database";
import type { WhatIfValues } from "@/lib/forms/what-if";
import { exampleWorkloads } from "@/lib/model/examples";
import { usdCents } from "@/lib/planning/headline";

import { getScenarioPlan } from "./plans";
import { getScenario } from "./scenarios";
import { applyWhatIfToScenario, previewWhatIf, saveWhatIfAsScenario } from "./what-if";
import { createWorkload } from "./workloads";

const [clickstream] = exampleWorkloads;

/** Every figure of one column (KPI rows, then each month's total) as text, money in cents, for exact comparison. */
function centsOf(figures: WhatIfFigures, column: number): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const row of figures.kpis) {
    const value = row.cells[column]?.value ?? null;
    out[row.key] = value === null ? null : row.unit.startsWith("usd") ? usdCents(value) : String(value);
  }
  for (const month of figures.months) {
    // Months of the other column's horizon only are left out.
    const total = month.totalUsdPerMonth[column] ?? null;
    if (total !== null) out[month.month] = usdCents(total);
  }
  return out;
}

/** The scenario's stored plan, as the what-if region shows it (saved column). */
async function storedCents(db: Parameters<typeof getScenario>[0], scenarioId: string) {
  const scenario = (await getScenario(db, scenarioId))!;
  const plan = (await getScenarioPlan(db, scenario))!;
  return centsOf(whatIfFigures(plan.computed, null), 0);
}

const WHAT_IF: WhatIfValues = { growth: "0.07", horizon: "24", spot: "0.5", util: "0.6", sloMs: "250", rto: "120", rpo: "15", commit: "p10-ladder", term: "3" };

describe.each(backends)("what-if on $name", (backend) => {
  const t = useMigratedDatabase(backend);

  async function demoScenario() {
    const db = t.db.prisma;
    const created = await createWorkload(db, { name: clickstream!.name, team: "Data Platform", tags: [], spec: clickstream!.spec, scenarios: clickstream!.scenarios });
    return (await getScenario(db, created.scenarios[0]!.id))!;
  }

  it("previews what saving as a new scenario stores, to the cent", { timeout: 120_000 }, async () => {
    const db = t.db.prisma;
    const scenario = await demoScenario();
    const preview = await previewWhatIf(db, { scenarioId: scenario.id, values: WHAT_IF });
    expect(preview.kind).toBe("preview");
    if (preview.kind !== "preview") return;
    expect(preview.figures.names).toEqual(["Saved plan", "What-if"]);
    const previewed = centsOf(preview.figures, 1);
    // The what-if moved the figures (so agreeing below is not about an unchanged plan).
    expect(previewed.horizon).not.toBe(centsOf(preview.figures, 0).horizon);
    expect(Object.keys(previewed).filter((key) => /^\d{4}-\d{2}$/.test(key))).toHaveLength(24);

    const saved = await saveWhatIfAsScenario(db, { scenarioId: scenario.id, name: "Faster growth, half spot", values: WHAT_IF });
    expect(saved.kind).toBe("saved");
    if (saved.kind !== "saved") return;
    expect(saved.scenarioId).not.toBe(scenario.id);
    expect(await storedCents(db, saved.scenarioId)).toEqual(previewed);
    // The original is untouched.
    expect((await getScenario(db, scenario.id))?.version).toBe(scenario.version);
  });

  it("applies a what-if at the version read, and refuses a stale apply", { timeout: 120_000 }, async () => {
    const db = t.db.prisma;
    const scenario = await demoScenario();
    const values: WhatIfValues = { growth: "0.02", instance: "cheapest", spot: "0.3" };
    const preview = await previewWhatIf(db, { scenarioId: scenario.id, values });
    if (preview.kind !== "preview") throw new Error(`expected a preview, got ${preview.kind}`);

    const applied = await applyWhatIfToScenario(db, { scenarioId: scenario.id, expectedVersion: scenario.version, values });
    expect(applied).toEqual({ kind: "saved", scenarioId: scenario.id, workloadId: scenario.workloadId });
    expect((await getScenario(db, scenario.id))?.version).toBe(scenario.version + 1);
    expect(await storedCents(db, scenario.id)).toEqual(centsOf(preview.figures, 1));

    // A second page still holding the old version: nothing written.
    const stale = await applyWhatIfToScenario(db, { scenarioId: scenario.id, expectedVersion: scenario.version, values: { spot: "0.9" } });
    expect(stale).toEqual({ kind: "conflict", version: scenario.version + 1 });
    expect((await getScenario(db, scenario.id))?.spec.purchase.spotShareRatio).toBe(0.3);
  });

  it("names the input of every invalid what-if and saves nothing", { timeout: 60_000 }, async () => {
    const db = t.db.prisma;
    const scenario = await demoScenario();
    const preview = await previewWhatIf(db, { scenarioId: scenario.id, values: { spot: "2", horizon: "abc", instance: "no-such-type" } });
    expect(preview.kind).toBe("invalid");
    if (preview.kind !== "invalid") return;
    expect(Object.keys(preview.errors).sort()).toEqual(["horizon", "instance", "spot"]);
    const saved = await saveWhatIfAsScenario(db, { scenarioId: scenario.id, name: " ", values: { spot: "2" } });
    expect(saved.kind).toBe("invalid");
    if (saved.kind === "invalid") expect(Object.keys(saved.errors).sort()).toEqual(["name", "spot"]);
    expect(await previewWhatIf(db, { scenarioId: scenario.id, workloadId: crypto.randomUUID(), values: {} })).toEqual({ kind: "not_found" });
  });
});
