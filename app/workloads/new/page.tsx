import type { Metadata } from "next";
import { Breadcrumb, workloadTrail } from "@/components/shell/breadcrumb";

import { DatabaseUnavailable } from "@/components/shell/database-unavailable";
import { PageHeader } from "@/components/shell/page-header";
import { RoleRefusal } from "@/components/shell/role-refusal";
import { WorkloadForm } from "@/components/workloads/workload-form";
import { createWorkloadAction } from "@/lib/actions/workloads";
import { newWorkloadInput } from "@/lib/forms/workload-form";
import { loadPageAccess } from "@/lib/services/page-data";

export const metadata: Metadata = { title: "New workload profile" };

export default async function NewWorkloadPage() {
  const access = await loadPageAccess("workloads.write");
  if (!access.ok) return <DatabaseUnavailable message={access.message} retryHref="/workloads/new" />;
  return (
    <>
      <Breadcrumb trail={workloadTrail()} current="New profile" />
      <PageHeader
        title="New workload profile"
        description="Describe the pipeline as it runs today: its stages, traffic and SLOs. Scenarios then project it forward. Defaults come from published sizing guidance; replace them with your measurements."
      />
      {access.refusal ? (
        <RoleRefusal message={access.refusal} backHref="/workloads" backLabel="Back to workloads" />
      ) : (
        <WorkloadForm action={createWorkloadAction} initial={newWorkloadInput()} submitLabel="Create profile" />
      )}
    </>
  );
}
