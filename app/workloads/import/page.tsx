import type { Metadata } from "next";
import { Breadcrumb, workloadTrail } from "@/components/shell/breadcrumb";

import { DatabaseUnavailable } from "@/components/shell/database-unavailable";
import { PageHeader } from "@/components/shell/page-header";
import { RoleRefusal } from "@/components/shell/role-refusal";
import { ImportForm } from "@/components/workloads/import-form";
import { loadPageAccess } from "@/lib/services/page-data";

export const metadata: Metadata = { title: "Import a workload profile" };

export default async function ImportWorkloadPage() {
  const access = await loadPageAccess("workloads.write");
  if (!access.ok) return <DatabaseUnavailable message={access.message} retryHref="/workloads/import" />;
  return (
    <>
      <Breadcrumb trail={workloadTrail()} current="Import" />
      <PageHeader
        title="Import a workload profile"
        description="Bring in a profile and its scenarios from a JSON file exported by Headroom, e.g. one kept in git. The import creates a new profile; it never overwrites one."
      />
      {access.refusal ? <RoleRefusal message={access.refusal} backHref="/workloads" backLabel="Back to workloads" /> : <ImportForm />}
    </>
  );
}
