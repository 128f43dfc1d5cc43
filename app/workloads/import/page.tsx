import type { Metadata } from "next";
import { Breadcrumb, workloadTrail } from "@/components/shell/breadcrumb";

import { PageHeader } from "@/components/shell/page-header";
import { ImportForm } from "@/components/workloads/import-form";

export const metadata: Metadata = { title: "Import a workload profile" };

export default function ImportWorkloadPage() {
  return (
    <>
      <Breadcrumb trail={workloadTrail()} current="Import" />
      <PageHeader
        title="Import a workload profile"
        description="Bring in a profile and its scenarios from a JSON file exported by Headroom, e.g. one kept in git. The import creates a new profile; it never overwrites one."
      />
      <ImportForm />
    </>
  );
}
