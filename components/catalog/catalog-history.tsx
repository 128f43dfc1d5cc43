import Link from "next/link";

import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { NumericCell, Table, TableCell, TableHead } from "@/components/ui/table";
import type { PriceChange } from "@/lib/catalog/diff";
import type { CatalogVersionSummary, OverrideHistoryEntry } from "@/lib/services/catalog";
import { formatDateTime } from "@/lib/format";

import { PriceChangesTable } from "./price-changes-table";

function describeValue(entry: OverrideHistoryEntry): string {
  if (entry.value === null) return "list price restored";
  if (entry.kind === "providerDiscount") return `${Number((Number(entry.value) * 100).toFixed(4))} % off on-demand`;
  return `${entry.value} ${entry.currency ?? ""}`.trim();
}

/** Every override change, newest first: who, when, what and why. */
export function OverrideHistory({ entries }: { entries: OverrideHistoryEntry[] }) {
  return (
    <Card aria-labelledby="override-history-title">
      <CardHeader>
        <CardTitle id="override-history-title">Override history</CardTitle>
        <CardDescription>Each change is a revision; a projection priced at revision N can be priced again exactly.</CardDescription>
      </CardHeader>
      <CardContent>
        {entries.length === 0 ? (
          <p className="text-sm text-slate-600">No override has been set yet: every price is the catalog&apos;s list price.</p>
        ) : (
          <Table aria-label="Override history">
            <thead>
              <tr>
                <TableHead className="text-right">Revision</TableHead>
                <TableHead>When</TableHead>
                <TableHead>Who</TableHead>
                <TableHead>What</TableHead>
                <TableHead>Value</TableHead>
                <TableHead>Reason</TableHead>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.revision}>
                  <NumericCell>{entry.revision}</NumericCell>
                  <TableCell className="whitespace-nowrap">{formatDateTime(entry.createdAt)}</TableCell>
                  <TableCell>{entry.actor}</TableCell>
                  <TableCell className="whitespace-nowrap">
                    <Badge tone={entry.action === "reset" ? "neutral" : "info"}>{entry.action}</Badge>{" "}
                    {entry.kind === "providerDiscount" ? `${entry.provider.toUpperCase()} discount` : <span className="font-mono">{entry.itemId}</span>}
                  </TableCell>
                  <TableCell className="tabular-nums">{describeValue(entry)}</TableCell>
                  <TableCell>{entry.reason}</TableCell>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
}


/** How many changed prices the page lists before saying "and N more". */
const DIFF_ROWS_SHOWN = 50;

/** Catalog versions, newest (current) first, and the list prices that changed since a chosen one. */
export function CatalogVersions({
  versions,
  since,
  changes,
}: {
  versions: CatalogVersionSummary[];
  since: string | undefined;
  changes: PriceChange[] | null;
}) {
  const current = versions[0]?.version;
  return (
    <Card aria-labelledby="catalog-versions-title">
      <CardHeader>
        <CardTitle id="catalog-versions-title">Catalog versions</CardTitle>
        <CardDescription>The newest version is the current catalog. Compare an older one to see which list prices changed since.</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        <Table aria-label="Catalog versions">
          <thead>
            <tr>
              <TableHead>Version</TableHead>
              <TableHead>From</TableHead>
              <TableHead>By</TableHead>
              <TableHead>When</TableHead>
              <TableHead className="text-right">Items</TableHead>
              <TableHead>
                <span className="sr-only">Compare</span>
              </TableHead>
            </tr>
          </thead>
          <tbody>
            {versions.map((v) => (
              <tr key={v.version}>
                <TableCell className="font-mono">
                  {v.version} {v.version === current ? <Badge tone="success">current</Badge> : null}
                </TableCell>
                <TableCell>{v.origin === "csvImport" ? `CSV import: ${v.note}` : v.note}</TableCell>
                <TableCell>{v.createdBy}</TableCell>
                <TableCell className="whitespace-nowrap">{formatDateTime(v.createdAt)}</TableCell>
                <NumericCell>{v.itemCount}</NumericCell>
                <TableCell>
                  {v.version === current ? null : (
                    <Link className="text-sky-800 hover:underline" href={{ pathname: "/catalog", query: { since: v.version } }}>
                      Prices changed since
                    </Link>
                  )}
                </TableCell>
              </tr>
            ))}
          </tbody>
        </Table>
        {since === undefined ? null : changes === null ? (
          <p role="alert" className="text-sm text-red-700">
            There is no catalog version {since} to compare with.
          </p>
        ) : (
          <section aria-labelledby="price-diff-title" className="flex flex-col gap-2">
            <h3 id="price-diff-title" className="text-sm font-semibold text-slate-900">
              List prices changed since {since}: {changes.length === 0 ? "none" : changes.length}
            </h3>
            {changes.length > 0 ? <PriceChangesTable changes={changes} label={`Prices changed since ${since}`} limit={DIFF_ROWS_SHOWN} /> : null}
          </section>
        )}
      </CardContent>
    </Card>
  );
}
