/**
 * The OpenAPI 3.1 document of /api/v1, generated from the operation table (./operations.ts) and
 * the zod schemas the routes validate with (zod 4's `z.toJSONSchema`, draft 2020-12, which is
 * OpenAPI 3.1's schema dialect). Request bodies are described as the schemas accept them (fields
 * with defaults optional), responses as the API writes them (every field present, no others).
 */
import { z } from "zod";

import { etagOf } from "../etag";
import { FieldErrorSchema, PROBLEM_CONTENT_TYPE, PROBLEM_STATUSES, ProblemSchema, type ProblemKind } from "../problem";
import { curlExample } from "./curl";
import { INPUT_COMPONENTS, OPERATIONS, OUTPUT_COMPONENTS, type JsonSchema, type Operation } from "./operations";

export type OpenApiDocument = {
  openapi: "3.1.0";
  info: { title: string; version: string; description: string };
  tags: { name: string; description: string }[];
  paths: Record<string, Record<string, JsonSchema>>;
  /** Either credential will do (OpenAPI: alternatives are separate requirement objects). */
  security: Record<string, string[]>[];
  components: { securitySchemes: Record<string, JsonSchema>; schemas: Record<string, JsonSchema>; parameters: Record<string, JsonSchema>; headers: Record<string, JsonSchema> };
};

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/** Components from named zod schemas; `$schema`/`$id` dropped (the document's dialect applies). */
function componentsOf(named: Record<string, z.ZodType>, io: "input" | "output"): Record<string, JsonSchema> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(named)) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, { target: "draft-2020-12", io, unrepresentable: "any", uri: (id) => `#/components/schemas/${id}` });
  // Schemas named elsewhere (`.meta({ id })`) would land in a `__shared` bucket both passes overwrite.
  if ("__shared" in schemas) throw new Error(`Name these schemas in the API's components instead: ${Object.keys(schemas.__shared?.$defs ?? {}).join(", ")}`);
  return Object.fromEntries(Object.entries(schemas).map(([id, { $schema: _schema, $id: _id, ...schema }]) => [id, schema as JsonSchema]));
}

/** The properties of a query schema as OpenAPI parameters (an intersection contributes each side's). */
function queryParameters(query: z.ZodType): JsonSchema[] {
  const root = z.toJSONSchema(query, { target: "draft-2020-12", io: "input", unrepresentable: "any" }) as JsonSchema;
  const parts = [root, ...((root.allOf as JsonSchema[] | undefined) ?? [])];
  return parts.flatMap((part) => {
    const properties = (part.properties ?? {}) as Record<string, JsonSchema>;
    const required = new Set((part.required as string[] | undefined) ?? []);
    return Object.entries(properties).map(([name, { description, ...schema }]) => ({
      name,
      in: "query",
      required: required.has(name),
      ...(description ? { description } : {}),
      schema,
    }));
  });
}

/** One response per status: kinds that share a status (403) share it, their descriptions joined. */
function problemResponses(kinds: readonly (ProblemKind | "internal" | "unavailable")[]): [string, JsonSchema][] {
  const byStatus = new Map<string, string[]>();
  for (const kind of new Set(kinds)) {
    const status = String(PROBLEM_STATUSES[kind]);
    byStatus.set(status, [...(byStatus.get(status) ?? []), PROBLEM_DESCRIPTIONS[kind] ?? kind]);
  }
  return [...byStatus].map(([status, descriptions]) => [status, { description: descriptions.join(" Or: "), content: { [PROBLEM_CONTENT_TYPE]: { schema: ref("Problem") } } }]);
}

const PROBLEM_DESCRIPTIONS: Partial<Record<ProblemKind, string>> = {
  validation: "A field of the query, body or headers is invalid; `errors` lists each (nothing was written).",
  unauthorized: "No credentials, or an unknown, expired or revoked API token.",
  "not-permitted": "The caller's role, or a read-only token, may not do this.",
  forbidden: "A state-changing request from another site.",
  "not-found": "No live resource with that id.",
  "precondition-failed": "If-Match names a version the resource no longer has; nothing was changed.",
  "precondition-required": "If-Match is missing.",
  "too-large": "The body is over the route's limit.",
  "unsupported-media-type": "The body is not application/json.",
  unprocessable: "Well-formed, but not applicable to this resource; `errors` names the field.",
  unavailable: "The database cannot be reached; retry later.",
  internal: "An unexpected error (logged).",
};

function successResponse(success: Operation["success"]): JsonSchema {
  const headers: Record<string, JsonSchema> = {};
  if (success.etag) headers.ETag = { $ref: "#/components/headers/ETag" };
  if (success.location) headers.Location = { description: "The new resource's URL.", schema: { type: "string" } };
  const body = success.body;
  const content = body === undefined ? undefined : "component" in body ? { "application/json": { schema: ref(body.component) } } : Object.fromEntries(Object.entries(body.media).map(([type, schema]) => [type, { schema }]));
  return { description: success.description, ...(Object.keys(headers).length > 0 ? { headers } : {}), ...(content ? { content } : {}) };
}

function operationObject(operation: Operation): JsonSchema {
  const parameters: JsonSchema[] = [];
  if (operation.path.includes("{id}")) parameters.push({ $ref: "#/components/parameters/Id" });
  if (operation.conditional) parameters.push({ $ref: "#/components/parameters/IfMatch" });
  if (operation.query) parameters.push(...queryParameters(operation.query));
  const kinds: (ProblemKind | "internal" | "unavailable")[] = [...operation.problems];
  if (operation.conditional) kinds.push("precondition-failed", "precondition-required");
  // The route layer (lib/api/route.ts) asks for credentials and the policy before anything else.
  if (operation.viaRouteLayer !== false) kinds.push("unauthorized", "not-permitted", "unavailable", "internal");
  return {
    operationId: operation.operationId,
    tags: [operation.tag],
    summary: operation.summary,
    ...(operation.description ? { description: operation.description } : {}),
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(operation.body ? { requestBody: { required: true, content: { "application/json": { schema: ref(operation.body) } } } } : {}),
    ...(operation.viaRouteLayer === false ? { security: [] } : {}),
    responses: Object.fromEntries([[String(operation.success.status), successResponse(operation.success)], ...problemResponses(kinds)]),
    // The code-sample extension Redoc and other renderers read.
    "x-codeSamples": [{ lang: "Shell", label: "curl", source: curlExample(operation) }],
  };
}

function buildDocument(): OpenApiDocument {
  const paths: OpenApiDocument["paths"] = {};
  for (const operation of OPERATIONS) (paths[operation.path] ??= {})[operation.method] = operationObject(operation);
  return {
    openapi: "3.1.0",
    info: {
      title: "Headroom API",
      version: "1",
      description:
        "Capacity plans and costs of data pipelines: workload profiles, scenarios, their stored plans, Terraform variables, the priced catalog and comparisons. Money is USD. Errors are RFC 9457 problem details. Writes need `Content-Type: application/json`; PUT and DELETE need the `ETag` you read as `If-Match`.",
    },
    tags: [
      { name: "Workloads", description: "Workload profiles: the pipeline's stages and traffic." },
      { name: "Scenarios", description: "Growth, purchase mix, storage, DR and ranges applied to a profile." },
      { name: "Plans", description: "A scenario's stored plan and the Terraform variables cut from it." },
      { name: "Catalog", description: "Instance types and the prices plans are computed with." },
      { name: "Comparison", description: "2–4 scenarios side by side." },
      { name: "API", description: "This document." },
    ],
    paths,
    security: [{ bearerToken: [] }, { session: [] }],
    components: {
      securitySchemes: {
        bearerToken: { type: "http", scheme: "bearer", description: "An API token (`hr_…`) an admin creates under Admin → API tokens; read or write scope." },
        session: { type: "apiKey", in: "cookie", name: "better-auth.session_token", description: "The session of a user signed in to the app." },
      },
      schemas: { ...componentsOf({ ...OUTPUT_COMPONENTS, Problem: ProblemSchema, FieldError: FieldErrorSchema }, "output"), ...componentsOf(INPUT_COMPONENTS, "input") },
      parameters: {
        Id: { name: "id", in: "path", required: true, description: "The resource's id (a UUID; anything else answers 404).", schema: { type: "string" } },
        IfMatch: { name: "If-Match", in: "header", required: true, description: `The ETag read with GET, e.g. ${etagOf(3)} (or * for any version). Missing: 428; stale: 412.`, schema: { type: "string" } },
      },
      headers: { ETag: { description: `The resource's version as a strong entity tag, e.g. ${etagOf(3)}; send it back as If-Match.`, schema: { type: "string" } } },
    },
  };
}

let built: OpenApiDocument | undefined;

/** The document (built once per process: the schemas do not change while it runs). */
export function openApiDocument(): OpenApiDocument {
  built ??= buildDocument();
  return built;
}
