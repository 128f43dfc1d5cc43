import Link from "next/link";

import { CostBreakdownChart } from "@/components/charts/cost-breakdown-chart";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { NumericCell, Table, TableCell, TableHead } from "@/components/ui/table";
import { formatPercent, formatUsd, formatUsdPrecise } from "@/lib/format";
import type { ScenarioPlan } from "@/lib/model/plan-scenario";
import type { PricingLocation } from "@/lib/planning/compute-plan";
import { COST_COMPONENTS, costChartRows, hasUncertainty, type CostSummary } from "@/lib/planning/display/cost";

import { gapsInMonths, incompleteNote } from "./plan-gaps";

/** One KPI; `incomplete` ("incomplete: excludes kafka in 24 months") when its total leaves stage-months out. */
function Figure({ label, value, detail, incomplete }: { label: string; value: string; detail?: string; incomplete?: string | null }) {
  return (
    <div className="rounded-md border border-slate-200 bg-slate-50 px-4 py-3">
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-600">{label}</dt>
      <dd className="mt-1 text-xl font-semibold tabular-nums text-slate-900">{value}</dd>
      {incomplete ? <dd className="mt-0.5 text-xs font-medium text-red-800">{incomplete}</dd> : null}
      {detail ? <dd className="mt-0.5 text-xs text-slate-600">{detail}</dd> : null}
    </div>
  );
}

/** A saving as a share of the all-on-demand compute baseline: "12% of all-on-demand compute". */
function savingShare(usd: number, baselineUsd: number): string | undefined {
  return baselineUsd > 0 ? `${formatPercent(usd / baselineUsd)} of all-on-demand compute over the horizon` : undefined;
}

function PricingNote({ where, catalogVersion, overridesApplied }: { where: PricingLocation; catalogVersion: string; overridesApplied: number }) {
  return (
    <>
      All figures in USD, 730 hours a month, priced in {where.provider.toUpperCase()} {where.region} ({where.basis}) with catalog{" "}
      <span className="font-mono text-slate-700">{catalogVersion}</span>.{" "}
      {overridesApplied > 0 ? (
        <>
          {overridesApplied === 1 ? "1 price was" : `${overridesApplied} prices were`} changed by FinOps overrides:{" "}
          <Link href="/catalog" className="text-sky-700 underline underline-offset-2">
            see the catalog
          </Link>
          .
        </>
      ) : (
        <>
          No FinOps override changes these prices (
          <Link href="/catalog" className="text-sky-700 underline underline-offset-2">
            catalog
          </Link>
          ).
        </>
      )}
    </>
  );
}

/**
 * The cost headline of a priced plan: month-0 and final-month totals, the horizon's total, spot
 * and commitment savings, unit cost, the chart by component and the component totals.
 */
export function CostSummaryCard({
  plan,
  summary,
  where,
  catalogVersion,
  overridesApplied,
  bandsPending,
}: {
  plan: ScenarioPlan;
  summary: CostSummary;
  where: PricingLocation;
  catalogVersion: string;
  overridesApplied: number;
  /** The Monte Carlo is still running: the band is not there yet. */
  bandsPending: boolean;
}) {
  const { first, last, unitCost } = summary;
  const lastIndex = plan.months.length - 1;
  const banded = hasUncertainty(plan);
  const title = "Monthly cost by component (USD)";
  return (
    <Card aria-labelledby="cost-heading">
      <CardHeader>
        <CardTitle id="cost-heading">Cost</CardTitle>
        <CardDescription>
          <PricingNote where={where} catalogVersion={catalogVersion} overridesApplied={overridesApplied} />
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-6">
        <dl className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          <Figure
            label={`Month 0 (${first.month})`}
            value={`${formatUsd(first.totalUsdPerMonth)}/month`}
            detail="All cost components: the workloads list's figure for this plan."
            incomplete={incompleteNote(gapsInMonths(plan.gaps, [0]))}
          />
          <Figure label={`Final month (${last.month})`} value={`${formatUsd(last.totalUsdPerMonth)}/month`} incomplete={incompleteNote(gapsInMonths(plan.gaps, [lastIndex]))} />
          <Figure label={`Total over ${plan.months.length} months`} value={formatUsd(summary.horizonUsd)} incomplete={incompleteNote(plan.gaps)} />
          <Figure label="Spot savings vs all on-demand" value={formatUsd(summary.spotSavingsUsd)} detail={savingShare(summary.spotSavingsUsd, summary.allOnDemandComputeUsd)} />
          <Figure
            label="Commitment saving"
            value={formatUsd(summary.commitmentSavingUsd)}
            detail={plan.commitments ? savingShare(summary.commitmentSavingUsd, summary.allOnDemandComputeUsd) : "No commitments in this scenario."}
          />
          <Figure
            label={unitCost ? `Unit cost per ${unitCost.unit}` : "Unit cost"}
            value={unitCost?.first == null ? "—" : formatUsdPrecise(unitCost.first)}
            detail={unitCost?.last == null ? undefined : `${formatUsdPrecise(unitCost.last)} in ${last.month}`}
          />
        </dl>
        <div>
          <h3 className="mb-2 text-sm font-semibold text-slate-800">{title}</h3>
          <p className="mb-3 text-xs text-slate-500">
            {banded
              ? `Shaded: P10–P90 of the total over ${plan.uncertainty.samples.toLocaleString("en-US")} Monte Carlo samples (seed ${plan.uncertainty.seed}).`
              : bandsPending
                ? "The P10–P90 band is being computed; shown here when ready."
                : "No ranges in this scenario: the likely case only, no uncertainty band."}
          </p>
          <CostBreakdownChart data={costChartRows(plan)} title={title} />
        </div>
        <Table aria-label="Cost by component over the horizon">
          <thead>
            <tr>
              <TableHead>Component</TableHead>
              <TableHead className="text-right">Total USD</TableHead>
              <TableHead className="text-right">Share</TableHead>
            </tr>
          </thead>
          <tbody>
            {COST_COMPONENTS.map(({ key, label }) => (
              <tr key={key}>
                <TableCell>{label}</TableCell>
                <NumericCell>{formatUsd(summary.componentUsd[key])}</NumericCell>
                <NumericCell>{summary.horizonUsd > 0 ? formatPercent(summary.componentUsd[key] / summary.horizonUsd) : "—"}</NumericCell>
              </tr>
            ))}
            <tr className="font-semibold">
              <TableCell>Total</TableCell>
              <NumericCell>{formatUsd(summary.horizonUsd)}</NumericCell>
              <NumericCell>{summary.horizonUsd > 0 ? formatPercent(1) : "—"}</NumericCell>
            </tr>
          </tbody>
        </Table>
      </CardContent>
    </Card>
  );
}
