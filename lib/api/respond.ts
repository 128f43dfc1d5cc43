/**
 * Success responses of /api/v1: JSON, never cached by a shared cache (the figures change with
 * every save), and for a single versioned resource its `ETag`.
 */
import { etagOf } from "./etag";
import { problem } from "./problem";

/** 200 (or `status`) with `body` as JSON; with `version`, the resource's ETag. */
export function jsonResponse(body: unknown, options: { version?: number; status?: number; location?: string } = {}): Response {
  const headers: Record<string, string> = { "Cache-Control": "no-store" };
  if (options.version !== undefined) headers.ETag = etagOf(options.version);
  if (options.location !== undefined) headers.Location = options.location;
  return Response.json(body, { status: options.status ?? 200, headers });
}

/** 404 naming what was looked for. */
export function notFound(what: string, id: string): Response {
  return problem("not-found", `No ${what} with id ${id}.`);
}
