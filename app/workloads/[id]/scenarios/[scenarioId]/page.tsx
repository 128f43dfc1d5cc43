import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache, Suspense } from "react";
import { z } from "zod";

import { BandsProgress } from "@/components/scenarios/bands-progress";
import { ProjectionSkeleton } from "@/components/scenarios/projection-skeleton";
import { ProjectionView } from "@/components/scenarios/projection-view";
import { RepricingNotice } from "@/components/scenarios/repricing-notice";
import { WhatIfPanel } from "@/components/scenarios/what-if-panel";
import { WhatIfSkeleton } from "@/components/scenarios/what-if-skeleton";
import { Breadcrumb, workloadTrail } from "@/components/shell/breadcrumb";
import { ScenarioTfvars } from "@/components/tfvars/scenario-tfvars";
import { DatabaseUnavailable } from "@/components/shell/database-unavailable";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ActionButton } from "@/components/workloads/action-button";
import { describeGrowth } from "@/components/workloads/growth-summary";
import { cloneScenarioAction, deleteScenarioAction, setPlanOfRecordAction } from "@/lib/actions/scenarios";
import { changesForRegion, diffCatalogs } from "@/lib/catalog/diff";
import { formatCount, formatDateTime } from "@/lib/format";
import { firstValues } from "@/lib/forms/list-params";
import { savedWhatIfValues, whatIfValuesOf, type WhatIfErrors, type WhatIfValues } from "@/lib/forms/what-if";
import { whatIfFigures } from "@/lib/compare/what-if";
import { currentPricedVersion, getPricedCatalog } from "@/lib/services/catalog";
import { loadPageData } from "@/lib/services/page-data";
import { getScenarioPlan, type PlanView } from "@/lib/services/plans";
import { getScenario, type ScenarioDetail } from "@/lib/services/scenarios";
import { getWhatIfContext, previewWhatIf } from "@/lib/services/what-if";

const loadScenario = cache((id: string) => loadPageData((db) => getScenario(db, id)));

export async function generateMetadata({ params }: PageProps<"/workloads/[id]/scenarios/[scenarioId]">): Promise<Metadata> {
  const result = await loadScenario((await params).scenarioId);
  return { title: result.ok && result.data ? result.data.name : "Scenario" };
}

/** Prices this plan uses that moved since it was priced (none when priced with the current catalog). */
async function priceChangesSince(plan: PlanView, recorded: string, current: string, load: typeof getPricedCatalog, db: Parameters<typeof getPricedCatalog>[0]) {
  if (recorded === current) return [];
  const [from, to] = await Promise.all([load(db, { version: recorded }), load(db)]);
  if (!from) return [];
  const changes = diffCatalogs(from.catalog, to.catalog);
  return plan.computed.kind === "priced" ? changesForRegion(changes, plan.computed.where) : changes;
}

/**
 * The scenario's stored plan (lib/services/plans.ts): read as it was computed when the scenario,
 * its profile or its pricing last changed, or recomputed once when stale. When prices moved since
 * it was priced, a notice lists what changed and offers to re-price.
 */
async function ScenarioProjection({ scenario, view }: { scenario: ScenarioDetail; view: string }) {
  const result = await loadPageData(async (db) => {
    const plan = await getScenarioPlan(db, scenario);
    if (!plan) return null;
    const current = await currentPricedVersion(db);
    const changes = await priceChangesSince(plan, plan.key.pricedCatalogVersion, current, getPricedCatalog, db);
    return { plan, current, changes };
  });
  const retryHref = `/workloads/${scenario.workloadId}/scenarios/${scenario.id}`;
  if (!result.ok) return <DatabaseUnavailable message={result.message} retryHref={retryHref} />;
  if (!result.data) notFound();
  const { plan, current, changes } = result.data;
  return (
    <>
      {changes.length > 0 ? <RepricingNotice scenarioId={scenario.id} pricedWith={plan.key.pricedCatalogVersion} current={current} changes={changes} /> : null}
      <BandsProgress scenarioId={scenario.id} status={plan.bandsStatus} error={plan.bandsError} samples={scenario.spec.uncertainty?.samples ?? null} />
      <ProjectionView cost={plan.computed} bandsStatus={plan.bandsStatus} basePath={retryHref} view={view} />
      <ScenarioTfvars scenario={scenario} computed={plan.computed} />
    </>
  );
}

/**
 * The what-if region: the saved plan's figures, and when the URL carries a what-if, its preview
 * computed here so a shared link shows the same figures on first paint (the panel then keeps them
 * up to date as inputs change, without navigating).
 */
async function ScenarioWhatIf({ scenario, whatIf }: { scenario: ScenarioDetail; whatIf: { values: WhatIfValues; errors: WhatIfErrors } }) {
  const result = await loadPageData(async (db) => {
    const context = await getWhatIfContext(db, scenario);
    if (!context) return null;
    const hasWhatIf = Object.keys(whatIf.values).length > 0 && Object.keys(whatIf.errors).length === 0;
    const preview = hasWhatIf ? await previewWhatIf(db, { scenarioId: scenario.id, values: whatIf.values }) : null;
    return { context, preview };
  });
  if (!result.ok || !result.data) return null; // the projection below shows the designed state
  const { context, preview } = result.data;
  return (
    <WhatIfPanel
      scenarioId={scenario.id}
      workloadId={scenario.workloadId}
      version={scenario.version}
      scenarioName={scenario.name}
      savedSpec={scenario.spec}
      saved={savedWhatIfValues(scenario.spec)}
      stages={context.stages}
      instances={context.instances}
      initial={whatIf}
      savedFigures={whatIfFigures(context.saved.computed, null)}
      initialPreview={preview}
    />
  );
}

const ViewParamSchema = z.object({ view: z.string().max(64).catch("all").default("all") });

export default async function ScenarioPage({ params, searchParams }: PageProps<"/workloads/[id]/scenarios/[scenarioId]">) {
  const { id, scenarioId } = await params;
  const search = await searchParams;
  const { view } = ViewParamSchema.parse(firstValues(search));
  const whatIf = whatIfValuesOf(search);
  const result = await loadScenario(scenarioId);
  if (!result.ok) return <DatabaseUnavailable message={result.message} retryHref={`/workloads/${id}/scenarios/${scenarioId}`} />;
  const scenario = result.data;
  if (!scenario || scenario.workloadId !== id) notFound();
  const { spec } = scenario;
  const where = [spec.catalogFilter.providers?.join(", ").toUpperCase() ?? "any provider", spec.catalogFilter.regions?.join(", ") ?? "any region"].join(" · ");

  return (
    <>
      <Breadcrumb trail={workloadTrail(scenario.workload)} current={scenario.name} />
      <PageHeader
        title={scenario.name}
        description={scenario.description || undefined}
        actions={
          <div className="flex flex-wrap items-start gap-2">
            <Button asChild size="sm">
              <Link href={`/workloads/${id}/scenarios/${scenarioId}/edit`}>Edit scenario</Link>
            </Button>
            <Button asChild size="sm" variant="outline"><Link href={`/compare?scenarios=${scenarioId}`}>Compare with…</Link></Button>
            <ActionButton action={cloneScenarioAction.bind(null, scenarioId)}>Clone</ActionButton>
            {scenario.ofRecord ? null : (
              <ActionButton action={setPlanOfRecordAction.bind(null, scenarioId)} variant="ghost">
                Make plan of record
              </ActionButton>
            )}
            <ActionButton
              action={deleteScenarioAction.bind(null, scenarioId)}
              variant="ghost"
              confirm={{ title: `Delete “${scenario.name}”?`, description: "The scenario and its projection disappear from this profile.", confirmLabel: "Delete scenario" }}
            >
              Delete
            </ActionButton>
          </div>
        }
      />
      <div className="mb-6 flex flex-wrap items-center gap-2 text-sm text-slate-600">
        <Badge tone="info">{describeGrowth(spec.growth)}</Badge>
        <Badge>{`${spec.horizonMonths} months from ${spec.startMonth}`}</Badge>
        <Badge>{where}</Badge>
        <Badge>{spec.instance.mode === "cheapest" ? "cheapest instance that fits" : spec.instance.instanceType}</Badge>
        <Badge>{formatCount(spec.zones, "zone")}</Badge>
        {scenario.ofRecord ? <Badge tone="success">plan of record</Badge> : null}
        <span className="text-slate-500">· updated {formatDateTime(scenario.updatedAt)} · version {scenario.version}</span>
      </div>
      <Suspense fallback={<WhatIfSkeleton />}>
        <ScenarioWhatIf scenario={scenario} whatIf={whatIf} />
      </Suspense>
      <h2 className="mb-1 text-lg font-semibold text-slate-900">Saved plan</h2>
      <p className="mb-4 text-sm text-slate-600">{`What is stored for version ${scenario.version}; the what-if above changes nothing until you save or apply it.`}</p>
      <Suspense fallback={<ProjectionSkeleton />}>
        <ScenarioProjection scenario={scenario} view={view} />
      </Suspense>
    </>
  );
}
