import type { Metadata } from "next";

import { ApiTokenForm } from "@/components/admin/api-token-form";
import { DatabaseUnavailable } from "@/components/shell/database-unavailable";
import { PageHeader } from "@/components/shell/page-header";
import { RoleRefusal } from "@/components/shell/role-refusal";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableCell, TableHead } from "@/components/ui/table";
import { ActionButton } from "@/components/workloads/action-button";
import { revokeApiTokenAction } from "@/lib/actions/admin";
import { formatDateTime } from "@/lib/format";
import { can, refusalMessage } from "@/lib/policy";
import { listApiTokens } from "@/lib/services/api-tokens";
import { loadPageData } from "@/lib/services/page-data";

export const metadata: Metadata = { title: "API tokens" };

/** Admins create, list and revoke the tokens pipelines use on /api/v1. */
export default async function ApiTokensPage() {
  const result = await loadPageData(async (db, principal) => (can(principal, "admin") ? listApiTokens(db) : null));
  const header = (
    <PageHeader
      title="API tokens"
      description={
        <>
          Credentials for pipelines and scripts: <code>Authorization: Bearer &lt;token&gt;</code> on /api/v1. A read token only reads; a write token acts with its creator’s role. Only a hash is stored.
        </>
      }
    />
  );
  if (!result.ok) return <>{header}<DatabaseUnavailable message={result.message} retryHref="/admin/tokens" /></>;
  if (result.data === null) return <>{header}<RoleRefusal message={refusalMessage(result.principal, "admin")} backHref="/" backLabel="Back to the portfolio" /></>;
  const now = new Date();
  return (
    <>
      {header}
      <Card className="mb-6">
        <CardHeader>
          <CardTitle>New token</CardTitle>
          <CardDescription>The token is shown once, right after it is created. Store it in your CI’s secrets.</CardDescription>
        </CardHeader>
        <CardContent>
          <ApiTokenForm />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Tokens</CardTitle>
        </CardHeader>
        <CardContent className="overflow-x-auto px-0 py-0">
          {result.data.length === 0 ? (
            <p className="px-5 py-4 text-sm text-slate-600">No tokens yet.</p>
          ) : (
            <Table>
              <thead>
                <tr>
                  <TableHead>Name</TableHead>
                  <TableHead>Token</TableHead>
                  <TableHead>Scope</TableHead>
                  <TableHead>Created</TableHead>
                  <TableHead>Expires</TableHead>
                  <TableHead>Last used</TableHead>
                  <TableHead>State</TableHead>
                </tr>
              </thead>
              <tbody>
                {result.data.map((token) => (
                  <tr key={token.id} className="border-t border-slate-100">
                    <TableCell>{token.name}</TableCell>
                    <TableCell>
                      <code>{token.prefix}…</code>
                    </TableCell>
                    <TableCell>
                      {token.scope} ({token.role})
                    </TableCell>
                    <TableCell>
                      {formatDateTime(token.createdAt)} by {token.createdBy}
                    </TableCell>
                    <TableCell>{formatDateTime(token.expiresAt)}</TableCell>
                    <TableCell>{token.lastUsedAt ? formatDateTime(token.lastUsedAt) : "never"}</TableCell>
                    <TableCell>
                      {token.revokedAt ? (
                        `Revoked ${formatDateTime(token.revokedAt)}`
                      ) : token.expiresAt <= now ? (
                        "Expired"
                      ) : (
                        <ActionButton
                          action={revokeApiTokenAction.bind(null, token.id)}
                          variant="destructive"
                          confirm={{ title: `Revoke ${token.name}?`, description: "Requests with this token will get 401 at once. This cannot be undone.", confirmLabel: "Revoke" }}
                        >
                          Revoke {token.name}
                        </ActionButton>
                      )}
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
