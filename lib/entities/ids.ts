import { z } from "zod";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Ids are UUIDs; anything else (a mistyped URL) is "not found", never a database error. Every
 * boundary checks an id before it reaches lib/db, whose columns are `uuid`.
 */
export function isUuid(id: string): boolean {
  return UUID.test(id);
}

/** An id from a URL, a form or a route parameter. */
export const IdSchema = z.string({ error: "Id must be text." }).refine(isUuid, { error: "Id must be a UUID." });
