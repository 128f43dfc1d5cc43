/**
 * Query strings through zod: each parameter once (a repeated one is a field error, not a silent
 * pick), then the schema; errors come back as RFC 9457 field errors.
 */
import { z } from "zod";

import { fieldErrors, type FieldError } from "./problem";

export type QueryResult<T> = { ok: true; data: T } | { ok: false; errors: FieldError[] };

/**
 * Parses a URL's query with a schema.
 * @example parseQuery(new URL("http://x/?format=json"), z.object({ format: z.enum(["hcl", "json"]) })) //=> { ok: true, data: { format: "json" } }
 */
export function parseQuery<S extends z.ZodType>(url: URL, schema: S): QueryResult<z.output<S>> {
  const values: Record<string, string> = {};
  const repeated: FieldError[] = [];
  for (const [key, value] of url.searchParams) {
    if (key in values) repeated.push({ path: key, message: `Give ${key} once.` });
    else values[key] = value;
  }
  if (repeated.length > 0) return { ok: false, errors: repeated };
  const parsed = schema.safeParse(values);
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, errors: fieldErrors(parsed.error) };
}
