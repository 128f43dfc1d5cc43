import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { NumericCell, Table, TableCell, TableHead } from "@/components/ui/table";
import { formatDecimal, formatUsd } from "@/lib/format";
import type { DrAnalysis } from "@/lib/model/dr";
import type { DrStrategy } from "@/lib/model/types";
import { DR_STRATEGY_LABELS } from "@/lib/planning/display/cost";

import { DrTradeoffCharts } from "./dr-tradeoff-charts";

const minutes = (value: number | null) => (value === null ? "none" : `${formatDecimal(value)} min`);

/**
 * The four DR strategies side by side (docs/model.md §15): the cost × RTO and cost × RPO charts,
 * then RTO, RPO, mean USD/month, whether each is on the cost-vs-RTO/RPO frontier and meets the
 * targets, and the recommendation or why none meets.
 */
export function DrComparisonCard({ dr, priced }: { dr: DrAnalysis; priced: DrStrategy | null }) {
  const { recommendation, targets } = dr;
  return (
    <Card aria-labelledby="dr-heading">
      <CardHeader>
        <CardTitle id="dr-heading">Disaster recovery: RTO / RPO against cost</CardTitle>
        <CardDescription>
          Targets: RTO {minutes(targets.rtoMinutes)}, RPO {minutes(targets.rpoMinutes)}. USD/month is the mean over the horizon.{" "}
          {priced ? `${DR_STRATEGY_LABELS[priced]} is priced into the cost above.` : "No DR strategy is priced into the cost above."}
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        <p
          role="status"
          className={
            recommendation.kind === "meets"
              ? "rounded-md border border-emerald-300 bg-emerald-50 px-4 py-3 text-sm text-emerald-900"
              : "rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-900"
          }
        >
          {recommendation.kind === "meets" ? (
            <>
              <span className="font-semibold">Recommended: {DR_STRATEGY_LABELS[recommendation.strategy]}.</span> {recommendation.reason}
            </>
          ) : (
            <>
              <span className="font-semibold">None meets the targets.</span> {recommendation.reason}
            </>
          )}
        </p>
        <DrTradeoffCharts dr={dr} chosen={priced} />
        <Table aria-label="DR strategies">
          <thead>
            <tr>
              <TableHead>Strategy</TableHead>
              <TableHead className="text-right">RTO (minutes)</TableHead>
              <TableHead className="text-right">RPO (minutes)</TableHead>
              <TableHead className="text-right">USD/month</TableHead>
              <TableHead>Pareto-optimal</TableHead>
              <TableHead>Meets targets</TableHead>
              <TableHead>How</TableHead>
            </tr>
          </thead>
          <tbody>
            {dr.options.map((option) => (
              <tr key={option.strategy} className={option.strategy === priced ? "bg-sky-50" : undefined}>
                <TableCell className="whitespace-nowrap font-medium">{DR_STRATEGY_LABELS[option.strategy]}</TableCell>
                <NumericCell>{formatDecimal(option.rtoMinutes)}</NumericCell>
                <NumericCell>{formatDecimal(option.rpoMinutes)}</NumericCell>
                <NumericCell>{formatUsd(option.meanUsdPerMonth)}</NumericCell>
                <TableCell>{option.pareto ? <Badge tone="info">on the frontier</Badge> : <span className="text-slate-500">dominated</span>}</TableCell>
                <TableCell>{option.meetsTargets ? <Badge tone="success">meets</Badge> : <Badge tone="danger">misses</Badge>}</TableCell>
                <TableCell className="min-w-72 text-xs text-slate-600">{option.explanation}</TableCell>
              </tr>
            ))}
          </tbody>
        </Table>
      </CardContent>
    </Card>
  );
}
