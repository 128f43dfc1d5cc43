import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache, Suspense } from "react";

import { ProjectionSkeleton } from "@/components/scenarios/projection-skeleton";
import { ProjectionView } from "@/components/scenarios/projection-view";
import { RepricingNotice } from "@/components/scenarios/repricing-notice";
import { Breadcrumb, workloadTrail } from "@/components/shell/breadcrumb";
import { DatabaseUnavailable } from "@/components/shell/database-unavailable";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ActionButton } from "@/components/workloads/action-button";
import { describeGrowth } from "@/components/workloads/growth-summary";
import { cloneScenarioAction, deleteScenarioAction } from "@/lib/actions/scenarios";
import { changesForRegion, diffCatalogs } from "@/lib/catalog/diff";
import { getPricedCatalog } from "@/lib/db/catalog";
import { getScenario, type ScenarioDetail } from "@/lib/db/scenarios";
import { formatDateTime } from "@/lib/format";
import { loadPageData } from "@/lib/server/page-data";
import { priceScenario } from "@/lib/server/scenario-cost";

const loadScenario = cache((id: string) => loadPageData((db) => getScenario(db, id)));

export async function generateMetadata({ params }: PageProps<"/workloads/[id]/scenarios/[scenarioId]">): Promise<Metadata> {
  const result = await loadScenario((await params).scenarioId);
  return { title: result.ok && result.data ? result.data.name : "Scenario" };
}

/**
 * The projection, priced with the FinOps-priced catalog the scenario was last priced with (the
 * current one when none is recorded, or the recorded one no longer exists): the slow part,
 * streamed in under a skeleton. When prices moved since, a notice lists what changed.
 */
async function ScenarioProjection({ scenario }: { scenario: ScenarioDetail }) {
  const result = await loadPageData(async (db) => {
    const current = await getPricedCatalog(db);
    const recordedVersion = scenario.pricedCatalogVersion;
    const recorded = recordedVersion && recordedVersion !== current.version ? await getPricedCatalog(db, { version: recordedVersion }) : null;
    return { current, recorded };
  });
  if (!result.ok) return <DatabaseUnavailable message={result.message} retryHref={`/workloads/${scenario.workloadId}/scenarios/${scenario.id}`} />;
  const { current, recorded } = result.data;
  const cost = priceScenario(scenario.workload.spec, scenario.spec, recorded ?? current);
  const allChanges = recorded ? diffCatalogs(recorded.catalog, current.catalog) : [];
  // Only prices this scenario uses matter; when none moved, its figures are the current ones.
  const changes = cost.kind === "priced" ? changesForRegion(allChanges, cost.where) : allChanges;
  return (
    <>
      {recorded && changes.length > 0 ? (
        <RepricingNotice scenarioId={scenario.id} pricedWith={recorded.version} current={current.version} changes={changes} />
      ) : null}
      <ProjectionView cost={cost} />
    </>
  );
}

export default async function ScenarioPage({ params }: PageProps<"/workloads/[id]/scenarios/[scenarioId]">) {
  const { id, scenarioId } = await params;
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
            <ActionButton action={cloneScenarioAction.bind(null, scenarioId)}>Clone</ActionButton>
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
        <Badge>{`${spec.zones} zones`}</Badge>
        <span className="text-slate-400">· updated {formatDateTime(scenario.updatedAt)} · version {scenario.version}</span>
      </div>
      <Suspense fallback={<ProjectionSkeleton />}>
        <ScenarioProjection scenario={scenario} />
      </Suspense>
    </>
  );
}
