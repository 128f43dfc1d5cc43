/**
 * Every /api/v1 route called for real on PostgreSQL — successes and errors — and every response
 * checked against the OpenAPI document (lib/api/testing/contract.ts). Bad input answers 400 with
 * field errors and writes nothing; unknown ids 404; stale writes 412; writes without If-Match 428.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import * as catalogExport from "@/app/api/v1/catalog/export/route";
import * as instanceTypes from "@/app/api/v1/catalog/instance-types/route";
import * as comparison from "@/app/api/v1/comparison/route";
import * as openapi from "@/app/api/v1/openapi.json/route";
import * as plan from "@/app/api/v1/scenarios/[id]/plan/route";
import * as planStatus from "@/app/api/v1/scenarios/[id]/plan/status/route";
import * as scenario from "@/app/api/v1/scenarios/[id]/route";
import * as tfvars from "@/app/api/v1/scenarios/[id]/tfvars/route";
import * as workloadExport from "@/app/api/v1/workloads/[id]/export/route";
import * as workload from "@/app/api/v1/workloads/[id]/route";
import * as workloadScenarios from "@/app/api/v1/workloads/[id]/scenarios/route";
import * as workloadImport from "@/app/api/v1/workloads/import/route";
import * as workloads from "@/app/api/v1/workloads/route";
import { browseInstanceTypes } from "@/lib/catalog/browse";
import type { Db } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { postgresBackend, type TestDatabase } from "@/lib/db/testing/backends";
import { exampleWorkloads } from "@/lib/model/examples";
import { createApiToken } from "@/lib/services/api-tokens";
import { getPricedCatalog } from "@/lib/services/catalog";
import { loadComparison } from "@/lib/services/compare";
import { getScenarioPlan } from "@/lib/services/plans";
import { getScenario, listScenarios } from "@/lib/services/scenarios";
import { seedDemoUsers } from "@/lib/services/demo-users";
import { seedDemoData } from "@/lib/services/seed";

import { contractChecker } from "./testing/contract";

const readyDb = vi.hoisted(() => ({ current: undefined as Db | undefined }));
vi.mock("@/lib/services/startup", () => ({
  getReadyDb: () => (readyDb.current ? Promise.resolve(readyDb.current) : Promise.reject(new Error("no test database"))),
}));

type Handler = (request: Request, route: { params: Promise<{ id: string }> }) => Promise<Response>;
type Call = { query?: string; body?: unknown; headers?: Record<string, string>; id?: string };

const BASE = "http://127.0.0.1:3101";
/** Credentials of every call: a write token of the demo admin (set in beforeAll). */
const auth = { header: "" };
const UNKNOWN = "00000000-0000-4000-8000-000000000000";
const contract = contractChecker();

/** Calls a route handler as Next would, and checks the response against the document. */
async function call(handler: unknown, method: string, path: string, init: Call = {}): Promise<{ status: number; headers: Headers; body: unknown }> {
  const url = `${BASE}${path.replace("{id}", init.id ?? "")}${init.query ?? ""}`;
  const hasBody = init.body !== undefined;
  const request = new Request(url, {
    method: method.toUpperCase(),
    headers: { authorization: auth.header, ...(hasBody ? { "content-type": "application/json" } : {}), ...init.headers },
    body: hasBody ? (typeof init.body === "string" ? init.body : JSON.stringify(init.body)) : undefined,
  });
  const response = await (handler as Handler)(request, { params: Promise.resolve({ id: init.id ?? "" }) });
  const headers = response.headers;
  const status = response.status;
  return { status, headers, body: await contract.check(method, path, response) };
}

type Problem = { status: number; detail: string; errors?: { path: string; message: string }[] };
const errorPaths = (body: unknown) => ((body as Problem).errors ?? []).map((error) => error.path);

const fraud = exampleWorkloads[2]!;
const newWorkload = (name: string) => ({ name, description: "From the API test", team: "payments", tags: ["api"], spec: fraud.spec });
const newScenario = (name: string) => ({ name, description: "", spec: fraud.scenarios[0]!.spec });

describe("the /api/v1 routes on PostgreSQL", () => {
  let t: TestDatabase;
  let demo: { id: string; workloadId: string; name: string }[] = [];
  const count = () => Promise.all([t.db.prisma.workloadProfile.count(), t.db.prisma.scenario.count()]);

  beforeAll(async () => {
    t = await postgresBackend.open();
    await migrate(t.db);
    await seedDemoData(t.db);
    await seedDemoUsers(t.db);
    const admin = await t.db.prisma.user.findFirstOrThrow({ where: { role: "admin" } });
    const { token } = await createApiToken(t.db.prisma, { kind: "user", id: admin.id, name: admin.name, email: admin.email, role: "admin" }, { name: "API test", scope: "write", expiresInDays: 1 });
    auth.header = `Bearer ${token}`;
    readyDb.current = t.db;
    demo = (await listScenarios(t.db.prisma, { pageSize: 50, sort: "createdAt", direction: "asc" })).rows.map(({ id, workloadId, name }) => ({ id, workloadId, name }));
  });
  afterAll(async () => {
    readyDb.current = undefined;
    await t.cleanup();
  });

  describe("workloads", () => {
    it("creates a profile with a scenario, stores its plan, and answers 201 with Location and ETag", async () => {
      const created = await call(workloads.POST, "post", "/api/v1/workloads", { body: { ...newWorkload("API fraud"), scenarios: [newScenario("Baseline")] } });
      expect(created.status).toBe(201);
      const body = created.body as { id: string; version: number; scenarios: { id: string }[]; tags: string[] };
      expect(created.headers.get("etag")).toBe('"v1"');
      expect(created.headers.get("location")).toBe(`/api/v1/workloads/${body.id}`);
      expect(body.tags).toEqual(["api"]);
      const stored = await t.db.prisma.scenarioPlan.findUnique({ where: { scenarioId: body.scenarios[0]!.id } });
      expect(stored?.workloadVersion).toBe(1);
    });

    it("refuses a bad body with 400 naming each field, and writes nothing", async () => {
      const before = await count();
      const bad = await call(workloads.POST, "post", "/api/v1/workloads", { body: { name: " ", tags: "x", spec: { kind: "streaming", stages: [] } } });
      expect(bad.status).toBe(400);
      expect(errorPaths(bad.body)).toEqual(expect.arrayContaining(["name", "tags", "spec.stages"]));
      const broken = await call(workloads.POST, "post", "/api/v1/workloads", { body: "{ not json" });
      expect(errorPaths(broken.body)).toEqual(["(body)"]);
      expect(await count()).toEqual(before);
    });

    it("refuses cross-site, non-JSON and oversized writes before reading them", async () => {
      expect((await call(workloads.POST, "post", "/api/v1/workloads", { body: {}, headers: { origin: "http://evil.example" } })).status).toBe(403);
      expect((await call(workloads.POST, "post", "/api/v1/workloads", { body: "{}", headers: { "content-type": "text/plain" } })).status).toBe(415);
      const huge = { ...newWorkload("x"), description: "x".repeat(1024 * 1024) };
      expect((await call(workloads.POST, "post", "/api/v1/workloads", { body: huge })).status).toBe(413);
    });

    it("answers 401 without credentials or with a revoked token, and 403 to a read-only token's write, writing nothing", async () => {
      const before = await count();
      expect((await call(workloads.GET, "get", "/api/v1/workloads", { headers: { authorization: "" } })).status).toBe(401);
      expect((await call(workloads.POST, "post", "/api/v1/workloads", { body: newWorkload("No credentials"), headers: { authorization: "Bearer hr_not-a-token" } })).status).toBe(401);
      const viewer = await t.db.prisma.user.findFirstOrThrow({ where: { role: "viewer" } });
      const { token } = await createApiToken(t.db.prisma, { kind: "user", id: viewer.id, name: viewer.name, email: viewer.email, role: "viewer" }, { name: "read", scope: "read", expiresInDays: 1 });
      const readOnly = { authorization: `Bearer ${token}` };
      expect((await call(workloads.GET, "get", "/api/v1/workloads", { headers: readOnly })).status).toBe(200);
      const refused = await call(workloads.POST, "post", "/api/v1/workloads", { body: newWorkload("Read-only token"), headers: readOnly });
      expect(refused.status).toBe(403);
      expect((refused.body as Problem).detail).toMatch(/viewer/);
      expect(await count()).toEqual(before);
    });

    it("lists every profile exactly once across cursor pages, oldest first, and filters", async () => {
      const all = await t.db.prisma.workloadProfile.findMany({ where: { deletedAt: null }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true } });
      expect(all.length).toBeGreaterThanOrEqual(4);
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await call(workloads.GET, "get", "/api/v1/workloads", { query: `?limit=2${cursor ? `&cursor=${cursor}` : ""}` });
        const body = page.body as { items: { id: string }[]; nextCursor: string | null };
        expect(body.items.length).toBeLessThanOrEqual(2);
        seen.push(...body.items.map((item) => item.id));
        cursor = body.nextCursor;
      } while (cursor);
      expect(seen).toEqual(all.map((row) => row.id));
      const batch = await call(workloads.GET, "get", "/api/v1/workloads", { query: "?kind=batch" });
      expect((batch.body as { items: { kind: string }[] }).items.map((item) => item.kind)).toEqual(["batch"]);
    });

    it("refuses a page size outside 1–100, an unknown kind and a forged cursor with 400", async () => {
      for (const [query, path] of [["?limit=0", "limit"], ["?limit=101", "limit"], ["?kind=stream", "kind"], ["?cursor=bm90LWEtY3Vyc29y", "cursor"], ["?limit=1&limit=2", "limit"]]) {
        const bad = await call(workloads.GET, "get", "/api/v1/workloads", { query });
        expect(bad.status, query).toBe(400);
        expect(errorPaths(bad.body), query).toEqual([path]);
      }
    });

    it("gets one profile with its ETag; 404 for an unknown or malformed id", async () => {
      const { workloadId } = demo[0]!;
      const found = await call(workload.GET, "get", "/api/v1/workloads/{id}", { id: workloadId });
      expect(found.status).toBe(200);
      expect(found.headers.get("etag")).toBe(`"v${(found.body as { version: number }).version}"`);
      expect((await call(workload.GET, "get", "/api/v1/workloads/{id}", { id: UNKNOWN })).status).toBe(404);
      expect((await call(workload.GET, "get", "/api/v1/workloads/{id}", { id: "not-a-uuid" })).status).toBe(404);
    });

    it("replaces a profile only with the current ETag: 428 without, 412 when stale, 400 for bad input, each writing nothing", async () => {
      const created = (await call(workloads.POST, "post", "/api/v1/workloads", { body: { ...newWorkload("To edit"), scenarios: [newScenario("Only")] } })).body as { id: string; scenarios: { id: string }[] };
      const id = created.id;
      const replacement = { ...newWorkload("Edited"), team: "risk" };
      expect((await call(workload.PUT, "put", "/api/v1/workloads/{id}", { id, body: replacement })).status).toBe(428);
      const stale = await call(workload.PUT, "put", "/api/v1/workloads/{id}", { id, body: replacement, headers: { "if-match": '"v7"' } });
      expect(stale.status).toBe(412);
      expect((stale.body as Problem).detail).toContain('"v1"');
      const weak = await call(workload.PUT, "put", "/api/v1/workloads/{id}", { id, body: replacement, headers: { "if-match": 'W/"v1"' } });
      expect(weak.status).toBe(412);
      const bad = await call(workload.PUT, "put", "/api/v1/workloads/{id}", { id, body: { ...replacement, spec: { kind: "streaming", stages: [{ kind: "stream", name: "s" }] } }, headers: { "if-match": '"v1"' } });
      expect(bad.status).toBe(400);
      expect(errorPaths(bad.body).some((path) => path.startsWith("spec.stages.0."))).toBe(true);
      expect(await t.db.prisma.workloadProfile.findUnique({ where: { id }, select: { name: true, version: true } })).toEqual({ name: "To edit", version: 1 });

      const saved = await call(workload.PUT, "put", "/api/v1/workloads/{id}", { id, body: replacement, headers: { "if-match": '"v1"' } });
      expect(saved.status).toBe(200);
      expect(saved.headers.get("etag")).toBe('"v2"');
      expect(saved.body).toMatchObject({ name: "Edited", team: "risk", version: 2 });
      // The plan was stored again for the new profile version, as after a form save.
      expect((await t.db.prisma.scenarioPlan.findUnique({ where: { scenarioId: created.scenarios[0]!.id } }))?.workloadVersion).toBe(2);
      expect((await call(workload.PUT, "put", "/api/v1/workloads/{id}", { id: UNKNOWN, body: replacement, headers: { "if-match": '"v1"' } })).status).toBe(404);
      expect((await call(workload.PUT, "put", "/api/v1/workloads/{id}", { id, body: replacement, headers: { "if-match": "v2" } })).status).toBe(400);
    });

    it("deletes a profile only with the current ETag, then answers 404 for it", async () => {
      const { id } = (await call(workloads.POST, "post", "/api/v1/workloads", { body: newWorkload("To delete") })).body as { id: string };
      expect((await call(workload.DELETE, "delete", "/api/v1/workloads/{id}", { id })).status).toBe(428);
      expect((await call(workload.DELETE, "delete", "/api/v1/workloads/{id}", { id, headers: { "if-match": '"v2"' } })).status).toBe(412);
      expect((await call(workload.DELETE, "delete", "/api/v1/workloads/{id}", { id, headers: { "if-match": '"v1"', origin: "http://evil.example" } })).status).toBe(403);
      expect((await call(workload.DELETE, "delete", "/api/v1/workloads/{id}", { id, headers: { "if-match": '"v1"' } })).status).toBe(204);
      expect((await call(workload.GET, "get", "/api/v1/workloads/{id}", { id })).status).toBe(404);
      expect((await call(workload.DELETE, "delete", "/api/v1/workloads/{id}", { id, headers: { "if-match": "*" } })).status).toBe(404);
    });

    it("exports a profile as a document and imports it back; a bad document writes nothing", async () => {
      const { workloadId } = demo[0]!;
      const exported = await call(workloadExport.GET, "get", "/api/v1/workloads/{id}/export", { id: workloadId });
      expect(exported.status).toBe(200);
      expect((await call(workloadExport.GET, "get", "/api/v1/workloads/{id}/export", { id: UNKNOWN })).status).toBe(404);
      const imported = await call(workloadImport.POST, "post", "/api/v1/workloads/import", { body: exported.body });
      expect(imported.status).toBe(201);
      const before = await count();
      const bad = await call(workloadImport.POST, "post", "/api/v1/workloads/import", { body: { kind: "something else" } });
      expect(bad.status).toBe(400);
      expect(await count()).toEqual(before);
    });
  });

  describe("scenarios", () => {
    it("adds a scenario to a profile, priced and planned; 404 for an unknown profile; 400 writes nothing", async () => {
      const { workloadId } = demo[0]!;
      const created = await call(workloadScenarios.POST, "post", "/api/v1/workloads/{id}/scenarios", { id: workloadId, body: { ...newScenario("From the API"), spec: (await getScenario(t.db.prisma, demo[0]!.id))!.spec } });
      expect(created.status).toBe(201);
      const body = created.body as { id: string; pricedCatalogVersion: string; ofRecord: boolean };
      expect(body.pricedCatalogVersion).toBe((await getPricedCatalog(t.db.prisma)).version);
      expect(body.ofRecord).toBe(false);
      expect(await t.db.prisma.scenarioPlan.count({ where: { scenarioId: body.id } })).toBe(1);

      expect((await call(workloadScenarios.POST, "post", "/api/v1/workloads/{id}/scenarios", { id: UNKNOWN, body: newScenario("Nowhere") })).status).toBe(404);
      const before = await count();
      const bad = await call(workloadScenarios.POST, "post", "/api/v1/workloads/{id}/scenarios", { id: workloadId, body: { name: "", spec: { horizonMonths: 0 } } });
      expect(bad.status).toBe(400);
      expect(errorPaths(bad.body)).toEqual(expect.arrayContaining(["name", "spec.horizonMonths"]));
      expect(await count()).toEqual(before);
    });

    it("lists a profile's scenarios in cursor pages; 404 for an unknown profile, 400 for a bad limit", async () => {
      const { workloadId } = demo[0]!;
      const expected = (await t.db.prisma.scenario.findMany({ where: { workloadId, deletedAt: null }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true } })).map((row) => row.id);
      const first = (await call(workloadScenarios.GET, "get", "/api/v1/workloads/{id}/scenarios", { id: workloadId, query: "?limit=1" })).body as { items: { id: string }[]; nextCursor: string };
      const rest = (await call(workloadScenarios.GET, "get", "/api/v1/workloads/{id}/scenarios", { id: workloadId, query: `?limit=100&cursor=${first.nextCursor}` })).body as { items: { id: string }[]; nextCursor: null };
      expect([...first.items, ...rest.items].map((item) => item.id)).toEqual(expected);
      expect(rest.nextCursor).toBeNull();
      expect((await call(workloadScenarios.GET, "get", "/api/v1/workloads/{id}/scenarios", { id: UNKNOWN })).status).toBe(404);
      expect((await call(workloadScenarios.GET, "get", "/api/v1/workloads/{id}/scenarios", { id: workloadId, query: "?limit=x" })).status).toBe(400);
    });

    it("replaces a scenario with If-Match (428, 412, 400 write nothing) and stores its new plan", async () => {
      const { workloadId } = demo[1]!;
      const created = (await call(workloadScenarios.POST, "post", "/api/v1/workloads/{id}/scenarios", { id: workloadId, body: { ...newScenario("Editable"), spec: (await getScenario(t.db.prisma, demo[1]!.id))!.spec } })).body as { id: string; spec: { horizonMonths: number } };
      const id = created.id;
      const read = await call(scenario.GET, "get", "/api/v1/scenarios/{id}", { id });
      expect(read.headers.get("etag")).toBe('"v1"');
      // The representation read can be sent back, changed: read-only fields are ignored.
      const changed = { ...(read.body as object), name: "Edited", spec: { ...created.spec, horizonMonths: 12 } };
      expect((await call(scenario.PUT, "put", "/api/v1/scenarios/{id}", { id, body: changed })).status).toBe(428);
      expect((await call(scenario.PUT, "put", "/api/v1/scenarios/{id}", { id, body: changed, headers: { "if-match": '"v0"' } })).status).toBe(412);
      expect((await call(scenario.PUT, "put", "/api/v1/scenarios/{id}", { id, body: { ...changed, spec: { ...created.spec, horizonMonths: 999 } }, headers: { "if-match": '"v1"' } })).status).toBe(400);
      expect(await t.db.prisma.scenario.findUnique({ where: { id }, select: { name: true, version: true } })).toEqual({ name: "Editable", version: 1 });

      const saved = await call(scenario.PUT, "put", "/api/v1/scenarios/{id}", { id, body: changed, headers: { "if-match": '"v1"' } });
      expect(saved.status).toBe(200);
      expect(saved.headers.get("etag")).toBe('"v2"');
      const stored = await call(plan.GET, "get", "/api/v1/scenarios/{id}/plan", { id });
      expect(stored.body).toMatchObject({ key: { scenarioVersion: 2 }, horizonMonths: 12 });
      expect((stored.body as { months: unknown[] }).months).toHaveLength(12);
      expect((await call(scenario.PUT, "put", "/api/v1/scenarios/{id}", { id: UNKNOWN, body: changed, headers: { "if-match": '"v1"' } })).status).toBe(404);

      expect((await call(scenario.DELETE, "delete", "/api/v1/scenarios/{id}", { id })).status).toBe(428);
      expect((await call(scenario.DELETE, "delete", "/api/v1/scenarios/{id}", { id, headers: { "if-match": '"v1"' } })).status).toBe(412);
      expect((await call(scenario.DELETE, "delete", "/api/v1/scenarios/{id}", { id, headers: { "if-match": '"v2"' } })).status).toBe(204);
      expect((await call(scenario.GET, "get", "/api/v1/scenarios/{id}", { id })).status).toBe(404);
    });
  });

  describe("plans, tfvars, catalog and comparison", () => {
    it("gives the stored plan: each month's total and each stage's nodes as stored, with bands and the ladder", async () => {
      const steady = demo.find((s) => s.name.startsWith("Steady"))!;
      const response = await call(plan.GET, "get", "/api/v1/scenarios/{id}/plan", { id: steady.id });
      const body = response.body as { months: { costUsdPerMonth: { totalUsdPerMonth: number }; stages: { nodes: number | null }[] }[]; commitments: unknown; dr: unknown; currency: string };
      const stored = await getScenarioPlan(t.db.prisma, (await getScenario(t.db.prisma, steady.id))!);
      if (stored?.computed.kind !== "priced") throw new Error("a priced demo plan expected");
      const months = stored.computed.plan.months;
      expect(body.months.map((month) => month.costUsdPerMonth.totalUsdPerMonth)).toEqual(months.map((month) => month.breakdown.totalUsdPerMonth));
      expect(body.months[0]!.stages.map((stage) => stage.nodes)).toEqual(months[0]!.stages.map((stage) => stage.nodes));
      expect(body.currency).toBe("USD");
      expect(body.commitments).not.toBeNull();
      expect(body.dr).not.toBeNull();
      expect((await call(plan.GET, "get", "/api/v1/scenarios/{id}/plan", { id: UNKNOWN })).status).toBe(404);
      expect((await call(planStatus.GET, "get", "/api/v1/scenarios/{id}/plan/status", { id: steady.id })).status).toBe(200);
      expect((await call(planStatus.GET, "get", "/api/v1/scenarios/{id}/plan/status", { id: "nope" })).status).toBe(404);
    });

    it("downloads tfvars; 400 names bad query fields, 404 an unknown scenario, 422 a month outside the plan", async () => {
      const { id } = demo[0]!;
      expect((await call(tfvars.GET, "get", "/api/v1/scenarios/{id}/tfvars", { id })).status).toBe(200);
      expect((await call(tfvars.GET, "get", "/api/v1/scenarios/{id}/tfvars", { id, query: "?format=json&month=2026-03" })).status).toBe(200);
      expect(errorPaths((await call(tfvars.GET, "get", "/api/v1/scenarios/{id}/tfvars", { id, query: "?format=xml" })).body)).toEqual(["format"]);
      expect((await call(tfvars.GET, "get", "/api/v1/scenarios/{id}/tfvars", { id: UNKNOWN })).status).toBe(404);
      expect((await call(tfvars.GET, "get", "/api/v1/scenarios/{id}/tfvars", { id, query: "?month=2040-01" })).status).toBe(422);
    });

    it("lists the priced catalog in the catalog page's order across cursor pages, filtered", async () => {
      const priced = await getPricedCatalog(t.db.prisma);
      const expected = browseInstanceTypes({ provider: "aws", region: "us-east-1", family: undefined, sort: "vcpu", page: 1 }, priced.catalog).map((row) => row.id);
      const first = (await call(instanceTypes.GET, "get", "/api/v1/catalog/instance-types", { query: "?provider=aws&region=us-east-1&sort=vcpu&limit=7" })).body as { items: { id: string; provider: string }[]; nextCursor: string; pricedCatalogVersion: string };
      const second = (await call(instanceTypes.GET, "get", "/api/v1/catalog/instance-types", { query: `?provider=aws&region=us-east-1&sort=vcpu&limit=7&cursor=${first.nextCursor}` })).body as { items: { id: string }[] };
      expect([...first.items, ...second.items].map((item) => item.id)).toEqual(expected.slice(0, 14));
      expect(first.pricedCatalogVersion).toBe(priced.version);
      const otherSort = await call(instanceTypes.GET, "get", "/api/v1/catalog/instance-types", { query: `?provider=aws&region=us-east-1&sort=memoryGib&cursor=${first.nextCursor}` });
      expect(errorPaths(otherSort.body)).toEqual(["cursor"]);
      expect(errorPaths((await call(instanceTypes.GET, "get", "/api/v1/catalog/instance-types", { query: "?provider=ibm&minVcpu=-1" })).body).sort()).toEqual(["minVcpu", "provider"]);
    });

    it("exports the catalog as CSV; 400 for a malformed version, 404 for an unknown one", async () => {
      const csv = await call(catalogExport.GET, "get", "/api/v1/catalog/export");
      expect(csv.status).toBe(200);
      expect(String(csv.body).split("\r\n")[0]).toMatch(/^id,provider,/);
      expect((await call(catalogExport.GET, "get", "/api/v1/catalog/export", { query: "?version=latest" })).status).toBe(400);
      expect((await call(catalogExport.GET, "get", "/api/v1/catalog/export", { query: "?version=1999-01-01.1" })).status).toBe(404);
    });

    it("compares scenarios with the /compare page's figures; 400 for one id, 404 naming unknown ids", async () => {
      const ids = [demo[0]!.id, demo[1]!.id];
      const response = await call(comparison.GET, "get", "/api/v1/comparison", { query: `?scenarios=${ids.join(",")}` });
      const page = await loadComparison(t.db.prisma, ids);
      if (page.kind !== "ok") throw new Error("comparison expected");
      const body = response.body as { kpis: { key: string; cells: { value: number | null }[] }[]; scenarios: { scenarioId: string }[] };
      expect(body.scenarios.map((s) => s.scenarioId)).toEqual(ids);
      expect(body.kpis.map((row) => [row.key, row.cells.map((cell) => cell.value)])).toEqual(page.comparison.kpis.map((row) => [row.key, row.cells.map((cell) => cell.value)]));
      expect(errorPaths((await call(comparison.GET, "get", "/api/v1/comparison", { query: `?scenarios=${ids[0]}` })).body)).toEqual(["scenarios"]);
      const missing = await call(comparison.GET, "get", "/api/v1/comparison", { query: `?scenarios=${ids[0]},${UNKNOWN}` });
      expect(missing.status).toBe(404);
      expect((missing.body as Problem).detail).toContain(UNKNOWN);
    });

    it("serves the OpenAPI document", async () => {
      const response = await call(openapi.GET, "get", "/api/v1/openapi.json");
      expect(response.body).toMatchObject({ openapi: "3.1.0" });
    });
  });

  it("has checked a success and an error response of every documented operation", () => {
    expect(contract.unchecked()).toEqual([]);
  });
});
