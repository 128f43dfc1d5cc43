/**
 * Plans computed once (issue 10), on PostgreSQL and PGlite:
 * - after every kind of input change — workload edit, scenario edit, delete, provider discount,
 *   item override, CSV import, re-price — the workloads list, the scenario page's plan and the
 *   plans the API and comparisons read agree to the cent, and equal a plan computed from scratch
 *   from the live inputs;
 * - a plan computed for an older version never replaces a newer one;
 * - a Monte Carlo bands job runs once however many runners poll.
 */
import { describe, expect, it } from "vitest";

import { exportInstanceTypesCsv } from "@/lib/catalog/csv";
import { getPlanRow, storePlan } from "@/lib/db/plans";
import { backends } from "@/lib/db/testing/backends";
import { useMigratedDatabase } from "@/lib/db/testing/migrated-database";
import { exampleWorkloads } from "@/lib/model/examples";
import type { StageSpec, WorkloadSpec } from "@/lib/model/types";
import { computePlan } from "@/lib/planning/compute-plan";
import { planHeadline, usdCents } from "@/lib/planning/headline";

import { getCurrentCatalog, importCatalogCsv, setItemPriceOverride, setProviderDiscount } from "./catalog";
import { runOneBandsJob } from "./plan-jobs";
import { getScenarioPlan, getScenarioPlans, headlineColumns, planInputsOf, refreshScenarioPlan, refreshWorkloadPlans, repriceAllScenarios } from "./plans";
import { deleteScenario, getScenario, updateScenario } from "./scenarios";
import { createWorkload, getWorkload, listWorkloads, updateWorkload } from "./workloads";

const [clickstream] = exampleWorkloads;
const author = { reason: "test", actor: "FinOps test" };

/** Scales every stage's traffic: a workload edit that moves every figure. */
function withTraffic(spec: WorkloadSpec, factor: number): WorkloadSpec {
  return { ...spec, stages: spec.stages.map((stage: StageSpec) => ("avgEventsPerSec" in stage ? { ...stage, avgEventsPerSec: stage.avgEventsPerSec * factor } : stage)) } as WorkloadSpec;
}

describe.each(backends)("stored plans on $name", (backend) => {
  const t = useMigratedDatabase(backend);

  /**
   * The list's headline, the page's stored plan, the plans the API reads and a from-scratch
   * computation of the live inputs: one month-0 total, to the cent.
   * @returns that total, USD/month
   */
  async function agreeToTheCent(workloadId: string): Promise<string> {
    const db = t.db.prisma;
    const listed = (await listWorkloads(db)).rows.find((row) => row.id === workloadId);
    const headline = listed?.headline;
    expect(headline?.stale).toBe(false);
    const scenario = await getScenario(db, headline!.scenarioId);
    const page = await getScenarioPlan(db, scenario!);
    const [api] = await getScenarioPlans(db, [scenario!.id]);
    // Until its bands arrive a stored plan is the deterministic one (a P10 commitment ladder is then
    // sized on the likely case); after, the full plan.
    const fresh = computePlan((await planInputsOf(db, scenario!)).inputs, { bands: page!.bandsStatus === "ready" });
    const cents = (usd: number | null | undefined) => (usd == null ? null : usdCents(usd));
    const total = cents(planHeadline(page!.computed).month0TotalUsdPerMonth);
    expect(total).not.toBeNull();
    expect(cents(headline!.totalUsdPerMonth)).toBe(total);
    expect(cents(planHeadline(api!.plan.computed).month0TotalUsdPerMonth)).toBe(total);
    expect(cents(planHeadline(fresh).month0TotalUsdPerMonth)).toBe(total);
    expect(headlineColumns(fresh).horizonTotalUsd).toBe(headlineColumns(page!.computed).horizonTotalUsd);
    return total!;
  }

  it("keeps list, page and API equal to a fresh computation through every kind of input change", { timeout: 240_000 }, async () => {
    const db = t.db.prisma;
    const created = await createWorkload(db, { name: clickstream!.name, team: "Data Platform", tags: [], spec: clickstream!.spec, scenarios: clickstream!.scenarios });
    const ids = created.scenarios.map((s) => s.id);
    await refreshWorkloadPlans(db, ids);
    const totals = [await agreeToTheCent(created.id)];

    // Workload edit: twice the traffic.
    const edited = await updateWorkload(db, { id: created.id, expectedVersion: created.version, changes: { spec: withTraffic(clickstream!.spec as WorkloadSpec, 2) } });
    expect(edited.kind).toBe("updated");
    await refreshWorkloadPlans(db, ids);
    totals.push(await agreeToTheCent(created.id));

    // Scenario edit: the plan of record moves to another region's prices… here, fewer zones.
    const first = (await getScenario(db, ids[0]!))!;
    const scenarioEdit = await updateScenario(db, { id: first.id, expectedVersion: first.version, changes: { spec: { ...first.spec, zones: 2 } } });
    expect(scenarioEdit.kind).toBe("updated");
    await refreshScenarioPlan(db, first.id);
    totals.push(await agreeToTheCent(created.id));

    // Provider discount: stored plans keep the prices they were priced with until re-priced…
    expect((await setProviderDiscount(db, { ...author, provider: "aws", discountRatio: 0.2, expectedRevision: 0 })).kind).toBe("ok");
    expect(await agreeToTheCent(created.id)).toBe(totals.at(-1));
    // …and agree again, cheaper, once re-priced.
    expect(await repriceAllScenarios(db)).toBe(2);
    totals.push(await agreeToTheCent(created.id));
    expect(Number(totals.at(-1))).toBeLessThan(Number(totals.at(-2)));

    // Item override on the instance type the plan of record uses in month 0.
    const plan = (await getScenarioPlan(db, (await getScenario(db, ids[0]!))!))!;
    expect(plan.computed.kind).toBe("priced");
    const month0 = plan.computed.kind === "priced" ? plan.computed.plan.projection.months[0]!.stages[0] : undefined;
    const used = month0?.kind === "sized" ? month0.instance.id : "";
    expect((await setItemPriceOverride(db, { ...author, itemId: used, priceUsd: 9.99, expectedRevision: 0 })).kind).toBe("ok");
    await repriceAllScenarios(db);
    totals.push(await agreeToTheCent(created.id));

    // CSV import: a new catalog version with every list price doubled.
    const current = await getCurrentCatalog(db);
    const doubled = exportInstanceTypesCsv(current.instanceTypes.map((item) => ({ ...item, onDemandUsdPerHour: item.onDemandUsdPerHour * 2 })));
    expect((await importCatalogCsv(db, { csv: doubled, fileName: "doubled.csv", actor: "FinOps test" })).kind).toBe("ok");
    await repriceAllScenarios(db);
    totals.push(await agreeToTheCent(created.id));

    // Delete the plan of record: the list follows the next scenario's stored plan.
    expect(await deleteScenario(db, ids[0]!)).not.toBeNull();
    expect((await getWorkload(db, created.id))?.planOfRecordId).toBe(ids[1]);
    totals.push(await agreeToTheCent(created.id));

    // Every change moved the figure (so agreeing was not trivially about one unchanged plan).
    expect(new Set(totals).size).toBe(totals.length);
  });

  it("never lets a plan computed for an older version replace a newer one", { timeout: 120_000 }, async () => {
    const db = t.db.prisma;
    const created = await createWorkload(db, { name: "Race", team: "", tags: [], spec: clickstream!.spec, scenarios: clickstream!.scenarios.slice(1) });
    const id = created.scenarios[0]!.id;
    const v1 = (await getScenario(db, id))!;
    const old = await planInputsOf(db, v1);
    const oldPlan = computePlan(old.inputs);

    // Two saves race: the second lands while the first's plan is still being computed.
    const saved = await updateScenario(db, { id, expectedVersion: v1.version, changes: { spec: { ...v1.spec, zones: 2 } } });
    expect(saved.kind).toBe("updated");
    await Promise.all([refreshScenarioPlan(db, id), refreshScenarioPlan(db, id)]);
    const stored = await getPlanRow(db, id);
    expect(stored?.scenarioVersion).toBe(v1.version + 1);

    // The first save's plan arrives last: refused, and the newer plan stays.
    const late = await storePlan(db, { scenarioId: id, key: old.key, plan: JSON.parse(JSON.stringify(oldPlan)), headline: headlineColumns(oldPlan), computeMs: 1, bandsStatus: "none" });
    expect(late).toBe("superseded");
    expect((await getPlanRow(db, id))?.scenarioVersion).toBe(v1.version + 1);
    await agreeToTheCent(created.id);
  });

  it("runs a Monte Carlo bands job once, however many runners poll for it", { timeout: 180_000 }, async () => {
    const db = t.db.prisma;
    const withRanges = clickstream!.scenarios[0]!;
    const small = { ...withRanges, spec: { ...withRanges.spec, uncertainty: { ...withRanges.spec.uncertainty!, samples: 200 } } };
    const created = await createWorkload(db, { name: "Bands", team: "", tags: [], spec: clickstream!.spec, scenarios: [small] });
    const id = created.scenarios[0]!.id;
    await refreshScenarioPlan(db, id);
    expect((await getPlanRow(db, id))?.bandsStatus).toBe("pending");

    const outcomes = await Promise.all(["instance-a", "instance-b", "instance-c"].map((runner) => runOneBandsJob(db, runner)));
    expect(outcomes.filter((o) => o === "completed")).toHaveLength(1);
    expect(outcomes.filter((o) => o === "idle")).toHaveLength(2);

    const view = await getScenarioPlan(db, (await getScenario(db, id))!);
    expect(view?.bandsStatus).toBe("ready");
    const bands = view?.computed.kind === "priced" ? view.computed.plan.uncertainty : null;
    expect(bands?.samples).toBe(200);
    expect(bands?.months.some((m) => m.totalUsdPerMonth.p90 > m.totalUsdPerMonth.p10)).toBe(true);
    await agreeToTheCent(created.id);
  });
});
