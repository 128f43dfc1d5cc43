import type { Metadata } from "next";
import { Breadcrumb, workloadTrail } from "@/components/shell/breadcrumb";
import { notFound } from "next/navigation";

import { DatabaseUnavailable } from "@/components/shell/database-unavailable";
import { PageHeader } from "@/components/shell/page-header";
import { RoleRefusal } from "@/components/shell/role-refusal";
import { WorkloadForm } from "@/components/workloads/workload-form";
import { updateWorkloadAction } from "@/lib/actions/workloads";
import { getWorkload } from "@/lib/services/workloads";
import { workloadSnapshot } from "@/lib/forms/workload-form";
import { can, refusalMessage } from "@/lib/policy";
import { loadPageData } from "@/lib/services/page-data";

export const metadata: Metadata = { title: "Edit workload profile" };

export default async function EditWorkloadPage({ params }: PageProps<"/workloads/[id]/edit">) {
  const { id } = await params;
  const result = await loadPageData((db) => getWorkload(db, id));
  if (!result.ok) return <DatabaseUnavailable message={result.message} retryHref={`/workloads/${id}/edit`} />;
  const workload = result.data;
  if (!workload) notFound();
  const snapshot = workloadSnapshot(workload);

  return (
    <>
      <Breadcrumb trail={workloadTrail(workload)} current="Edit" />
      <PageHeader title={`Edit ${workload.name}`} description={`Version ${workload.version}. If someone else saves first, you will see what they changed before anything is overwritten.`} />
      {can(result.principal, "workloads.write") ? (
        <WorkloadForm
          action={updateWorkloadAction}
          initial={snapshot}
          submitLabel="Save profile"
          edit={{ id, version: workload.version, loaded: JSON.stringify(snapshot) }}
        />
      ) : (
        <RoleRefusal message={refusalMessage(result.principal, "workloads.write")} backHref={`/workloads/${id}`} backLabel={`Back to ${workload.name}`} />
      )}
    </>
  );
}
