import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { DatabaseUnavailable } from "@/components/shell/database-unavailable";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableCell, TableHead } from "@/components/ui/table";
import { describeGrowth } from "@/components/workloads/growth-summary";
import { StageList } from "@/components/workloads/stage-list";
import { getWorkload } from "@/lib/db/workloads";
import { formatDateTime } from "@/lib/format";
import { loadPageData } from "@/lib/server/page-data";

/** One load per request, shared by the metadata and the page. */
const loadWorkload = cache((id: string) => loadPageData((db) => getWorkload(db, id)));

export async function generateMetadata({ params }: PageProps<"/workloads/[id]">): Promise<Metadata> {
  const result = await loadWorkload((await params).id);
  return { title: result.ok && result.data ? result.data.name : "Workload" };
}

export default async function WorkloadPage({ params }: PageProps<"/workloads/[id]">) {
  const { id } = await params;
  const result = await loadWorkload(id);
  if (!result.ok) return <DatabaseUnavailable message={result.message} retryHref={`/workloads/${id}`} />;
  const workload = result.data;
  if (!workload) notFound();

  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm text-slate-500">
        <Link href="/workloads" className="hover:underline">
          Workloads
        </Link>{" "}
        / <span aria-current="page">{workload.name}</span>
      </nav>
      <PageHeader title={workload.name} description={workload.description || undefined} />
      <div className="mb-6 flex flex-wrap items-center gap-2 text-sm text-slate-600">
        <Badge tone={workload.kind === "streaming" ? "info" : "neutral"}>{workload.kind}</Badge>
        {workload.team ? <span>Team {workload.team}</span> : null}
        {workload.tags.map((tag) => (
          <Badge key={tag}>{tag}</Badge>
        ))}
        <span className="text-slate-400">· updated {formatDateTime(workload.updatedAt)} · version {workload.version}</span>
      </div>
      <div className="grid gap-6">
        <Card>
          <CardHeader>
            <CardTitle>Pipeline</CardTitle>
            <CardDescription>Each stage is sized by its own model and runs on its own node group.</CardDescription>
          </CardHeader>
          <CardContent>
            <StageList stages={workload.spec.stages} />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Scenarios</CardTitle>
            <CardDescription>Futures to test against this pipeline: growth, horizon and instance choice.</CardDescription>
          </CardHeader>
          {workload.scenarios.length === 0 ? (
            <CardContent className="text-sm text-slate-600">No scenarios yet.</CardContent>
          ) : (
            <Table aria-label="Scenarios">
              <thead>
                <tr>
                  <TableHead>Name</TableHead>
                  <TableHead>Growth</TableHead>
                  <TableHead>Horizon</TableHead>
                  <TableHead>Instances</TableHead>
                </tr>
              </thead>
              <tbody>
                {workload.scenarios.map((scenario) => (
                  <tr key={scenario.id}>
                    <TableCell>
                      <span className="font-medium">{scenario.name}</span>
                      {scenario.description ? <p className="text-xs text-slate-500">{scenario.description}</p> : null}
                    </TableCell>
                    <TableCell>{describeGrowth(scenario.spec.growth)}</TableCell>
                    <TableCell className="whitespace-nowrap">
                      {scenario.spec.horizonMonths} months from {scenario.spec.startMonth}
                    </TableCell>
                    <TableCell>
                      {scenario.spec.instance.mode === "cheapest" ? "Cheapest that fits" : scenario.spec.instance.instanceType}
                    </TableCell>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
        </Card>
      </div>
    </>
  );
}
