import { Layers, Plus, Search, Upload } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { DatabaseUnavailable } from "@/components/shell/database-unavailable";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { ActionButton } from "@/components/workloads/action-button";
import { Pagination } from "@/components/ui/pagination";
import { listHref, WorkloadTable } from "@/components/workloads/workload-table";
import { restoreWorkloadAction } from "@/lib/actions/workloads";
import { listWorkloads } from "@/lib/services/workloads";
import { firstValues, WorkloadListParamsSchema } from "@/lib/forms/list-params";
import { loadPageData } from "@/lib/services/page-data";

export const metadata: Metadata = { title: "Workloads" };

export default async function WorkloadsPage({ searchParams }: PageProps<"/workloads">) {
  const params = WorkloadListParamsSchema.parse(firstValues(await searchParams));
  const result = await loadPageData((db) =>
    listWorkloads(db, { query: params.q, sort: params.sort, direction: params.dir, page: params.page, pageSize: params.size }),
  );

  return (
    <>
      <PageHeader
        title="Workloads"
        description="Each workload profile describes one data pipeline — its stages, traffic, SLOs and retention — and holds the scenarios that project it forward. Nodes and cost are month 0 of each profile's plan of record — every component (compute at its spot and commitment mix, storage, network, DR) — read from the same stored plan its scenario page shows."
        actions={
          <div className="flex gap-2">
            <Button asChild variant="outline">
              <Link href="/workloads/import">
                <Upload aria-hidden />
                Import
              </Link>
            </Button>
            <Button asChild>
              <Link href="/workloads/new">
                <Plus aria-hidden />
                New profile
              </Link>
            </Button>
          </div>
        }
      />
      {params.deleted ? (
        <div role="status" className="mb-4 flex items-center justify-between gap-4 rounded-md border border-slate-300 bg-slate-50 px-4 py-2 text-sm text-slate-800">
          <span>The profile was deleted, with its scenarios.</span>
          <ActionButton action={restoreWorkloadAction.bind(null, params.deleted)}>Undo</ActionButton>
        </div>
      ) : null}
      <form role="search" action="/workloads" className="mb-4 flex max-w-xl gap-2">
        <label htmlFor="workload-search" className="sr-only">
          Search workloads by name, team or tag
        </label>
        <Input id="workload-search" name="q" type="search" defaultValue={params.q} placeholder="Search by name, team or tag" />
        {params.sort !== "updatedAt" ? <input type="hidden" name="sort" value={params.sort} /> : null}
        <Button type="submit" variant="outline">
          <Search aria-hidden />
          Search
        </Button>
      </form>
      {!result.ok ? (
        <DatabaseUnavailable message={result.message} retryHref={listHref(params, {})} />
      ) : result.data.total === 0 ? (
        params.q ? (
          <EmptyState
            icon={Search}
            title={`No workloads match “${params.q}”`}
            action={
              <Button asChild variant="outline">
                <Link href="/workloads">Clear the search</Link>
              </Button>
            }
          >
            Search looks at names, teams and tags.
          </EmptyState>
        ) : (
          <EmptyState icon={Layers} title="No workload profiles yet">
            A workload profile describes a pipeline: its stages, traffic, latency SLO, retention and replication. Demo profiles
            are seeded into an empty database unless <code>HEADROOM_SEED_DEMO=0</code>.
          </EmptyState>
        )
      ) : (
        <Card>
          <WorkloadTable rows={result.data.rows} params={params} />
          <div className="px-3 pb-3">
            <Pagination
              noun={["profile", "profiles"]}
              page={result.data.page}
              pageCount={result.data.pageCount}
              total={result.data.total}
              hrefFor={(page) => listHref(params, { page })}
            />
          </div>
        </Card>
      )}
    </>
  );
}
