import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { Breadcrumb, workloadTrail } from "@/components/shell/breadcrumb";
import { ScenarioForm } from "@/components/scenarios/scenario-form";
import { DatabaseUnavailable } from "@/components/shell/database-unavailable";
import { PageHeader } from "@/components/shell/page-header";
import { RoleRefusal } from "@/components/shell/role-refusal";
import { createScenarioAction } from "@/lib/actions/scenarios";
import { getPricedCatalog } from "@/lib/services/catalog";
import { getWorkload } from "@/lib/services/workloads";
import { instanceOptionsOf, newScenarioInput } from "@/lib/forms/scenario-form";
import { can, refusalMessage } from "@/lib/policy";
import { loadPageData } from "@/lib/services/page-data";

export const metadata: Metadata = { title: "New scenario" };

export default async function NewScenarioPage({ params }: PageProps<"/workloads/[id]/scenarios/new">) {
  const { id } = await params;
  const result = await loadPageData(async (db) => ({ workload: await getWorkload(db, id), priced: await getPricedCatalog(db) }));
  if (!result.ok) return <DatabaseUnavailable message={result.message} retryHref={`/workloads/${id}/scenarios/new`} />;
  const { workload, priced } = result.data;
  if (!workload) notFound();
  // The current month, in UTC like every date the app shows.
  const startMonth = new Date().toISOString().slice(0, 7);

  return (
    <>
      <Breadcrumb trail={workloadTrail(workload)} current="New scenario" />
      <PageHeader title={`New scenario for ${workload.name}`} description="Its projection is computed when you save it." />
      {can(result.principal, "workloads.write") ? (
        <ScenarioForm
          action={createScenarioAction}
          initial={newScenarioInput(startMonth)}
          stages={workload.spec.stages}
          instances={instanceOptionsOf(priced.catalog.instanceTypes)}
          submitLabel="Create scenario"
          workloadId={workload.id}
        />
      ) : (
        <RoleRefusal message={refusalMessage(result.principal, "workloads.write")} backHref={`/workloads/${id}`} backLabel={`Back to ${workload.name}`} />
      )}
    </>
  );
}
