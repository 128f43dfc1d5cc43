/**
 * The portfolio from real stored plans: figures are derived once per stored plan, the totals equal
 * the plans' own months, and budgets are versioned with optimistic concurrency.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { backends, type TestDatabase } from "@/lib/db/testing/backends";

import { setTeamBudget } from "./budgets";
import { loadDashboard } from "./dashboard";
import { getScenarioPlans } from "./plans";
import { runStartup } from "./startup";

const AS_OF = "2026-12";

describe.each(backends)("the portfolio dashboard on $name", (backend) => {
  let t: TestDatabase;

  beforeAll(async () => {
    t = await backend.open();
    await runStartup(t.db, { seedDemo: true });
  }, 120_000);
  afterAll(async () => {
    await t.cleanup();
  });

  /** Each plan of record's likely total in a calendar month, read from its stored plan. */
  async function planTotals(month: string): Promise<Map<string, number>> {
    const records = await t.db.prisma.workloadProfile.findMany({ where: { deletedAt: null }, select: { team: true, planOfRecordId: true } });
    const plans = await getScenarioPlans(t.db.prisma, records.flatMap((record) => (record.planOfRecordId ? [record.planOfRecordId] : [])));
    const totals = new Map<string, number>();
    for (const { scenario, plan } of plans) {
      const found = plan.computed.kind === "priced" ? plan.computed.plan.months.find((candidate) => candidate.month === month) : undefined;
      totals.set(scenario.workload.team, (totals.get(scenario.workload.team) ?? 0) + (found?.breakdown.totalUsdPerMonth ?? 0));
    }
    return totals;
  }

  it("derives each plan's figures once and then reads them", async () => {
    const first = await loadDashboard(t.db.prisma, { asOfMonth: AS_OF });
    expect(first.portfolio.plans).toBe(3);
    const again = await loadDashboard(t.db.prisma, { asOfMonth: AS_OF });
    expect(again.derived).toBe(0);
    expect(again.portfolio).toEqual(first.portfolio);
    expect(await t.db.prisma.portfolioFigures.count()).toBe(3);
  });

  it("sums this month's spend from the plans of record's own months, by team", async () => {
    const { portfolio } = await loadDashboard(t.db.prisma, { asOfMonth: AS_OF });
    const expected = await planTotals(AS_OF);
    const sum = [...expected.values()].reduce((a, b) => a + b, 0);
    expect(portfolio.thisMonth.likelyUsd).toBeCloseTo(sum, 6);
    for (const [team, usd] of expected) expect(portfolio.byTeam.find((row) => row.team === team)?.thisMonthUsd).toBeCloseTo(usd, 6);
  });

  it("stores a team budget once per revision and shows the first month spend exceeds it", async () => {
    const team = "Data Platform";
    const now = (await planTotals(AS_OF)).get(team) ?? 0;
    const budget = Math.round(now * 1.2);
    const set = await setTeamBudget(t.db.prisma, { team, monthlyUsd: budget, previousRevision: 0, reason: "FY27", actor: "Fiona" });
    expect(set.kind).toBe("ok");
    // A second edit from the same stale revision loses, and is told who won.
    const stale = await setTeamBudget(t.db.prisma, { team, monthlyUsd: 1, previousRevision: 0, reason: "", actor: "Sam" });
    expect(stale).toMatchObject({ kind: "conflict", latest: { actor: "Fiona", monthlyUsd: budget } });

    const { portfolio } = await loadDashboard(t.db.prisma, { asOfMonth: AS_OF });
    const row = portfolio.byTeam.find((candidate) => candidate.team === team);
    expect(row?.budgetUsdPerMonth).toBe(budget);
    // Walk the team's stored months from now until one exceeds the budget.
    let month = AS_OF;
    let crossing: string | null = null;
    for (let step = 0; step < 60 && crossing === null; step += 1) {
      const total = (await planTotals(month)).get(team) ?? 0;
      if (total > budget) crossing = month;
      const [year = 0, m = 1] = month.split("-").map(Number);
      month = m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, "0")}`;
    }
    expect(crossing).not.toBeNull();
    expect(row?.crossing?.likelyMonth).toBe(crossing);
    // P90 is at or above the likely path, so it crosses no later.
    expect((row?.crossing?.p90Month ?? "9999") <= (crossing ?? "")).toBe(true);
  });
});
