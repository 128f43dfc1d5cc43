import { ArrowDown, ArrowUp } from "lucide-react";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { NumericCell, Table, TableCell, TableHead } from "@/components/ui/table";
import type { WorkloadSort, WorkloadSummary } from "@/lib/services/workloads";
import { formatCompact, formatDateTime, formatInteger, formatUsd } from "@/lib/format";
import type { WorkloadListParams } from "@/lib/forms/list-params";

type Column = { sort?: WorkloadSort; label: string; numeric?: boolean };

const COLUMNS: Column[] = [
  { sort: "name", label: "Name" },
  { sort: "team", label: "Team" },
  { label: "Kind" },
  { label: "Tags" },
  { sort: "peakEventsPerSec", label: "Peak events/s", numeric: true },
  { label: "Nodes, month 0", numeric: true },
  { sort: "headlineCostUsdPerMonth", label: "Month-0 total (USD/month)", numeric: true },
  { label: "Scenarios", numeric: true },
  { sort: "updatedAt", label: "Updated" },
];

/** The direction a sort starts in: A→Z for text, biggest/newest first for figures and dates. */
function defaultDirection(sort: WorkloadSort): "asc" | "desc" {
  return sort === "name" || sort === "team" ? "asc" : "desc";
}

export function listHref(params: WorkloadListParams, change: Partial<WorkloadListParams>): string {
  const next = { ...params, ...change };
  const search = new URLSearchParams();
  if (next.q) search.set("q", next.q);
  if (next.sort !== "updatedAt") search.set("sort", next.sort);
  if (next.dir && next.dir !== defaultDirection(next.sort)) search.set("dir", next.dir);
  if (next.page > 1) search.set("page", String(next.page));
  if (next.size !== 20) search.set("size", String(next.size));
  const query = search.toString();
  return query ? `/workloads?${query}` : "/workloads";
}

function SortHeader({ column, params }: { column: Column; params: WorkloadListParams }) {
  if (!column.sort) return <TableHead className={column.numeric ? "text-right" : undefined}>{column.label}</TableHead>;
  const active = params.sort === column.sort;
  const direction = params.dir ?? defaultDirection(params.sort);
  const nextDirection = active ? (direction === "asc" ? "desc" : "asc") : defaultDirection(column.sort);
  const Icon = direction === "asc" ? ArrowUp : ArrowDown;
  return (
    <TableHead
      aria-sort={active ? (direction === "asc" ? "ascending" : "descending") : "none"}
      className={column.numeric ? "text-right" : undefined}
    >
      <Link
        href={listHref(params, { sort: column.sort, dir: nextDirection, page: 1 })}
        className="inline-flex items-center gap-1 hover:text-slate-900"
      >
        {column.label}
        {active ? <Icon className="size-3" aria-hidden /> : null}
      </Link>
    </TableHead>
  );
}

/**
 * The plan of record's month-0 total, read from its stored plan (the scenario page shows the same
 * figure), marked when the plan is incomplete or being recomputed.
 */
function HeadlineCost({ headline, workloadId }: { headline: WorkloadSummary["headline"]; workloadId: string }) {
  if (!headline) return <span className="text-slate-500">no scenario yet</span>;
  if (headline.totalUsdPerMonth === null) return <span className="text-slate-500">not priced</span>;
  return (
    <span className="inline-flex flex-col items-end">
      <Link href={`/workloads/${workloadId}/scenarios/${headline.scenarioId}`} className="hover:underline" title={`Plan of record: ${headline.scenarioName}`}>
        {formatUsd(headline.totalUsdPerMonth)}
      </Link>
      {!headline.complete ? <span className="text-xs text-amber-800">incomplete</span> : null}
      {headline.stale ? <span className="text-xs text-slate-500">updating…</span> : null}
      {!headline.stale && (headline.bandsStatus === "pending" || headline.bandsStatus === "running") ? (
        <span className="text-xs text-slate-500" title="Provisional: the likely case, until the Monte Carlo bands (and a P10 commitment ladder) are computed">
          provisional
        </span>
      ) : null}
    </span>
  );
}

/** The workloads list: one row per profile with its headline figures. */
export function WorkloadTable({ rows, params }: { rows: WorkloadSummary[]; params: WorkloadListParams }) {
  return (
    <Table aria-label="Workload profiles">
      <thead>
        <tr>
          {COLUMNS.map((column) => (
            <SortHeader key={column.label} column={column} params={params} />
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id} className="hover:bg-slate-50">
            <TableCell>
              <Link href={`/workloads/${row.id}`} className="font-medium text-sky-800 hover:underline">
                {row.name}
              </Link>
              {row.description ? <p className="mt-0.5 line-clamp-1 max-w-md text-xs text-slate-500">{row.description}</p> : null}
            </TableCell>
            <TableCell>{row.team || <span className="text-slate-500">—</span>}</TableCell>
            <TableCell>
              <Badge tone={row.kind === "streaming" ? "info" : "neutral"}>{row.kind}</Badge>
            </TableCell>
            <TableCell>
              <div className="flex flex-wrap gap-1">
                {row.tags.map((tag) => (
                  <Badge key={tag}>{tag}</Badge>
                ))}
              </div>
            </TableCell>
            <NumericCell>{row.peakEventsPerSec === null ? "—" : formatCompact(row.peakEventsPerSec)}</NumericCell>
            <NumericCell>{row.headline?.nodes == null ? "—" : formatInteger(row.headline.nodes)}</NumericCell>
            <NumericCell>
              <HeadlineCost headline={row.headline} workloadId={row.id} />
            </NumericCell>
            <NumericCell>{row.scenarioCount}</NumericCell>
            <TableCell className="whitespace-nowrap text-slate-600">{formatDateTime(row.updatedAt)}</TableCell>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
