/**
 * `npm run bench:dashboard`: server time of the portfolio dashboard (`loadDashboard`, the page's
 * only data work) with 500 workloads × 2 scenarios, each with a real stored plan — issue 12's
 * target is ≤ 300 ms.
 *
 * Seeds a throwaway PostgreSQL database (`BENCH_DATABASE_URL`, default
 * postgresql://postgres@127.0.0.1:5432/headroom_bench_dashboard, dropped and re-created): the demo
 * workloads with their plans computed by the planning layer, then copies of them (plans copied in
 * SQL, so seeding takes seconds, not a thousand plan computations) spread over 12 teams.
 * Prints the first view (which derives each plan's portfolio figures once) and the median and p95
 * of the views after it. Timings depend on the machine's load; compare figures within one run.
 */
import { randomUUID } from "node:crypto";

import pg from "pg";

import { createDb } from "@/lib/db/client";
import { loadDashboard } from "@/lib/services/dashboard";
import { runStartup } from "@/lib/services/startup";

const WORKLOADS = 500;
const TEAMS = 12;
const WARM_RUNS = 20;
const TARGET_MS = 300;
const URL_DEFAULT = "postgresql://postgres@127.0.0.1:5432/headroom_bench_dashboard";

async function recreateDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = target.pathname.slice(1);
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`Refusing to drop a database named "${name}".`);
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
}

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN;
}

async function main(): Promise<number> {
  const url = process.env.BENCH_DATABASE_URL ?? URL_DEFAULT;
  await recreateDatabase(url);
  const db = await createDb({ kind: "postgres", url });
  try {
    const seedStarted = performance.now();
    await runStartup(db, { seedDemo: true });
    const { prisma } = db;
    const sources = await prisma.workloadProfile.findMany({ where: { deletedAt: null }, select: { id: true, planOfRecordId: true, scenarios: { where: { deletedAt: null }, select: { id: true } } }, orderBy: { name: "asc" } });
    if (sources.length === 0) throw new Error("The demo seed stored no workloads.");
    const workloads = { id: [] as string[], src: [] as string[], name: [] as string[], team: [] as string[] };
    const scenarios = { id: [] as string[], src: [] as string[], workload: [] as string[] };
    const records = { workload: [] as string[], scenario: [] as string[] };
    for (let i = sources.length; i < WORKLOADS; i += 1) {
      const source = sources[i % sources.length];
      if (!source) continue;
      const workloadId = randomUUID();
      workloads.id.push(workloadId);
      workloads.src.push(source.id);
      workloads.name.push(`Pipeline ${String(i).padStart(3, "0")}`);
      workloads.team.push(`Team ${String(i % TEAMS).padStart(2, "0")}`);
      for (const scenario of source.scenarios) {
        const scenarioId = randomUUID();
        scenarios.id.push(scenarioId);
        scenarios.src.push(scenario.id);
        scenarios.workload.push(workloadId);
        if (scenario.id === source.planOfRecordId) {
          records.workload.push(workloadId);
          records.scenario.push(scenarioId);
        }
      }
    }
    await prisma.$executeRaw`
      INSERT INTO "WorkloadProfile" ("id", "name", "description", "team", "tags", "kind", "spec", "specSchemaVersion", "peakEventsPerSec", "version", "createdAt", "updatedAt")
      SELECT m.id, m.name, w."description", m.team, w."tags", w."kind", w."spec", w."specSchemaVersion", w."peakEventsPerSec", w."version", now(), now()
      FROM unnest(${workloads.id}::uuid[], ${workloads.src}::uuid[], ${workloads.name}::text[], ${workloads.team}::text[]) AS m(id, src, name, team)
      JOIN "WorkloadProfile" w ON w."id" = m.src`;
    await prisma.$executeRaw`
      INSERT INTO "Scenario" ("id", "workloadId", "name", "description", "spec", "version", "createdAt", "updatedAt", "pricedCatalogVersion")
      SELECT m.id, m.workload, s."name", s."description", s."spec", s."version", now(), now(), s."pricedCatalogVersion"
      FROM unnest(${scenarios.id}::uuid[], ${scenarios.src}::uuid[], ${scenarios.workload}::uuid[]) AS m(id, src, workload)
      JOIN "Scenario" s ON s."id" = m.src`;
    await prisma.$executeRaw`
      INSERT INTO "ScenarioPlan" ("scenarioId", "workloadVersion", "scenarioVersion", "pricedCatalogVersion", "modelVersion", "plan", "month0TotalUsdPerMonth", "month0Nodes",
                                  "horizonTotalUsd", "complete", "provider", "region", "computedAt", "computeMs", "bandsStatus", "bandsComputedAt")
      SELECT m.id, p."workloadVersion", p."scenarioVersion", p."pricedCatalogVersion", p."modelVersion", p."plan", p."month0TotalUsdPerMonth", p."month0Nodes",
             p."horizonTotalUsd", p."complete", p."provider", p."region", p."computedAt", p."computeMs", p."bandsStatus", p."bandsComputedAt"
      FROM unnest(${scenarios.id}::uuid[], ${scenarios.src}::uuid[]) AS m(id, src)
      JOIN "ScenarioPlan" p ON p."scenarioId" = m.src`;
    await prisma.$executeRaw`
      UPDATE "WorkloadProfile" w SET "planOfRecordId" = m.scenario
      FROM unnest(${records.workload}::uuid[], ${records.scenario}::uuid[]) AS m(workload, scenario) WHERE w."id" = m.workload`;
    for (const table of ["WorkloadProfile", "Scenario", "ScenarioPlan"]) await prisma.$executeRawUnsafe(`ANALYZE "${table}"`);
    const counts = { workloads: await prisma.workloadProfile.count(), scenarios: await prisma.scenario.count(), plans: await prisma.scenarioPlan.count() };
    console.log(`Seeded ${counts.workloads} workloads, ${counts.scenarios} scenarios, ${counts.plans} stored plans in ${Math.round(performance.now() - seedStarted)} ms.`);

    const asOfMonth = "2026-12";
    const firstStarted = performance.now();
    const first = await loadDashboard(prisma, { asOfMonth });
    const firstMs = performance.now() - firstStarted;
    console.log(`First view: ${Math.round(firstMs)} ms (derived the portfolio figures of ${first.derived} plans of record, once).`);
    const samples: number[] = [];
    for (let run = 0; run < WARM_RUNS; run += 1) {
      const started = performance.now();
      const view = await loadDashboard(prisma, { asOfMonth });
      samples.push(performance.now() - started);
      if (view.derived !== 0) throw new Error("A view after no change derived figures again.");
    }
    samples.sort((a, b) => a - b);
    const median = quantile(samples, 0.5);
    const p95 = quantile(samples, 0.95);
    const { portfolio } = first;
    console.log(`Portfolio: ${portfolio.plans} plans of record, ${portfolio.byTeam.length} teams, this month ${Math.round(portfolio.thisMonth.likelyUsd)} USD.`);
    console.log(`Later views (${WARM_RUNS}): median ${median.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms — target ≤ ${TARGET_MS} ms: ${p95 <= TARGET_MS ? "PASS" : "FAIL"}`);
    return p95 <= TARGET_MS ? 0 : 1;
  } finally {
    await db.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
