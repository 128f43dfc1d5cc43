import { GitCompareArrows } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { DatabaseUnavailable } from "@/components/shell/database-unavailable";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableCell, TableHead } from "@/components/ui/table";
import { listScenarios } from "@/lib/services/scenarios";
import { formatDateTime } from "@/lib/format";
import { loadPageData } from "@/lib/services/page-data";

export const metadata: Metadata = { title: "Scenarios" };

export default async function ScenariosPage() {
  const result = await loadPageData((db) => listScenarios(db, { sort: "workloadName", pageSize: 100 }));
  return (
    <>
      <PageHeader
        title="Scenarios"
        description="Every scenario across all workloads: a growth path, a horizon and an instance choice to project a pipeline forward."
      />
      {!result.ok ? (
        <DatabaseUnavailable message={result.message} retryHref="/scenarios" />
      ) : result.data.total === 0 ? (
        <EmptyState icon={GitCompareArrows} title="No scenarios yet">
          Scenarios live under a workload profile. Open a workload to see its scenarios.
        </EmptyState>
      ) : (
        <Card>
          {/* Ticked rows open /compare?scenarios=… (app/compare/page.tsx turns the repeated parameter into one). */}
          <form action="/compare" method="get" aria-label="Compare scenarios">
          <Table aria-label="Scenarios">
            <thead>
              <tr>
                <TableHead className="w-10"><span className="sr-only">Compare</span></TableHead>
                <TableHead>Workload</TableHead>
                <TableHead>Scenario</TableHead>
                <TableHead>Kind</TableHead>
                <TableHead>Updated</TableHead>
              </tr>
            </thead>
            <tbody>
              {result.data.rows.map((row) => (
                <tr key={row.id} className="hover:bg-slate-50">
                  <TableCell>
                    <input type="checkbox" name="scenarios" value={row.id} aria-label={`Compare ${row.workloadName} / ${row.name}`} className="size-4" />
                  </TableCell>
                  <TableCell>
                    <Link href={`/workloads/${row.workloadId}`} className="text-sky-800 hover:underline">
                      {row.workloadName}
                    </Link>
                  </TableCell>
                  <TableCell>
                    <Link href={`/workloads/${row.workloadId}/scenarios/${row.id}`} className="font-medium text-sky-800 hover:underline">
                      {row.name}
                    </Link>
                    {row.description ? <p className="text-xs text-slate-500">{row.description}</p> : null}
                  </TableCell>
                  <TableCell>
                    <Badge tone={row.workloadKind === "streaming" ? "info" : "neutral"}>{row.workloadKind}</Badge>
                  </TableCell>
                  <TableCell className="whitespace-nowrap text-slate-600">{formatDateTime(row.updatedAt)}</TableCell>
                </tr>
              ))}
            </tbody>
          </Table>
          <div className="px-3 py-2">
            <Button type="submit" size="sm" variant="outline">Compare selected (2–4)</Button>
          </div>
          </form>
          {result.data.total > result.data.rows.length ? (
            <p className="px-3 py-2 text-sm text-slate-500">
              Showing {result.data.rows.length} of {result.data.total} scenarios.
            </p>
          ) : null}
        </Card>
      )}
    </>
  );
}
