/**
 * The workloads list stays fast with 10,000 profiles: every sort (including the stored headline
 * figures) and the search answer a page from the indexes, without reading specs.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { exampleWorkloads } from "@/lib/model/examples";

import { migrate } from "./migrate";
import { backends, type TestDatabase } from "./testing/backends";
import { listWorkloads, WORKLOAD_SORTS } from "./workloads";

const PROFILES = 10_000;
/**
 * Budget for one list page (count + rows), median of 5 runs. 300 ms keeps the page well inside a
 * one-second response on either database, with room for a slow CI machine; measured locally at
 * tens of milliseconds.
 */
const BUDGET_MS = 300;

async function medianMs(run: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[2]!;
}

describe.each(backends)("the workloads list with 10,000 profiles on $name", (backend) => {
  let t: TestDatabase;

  beforeAll(async () => {
    t = await backend.open();
    await migrate(t.db);
    const spec = exampleWorkloads[0]!.spec;
    for (let start = 0; start < PROFILES; start += 1000) {
      await t.db.prisma.workloadProfile.createMany({
        data: Array.from({ length: 1000 }, (_, j) => {
          const i = start + j;
          return {
            name: `Pipeline ${String(i).padStart(5, "0")}`,
            team: `Team ${i % 50}`,
            tags: [`tag-${i % 200}`],
            kind: "streaming" as const,
            spec,
            peakEventsPerSec: i * 10,
            headlineNodes: i % 97,
            headlineCostUsdPerMonth: (i * 13.37) % 100_000,
          };
        }),
      });
    }
    await t.db.prisma.$executeRawUnsafe('ANALYZE "WorkloadProfile"');
  });
  afterAll(async () => {
    await t.cleanup();
  });

  it.each(WORKLOAD_SORTS)("answers a page sorted by %s within the budget", async (sort) => {
    const page = await listWorkloads(t.db.prisma, { sort, page: 7 });
    expect(page.total).toBe(PROFILES);
    expect(page.rows).toHaveLength(20);
    expect(await medianMs(() => listWorkloads(t.db.prisma, { sort, page: 7 }))).toBeLessThan(BUDGET_MS);
  });

  it("answers a search by tag and by name within the budget", async () => {
    expect((await listWorkloads(t.db.prisma, { query: "tag-7" })).total).toBe(PROFILES / 200);
    expect(await medianMs(() => listWorkloads(t.db.prisma, { query: "tag-7" }))).toBeLessThan(BUDGET_MS);
    expect(await medianMs(() => listWorkloads(t.db.prisma, { query: "pipeline 0999" }))).toBeLessThan(BUDGET_MS);
  });

  it("sorts by the stored monthly cost, most expensive first", async () => {
    const { rows } = await listWorkloads(t.db.prisma, { sort: "headlineCostUsdPerMonth", pageSize: 3 });
    const costs = rows.map((r) => r.headlineCostUsdPerMonth!);
    expect(costs).toEqual([...costs].sort((a, b) => b - a));
  });
});
