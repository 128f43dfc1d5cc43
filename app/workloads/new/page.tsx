import type { Metadata } from "next";
import Link from "next/link";

import { PageHeader } from "@/components/shell/page-header";
import { WorkloadForm } from "@/components/workloads/workload-form";
import { createWorkloadAction } from "@/lib/actions/workloads";
import { newWorkloadInput } from "@/lib/schemas/workload";

export const metadata: Metadata = { title: "New workload profile" };

export default function NewWorkloadPage() {
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm text-slate-500">
        <Link href="/workloads" className="hover:underline">
          Workloads
        </Link>{" "}
        / <span aria-current="page">New profile</span>
      </nav>
      <PageHeader
        title="New workload profile"
        description="Describe the pipeline as it runs today: its stages, traffic and SLOs. Scenarios then project it forward. Defaults come from published sizing guidance; replace them with your measurements."
      />
      <WorkloadForm action={createWorkloadAction} initial={newWorkloadInput()} submitLabel="Create profile" />
    </>
  );
}
