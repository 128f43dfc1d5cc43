import Link from "next/link";

import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { NumericCell, Table, TableCell, TableHead } from "@/components/ui/table";
import type { BandedUsd, Portfolio, PortfolioAlert } from "@/lib/compare/portfolio";
import { formatUsd } from "@/lib/format";

function Kpi({ label, figure, banded, note }: { label: string; figure: BandedUsd; banded: boolean; note: string }) {
  return (
    <Card className="p-4">
      <p className="text-sm text-slate-500">{label}</p>
      <p className="mt-1 text-2xl font-semibold tabular-nums text-slate-900">{formatUsd(figure.likelyUsd)}</p>
      {banded && figure.p90Usd > figure.p10Usd ? (
        <p className="text-xs tabular-nums text-slate-500">
          P10–P90 {formatUsd(figure.p10Usd)} – {formatUsd(figure.p90Usd)}
        </p>
      ) : null}
      <p className="mt-1 text-xs text-slate-500">{note}</p>
    </Card>
  );
}

/** Spend this month, in 12 months and over the horizons, with P10–P90 where plans have ranges. */
export function PortfolioKpis({ portfolio }: { portfolio: Portfolio }) {
  const { banded } = portfolio;
  return (
    <div className="mb-6 grid gap-4 md:grid-cols-3">
      <Kpi label={`Spend this month (${portfolio.asOfMonth})`} figure={portfolio.thisMonth} banded={banded} note={`USD/month, ${portfolio.runningThisMonth} of ${portfolio.plans} plans of record running`} />
      <Kpi label="Spend in 12 months" figure={portfolio.in12Months} banded={banded} note="USD/month, on the likely path" />
      <Kpi label="Horizon total" figure={portfolio.horizonTotal} banded={banded} note="USD over each plan's own horizon" />
    </div>
  );
}

/** Teams by spend, with the budget in force and the month each crosses it. */
export function TeamTable({ portfolio }: { portfolio: Portfolio }) {
  return (
    <Table aria-label="Spend by team">
      <thead>
        <tr>
          <TableHead>Team</TableHead>
          <TableHead className="text-right">This month</TableHead>
          <TableHead className="text-right">In 12 months</TableHead>
          <TableHead className="text-right">Budget / month</TableHead>
          <TableHead>Crosses budget (likely)</TableHead>
          <TableHead>Crosses budget (P90)</TableHead>
        </tr>
      </thead>
      <tbody>
        {portfolio.byTeam.map((row) => (
          <tr key={row.team} data-team={row.team}>
            <TableCell className="font-medium">
              {row.team}
              <span className="block text-xs font-normal text-slate-500">
                {row.workloads} workload{row.workloads === 1 ? "" : "s"}
              </span>
            </TableCell>
            <NumericCell>{formatUsd(row.thisMonthUsd)}</NumericCell>
            <NumericCell>{formatUsd(row.in12MonthsUsd)}</NumericCell>
            <NumericCell>{row.budgetUsdPerMonth === null ? "—" : formatUsd(row.budgetUsdPerMonth)}</NumericCell>
            <TableCell>{row.crossing === null ? <span className="text-slate-500">no budget</span> : <Crossing month={row.crossing.likelyMonth} asOf={portfolio.asOfMonth} />}</TableCell>
            <TableCell>{row.crossing === null ? <span className="text-slate-500">no budget</span> : <Crossing month={row.crossing.p90Month} asOf={portfolio.asOfMonth} />}</TableCell>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

function Crossing({ month, asOf }: { month: string | null; asOf: string }) {
  if (month === null) return <Badge tone="success">within budget</Badge>;
  return <Badge tone={month === asOf ? "danger" : "warning"}>{month === asOf ? `over since ${month}` : month}</Badge>;
}

/** A small two-column table of USD this month by some grouping. */
export function SpendTable({ label, rows }: { label: string; rows: { name: string; usd: number }[] }) {
  const total = rows.reduce((sum, row) => sum + row.usd, 0);
  return (
    <Table aria-label={label}>
      <tbody>
        {rows.map((row) => (
          <tr key={row.name}>
            <TableCell>{row.name}</TableCell>
            <NumericCell>{formatUsd(row.usd)}</NumericCell>
            <NumericCell className="w-16 text-slate-500">{total > 0 ? `${Math.round((row.usd / total) * 100)}%` : "—"}</NumericCell>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

/** The five workloads whose monthly spend grows most over the next 12 months. */
export function TopGrowing({ portfolio }: { portfolio: Portfolio }) {
  if (portfolio.topGrowing.length === 0) return <p className="text-sm text-slate-600">No plan of record grows over the next 12 months.</p>;
  return (
    <Table aria-label="Top growing workloads">
      <thead>
        <tr>
          <TableHead>Workload</TableHead>
          <TableHead className="text-right">This month</TableHead>
          <TableHead className="text-right">In 12 months</TableHead>
          <TableHead className="text-right">Growth</TableHead>
        </tr>
      </thead>
      <tbody>
        {portfolio.topGrowing.map((row) => (
          <tr key={row.workloadId}>
            <TableCell>
              <Link href={`/workloads/${row.workloadId}/scenarios/${row.scenarioId}`} className="text-sky-800 hover:underline">
                {row.workloadName}
              </Link>
              <span className="block text-xs text-slate-500">{row.team}</span>
            </TableCell>
            <NumericCell>{formatUsd(row.thisMonthUsd)}</NumericCell>
            <NumericCell>{formatUsd(row.in12MonthsUsd)}</NumericCell>
            <NumericCell className="text-red-700">+{formatUsd(row.growthUsdPerMonth)}</NumericCell>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

/** Savings this month: taken (spot and commitments), still available (uncovered on-demand), stranded. */
export function SavingsCard({ portfolio }: { portfolio: Portfolio }) {
  const { savings } = portfolio;
  return (
    <Card>
      <CardHeader>
        <CardTitle>Savings this month</CardTitle>
        <CardDescription>Compute only, USD/month, from the plans of record.</CardDescription>
      </CardHeader>
      <CardContent>
        <dl className="grid gap-3 text-sm">
          <div className="flex justify-between gap-4">
            <dt className="text-slate-600">Taken (spot and commitments vs all on-demand)</dt>
            <dd className="font-medium tabular-nums text-emerald-800">{formatUsd(savings.takenUsdPerMonth)}</dd>
          </div>
          <div className="flex justify-between gap-4">
            <dt className="text-slate-600">Available: on-demand compute not on spot or under a commitment</dt>
            <dd className="font-medium tabular-nums text-slate-900">{formatUsd(savings.availableOnDemandUsdPerMonth)}</dd>
          </div>
          <div className="flex justify-between gap-4">
            <dt className="text-slate-600">Stranded: commitments paid for and unused</dt>
            <dd className="font-medium tabular-nums text-red-700">{formatUsd(savings.strandedUsdPerMonth)}</dd>
          </div>
        </dl>
      </CardContent>
    </Card>
  );
}

const ALERT_LABELS: Record<PortfolioAlert["kind"], { label: string; tone: "danger" | "warning" | "info" }> = {
  gap: { label: "infeasible months", tone: "danger" },
  unpriced: { label: "not priced", tone: "danger" },
  sloRisk: { label: "SLO at risk", tone: "warning" },
  stranded: { label: "stranded commitment", tone: "warning" },
  repriced: { label: "prices changed", tone: "info" },
};

/** What FinOps should look at, most urgent first. */
export function AlertList({ alerts, notPlanned }: { alerts: PortfolioAlert[]; notPlanned: number }) {
  if (alerts.length === 0 && notPlanned === 0) return <p className="text-sm text-slate-600">Nothing needs attention: every plan of record is priced, feasible and current.</p>;
  return (
    <ul aria-label="Alerts" className="divide-y divide-slate-100 text-sm">
      {notPlanned > 0 ? (
        <li className="py-2 text-slate-700">
          {notPlanned} plan{notPlanned === 1 ? "" : "s"} of record not planned yet: open the scenario to store its plan.
        </li>
      ) : null}
      {alerts.map((alert) => (
        <li key={`${alert.kind}-${alert.scenarioId}`} className="flex flex-wrap items-start gap-2 py-2">
          <Badge tone={ALERT_LABELS[alert.kind].tone}>{ALERT_LABELS[alert.kind].label}</Badge>
          <Link href={`/workloads/${alert.workloadId}/scenarios/${alert.scenarioId}`} className="font-medium text-sky-800 hover:underline">
            {alert.workloadName}
          </Link>
          <span className="text-slate-600">{alert.text}</span>
        </li>
      ))}
    </ul>
  );
}
