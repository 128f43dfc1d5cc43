/**
 * Opaque cursors of the list routes: the position after the last row a page held, as base64url
 * JSON. Clients pass `nextCursor` back unchanged; a cursor that was not made here (edited, or of
 * another list) is a field error, never a database error.
 */
import { z } from "zod";

/**
 * @example encodeCursor({ c: "2026-12-02T07:00:00.000Z", i: "…" }) //=> "eyJjIjoiMjAy…"
 */
export function encodeCursor(position: unknown): string {
  return Buffer.from(JSON.stringify(position), "utf8").toString("base64url");
}

/**
 * The `cursor` query parameter of a list whose positions `position` describes.
 *
 * @example cursorSchema(z.object({ i: z.uuid() })).parse(encodeCursor({ i })) //=> { i }
 */
export function cursorSchema<S extends z.ZodType>(position: S) {
  return z
    .string()
    .max(512, { error: "cursor: pass back the nextCursor of the previous page unchanged." })
    .describe("The `nextCursor` of the previous page; omit it for the first page.")
    .transform((text, context) => {
      let decoded: unknown;
      try {
        decoded = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
      } catch {
        decoded = undefined;
      }
      const parsed = position.safeParse(decoded);
      if (parsed.success) return parsed.data as z.output<S>;
      context.addIssue({ code: "custom", message: "cursor: pass back the nextCursor of the previous page unchanged." });
      return z.NEVER;
    });
}

/** The `limit` query parameter: rows per page, 1–100, default 20. */
export const LimitSchema = z.coerce
  .number({ error: "limit must be a number." })
  .int({ error: "limit must be a whole number." })
  .min(1, { error: "limit must be at least 1." })
  .max(100, { error: "limit must be at most 100." })
  .default(20)
  .describe("Rows per page, 1–100.");
