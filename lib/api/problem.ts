/**
 * RFC 9457 problem details (`application/problem+json`), the one error shape of /api/v1. Members:
 * `type` (a URI naming the kind of problem), `title` (its short summary, the same for every
 * occurrence), `status`, `detail` (this occurrence, in words a person understands) and, for
 * validation problems, the extension member `errors`: one `{ path, message }` per bad field (`path` the field's
 * dotted path in the query, body or header, e.g. `spec.stages.0.name`).
 * https://www.rfc-editor.org/rfc/rfc9457
 */
import { z } from "zod";

/** One bad field: its dotted path (`spec.stages.0.name`; `(body)` for the body as a whole) and what is wrong. */
export const FieldErrorSchema = z.object({ path: z.string(), message: z.string() });
export type FieldError = z.infer<typeof FieldErrorSchema>;

/** The body of every error response of /api/v1. */
export const ProblemSchema = z
  .object({
    type: z.string().describe("A URI naming the kind of problem, relative to the API's docs."),
    title: z.string().describe("The kind's short summary, the same for every occurrence."),
    status: z.int().min(400).max(599),
    detail: z.string().describe("This occurrence, in words a person understands."),
    errors: z.array(FieldErrorSchema).optional().describe("For validation problems: one entry per bad field."),
  });
export type Problem = z.infer<typeof ProblemSchema>;

export const PROBLEM_CONTENT_TYPE = "application/problem+json";

/** Problem types of this API, relative URIs resolved against the API's docs (docs/api.md). */
const TYPES = {
  validation: { type: "/docs/api#validation", title: "The request has invalid fields.", status: 400 },
  unauthorized: { type: "/docs/api#unauthorized", title: "Sign in or send an API token.", status: 401 },
  forbidden: { type: "/docs/api#forbidden", title: "This request may not change data.", status: 403 },
  "not-permitted": { type: "/docs/api#not-permitted", title: "Your role does not allow this request.", status: 403 },
  "not-found": { type: "/docs/api#not-found", title: "No such resource.", status: 404 },
  "precondition-failed": { type: "/docs/api#precondition-failed", title: "The resource changed since you read it.", status: 412 },
  "too-large": { type: "/docs/api#too-large", title: "The request body is too large.", status: 413 },
  "unsupported-media-type": { type: "/docs/api#unsupported-media-type", title: "The request body has the wrong content type.", status: 415 },
  unprocessable: { type: "/docs/api#unprocessable", title: "The request cannot be applied to this resource.", status: 422 },
  "precondition-required": { type: "/docs/api#precondition-required", title: "This change needs an If-Match header.", status: 428 },
  unavailable: { type: "/docs/api#unavailable", title: "The database is unavailable.", status: 503 },
  internal: { type: "/docs/api#internal", title: "Something went wrong on our side.", status: 500 },
} as const;

export type ProblemKind = keyof typeof TYPES;

/** The status of each problem kind, for the OpenAPI document. */
export const PROBLEM_STATUSES: Readonly<Record<ProblemKind, number>> = Object.fromEntries(Object.entries(TYPES).map(([kind, { status }]) => [kind, status])) as Record<ProblemKind, number>;

/** A problem response of a kind, with this occurrence's detail and field errors. */
export function problem(kind: ProblemKind, detail: string, errors?: FieldError[]): Response {
  const body: Problem = { ...TYPES[kind], detail, ...(errors && errors.length > 0 ? { errors } : {}) };
  return new Response(JSON.stringify(body), {
    status: body.status,
    headers: {
      "Content-Type": PROBLEM_CONTENT_TYPE,
      "Cache-Control": "no-store",
      // RFC 6750 §3: a 401 names the scheme the client should use.
      ...(kind === "unauthorized" ? { "WWW-Authenticate": 'Bearer realm="headroom"' } : {}),
    },
  });
}

/**
 * Field errors of a zod error: the issue's path joined with dots; `fallback` when the issue is
 * about the whole input.
 */
export function fieldErrors(error: z.ZodError, fallback = "(request)"): FieldError[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join(".") || fallback, message: issue.message }));
}

/** 400 with one entry per bad field; the detail names them. */
export function validationProblem(errors: FieldError[]): Response {
  const fields = [...new Set(errors.map((error) => error.path))];
  return problem("validation", `Fix ${fields.join(", ")}: ${errors.map((error) => error.message).join(" ")}`, errors);
}
