import { NodesCostChart } from "@/components/charts/nodes-cost-chart";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { NumericCell, Table, TableCell, TableHead } from "@/components/ui/table";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { formatCompact, formatInteger } from "@/lib/format";
import type { Projection, StageMonth } from "@/lib/model/types";
import { monthTotals, stageOnDemandUsdPerMonth } from "@/lib/schemas/scenario-projection";

const usd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", maximumFractionDigits: 0 });
const percent = new Intl.NumberFormat("en-US", { style: "percent", maximumFractionDigits: 0 });
const ms = new Intl.NumberFormat("en-US", { maximumFractionDigits: 1 });

function Dash() {
  return <span className="text-slate-400">—</span>;
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
      p{latency.percentile} {ms.format(latency.predictedMs)} ms <span className="text-slate-500">/ {ms.format(latency.targetMs)} ms</span>{" "}
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
                  <NumericCell>{percent.format(stage.utilizationRatio)}</NumericCell>
                  <LatencyCell stage={stage} />
                  <NumericCell>{cost === null ? <Dash /> : usd.format(cost)}</NumericCell>
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

/** Totals per month: demand, nodes per stage, total nodes and on-demand cost. */
function SummaryTable({ projection }: { projection: Projection }) {
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
          <TableHead className="text-right">On-demand USD/month</TableHead>
        </tr>
      </thead>
      <tbody>
        {projection.months.map((month) => {
          const totals = monthTotals(month);
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
              <NumericCell className="font-medium">{totals.onDemandUsdPerMonth === null ? <Dash /> : usd.format(totals.onDemandUsdPerMonth)}</NumericCell>
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}

/**
 * A scenario's projection: a chart of nodes and cost, the month-by-month totals, and one tab per
 * stage with its constraint and reason. Cost columns from the cost model (issue 4) slot in next to
 * the on-demand column.
 */
export function ProjectionView({ projection, catalogVersion }: { projection: Projection; catalogVersion: string }) {
  const points = projection.months.map((month) => {
    const totals = monthTotals(month);
    return { month: month.month, nodes: totals.nodes, costUsdPerMonth: totals.onDemandUsdPerMonth };
  });
  const first = points[0];
  const last = points.at(-1);
  return (
    <div className="grid gap-6">
      {!projection.feasible ? (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-900">
          Some months cannot be sized: see the stage tabs for the reason and the binding constraint.
        </p>
      ) : null}
      {projection.warnings.length > 0 ? (
        <ul className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900">
          {projection.warnings.map((warning) => (
            <li key={warning}>{warning}</li>
          ))}
        </ul>
      ) : null}
      <Card>
        <CardHeader>
          <CardTitle>Nodes and on-demand cost per month</CardTitle>
          <CardDescription>
            {first && last && first.nodes !== null && last.nodes !== null
              ? `${formatInteger(first.nodes)} nodes in ${first.month} → ${formatInteger(last.nodes)} in ${last.month}. `
              : null}
            Priced with catalog {catalogVersion}, on-demand, 730 hours a month.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <NodesCostChart data={points} title="Nodes and on-demand cost per month" />
        </CardContent>
      </Card>
      <Card>
        <Tabs defaultValue="all">
          <TabsList aria-label="Projection views">
            <TabsTrigger value="all">All stages</TabsTrigger>
            {projection.stageNames.map((name) => (
              <TabsTrigger key={name} value={`stage-${name}`}>
                {name}
              </TabsTrigger>
            ))}
          </TabsList>
          <TabsContent value="all">
            <SummaryTable projection={projection} />
          </TabsContent>
          {projection.stageNames.map((name, index) => (
            <TabsContent key={name} value={`stage-${name}`}>
              <StageTable projection={projection} index={index} name={name} />
            </TabsContent>
          ))}
        </Tabs>
      </Card>
    </div>
  );
}
