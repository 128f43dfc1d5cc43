import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";

import { openApiDocument } from "./document";

const API_DIR = path.join(process.cwd(), "app/api/v1");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

/** Every `METHOD path` a route file under `dir` (app/api/v1) exports, path in OpenAPI form (`[id]` → `{id}`). */
function routeOperations(dir = API_DIR): string[] {
  const files = readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((file) => path.basename(file) === "route.ts");
  return files.flatMap((file) => {
    const source = readFileSync(path.join(dir, file), "utf8");
    const route = `/api/v1/${path.dirname(file).split(path.sep).join("/")}`.replace(/\[(\w+)\]/g, "{$1}");
    return METHODS.filter((method) => new RegExp(`export (const|async function|function) ${method}\\b`).test(source)).map((method) => `${method} ${route}`);
  });
}

function documentedOperations(): string[] {
  return Object.entries(openApiDocument().paths).flatMap(([route, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${route}`));
}

describe("the OpenAPI document", () => {
  it("has an operation for every route handler under app/api/v1, and none without one", () => {
    const routes = routeOperations();
    expect(routes.length).toBeGreaterThanOrEqual(19);
    expect(documentedOperations().sort()).toEqual(routes.sort());
  });

  it("would notice a route file the document lacks", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "api-v1-"));
    mkdirSync(path.join(dir, "widgets", "[id]"), { recursive: true });
    writeFileSync(path.join(dir, "widgets", "[id]", "route.ts"), "export const GET = apiRoute(async () => new Response());\nexport async function PATCH() {}\n");
    const documented = new Set(documentedOperations());
    expect(routeOperations(dir).filter((operation) => !documented.has(operation))).toEqual(["GET /api/v1/widgets/{id}", "PATCH /api/v1/widgets/{id}"]);
  });

  it("is OpenAPI 3.1 whose every schema compiles as JSON Schema 2020-12 and every $ref resolves", () => {
    const document = openApiDocument();
    expect(document.openapi).toBe("3.1.0");
    const ajv = new Ajv2020({ strict: false });
    addFormats.default(ajv);
    const id = "https://headroom.invalid/openapi.json";
    ajv.addSchema({ $id: id, components: document.components });
    for (const name of Object.keys(document.components.schemas)) {
      expect(() => ajv.compile({ $ref: `${id}#/components/schemas/${name}` }), name).not.toThrow();
    }
    const refs = [...JSON.stringify(document).matchAll(/"\$ref":"#\/components\/(\w+)\/(\w+)"/g)];
    for (const [, section, name] of refs) expect(document.components[section as "schemas"]?.[name!], `${section}/${name}`).toBeDefined();
  }, 60_000); // compiling every schema takes ~3 s alone, far more on a loaded machine

  it("requires If-Match on every PUT and DELETE, and lists 412 and 428 for them", () => {
    for (const [route, methods] of Object.entries(openApiDocument().paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        if (method !== "put" && method !== "delete") continue;
        const { parameters = [], responses } = operation as { parameters?: { $ref?: string }[]; responses: Record<string, unknown> };
        expect(parameters.map((p) => p.$ref), `${method} ${route}`).toContain("#/components/parameters/IfMatch");
        expect(Object.keys(responses), `${method} ${route}`).toEqual(expect.arrayContaining(["412", "428"]));
      }
    }
  });
});
