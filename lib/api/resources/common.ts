/** Building blocks the resources of /api/v1 share: ids, timestamps, list pages and their cursors. */
import { z } from "zod";

import type { Keyset } from "@/lib/services/workloads";

import { cursorSchema, encodeCursor } from "../cursor";

export const UuidSchema = z.uuid();
/** Instants are ISO 8601 in UTC, to the millisecond (as stored). */
export const TimestampSchema = z.iso.datetime();
export const IdParamsSchema = z.object({ id: z.string().describe("The resource's id (a UUID; anything else is 404).") });

/** The position of a list ordered by creation: `c` the last row's creation instant, `i` its id. */
const KeysetCursorSchema = cursorSchema(z.object({ c: z.iso.datetime(), i: z.uuid() }).transform(({ c, i }): Keyset => ({ createdAt: new Date(c), id: i })));
export { KeysetCursorSchema };

/** The `nextCursor` of a keyset page: null on the last page. */
export function nextCursorOf(next: Keyset | null): string | null {
  return next && encodeCursor({ c: next.createdAt.toISOString(), i: next.id });
}

/** A page of a list: its rows and the cursor of the next page (null on the last). */
export function listPageSchema<S extends z.ZodType>(item: S) {
  return z.object({
    items: z.array(item),
    nextCursor: z.string().nullable().describe("Pass it as `cursor` for the next page; null on the last page."),
  });
}
