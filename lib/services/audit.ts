import "server-only";

/**
 * The audit log: one row per write, its actor taken from the session or API token that made it
 * (lib/services/principal.ts), never from anything the caller typed.
 */
import type { DbClient } from "@/lib/db/client";
import { principalId, principalLabel, type Principal } from "@/lib/policy";

/** Form fields never written to the log. */
const SECRET_FIELDS = /password|token|secret/i;
/** Longest value kept per field: the log explains a change, it is not a copy of the data. */
const MAX_VALUE_CHARS = 2_000;

export type AuditEntry = {
  /** The permission exercised, e.g. `workloads.write`. */
  action: string;
  /** What was changed: the server action's or route's name and the entity id when there is one. */
  target: string;
  detail?: Record<string, unknown>;
  before?: unknown;
  after?: unknown;
};

/** JSON-safe copy of a value with secrets dropped and long strings cut. */
function loggable(value: unknown): unknown {
  return JSON.parse(
    JSON.stringify(value ?? null, (key, inner: unknown) => {
      if (SECRET_FIELDS.test(key)) return undefined;
      if (typeof inner === "bigint") return inner.toString();
      if (typeof inner === "string" && inner.length > MAX_VALUE_CHARS) return `${inner.slice(0, MAX_VALUE_CHARS)}…`;
      return inner;
    }),
  );
}

export async function recordAudit(db: DbClient, actor: Principal, entry: AuditEntry): Promise<void> {
  await db.auditEvent.create({
    data: {
      actorId: principalId(actor),
      actorLabel: principalLabel(actor),
      action: entry.action,
      target: entry.target,
      detail: loggable(entry.detail ?? {}) as object,
      ...(entry.before === undefined ? {} : { before: loggable(entry.before) as object }),
      ...(entry.after === undefined ? {} : { after: loggable(entry.after) as object }),
    },
  });
}

export type AuditEventView = { id: string; at: Date; actorId: string; actorLabel: string; action: string; target: string; detail: unknown; before: unknown; after: unknown };

/** The newest events first, `limit` at a time, before the event id `before` (paging). */
export async function listAuditEvents(db: DbClient, options: { limit?: number; before?: bigint } = {}): Promise<AuditEventView[]> {
  const rows = await db.auditEvent.findMany({
    where: options.before === undefined ? {} : { id: { lt: options.before } },
    orderBy: { id: "desc" },
    take: options.limit ?? 100,
  });
  return rows.map((row) => ({ ...row, id: row.id.toString() }));
}
