import type { Metadata } from "next";

import { DatabaseUnavailable } from "@/components/shell/database-unavailable";
import { PageHeader } from "@/components/shell/page-header";
import { RoleRefusal } from "@/components/shell/role-refusal";
import { Card, CardContent } from "@/components/ui/card";
import { Table, TableCell, TableHead } from "@/components/ui/table";
import { formatDateTime } from "@/lib/format";
import { can, refusalMessage } from "@/lib/policy";
import { listAuditEvents } from "@/lib/services/audit";
import { loadPageData } from "@/lib/services/page-data";

export const metadata: Metadata = { title: "Audit log" };

/** Compact JSON for a table cell; nothing for an absent value. */
function shown(value: unknown): string {
  return value === null || value === undefined ? "" : JSON.stringify(value);
}

/** Who changed what and when: the newest 200 writes, actor from the session or token. */
export default async function AuditLogPage() {
  const result = await loadPageData(async (db, principal) => (can(principal, "admin") ? listAuditEvents(db, { limit: 200 }) : null));
  const header = <PageHeader title="Audit log" description="Every change made in the app or through the API, newest first: who (the signed-in user or API token), what, and the version before and after." />;
  if (!result.ok) return <>{header}<DatabaseUnavailable message={result.message} retryHref="/admin/audit" /></>;
  if (result.data === null) return <>{header}<RoleRefusal message={refusalMessage(result.principal, "admin")} backHref="/" backLabel="Back to the portfolio" /></>;
  return (
    <>
      {header}
      <Card>
        <CardContent className="overflow-x-auto px-0 py-0">
          {result.data.length === 0 ? (
            <p className="px-5 py-4 text-sm text-slate-600">Nothing has been changed yet.</p>
          ) : (
            <Table>
              <thead>
                <tr>
                  <TableHead>When</TableHead>
                  <TableHead>Who</TableHead>
                  <TableHead>Permission</TableHead>
                  <TableHead>What</TableHead>
                  <TableHead>Before</TableHead>
                  <TableHead>After</TableHead>
                  <TableHead>Details</TableHead>
                </tr>
              </thead>
              <tbody>
                {result.data.map((event) => (
                  <tr key={event.id} className="border-t border-slate-100 align-top">
                    <TableCell>{formatDateTime(event.at)}</TableCell>
                    <TableCell>{event.actorLabel}</TableCell>
                    <TableCell>{event.action}</TableCell>
                    <TableCell>
                      <code className="break-all">{event.target}</code>
                    </TableCell>
                    <TableCell>
                      <code className="break-all text-xs">{shown(event.before)}</code>
                    </TableCell>
                    <TableCell>
                      <code className="break-all text-xs">{shown(event.after)}</code>
                    </TableCell>
                    <TableCell>
                      <code className="break-all text-xs">{shown(event.detail)}</code>
                    </TableCell>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
        </CardContent>
      </Card>
    </>
  );
}
