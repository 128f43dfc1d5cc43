import { DrTradeoffCharts } from "@/components/scenarios/dr-tradeoff-charts";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { ComparedScenario } from "@/lib/compare/comparison";

/** Why a compared scenario has no DR charts. */
function noDrReason(scenario: ComparedScenario): string {
  return scenario.computed.kind === "unpriced" ? "not priced" : "no DR strategy (set to none)";
}

/**
 * The DR trade-off of each compared scenario from its stored plan: USD/month against RTO and
 * RPO for the four strategies, frontier, targets and the chosen strategy.
 */
export function CompareDr({ scenarios }: { scenarios: readonly ComparedScenario[] }) {
  const without = scenarios.filter((scenario) => scenario.computed.kind !== "priced" || scenario.computed.plan.dr === null);
  return (
    <Card aria-labelledby="compare-dr-heading" className="mt-6">
      <CardHeader>
        <CardTitle id="compare-dr-heading">Disaster recovery trade-off</CardTitle>
        <CardDescription>
          Mean USD/month of the four DR strategies against RTO and RPO, per scenario. Green line and rings: the strategies no other beats on both cost and minutes. Dashed: the target. Star: the strategy priced into the scenario.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-6">
        {scenarios.map((scenario) =>
          scenario.computed.kind === "priced" && scenario.computed.plan.dr !== null ? (
            <section key={scenario.scenarioId} aria-label={`DR trade-off: ${scenario.scenarioName}`} className="grid gap-2">
              <h3 className="text-sm font-semibold text-slate-900">{scenario.scenarioName}</h3>
              <DrTradeoffCharts dr={scenario.computed.plan.dr} chosen={scenario.computed.plan.drStrategy} titleSuffix={scenario.scenarioName} />
            </section>
          ) : null,
        )}
        {without.length > 0 ? (
          <p className="text-sm text-slate-600">
            No DR analysis for: {without.map((scenario) => `${scenario.scenarioName} (${noDrReason(scenario)})`).join("; ")}.
          </p>
        ) : null}
      </CardContent>
    </Card>
  );
}
