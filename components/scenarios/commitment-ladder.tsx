import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { NumericCell, Table, TableCell, TableHead } from "@/components/ui/table";
import { formatPercent, formatUsd, formatUsdPrecise } from "@/lib/format";
import type { ScenarioPlan } from "@/lib/model/plan-scenario";
import { commitmentPurchases } from "@/lib/planning/display/cost";

/**
 * The commitment ladder (docs/model.md §16): the months it buys, how much (on-demand-equivalent
 * USD per hour, the unit of a spend-based savings plan), the coverage and saving on the likely
 * path, and the stranded-commitment risk if growth comes in lower.
 */
export function CommitmentLadderCard({ plan }: { plan: ScenarioPlan }) {
  const ladder = plan.commitments;
  if (!ladder) return null;
  const rows = commitmentPurchases(plan);
  const { stress } = ladder;
  return (
    <Card aria-labelledby="commitments-heading">
      <CardHeader>
        <CardTitle id="commitments-heading">Commitment ladder</CardTitle>
        <CardDescription>
          {ladder.offer.termYears}-year {ladder.offer.id} at {formatPercent(ladder.offer.discountRatio)} off, bought on the P10 path of on-demand compute. Saving over
          the horizon {formatUsd(ladder.savingUsd)}; stranded on the likely path {formatUsd(ladder.strandedUsd)}; {formatUsd(ladder.beyondHorizonUsd)} still to pay after
          the horizon.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        {rows.length === 0 ? (
          <p className="text-sm text-slate-600">The P10 path leaves nothing to commit: every month stays on on-demand and spot.</p>
        ) : (
          <Table aria-label="Commitment purchases">
            <thead>
              <tr>
                <TableHead>Month</TableHead>
                <TableHead className="text-right">Buy (USD/hour)</TableHead>
                <TableHead className="text-right">In force (USD/hour)</TableHead>
                <TableHead className="text-right">Coverage of likely on-demand</TableHead>
                <TableHead className="text-right">Saving that month</TableHead>
                <TableHead className="text-right">Stranded that month</TableHead>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.month}>
                  <TableCell className="whitespace-nowrap">{row.month}</TableCell>
                  <NumericCell>{formatUsdPrecise(row.purchasedUsdPerHour)}</NumericCell>
                  <NumericCell>{formatUsdPrecise(row.committedUsdPerHour)}</NumericCell>
                  <NumericCell>{row.coverageRatio === null ? "—" : formatPercent(row.coverageRatio)}</NumericCell>
                  <NumericCell>{formatUsd(row.savingUsdPerMonth)}</NumericCell>
                  <NumericCell>{formatUsd(row.strandedUsdPerMonth)}</NumericCell>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
        <p className="text-sm text-slate-700">
          <span className="font-medium">Stranded-commitment risk</span> ({stress.label}): stranding on {formatPercent(stress.strandedProbabilityRatio)} of {stress.paths}{" "}
          {stress.paths === 1 ? "path" : "paths"}, {formatUsd(stress.meanStrandedUsd)} on average, {formatUsd(stress.maxStrandedUsd)} at worst.
        </p>
      </CardContent>
    </Card>
  );
}
