/**
 * Checks real responses against the OpenAPI document (ajv, JSON Schema 2020-12 with formats): the
 * status must be one the operation documents, the media type one it lists for that status, the
 * body valid against that media type's schema, and the documented headers present. Records which
 * operations were seen answering success and error, so a suite can require both for every one.
 */
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

import { openApiDocument } from "../openapi/document";
import type { JsonSchema } from "../openapi/operations";

const DOCUMENT_ID = "https://headroom.invalid/openapi.json";

type ResponseObject = { content?: Record<string, { schema: JsonSchema }>; headers?: Record<string, JsonSchema> };

/** A validator of one document, and the responses it has checked by operation. */
export function contractChecker() {
  const document = openApiDocument();
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addSchema({ $id: DOCUMENT_ID, components: document.components });
  const seen = new Map<string, Set<"success" | "error">>();

  /** Makes a schema's `#/components/...` refs point into the registered document. */
  const absolute = (schema: JsonSchema): JsonSchema => JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', `"${DOCUMENT_ID}#/components/`)) as JsonSchema;

  return {
    /**
     * @param method - lower-case HTTP method; `path` the OpenAPI path template, e.g. `/api/v1/workloads/{id}`
     * @returns the parsed body (JSON), the text, or null when empty, for further assertions
     * @throws an assertion error naming what does not match
     */
    async check(method: string, path: string, response: Response): Promise<unknown> {
      const operation = document.paths[path]?.[method] as { responses: Record<string, ResponseObject> } | undefined;
      if (!operation) throw new Error(`${method.toUpperCase()} ${path} is not in the OpenAPI document.`);
      const documented = operation.responses[String(response.status)];
      if (!documented) throw new Error(`${method.toUpperCase()} ${path} answered ${response.status}, which the document does not list (${Object.keys(operation.responses).join(", ")}).`);
      const key = `${method} ${path}`;
      const kinds = seen.get(key) ?? new Set();
      kinds.add(response.status < 400 ? "success" : "error");
      seen.set(key, kinds);

      for (const name of Object.keys(documented.headers ?? {})) {
        if (!response.headers.get(name)) throw new Error(`${method.toUpperCase()} ${path} ${response.status}: header ${name} is documented but missing.`);
      }
      const text = await response.text();
      if (!documented.content) {
        if (text !== "") throw new Error(`${method.toUpperCase()} ${path} ${response.status}: the document lists no body, but one came.`);
        return null;
      }
      const mediaType = (response.headers.get("content-type") ?? "").split(";")[0]?.trim() ?? "";
      const media = documented.content[mediaType];
      if (!media) throw new Error(`${method.toUpperCase()} ${path} ${response.status}: content type ${mediaType} is not documented (${Object.keys(documented.content).join(", ")}).`);
      const body: unknown = mediaType.endsWith("json") ? JSON.parse(text) : text;
      const validate = ajv.compile(absolute(media.schema));
      if (!validate(body)) {
        throw new Error(`${method.toUpperCase()} ${path} ${response.status}: the body does not match the document: ${ajv.errorsText(validate.errors, { separator: "\n" })}`);
      }
      return body;
    },
    /** Operations not yet seen answering both a success and an error (those documenting errors). */
    unchecked(): string[] {
      return Object.entries(document.paths).flatMap(([path, methods]) =>
        Object.entries(methods).flatMap(([method, operation]) => {
          const kinds = seen.get(`${method} ${path}`);
          const hasErrors = Object.keys((operation as { responses: object }).responses).some((status) => Number(status) >= 400 && Number(status) < 500);
          const missing = [!kinds?.has("success") && "success", hasErrors && !kinds?.has("error") && "error"].filter(Boolean);
          return missing.length > 0 ? [`${method.toUpperCase()} ${path}: ${missing.join(" and ")}`] : [];
        }),
      );
    },
  };
}
