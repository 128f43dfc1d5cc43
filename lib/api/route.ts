import "server-only";

/**
 * The route layer of /api/v1: every handler goes through {@link apiRoute} or {@link apiWriteRoute},
 * so what every request needs — the caller (an `Authorization: Bearer` API token or a session
 * cookie), lib/policy's permission, the ready database and, for writes, an audit event — is
 * decided in one place. No credentials answer 401, a role or token scope that lacks the
 * permission 403, an unreachable database 503 and an unexpected error 500, all as problem+json
 * without internals.
 */
import type { DbClient } from "@/lib/db/client";
import { can, refusalMessage, type Permission, type Principal } from "@/lib/policy";
import { recordAudit } from "@/lib/services/audit";
import { principalFromHeaders } from "@/lib/services/principal";
import { onReadyDb } from "@/lib/services/ready-db";

import { problem } from "./problem";
import { readBodyText } from "./request-body";
import { refuseUnsafeWrite } from "./write-guard";

export type ApiContext<P> = { request: Request; url: URL; params: P; db: DbClient; principal: Principal };
export type ApiWriteContext<P> = ApiContext<P> & { body: string };

type RouteHandler<P> = (request: Request, route: { params: Promise<P> }) => Promise<Response>;
/** What runs before the database is opened: either extra context for the handler or a refusal. */
type Precheck<X> = (request: Request) => Promise<{ ok: true; value: X } | { ok: false; response: Response }>;

/**
 * Wraps a read-only route handler: any signed-in user or API token (lib/policy `read`).
 * @example export const GET = apiRoute<{ id: string }>(async ({ params, db }) => Response.json(await load(db, params.id)));
 */
export function apiRoute<P>(handler: (context: ApiContext<P>) => Promise<Response>): RouteHandler<P> {
  return wrap("read", async () => ({ ok: true, value: {} }), handler);
}

/**
 * Wraps a state-changing route handler: before the database is touched, a cross-origin `Origin`
 * answers 403, a body that is not `application/json` 415 (lib/api/write-guard.ts), and a body over
 * `maxBodyBytes` 413 as soon as that many bytes have streamed in (lib/api/request-body.ts). The
 * handler gets the body as text. `{ body: "none" }` (DELETE) checks the origin only and reads no
 * body. `permission` is what lib/policy must grant the caller; a successful (2xx) answer is
 * recorded in the audit log.
 * @example export const POST = apiWriteRoute({ maxBodyBytes: 1024 * 1024, permission: "workloads.write" }, async ({ body, db }) => …);
 */
export function apiWriteRoute<P>(options: ({ maxBodyBytes: number } | { body: "none" }) & { permission: Permission }, handler: (context: ApiWriteContext<P>) => Promise<Response>): RouteHandler<P> {
  return wrap(options.permission, async (request) => {
    const hasBody = "maxBodyBytes" in options;
    const refusal = refuseUnsafeWrite(request, { body: hasBody });
    if (refusal) return { ok: false, response: problem(refusal.kind, refusal.detail) };
    if (!hasBody) return { ok: true, value: { body: "" } };
    const body = await readBodyText(request, options.maxBodyBytes);
    if (!body.ok) return { ok: false, response: problem("too-large", `The body must be at most ${options.maxBodyBytes.toLocaleString("en-US")} bytes.`) };
    return { ok: true, value: { body: body.text } };
  }, handler);
}

function wrap<P, X>(permission: Permission, precheck: Precheck<X>, handler: (context: ApiContext<P> & X) => Promise<Response>): RouteHandler<P> {
  return async (request, route) => {
    try {
      const params = await route.params;
      const checked = await precheck(request);
      if (!checked.ok) return checked.response;
      const answered = await onReadyDb("api", async (db) => {
        const principal = await principalFromHeaders(db, request.headers);
        if (!principal) return problem("unauthorized", "Send `Authorization: Bearer <API token>` (an admin creates tokens under Admin → API tokens) or sign in.");
        if (!can(principal, permission)) return problem("not-permitted", refusalMessage(principal, permission));
        const url = new URL(request.url);
        const response = await handler({ request, url, params, db, principal, ...checked.value });
        if (permission !== "read" && response.ok) {
          await recordAudit(db, principal, { action: permission, target: `${request.method} ${url.pathname}`, detail: { status: response.status } });
        }
        return response;
      });
      return answered.ok ? answered.value : problem("unavailable", answered.message);
    } catch (error) {
      console.error("[api] unexpected error", error);
      return problem("internal", "The request failed unexpectedly; it has been logged.");
    }
  };
}
