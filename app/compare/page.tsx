import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { z } from "zod";

import { CompareCharts } from "@/components/compare/compare-charts";
import { CompareDr } from "@/components/compare/compare-dr";
import { ComparePicker } from "@/components/compare/compare-picker";
import { InputsDiffTable } from "@/components/compare/inputs-diff-table";
import { KpiTable } from "@/components/compare/kpi-table";
import { DatabaseUnavailable } from "@/components/shell/database-unavailable";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { Comparison } from "@/lib/compare/comparison";
import { CompareParamsSchema, compareHref, scenariosParam, withBaseline } from "@/lib/compare/params";
import { isUuid } from "@/lib/entities/ids";
import { loadComparison } from "@/lib/services/compare";
import { loadPageData } from "@/lib/services/page-data";
import { listScenarios } from "@/lib/services/scenarios";

export const metadata: Metadata = { title: "Compare scenarios" };

const DESCRIPTION = "Two to four scenarios side by side, from their stored plans: deltas against the baseline, the inputs that differ, and the charts. The URL is the view: share it.";

/** The chosen scenarios, with links to make another the baseline or drop one. */
function ScenarioChips({ comparison, ids }: { comparison: Comparison; ids: string[] }) {
  return (
    <ol aria-label="Compared scenarios" className="mb-6 grid gap-3 sm:grid-cols-2 xl:grid-cols-4">
      {comparison.scenarios.map((scenario, index) => (
        <li key={scenario.scenarioId} className="rounded-lg border border-slate-200 bg-white p-3 text-sm shadow-sm">
          <p className="text-xs text-slate-500">{scenario.workloadName}</p>
          <Link href={`/workloads/${scenario.workloadId}/scenarios/${scenario.scenarioId}`} className="font-medium text-sky-800 hover:underline">
            {scenario.scenarioName}
          </Link>
          <div className="mt-2 flex flex-wrap items-center gap-2">
            {index === 0 ? <Badge tone="info">baseline</Badge> : <Link href={compareHref(withBaseline(ids, scenario.scenarioId))} className="text-xs text-sky-800 hover:underline" aria-label={`Make ${scenario.scenarioName} the baseline`}>Make baseline</Link>}
            {ids.length > 2 ? (
              <Link href={compareHref(ids.filter((id) => id !== scenario.scenarioId))} className="text-xs text-slate-600 hover:underline" aria-label={`Remove ${scenario.scenarioName} from the comparison`}>
                Remove
              </Link>
            ) : null}
            {scenario.ofRecord ? <Badge tone="success">plan of record</Badge> : null}
            {scenario.bandsPending ? <Badge tone="warning">bands computing</Badge> : null}
            {scenario.computed.kind === "unpriced" ? <Badge tone="danger">not priced</Badge> : null}
          </div>
        </li>
      ))}
    </ol>
  );
}

async function Picker({ chosen, problem }: { chosen: string[]; problem: string | null }) {
  const result = await loadPageData((db) => listScenarios(db, { sort: "workloadName", pageSize: 100 }));
  if (!result.ok) return <DatabaseUnavailable message={result.message} retryHref="/compare" />;
  return (
    <>
      {problem ? (
        <p role="alert" className="mb-4 rounded-md border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">
          {problem}
        </p>
      ) : null}
      <ComparePicker chosen={chosen} scenarios={result.data.rows.map((row) => ({ id: row.id, name: row.name, workloadName: row.workloadName, ofRecord: row.ofRecord }))} />
    </>
  );
}

export default async function ComparePage({ searchParams }: PageProps<"/compare">) {
  const raw = (await searchParams).scenarios;
  const joined = scenariosParam(raw);
  // A form of checkboxes repeats the parameter: answer with the one shareable URL.
  if (Array.isArray(raw)) redirect(compareHref(joined.split(",")));
  const parsed = CompareParamsSchema.safeParse({ scenarios: joined });
  const header = <PageHeader title="Compare scenarios" description={DESCRIPTION} />;
  if (!parsed.success) {
    const chosen = joined.split(",").filter(isUuid);
    // One scenario (from "Compare with…") is a start, not a mistake: the picker says what to do.
    const problem = joined === "" || (chosen.length === 1 && !joined.includes(",")) ? null : (z.prettifyError(parsed.error).replace(/^✖ /, "").split("\n")[0] ?? null);
    return (
      <>
        {header}
        <Picker chosen={chosen} problem={problem} />
      </>
    );
  }
  const ids = parsed.data.scenarios;
  const result = await loadPageData((db) => loadComparison(db, ids));
  if (!result.ok) return <DatabaseUnavailable message={result.message} retryHref={compareHref(ids)} />;
  if (result.data.kind === "missing") {
    const { missingIds } = result.data;
    const problem = `scenarios: ${missingIds.length === 1 ? "one scenario does not exist (any more)" : `${missingIds.length} scenarios do not exist (any more)`}: ${missingIds.join(", ")}. Pick again.`;
    return (
      <>
        {header}
        <Picker chosen={ids.filter((id) => !missingIds.includes(id))} problem={problem} />
      </>
    );
  }
  const { comparison } = result.data;
  const names = comparison.scenarios.map((scenario) => scenario.scenarioName);
  return (
    <>
      <PageHeader
        title="Compare scenarios"
        description={DESCRIPTION}
        actions={
          <div className="flex flex-wrap gap-2">
            <Button asChild size="sm" variant="outline">
              <a href={`/compare/export?scenarios=${ids.join(",")}`} download>
                Download CSV
              </a>
            </Button>
          </div>
        }
      />
      <ScenarioChips comparison={comparison} ids={ids} />
      <Card className="mb-6">
        <CardHeader>
          <CardTitle>Key figures</CardTitle>
          <CardDescription>Each figure with its difference to the baseline. A difference inside a P10–P90 band is not a real difference.</CardDescription>
        </CardHeader>
        <CardContent className="px-0 py-0">
          <KpiTable scenarios={comparison.scenarios} rows={comparison.kpis} />
        </CardContent>
      </Card>
      <Card className="mb-6">
        <CardHeader>
          <CardTitle>What they assume differently</CardTitle>
        </CardHeader>
        <CardContent className="px-0 py-0">
          <InputsDiffTable scenarios={comparison.scenarios} topics={comparison.inputs} />
        </CardContent>
      </Card>
      <h2 className="mb-3 text-base font-semibold text-slate-900">Charts</h2>
      <CompareCharts names={names} months={comparison.months} components={comparison.components} nodes={comparison.nodes} banded={comparison.scenarios.map((scenario) => scenario.computed.kind === "priced" && scenario.computed.plan.uncertainty.seed !== null)} />
      <CompareDr scenarios={comparison.scenarios} />
      <details className="mt-6">
        <summary className="cursor-pointer text-sm font-medium text-sky-800">Change scenarios</summary>
        <div className="mt-3">
          <Picker chosen={ids} problem={null} />
        </div>
      </details>
    </>
  );
}
