import "server-only";

/**
 * The route layer of /api/v1: every handler goes through {@link apiRoute}, so what every request
 * needs — the ready database, and later the caller's credentials (the access-control issue) — is
 * decided in one place. An unreachable database answers 503 and an unexpected error 500, both as
 * problem+json without internals.
 */
import type { DbClient } from "@/lib/db/client";
import { onReadyDb } from "@/lib/services/ready-db";

import { problem } from "./problem";
import { readBodyText } from "./request-body";
import { refuseUnsafeWrite } from "./write-guard";

export type ApiContext<P> = { request: Request; url: URL; params: P; db: DbClient };
export type ApiWriteContext<P> = ApiContext<P> & { body: string };

type RouteHandler<P> = (request: Request, route: { params: Promise<P> }) => Promise<Response>;
/** What runs before the database is opened: either extra context for the handler or a refusal. */
type Precheck<X> = (request: Request) => Promise<{ ok: true; value: X } | { ok: false; response: Response }>;

/**
 * Wraps a read-only route handler.
 * @example export const GET = apiRoute<{ id: string }>(async ({ params, db }) => Response.json(await load(db, params.id)));
 */
export function apiRoute<P>(handler: (context: ApiContext<P>) => Promise<Response>): RouteHandler<P> {
  return wrap(async () => ({ ok: true, value: {} }), handler);
}

/**
 * Wraps a state-changing route handler: before the database is touched, a cross-origin `Origin`
 * answers 403, a body that is not `application/json` 415 (lib/api/write-guard.ts), and a body over
 * `maxBodyBytes` 413 as soon as that many bytes have streamed in (lib/api/request-body.ts). The
 * handler gets the body as text. `{ body: "none" }` (DELETE) checks the origin only and reads no body.
 * @example export const POST = apiWriteRoute({ maxBodyBytes: 1024 * 1024 }, async ({ body, db }) => …);
 */
export function apiWriteRoute<P>(options: { maxBodyBytes: number } | { body: "none" }, handler: (context: ApiWriteContext<P>) => Promise<Response>): RouteHandler<P> {
  return wrap(async (request) => {
    const hasBody = "maxBodyBytes" in options;
    const refusal = refuseUnsafeWrite(request, { body: hasBody });
    if (refusal) return { ok: false, response: problem(refusal.kind, refusal.detail) };
    if (!hasBody) return { ok: true, value: { body: "" } };
    const body = await readBodyText(request, options.maxBodyBytes);
    if (!body.ok) return { ok: false, response: problem("too-large", `The body must be at most ${options.maxBodyBytes.toLocaleString("en-US")} bytes.`) };
    return { ok: true, value: { body: body.text } };
  }, handler);
}

function wrap<P, X>(precheck: Precheck<X>, handler: (context: ApiContext<P> & X) => Promise<Response>): RouteHandler<P> {
  return async (request, route) => {
    try {
      const params = await route.params;
      // Credentials will be checked here, once for every route, when accounts exist.
      const checked = await precheck(request);
      if (!checked.ok) return checked.response;
      const answered = await onReadyDb("api", (db) => handler({ request, url: new URL(request.url), params, db, ...checked.value }));
      return answered.ok ? answered.value : problem("unavailable", answered.message);
    } catch (error) {
      console.error("[api] unexpected error", error);
      return problem("internal", "The request failed unexpectedly; it has been logged.");
    }
  };
}
