import type { Metadata } from "next";
import { Breadcrumb, workloadTrail } from "@/components/shell/breadcrumb";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { DatabaseUnavailable } from "@/components/shell/database-unavailable";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableCell, TableHead } from "@/components/ui/table";
import { ActionButton } from "@/components/workloads/action-button";
import { describeGrowth } from "@/components/workloads/growth-summary";
import { StageList } from "@/components/workloads/stage-list";
import { deleteWorkloadAction, duplicateWorkloadAction } from "@/lib/actions/workloads";
import { getWorkload } from "@/lib/services/workloads";
import { formatDateTime } from "@/lib/format";
import { loadPageData } from "@/lib/services/page-data";

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
      <Breadcrumb trail={workloadTrail()} current={workload.name} />
      <PageHeader
        title={workload.name}
        description={workload.description || undefined}
        actions={
          <div className="flex flex-wrap items-start gap-2">
            <Button asChild size="sm">
              <Link href={`/workloads/${id}/edit`}>Edit profile</Link>
            </Button>
            <ActionButton action={duplicateWorkloadAction.bind(null, id)}>Duplicate</ActionButton>
            <Button asChild size="sm" variant="outline">
              <a href={`/api/v1/workloads/${id}/export`} download>
                Export JSON
              </a>
            </Button>
            <ActionButton
              action={deleteWorkloadAction.bind(null, id)}
              variant="ghost"
              confirm={{
                title: `Delete “${workload.name}”?`,
                description: `The profile and its ${workload.scenarios.length} scenario(s) disappear from every list. You can undo this from the workloads page.`,
                confirmLabel: "Delete profile",
              }}
            >
              Delete
            </ActionButton>
          </div>
        }
      />
      <div className="mb-6 flex flex-wrap items-center gap-2 text-sm text-slate-600">
        <Badge tone={workload.kind === "streaming" ? "info" : "neutral"}>{workload.kind}</Badge>
        {workload.team ? <span>Team {workload.team}</span> : null}
        {workload.tags.map((tag) => (
          <Badge key={tag}>{tag}</Badge>
        ))}
        <span className="text-slate-500">· updated {formatDateTime(workload.updatedAt)} · version {workload.version}</span>
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
          <CardHeader className="flex-row flex-wrap items-start justify-between gap-2">
            <div className="flex flex-col gap-1">
              <CardTitle>Scenarios</CardTitle>
              <CardDescription>Futures to test against this pipeline: growth, horizon and instance choice.</CardDescription>
            </div>
            <Button asChild size="sm" variant="outline">
              <Link href={`/workloads/${id}/scenarios/new`}>New scenario</Link>
            </Button>
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
                      <Link href={`/workloads/${id}/scenarios/${scenario.id}`} className="font-medium text-sky-800 hover:underline">
                        {scenario.name}
                      </Link>
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
