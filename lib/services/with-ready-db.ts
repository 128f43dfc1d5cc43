import "server-only";

import { headers } from "next/headers";

import type { Db } from "@/lib/db/client";
import { can, refusalMessage, type Permission, type Principal } from "@/lib/policy";

import { recordAudit } from "./audit";
import { principalFromHeaders } from "./principal";
import { onReadyDb, type ReadyDbResult } from "./ready-db";

/**
 * What a server action is about to do: the permission lib/policy must grant, and what the audit
 * log says was changed (`target`, e.g. `workload:<id>`; `detail`, e.g. the submitted fields).
 */
export type WriteAccess = { permission: Permission; target: string; detail?: Record<string, unknown> };

/** What a write may add to its audit event: the entity's version (or state) before and after. */
export type AuditVersions = { before?: unknown; after?: unknown };

/** The outcomes services report as `{ kind }` (a workload's own `kind`, e.g. "streaming", is not one). */
const OUTCOME_KINDS = new Set(["ok", "created", "updated", "conflict", "not_found", "not-found", "not-set", "invalid", "empty", "needs-confirmation", "already-current"]);

/** The outcome a service reported (`{ kind: "conflict" }`, …), for the audit log. */
function outcomeOf(value: unknown): string {
  if (value === null || value === undefined || value === false) return "nothing to change";
  if (typeof value === "object" && "kind" in value && typeof value.kind === "string" && OUTCOME_KINDS.has(value.kind)) return value.kind;
  return "done";
}

/**
 * The one wrapper of every server action's writes. It resolves the caller from the request's
 * session (lib/services/principal.ts); an anonymous caller or one whose role lacks
 * `access.permission` gets the policy's sentence ("Your role (viewer) cannot …") and nothing
 * runs. Otherwise `write` runs on the ready database with the actor, and an audit event records
 * who did it. An unreachable database becomes a message the form shows ("Nothing was saved: …"),
 * never an error page; other errors still throw. The client is the app's own, so the action can
 * open a transaction (`prisma.$transaction`) and pass its `tx` to the lib/db functions.
 */
export async function withReadyDb<T>(
  access: WriteAccess,
  write: (prisma: Db["prisma"], actor: Principal, audit: AuditVersions) => Promise<T>,
): Promise<ReadyDbResult<T>> {
  const requestHeaders = await headers();
  const result = await onReadyDb("action", async (prisma): Promise<ReadyDbResult<T>> => {
    const actor = await principalFromHeaders(prisma, requestHeaders);
    if (!actor) return { ok: false, message: "Your session has ended: sign in again to make changes. Nothing was saved." };
    if (!can(actor, access.permission)) return { ok: false, message: `${refusalMessage(actor, access.permission)} Nothing was saved.` };
    const versions: AuditVersions = {};
    const value = await write(prisma, actor, versions);
    await recordAudit(prisma, actor, { action: access.permission, target: access.target, detail: { ...access.detail, outcome: outcomeOf(value) }, ...versions });
    return { ok: true, value };
  });
  if (!result.ok) return { ok: false, message: `Nothing was saved: ${result.message}` };
  return result.value;
}
