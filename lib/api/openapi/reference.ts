/**
 * The OpenAPI document regrouped for the API reference page: operations by tag (resource) in the
 * document's order, parameters with their `$ref`s resolved, one entry per response.
 */
import type { OpenApiDocument } from "./document";
import type { JsonSchema } from "./operations";

export type ReferenceOperation = {
  method: string;
  path: string;
  operationId: string;
  summary: string;
  description: string | null;
  parameters: { name: string; in: string; required: boolean; description: string | null; schema: JsonSchema }[];
  requestBody: JsonSchema | null;
  responses: { status: string; description: string; mediaTypes: string[]; schema: JsonSchema | null; headers: string[] }[];
  curl: string;
};

export type ReferenceGroup = { tag: string; description: string; operations: ReferenceOperation[] };

type RawOperation = {
  operationId: string;
  tags: string[];
  summary: string;
  description?: string;
  parameters?: JsonSchema[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: JsonSchema }>; headers?: Record<string, JsonSchema> }>;
  "x-codeSamples"?: { source: string }[];
};

/** The document's operations grouped by tag, each with everything the page shows. */
export function referenceGroups(document: OpenApiDocument): ReferenceGroup[] {
  const resolve = (parameter: JsonSchema): JsonSchema => {
    const ref = typeof parameter.$ref === "string" ? parameter.$ref.split("/").at(-1) : undefined;
    return ref ? (document.components.parameters[ref] ?? parameter) : parameter;
  };
  const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, value]): ReferenceOperation & { tag: string } => {
      const raw = value as unknown as RawOperation;
      return {
        tag: raw.tags[0] ?? "API",
        method: method.toUpperCase(),
        path,
        operationId: raw.operationId,
        summary: raw.summary,
        description: raw.description ?? null,
        parameters: (raw.parameters ?? []).map(resolve).map((parameter) => ({
          name: String(parameter.name),
          in: String(parameter.in),
          required: parameter.required === true,
          description: typeof parameter.description === "string" ? parameter.description : null,
          schema: (parameter.schema ?? {}) as JsonSchema,
        })),
        requestBody: raw.requestBody?.content["application/json"]?.schema ?? null,
        responses: Object.entries(raw.responses).map(([status, response]) => ({
          status,
          description: response.description,
          mediaTypes: Object.keys(response.content ?? {}),
          schema: Object.values(response.content ?? {})[0]?.schema ?? null,
          headers: Object.keys(response.headers ?? {}),
        })),
        curl: raw["x-codeSamples"]?.[0]?.source ?? "",
      };
    }),
  );
  return document.tags.map(({ name, description }) => ({ tag: name, description, operations: operations.filter((operation) => operation.tag === name) })).filter((group) => group.operations.length > 0);
}
