import "server-only";

/**
 * The route layer of /api/v1: every handler goes through {@link apiRoute}, so what every request
 * needs — the ready database, and later the caller's credentials (the access-control issue) — is
 * decided in one place. An unreachable database answers 503 and an unexpected error 500, both as
 * problem+json without internals.
 */
import type { DbClient } from "@/lib/db/client";
import { DatabaseUnavailableError, describeDatabaseError, isDatabaseUnreachable } from "@/lib/db/errors";
import { getReadyDb } from "@/lib/services/startup";

import { problem } from "./problem";

export type ApiContext<P> = { request: Request; url: URL; params: P; db: DbClient };

/**
 * Wraps a route handler.
 * @example export const GET = apiRoute<{ id: string }>(async ({ params, db }) => Response.json(await load(db, params.id)));
 */
export function apiRoute<P>(handler: (context: ApiContext<P>) => Promise<Response>): (request: Request, route: { params: Promise<P> }) => Promise<Response> {
  return async (request, route) => {
    try {
      const params = await route.params;
      // Credentials will be checked here, once for every route, when accounts exist.
      const { prisma } = await getReadyDb();
      return await handler({ request, url: new URL(request.url), params, db: prisma });
    } catch (error) {
      if (error instanceof DatabaseUnavailableError || isDatabaseUnreachable(error)) {
        const message = describeDatabaseError(error);
        console.error(`[api] database unavailable: ${message}`);
        return problem("unavailable", message);
      }
      console.error("[api] unexpected error", error);
      return problem("internal", "The request failed unexpectedly; it has been logged.");
    }
  };
}
