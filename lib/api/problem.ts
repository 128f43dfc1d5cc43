/**
 * RFC 9457 problem details (`application/problem+json`), the one error shape of /api/v1. Members:
 * `type` (a URI naming the kind of problem), `title` (its short summary, the same for every
 * occurrence), `status`, `detail` (this occurrence, in words a person understands) and, for
 * validation problems, the extension member `errors`: one `{ field, message }` per bad field.
 * https://www.rfc-editor.org/rfc/rfc9457
 */
import type { z } from "zod";

export type FieldError = { field: string; message: string };

export type Problem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: FieldError[];
};

export const PROBLEM_CONTENT_TYPE = "application/problem+json";

/** Problem types of this API, relative URIs resolved against the API's docs (docs/api.md). */
const TYPES = {
  validation: { type: "/docs/api#validation", title: "The request has invalid fields.", status: 400 },
  unauthorized: { type: "/docs/api#unauthorized", title: "Sign in or send an API token.", status: 401 },
  forbidden: { type: "/docs/api#forbidden", title: "This request may not change data.", status: 403 },
  "not-permitted": { type: "/docs/api#not-permitted", title: "Your role does not allow this request.", status: 403 },
  "not-found": { type: "/docs/api#not-found", title: "No such resource.", status: 404 },
  "too-large": { type: "/docs/api#too-large", title: "The request body is too large.", status: 413 },
  "unsupported-media-type": { type: "/docs/api#unsupported-media-type", title: "The request body has the wrong content type.", status: 415 },
  unprocessable: { type: "/docs/api#unprocessable", title: "The request cannot be applied to this resource.", status: 422 },
  unavailable: { type: "/docs/api#unavailable", title: "The database is unavailable.", status: 503 },
  internal: { type: "/docs/api#internal", title: "Something went wrong on our side.", status: 500 },
} as const;

export type ProblemKind = keyof typeof TYPES;

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

/** Field errors of a zod error; the field is the issue's path joined with dots. */
export function fieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({ field: issue.path.map(String).join(".") || "(request)", message: issue.message }));
}

/** 400 with one entry per bad field; the detail names them. */
export function validationProblem(errors: FieldError[]): Response {
  const fields = [...new Set(errors.map((error) => error.field))];
  return problem("validation", `Fix ${fields.join(", ")}: ${errors.map((error) => error.message).join(" ")}`, errors);
}
