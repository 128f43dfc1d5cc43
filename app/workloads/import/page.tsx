import type { Metadata } from "next";
import Link from "next/link";

import { PageHeader } from "@/components/shell/page-header";
import { ImportForm } from "@/components/workloads/import-form";

export const metadata: Metadata = { title: "Import a workload profile" };

export default function ImportWorkloadPage() {
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm text-slate-500">
        <Link href="/workloads" className="hover:underline">
          Workloads
        </Link>{" "}
        / <span aria-current="page">Import</span>
      </nav>
      <PageHeader
        title="Import a workload profile"
        description="Bring in a profile and its scenarios from a JSON file exported by Headroom, e.g. one kept in git. The import creates a new profile; it never overwrites one."
      />
      <ImportForm />
    </>
  );
}
