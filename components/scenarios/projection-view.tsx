import Link from "next/link";

import { NodesCostChart } from "@/components/charts/nodes-cost-chart";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { NumericCell, Table, TableCell, TableHead } from "@/components/ui/table";
import { formatCompact, formatDecimal, formatInteger, formatPercent, formatUsd } from "@/lib/format";
import type { PlannedMonth } from "@/lib/model/plan-scenario";
import type { Projection, StageMonth } from "@/lib/model/types";
import { gapsOf, type ComputedPlan } from "@/lib/planning/compute-plan";
import { monthTotals, stageOnDemandUsdPerMonth } from "@/lib/planning/display/projection";
import { COST_COMPONENTS, summarizeCost } from "@/lib/planning/display/cost";

import { CommitmentLadderCard } from "./commitment-ladder";
import { CostSummaryCard } from "./cost-summary";
import { DrComparisonCard } from "./dr-comparison";
import { PlanAlerts } from "./plan-alerts";
import { incompleteNote, PlanGapsBanner } from "./plan-gaps";

function Dash() {
  return <span className="text-slate-500">—</span>;
}

/** The demand a stage sized for, in its own unit. */
function stageDemand(stage: StageMonth): string {
  if (stage.kind !== "sized") return "—";
  if (stage.stageKind === "batch") return `${formatCompact(stage.demand.dataVolumeGibPerRun)} GiB/run`;
  return `${formatCompact(stage.demand.peakEventsPerSec)} ev/s peak`;
}

function LatencyCell({ stage }: { stage: StageMonth }) {
  if (stage.kind !== "sized" || !stage.latency) return <TableCell><Dash /></TableCell>;
  const { latency } = stage;
  return (
    <TableCell className="whitespace-nowrap tabular-nums">
      p{latency.percentile} {formatDecimal(latency.predictedMs)} ms <span className="text-slate-500">/ {formatDecimal(latency.targetMs)} ms</span>{" "}
      <Badge tone={latency.meetsSlo ? "success" : "danger"}>{latency.meetsSlo ? "meets SLO" : "misses SLO"}</Badge>
    </TableCell>
  );
}

/** Month by month for one stage: demand, nodes, utilization, latency vs SLO, cost and why. */
function StageTable({ projection, index, name }: { projection: Projection; index: number; name: string }) {
  return (
    <Table aria-label={`Projection of ${name}`}>
      <thead>
        <tr>
          <TableHead>Month</TableHead>
          <TableHead className="text-right">Demand</TableHead>
          <TableHead className="text-right">Nodes</TableHead>
          <TableHead>Instance</TableHead>
          <TableHead className="text-right">Utilization</TableHead>
          <TableHead>Predicted latency vs SLO</TableHead>
          <TableHead className="text-right">On-demand USD/month</TableHead>
          <TableHead>Binding constraint</TableHead>
        </tr>
      </thead>
      <tbody>
        {projection.months.map((month) => {
          const stage = month.stages[index];
          if (!stage) return null;
          const cost = stageOnDemandUsdPerMonth(stage);
          return (
            <tr key={month.month}>
              <TableCell className="whitespace-nowrap">{month.month}</TableCell>
              <NumericCell className="whitespace-nowrap">{stageDemand(stage)}</NumericCell>
              {stage.kind === "sized" ? (
                <>
                  <NumericCell>{formatInteger(stage.nodes)}</NumericCell>
                  <TableCell className="whitespace-nowrap">{stage.instance.name}</TableCell>
                  <NumericCell>{formatPercent(stage.utilizationRatio)}</NumericCell>
                  <LatencyCell stage={stage} />
                  <NumericCell>{cost === null ? <Dash /> : formatUsd(cost)}</NumericCell>
                  <TableCell className="min-w-72">
                    <Badge>{stage.bindingConstraint}</Badge>
                    <p className="mt-1 line-clamp-2 text-xs text-slate-600" title={stage.reason}>
                      {stage.reason}
                    </p>
                  </TableCell>
                </>
              ) : (
                <TableCell colSpan={6}>
                  <Badge tone="danger">infeasible · {stage.bindingConstraint}</Badge>
                  <p className="mt-1 text-xs text-slate-700">{stage.reason}</p>
                </TableCell>
              )}
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}

/** Totals per month: demand, nodes per stage, total nodes, all-on-demand cost and, when priced, cost by component. */
function SummaryTable({ projection, months }: { projection: Projection; months: readonly PlannedMonth[] | null }) {
  return (
    <Table aria-label="Projection by month">
      <thead>
        <tr>
          <TableHead>Month</TableHead>
          <TableHead className="text-right">Demand ×</TableHead>
          {projection.stageNames.map((name) => (
            <TableHead key={name} className="text-right">
              {name} nodes
            </TableHead>
          ))}
          <TableHead className="text-right">Total nodes</TableHead>
          <TableHead className="text-right" title="Every node on-demand: the baseline spot and commitments save against">
            On-demand USD/month
          </TableHead>
          {months
            ? [...COST_COMPONENTS, { key: "totalUsdPerMonth", label: "Total" } as const].map(({ key, label }) => (
                <TableHead key={key} className="text-right">
                  {label} USD/month
                </TableHead>
              ))
            : null}
        </tr>
      </thead>
      <tbody>
        {projection.months.map((month, monthIndex) => {
          const totals = monthTotals(month);
          const breakdown = months?.[monthIndex]?.breakdown;
          return (
            <tr key={month.month}>
              <TableCell className="whitespace-nowrap">{month.month}</TableCell>
              <NumericCell>{month.demandMultiplier.toFixed(2)}</NumericCell>
              {month.stages.map((stage) => (
                <NumericCell key={stage.stageName} title={stage.kind === "sized" ? `${stage.instance.name}: ${stage.reason}` : stage.reason}>
                  {stage.kind === "sized" ? formatInteger(stage.nodes) : <Badge tone="danger">infeasible</Badge>}
                </NumericCell>
              ))}
              <NumericCell className="font-medium">{totals.nodes === null ? <Dash /> : formatInteger(totals.nodes)}</NumericCell>
              <NumericCell className="font-medium">{totals.onDemandUsdPerMonth === null ? <Dash /> : formatUsd(totals.onDemandUsdPerMonth)}</NumericCell>
              {breakdown ? (
                <>
                  {COST_COMPONENTS.map(({ key }) => (
                    <NumericCell key={key}>{formatUsd(breakdown[key])}</NumericCell>
                  ))}
                  <NumericCell className="font-semibold">{formatUsd(breakdown.totalUsdPerMonth)}</NumericCell>
                </>
              ) : null}
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}

/** The cost section of a priced scenario; its month-0 total is the workloads list's figure. */
function CostSection({ cost, bandsPending }: { cost: Extract<ComputedPlan, { kind: "priced" }>; bandsPending: boolean }) {
  const { plan } = cost;
  const summary = summarizeCost(plan);
  if (!summary) return null;
  return (
    <CostSummaryCard
      plan={plan}
      summary={summary}
      where={cost.where}
      catalogVersion={cost.catalogVersion}
      overridesApplied={cost.overridesApplied}
      bandsPending={bandsPending}
    />
  );
}

/**
 * A scenario's projection and its price: alerts (infeasible months, spot flags, warnings), the
 * cost section, the chart of nodes and on-demand cost, the month-by-month table (cost by component
 * when priced) or one stage's (a view in the URL, `?view=<stage>`, so only the table shown is
 * rendered), then the commitment ladder and the DR comparison.
 */
export function ProjectionView({
  cost,
  bandsStatus,
  basePath,
  view,
}: {
  cost: ComputedPlan;
  bandsStatus: "none" | "pending" | "running" | "ready" | "failed";
  /** The scenario page's path; the month table's views are links to it. */
  basePath: string;
  /** "all", or the stage whose month table to show (only the shown one is rendered). */
  view: string;
}) {
  const plan = cost.kind === "priced" ? cost.plan : null;
  const projection = cost.kind === "priced" ? cost.plan.projection : cost.projection;
  const shownIndex = projection.stageNames.indexOf(view);
  const shown = shownIndex < 0 ? "all" : view;
  const points = projection.months.map((month) => {
    const totals = monthTotals(month);
    return { month: month.month, nodes: totals.nodes, costUsdPerMonth: totals.onDemandUsdPerMonth };
  });
  const first = points[0];
  const last = points.at(-1);
  const gaps = gapsOf(cost);
  const incomplete = incompleteNote(gaps);
  return (
    <div className="grid gap-6">
      <PlanGapsBanner gaps={gaps} horizonMonths={projection.months.length} editHref={`${basePath}/edit`} />
      <PlanAlerts warnings={projection.warnings} spotFlags={plan?.spotFlags ?? []} unpricedReason={cost.kind === "unpriced" ? cost.reason : null} />
      {cost.kind === "priced" ? <CostSection cost={cost} bandsPending={bandsStatus === "pending" || bandsStatus === "running"} /> : null}
      <Card>
        <CardHeader>
          <CardTitle>Nodes and on-demand cost per month</CardTitle>
          <CardDescription>
            {first && last && first.nodes !== null && last.nodes !== null
              ? `${formatInteger(first.nodes)} nodes in ${first.month} → ${formatInteger(last.nodes)} in ${last.month}. `
              : null}
            Every node on-demand, USD, 730 hours a month; priced with catalog {cost.catalogVersion}.
            {incomplete ? <strong className="mt-1 block font-medium text-red-800">{`Months a stage cannot be sized are gaps, not zeros (${incomplete}).`}</strong> : null}
          </CardDescription>
        </CardHeader>
        <CardContent>
          <NodesCostChart data={points} title="Nodes and on-demand cost per month" />
        </CardContent>
      </Card>
      <Card>
        <nav aria-label="Projection views" className="flex flex-wrap gap-1 border-b border-slate-200 px-3 pt-3">
          {[{ value: "all", label: "All stages" }, ...projection.stageNames.map((name) => ({ value: name, label: name }))].map((tab) => (
            <Link
              key={tab.value}
              href={tab.value === "all" ? basePath : `${basePath}?view=${encodeURIComponent(tab.value)}`}
              aria-current={shown === tab.value ? "page" : undefined}
              scroll={false}
              className="rounded-t-md px-3 py-2 text-sm font-medium text-slate-600 hover:text-slate-900 aria-[current=page]:border-b-2 aria-[current=page]:border-sky-700 aria-[current=page]:text-slate-900"
            >
              {tab.label}
            </Link>
          ))}
        </nav>
        {shownIndex < 0 ? (
          <SummaryTable projection={projection} months={plan?.months ?? null} />
        ) : (
          <StageTable projection={projection} index={shownIndex} name={shown} />
        )}
      </Card>
      {plan ? <CommitmentLadderCard plan={plan} /> : null}
      {plan?.dr ? <DrComparisonCard dr={plan.dr} priced={plan.drStrategy} /> : null}
    </div>
  );
}
