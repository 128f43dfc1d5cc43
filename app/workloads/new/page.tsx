import type { Metadata } from "next";
import { Breadcrumb, workloadTrail } from "@/components/shell/breadcrumb";

import { PageHeader } from "@/components/shell/page-header";
import { WorkloadForm } from "@/components/workloads/workload-form";
import { createWorkloadAction } from "@/lib/actions/workloads";
import { newWorkloadInput } from "@/lib/forms/workload-form";

export const metadata: Metadata = { title: "New workload profile" };

export default function NewWorkloadPage() {
  return (
    <>
      <Breadcrumb trail={workloadTrail()} current="New profile" />
      <PageHeader
        title="New workload profile"
        description="Describe the pipeline as it runs today: its stages, traffic and SLOs. Scenarios then project it forward. Defaults come from published sizing guidance; replace them with your measurements."
      />
      <WorkloadForm action={createWorkloadAction} initial={newWorkloadInput()} submitLabel="Create profile" />
    </>
  );
}
