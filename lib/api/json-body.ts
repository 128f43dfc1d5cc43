/**
 * Request bodies of /api/v1 writes: JSON, validated by the same zod entity schemas the forms use;
 * every problem comes back as a 400 listing each bad field, before anything is written.
 */
import type { z } from "zod";

import { fieldErrors, validationProblem } from "./problem";

/**
 * Parses a JSON body with `schema`.
 * @example parseJsonBody('{"name":""}', WorkloadInputSchema) //=> { ok: false, response: 400 with errors [{ path: "name", … }, { path: "spec", … }] }
 */
export function parseJsonBody<S extends z.ZodType>(text: string, schema: S): { ok: true; data: z.output<S> } | { ok: false; response: Response } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const message = `The body is not valid JSON: ${error instanceof Error ? error.message : String(error)}`;
    return { ok: false, response: validationProblem([{ path: "(body)", message }]) };
  }
  const parsed = schema.safeParse(json);
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, response: validationProblem(fieldErrors(parsed.error, "(body)")) };
}
