import { LayoutDashboard } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";

import { BudgetForm } from "@/components/dashboard/budget-form";
import { AlertList, PortfolioKpis, SavingsCard, SpendTable, TeamTable, TopGrowing } from "@/components/dashboard/portfolio-sections";
import { DatabaseUnavailable } from "@/components/shell/database-unavailable";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { loadDashboard } from "@/lib/services/dashboard";
import { loadPageData } from "@/lib/services/page-data";

export const metadata: Metadata = { title: "Portfolio" };

/**
 * The FinOps portfolio: every workload's plan of record, aggregated from stored plans (their
 * figures are derived once per plan change; nothing is computed per view).
 */
export default async function PortfolioPage() {
  const result = await loadPageData((db) => loadDashboard(db));
  const header = <PageHeader title="Portfolio" description="Spend across every workload's plan of record: this month, in a year and over the plans' horizons, by team, provider and component, with budgets and what needs attention." />;
  if (!result.ok) {
    return (
      <>
        {header}
        <DatabaseUnavailable message={result.message} retryHref="/" />
      </>
    );
  }
  const { portfolio, budgets, notPlanned } = result.data;
  if (portfolio.plans === 0 && notPlanned === 0) {
    return (
      <>
        {header}
        <EmptyState icon={LayoutDashboard} title="No plans of record yet" action={<Button asChild><Link href="/workloads/new">Describe a workload</Link></Button>}>
          A workload’s first scenario becomes its plan of record; the portfolio adds them up.
        </EmptyState>
      </>
    );
  }
  const budgetTeams = portfolio.byTeam.map((row) => {
    const budget = budgets.find((candidate) => candidate.team === row.team);
    return { team: row.team, revision: budget?.revision ?? 0, monthlyUsd: budget?.monthlyUsd ?? null };
  });
  return (
    <>
      {header}
      <PortfolioKpis portfolio={portfolio} />
      <Card className="mb-6">
        <CardHeader>
          <CardTitle>Teams and budgets</CardTitle>
          <CardDescription>Each team’s spend and the first month it goes over its monthly budget, on the likely path and on P90 (a month in red: already over).</CardDescription>
        </CardHeader>
        <CardContent className="px-0 py-0">
          <TeamTable portfolio={portfolio} />
        </CardContent>
        <CardContent className="border-t border-slate-100">
          <BudgetForm teams={budgetTeams} />
        </CardContent>
      </Card>
      <div className="mb-6 grid gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>Needs attention</CardTitle>
          </CardHeader>
          <CardContent>
            <AlertList alerts={portfolio.alerts} notPlanned={notPlanned} />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Top 5 growing workloads</CardTitle>
            <CardDescription>USD/month added between this month and 12 months from now.</CardDescription>
          </CardHeader>
          <CardContent className="px-0 py-0">
            <TopGrowing portfolio={portfolio} />
          </CardContent>
        </Card>
      </div>
      <div className="grid gap-6 lg:grid-cols-3">
        <Card>
          <CardHeader>
            <CardTitle>By provider</CardTitle>
            <CardDescription>USD this month.</CardDescription>
          </CardHeader>
          <CardContent className="px-0 py-0">
            <SpendTable label="Spend by provider" rows={portfolio.byProvider.map((row) => ({ name: row.provider.toUpperCase(), usd: row.thisMonthUsd }))} />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>By component</CardTitle>
            <CardDescription>USD this month.</CardDescription>
          </CardHeader>
          <CardContent className="px-0 py-0">
            <SpendTable label="Spend by component" rows={portfolio.byComponent.map((row) => ({ name: row.label, usd: row.thisMonthUsd }))} />
          </CardContent>
        </Card>
        <SavingsCard portfolio={portfolio} />
      </div>
    </>
  );
}
