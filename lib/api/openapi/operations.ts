/**
 * Every operation of /api/v1, described once: the OpenAPI document (./document.ts) is generated
 * from this table and the zod schemas it names, and a test requires one entry per exported route
 * handler under app/api/v1 (and no entry without a handler).
 */
import { z } from "zod";

import { ScenarioInputSchema } from "@/lib/entities/scenario";
import { WorkloadInputSchema } from "@/lib/entities/workload";
import { WorkloadDocumentSchema } from "@/lib/export/workload-document";
import { TfvarsQuerySchema } from "@/lib/tfvars/export";

import { CatalogExportQuerySchema, CatalogItemSchema, CatalogListQuerySchema, CatalogPageSchema } from "../resources/catalog";
import { ComparisonQuerySchema, ComparisonSchema } from "../resources/comparison";
import { PlanSchema, PlanStatusSchema } from "../resources/plan";
import { ScenarioListQuerySchema, ScenarioPageSchema, ScenarioSchema, ScenarioSummarySchema, ScenarioWriteSchema } from "../resources/scenarios";
import { WorkloadCreateSchema, WorkloadListQuerySchema, WorkloadPageSchema, WorkloadReplaceSchema, WorkloadSchema, WorkloadSummarySchema } from "../resources/workloads";
import type { ProblemKind } from "../problem";

export type HttpMethod = "get" | "post" | "put" | "delete";

/** A JSON Schema fragment, as the OpenAPI document holds it. */
export type JsonSchema = Record<string, unknown>;

/** A response body: a named component (JSON), or other media types with their schemas. */
export type ResponseBody = { component: string } | { media: Record<string, JsonSchema> };

export type Operation = {
  method: HttpMethod;
  /** The OpenAPI path, `{id}` where the route folder says `[id]`. */
  path: string;
  operationId: string;
  tag: "Workloads" | "Scenarios" | "Plans" | "Catalog" | "Comparison" | "API";
  summary: string;
  description?: string;
  query?: z.ZodObject | z.ZodType;
  /** Request body: a component of the input schemas. */
  body?: string;
  /** PUT/DELETE: `If-Match` required (428 without it, 412 when stale). */
  conditional?: boolean;
  success: { status: 200 | 201 | 204; description: string; body?: ResponseBody; etag?: boolean; location?: boolean };
  /** The problems this operation can answer besides 500 and 503. */
  problems: ProblemKind[];
  /** Whether the route layer (database, credentials) is in front of it. */
  viaRouteLayer?: false;
  example?: { query?: string; body?: string; ifMatch?: boolean };
};

/** The model's inputs, named so every body and response that holds one refers to one description. */
const SPECS = { workload: WorkloadInputSchema.shape.spec, scenario: ScenarioInputSchema.shape.spec };

/** Request bodies (JSON Schema of what the schemas accept: defaults are optional). */
export const INPUT_COMPONENTS: Record<string, z.ZodType> = {
  WorkloadSpecInput: SPECS.workload,
  ScenarioSpecInput: SPECS.scenario,
  WorkloadCreate: WorkloadCreateSchema,
  WorkloadReplace: WorkloadReplaceSchema,
  ScenarioWrite: ScenarioWriteSchema,
  WorkloadDocumentInput: WorkloadDocumentSchema,
};

/** Response bodies (JSON Schema of what the API writes). */
export const OUTPUT_COMPONENTS: Record<string, z.ZodType> = {
  WorkloadSpec: SPECS.workload,
  ScenarioSpec: SPECS.scenario,
  Workload: WorkloadSchema,
  WorkloadSummary: WorkloadSummarySchema,
  WorkloadPage: WorkloadPageSchema,
  Scenario: ScenarioSchema,
  ScenarioSummary: ScenarioSummarySchema,
  ScenarioPage: ScenarioPageSchema,
  Plan: PlanSchema,
  PlanStatus: PlanStatusSchema,
  CatalogItem: CatalogItemSchema,
  CatalogPage: CatalogPageSchema,
  Comparison: ComparisonSchema,
  WorkloadDocument: WorkloadDocumentSchema,
  ImportResult: z.object({ id: z.uuid(), url: z.string().describe("The imported profile's page.") }),
};

const WRITE: ProblemKind[] = ["forbidden", "too-large", "unsupported-media-type"];

export const OPERATIONS: Operation[] = [
  {
    method: "get",
    path: "/api/v1/workloads",
    operationId: "listWorkloads",
    tag: "Workloads",
    summary: "List workload profiles",
    description: "Live profiles, oldest first, `limit` per page; pass `nextCursor` back as `cursor` for the next page.",
    query: WorkloadListQuerySchema,
    success: { status: 200, description: "A page of profiles.", body: { component: "WorkloadPage" } },
    problems: ["validation"],
    example: { query: "?kind=streaming&limit=10" },
  },
  {
    method: "post",
    path: "/api/v1/workloads",
    operationId: "createWorkload",
    tag: "Workloads",
    summary: "Create a workload profile",
    description: "The workload form's schema, optionally with its first scenarios; their plans are stored before the answer.",
    body: "WorkloadCreate",
    success: { status: 201, description: "The new profile.", body: { component: "Workload" }, etag: true, location: true },
    problems: ["validation", ...WRITE],
  },
  {
    method: "get",
    path: "/api/v1/workloads/{id}",
    operationId: "getWorkload",
    tag: "Workloads",
    summary: "Get a workload profile",
    success: { status: 200, description: "The profile, its spec and its scenarios.", body: { component: "Workload" }, etag: true },
    problems: ["not-found"],
  },
  {
    method: "put",
    path: "/api/v1/workloads/{id}",
    operationId: "replaceWorkload",
    tag: "Workloads",
    summary: "Replace a workload profile",
    description: "Replaces name, description, team, tags and spec; every scenario's plan is stored again.",
    body: "WorkloadReplace",
    conditional: true,
    success: { status: 200, description: "The profile as saved.", body: { component: "Workload" }, etag: true },
    problems: ["validation", "not-found", ...WRITE],
  },
  {
    method: "delete",
    path: "/api/v1/workloads/{id}",
    operationId: "deleteWorkload",
    tag: "Workloads",
    summary: "Delete a workload profile",
    description: "Soft delete: the profile and its scenarios disappear (the app's undo can restore them).",
    conditional: true,
    success: { status: 204, description: "Deleted." },
    problems: ["not-found", "forbidden"],
  },
  {
    method: "get",
    path: "/api/v1/workloads/{id}/scenarios",
    operationId: "listScenarios",
    tag: "Scenarios",
    summary: "List a profile's scenarios",
    query: ScenarioListQuerySchema,
    success: { status: 200, description: "A page of scenarios, oldest first.", body: { component: "ScenarioPage" } },
    problems: ["validation", "not-found"],
  },
  {
    method: "post",
    path: "/api/v1/workloads/{id}/scenarios",
    operationId: "createScenario",
    tag: "Scenarios",
    summary: "Add a scenario to a profile",
    description: "The scenario form's schema; priced with the current catalog, its plan stored before the answer.",
    body: "ScenarioWrite",
    success: { status: 201, description: "The new scenario.", body: { component: "Scenario" }, etag: true, location: true },
    problems: ["validation", "not-found", ...WRITE],
  },
  {
    method: "get",
    path: "/api/v1/scenarios/{id}",
    operationId: "getScenario",
    tag: "Scenarios",
    summary: "Get a scenario",
    success: { status: 200, description: "The scenario and its spec.", body: { component: "Scenario" }, etag: true },
    problems: ["not-found"],
  },
  {
    method: "put",
    path: "/api/v1/scenarios/{id}",
    operationId: "replaceScenario",
    tag: "Scenarios",
    summary: "Replace a scenario",
    description: "Replaces name, description and spec; priced with the current catalog and its plan stored again.",
    body: "ScenarioWrite",
    conditional: true,
    success: { status: 200, description: "The scenario as saved.", body: { component: "Scenario" }, etag: true },
    problems: ["validation", "not-found", ...WRITE],
  },
  {
    method: "delete",
    path: "/api/v1/scenarios/{id}",
    operationId: "deleteScenario",
    tag: "Scenarios",
    summary: "Delete a scenario",
    description: "Soft delete; when it was the plan of record, the profile's next scenario becomes it.",
    conditional: true,
    success: { status: 204, description: "Deleted." },
    problems: ["not-found", "forbidden"],
  },
  {
    method: "get",
    path: "/api/v1/scenarios/{id}/plan",
    operationId: "getPlan",
    tag: "Plans",
    summary: "Get a scenario's stored plan",
    description: "Month rows per stage and cost component, Monte Carlo bands, commitments, DR and totals, as stored after the last change.",
    success: { status: 200, description: "The stored plan.", body: { component: "Plan" } },
    problems: ["not-found"],
  },
  {
    method: "get",
    path: "/api/v1/scenarios/{id}/plan/status",
    operationId: "getPlanStatus",
    tag: "Plans",
    summary: "Get the state of a plan's bands",
    description: "Poll while the Monte Carlo bands are computed (`pending`, `running`), until `ready` or `failed`.",
    success: { status: 200, description: "The plan's key and the state of its bands.", body: { component: "PlanStatus" } },
    problems: ["not-found"],
  },
  {
    method: "get",
    path: "/api/v1/scenarios/{id}/tfvars",
    operationId: "getTfvars",
    tag: "Plans",
    summary: "Download a scenario's Terraform variables",
    description: "The stored plan cut at a month or the peak of a range, as `<slug>.auto.tfvars` (HCL with provenance comments) or `.auto.tfvars.json`.",
    query: TfvarsQuerySchema,
    success: { status: 200, description: "The variables file, as a download.", body: { media: { "text/plain": { type: "string", description: "HCL (format=hcl)." }, "application/json": { type: "object", description: "format=json: the same values." } } } },
    problems: ["validation", "not-found", "unprocessable"],
    example: { query: "?format=json&from=2027-01&to=2027-12" },
  },
  {
    method: "get",
    path: "/api/v1/catalog/instance-types",
    operationId: "listInstanceTypes",
    tag: "Catalog",
    summary: "List the priced catalog's instance types",
    description: "List prices with the FinOps overrides in force, filtered, sorted ascending by `sort` (ties by id), a cursor page at a time.",
    query: CatalogListQuerySchema,
    success: { status: 200, description: "A page of instance types with unit prices.", body: { component: "CatalogPage" } },
    problems: ["validation"],
    example: { query: "?provider=aws&region=us-east-1&minVcpu=8&sort=usdPerVcpuHour&limit=5" },
  },
  {
    method: "get",
    path: "/api/v1/catalog/export",
    operationId: "exportCatalog",
    tag: "Catalog",
    summary: "Export a catalog version as CSV",
    query: CatalogExportQuerySchema,
    success: { status: 200, description: "The instance types at list prices, as a CSV download.", body: { media: { "text/csv": { type: "string", description: "One row per instance type; the catalog import reads it back." } } } },
    problems: ["validation", "not-found"],
  },
  {
    method: "get",
    path: "/api/v1/comparison",
    operationId: "compareScenarios",
    tag: "Comparison",
    summary: "Compare 2–4 scenarios",
    description: "The /compare page's figures from stored plans: KPIs with deltas to the baseline (the first id), differing inputs, monthly totals, components, nodes.",
    query: ComparisonQuerySchema,
    success: { status: 200, description: "The comparison.", body: { component: "Comparison" } },
    problems: ["validation", "not-found"],
    example: { query: "?scenarios=$BASELINE_ID,$OTHER_ID" },
  },
  {
    method: "get",
    path: "/api/v1/workloads/{id}/export",
    operationId: "exportWorkload",
    tag: "Workloads",
    summary: "Export a profile as a workload document",
    success: { status: 200, description: "The profile and its scenarios (schemaVersion 1), as a download.", body: { component: "WorkloadDocument" }, etag: true },
    problems: ["not-found"],
  },
  {
    method: "post",
    path: "/api/v1/workloads/import",
    operationId: "importWorkload",
    tag: "Workloads",
    summary: "Import a workload document",
    description: "Creates the profile and its scenarios in one statement; a bad document writes nothing.",
    body: "WorkloadDocumentInput",
    success: { status: 201, description: "The imported profile's id and page.", body: { component: "ImportResult" }, location: true },
    problems: ["validation", ...WRITE],
  },
  {
    method: "get",
    path: "/api/v1/openapi.json",
    operationId: "getOpenApiDocument",
    tag: "API",
    summary: "This API's OpenAPI 3.1 document",
    success: { status: 200, description: "The document.", body: { media: { "application/json": { type: "object", required: ["openapi", "paths"] } } } },
    problems: [],
    viaRouteLayer: false,
  },
];
