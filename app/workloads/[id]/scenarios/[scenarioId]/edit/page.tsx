import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { Breadcrumb, workloadTrail } from "@/components/shell/breadcrumb";
import { ScenarioForm } from "@/components/scenarios/scenario-form";
import { DatabaseUnavailable } from "@/components/shell/database-unavailable";
import { PageHeader } from "@/components/shell/page-header";
import { RoleRefusal } from "@/components/shell/role-refusal";
import { updateScenarioAction } from "@/lib/actions/scenarios";
import { getPricedCatalog } from "@/lib/services/catalog";
import { getScenario } from "@/lib/services/scenarios";
import { instanceOptionsOf } from "@/lib/forms/scenario-form";
import { can, refusalMessage } from "@/lib/policy";
import { loadPageData } from "@/lib/services/page-data";

export const metadata: Metadata = { title: "Edit scenario" };

export default async function EditScenarioPage({ params }: PageProps<"/workloads/[id]/scenarios/[scenarioId]/edit">) {
  const { id, scenarioId } = await params;
  const result = await loadPageData(async (db) => ({ scenario: await getScenario(db, scenarioId), priced: await getPricedCatalog(db) }));
  if (!result.ok) return <DatabaseUnavailable message={result.message} retryHref={`/workloads/${id}/scenarios/${scenarioId}/edit`} />;
  const { scenario, priced } = result.data;
  if (!scenario || scenario.workloadId !== id) notFound();
  const snapshot = { name: scenario.name, description: scenario.description, spec: scenario.spec };

  return (
    <>
      <Breadcrumb trail={workloadTrail(scenario.workload, scenario)} current="Edit" />
      <PageHeader title={`Edit ${scenario.name}`} description={`Version ${scenario.version}. Rename it here too. If someone else saves first, you will see what they changed before anything is overwritten.`} />
      {can(result.principal, "workloads.write") ? (
        <ScenarioForm
          action={updateScenarioAction}
          initial={snapshot}
          stages={scenario.workload.spec.stages}
          instances={instanceOptionsOf(priced.catalog.instanceTypes)}
          submitLabel="Save scenario"
          workloadId={scenario.workloadId}
          edit={{ id: scenario.id, version: scenario.version, loaded: JSON.stringify(snapshot) }}
        />
      ) : (
        <RoleRefusal message={refusalMessage(result.principal, "workloads.write")} backHref={`/workloads/${id}/scenarios/${scenarioId}`} backLabel={`Back to ${scenario.name}`} />
      )}
    </>
  );
}
