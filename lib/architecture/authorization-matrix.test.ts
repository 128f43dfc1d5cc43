import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

import { toWorkloadDocument } from "@/lib/export/workload-document";
import { newWorkloadInput } from "@/lib/forms/workload-form";
import type { Principal, Role } from "@/lib/policy";

/**
 * The authorization matrix: every exported server action, route handler and page, discovered from
 * the code (so a new one without an entry here fails), with the permission it must demand. Each
 * action and route is called as anonymous and as each role; the expected outcome comes from the
 * issue's table below, written out independently of lib/policy. The database is a trap: reaching
 * it means the caller was let through.
 */

type Requirement = "public" | "read" | "workloads.write" | "finops.write" | "delete" | "admin";
type Caller = Role | "anonymous";

/** Who may, per requirement (issue 16: viewer reads; architect workloads; finops money; admin all). */
const ALLOWED: Record<Requirement, readonly Caller[]> = {
  public: ["anonymous", "viewer", "architect", "finops", "admin"],
  read: ["viewer", "architect", "finops", "admin"],
  "workloads.write": ["architect", "admin"],
  "finops.write": ["finops", "admin"],
  delete: ["admin"],
  admin: ["admin"],
};
const CALLERS: readonly Caller[] = ["anonymous", "viewer", "architect", "finops", "admin"];

const ID = "11111111-1111-4111-8111-111111111111";
const ID2 = "22222222-2222-4222-8222-222222222222";

function form(values: Record<string, string | File>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.append(key, value);
  return data;
}

/** A workload form that parses (the action checks the form before it asks the policy). */
const WORKLOAD_FORM = {
  name: "Clicks",
  "spec.kind": "streaming",
  "spec.stages.0.kind": "broker",
  "spec.stages.0.name": "kafka",
  "spec.stages.0.avgEventsPerSec": "1000",
  "spec.stages.0.eventSizeBytes": "1000",
};

/** A workload document that parses, for the imports. */
const DOCUMENT = () => JSON.stringify(toWorkloadDocument({ ...newWorkloadInput(), name: "Clicks" }, []));

/** Server actions by `<file>.<export>`: what each demands, and arguments that reach that check. */
const ACTIONS: Record<string, { requires: Requirement; args: () => unknown[] }> = {
  "admin.createApiTokenAction": { requires: "admin", args: () => [{ ok: false }, form({ name: "ci", scope: "read", expiresInDays: "30" })] },
  "admin.revokeApiTokenAction": { requires: "admin", args: () => [ID] },
  "auth.signInAction": { requires: "public", args: () => [] },
  "auth.signInAsDemoAction": { requires: "public", args: () => [] },
  "auth.signOutAction": { requires: "public", args: () => [] },
  "budgets.setTeamBudgetAction": { requires: "finops.write", args: () => [{ ok: false }, form({ team: "Data", monthlyUsd: "1000", previousRevision: "0", reason: "" })] },
  "catalog.importCatalogCsvAction": { requires: "finops.write", args: () => [{ ok: false }, form({ file: new File(["id\n"], "prices.csv", { type: "text/csv" }) })] },
  "catalog.repriceAllScenariosAction": { requires: "finops.write", args: () => [] },
  "catalog.restoreCatalogVersionAction": { requires: "finops.write", args: () => [{ ok: false }, form({ version: "2026-01-01.1" })] },
  "catalog.resetOverrideAction": { requires: "finops.write", args: () => [{ ok: false }, form({ key: "discount:aws", reason: "", expectedRevision: "1" })] },
  "catalog.setItemPriceOverrideAction": { requires: "finops.write", args: () => [{ ok: false }, form({ itemId: "aws:us-east-1:m7i.xlarge", priceUsd: "0.1", reason: "quote", expectedRevision: "0" })] },
  "catalog.setProviderDiscountAction": { requires: "finops.write", args: () => [{ ok: false }, form({ provider: "aws", discountPercent: "10", reason: "EDP", expectedRevision: "0" })] },
  "scenarios.cloneScenarioAction": { requires: "workloads.write", args: () => [ID] },
  "scenarios.createScenarioAction": { requires: "workloads.write", args: () => [{ ok: false }, form({ workloadId: ID })] },
  "scenarios.deleteScenarioAction": { requires: "delete", args: () => [ID] },
  "scenarios.repriceScenarioAction": { requires: "finops.write", args: () => [ID] },
  "scenarios.setPlanOfRecordAction": { requires: "finops.write", args: () => [ID] },
  "scenarios.updateScenarioAction": { requires: "workloads.write", args: () => [{ ok: false }, form({ id: ID, version: "1" })] },
  "what-if.applyWhatIfAction": { requires: "workloads.write", args: () => [{ ok: false }, form({ scenarioId: ID, version: "1", growth: "0.05" })] },
  "what-if.saveWhatIfAsScenarioAction": { requires: "workloads.write", args: () => [{ ok: false }, form({ scenarioId: ID, name: "Faster", growth: "0.05" })] },
  "workloads.createWorkloadAction": { requires: "workloads.write", args: () => [{ ok: false }, form(WORKLOAD_FORM)] },
  "workloads.deleteWorkloadAction": { requires: "delete", args: () => [ID] },
  "workloads.duplicateWorkloadAction": { requires: "workloads.write", args: () => [ID] },
  "workloads.importWorkloadAction": {
    requires: "workloads.write",
    args: () => [{ ok: false }, form({ file: new File([DOCUMENT()], "w.json", { type: "application/json" }) })],
  },
  "workloads.restoreWorkloadAction": { requires: "delete", args: () => [ID] },
  "workloads.updateWorkloadAction": { requires: "workloads.write", args: () => [{ ok: false }, form({ ...WORKLOAD_FORM, id: ID, version: "1" })] },
};

/** Route handlers by `<path under app> <METHOD>`, with a request that reaches the permission check. */
const ROUTES: Record<string, { requires: Requirement; request?: () => Request }> = {
  "api/health GET": { requires: "public" },
  "api/v1/catalog/export GET": { requires: "read" },
  "api/v1/catalog/instance-types GET": { requires: "read" },
  "api/v1/comparison GET": { requires: "read", request: () => new Request(`http://localhost/api/v1/comparison?scenarios=${ID},${ID2}`) },
  "api/v1/openapi.json GET": { requires: "public" },
  "api/v1/scenarios/[id] GET": { requires: "read" },
  "api/v1/scenarios/[id] PUT": { requires: "workloads.write", request: () => jsonRequest("PUT", `/api/v1/scenarios/${ID}`, SCENARIO_BODY()) },
  "api/v1/scenarios/[id] DELETE": { requires: "delete", request: () => jsonRequest("DELETE", `/api/v1/scenarios/${ID}`) },
  "api/v1/scenarios/[id]/plan GET": { requires: "read" },
  "api/v1/scenarios/[id]/plan/status GET": { requires: "read" },
  "api/v1/scenarios/[id]/tfvars GET": { requires: "read" },
  "api/v1/workloads GET": { requires: "read" },
  "api/v1/workloads POST": { requires: "workloads.write", request: () => jsonRequest("POST", "/api/v1/workloads", WORKLOAD_BODY()) },
  "api/v1/workloads/[id] GET": { requires: "read" },
  "api/v1/workloads/[id] PUT": { requires: "workloads.write", request: () => jsonRequest("PUT", `/api/v1/workloads/${ID}`, WORKLOAD_BODY()) },
  "api/v1/workloads/[id] DELETE": { requires: "delete", request: () => jsonRequest("DELETE", `/api/v1/workloads/${ID}`) },
  "api/v1/workloads/[id]/export GET": { requires: "read" },
  "api/v1/workloads/[id]/scenarios GET": { requires: "read" },
  "api/v1/workloads/[id]/scenarios POST": { requires: "workloads.write", request: () => jsonRequest("POST", `/api/v1/workloads/${ID}/scenarios`, SCENARIO_BODY()) },
  "api/v1/workloads/import POST": {
    requires: "workloads.write",
    request: () => new Request("http://localhost/api/v1/workloads/import", { method: "POST", headers: { "content-type": "application/json" }, body: DOCUMENT() }),
  },
  "compare/export GET": { requires: "read", request: () => new Request(`http://localhost/compare/export?scenarios=${ID},${ID2}`) },
  "workloads/[id]/scenarios/[scenarioId]/what-if GET": { requires: "read", request: () => new Request(`http://localhost/workloads/${ID}/scenarios/${ID2}/what-if?growth=0.05`) },
};

/** A JSON write with `If-Match: *`, so the handler gets past its own checks to the database. */
function jsonRequest(method: string, route: string, body?: string): Request {
  return new Request(`http://localhost${route}`, { method, headers: { "content-type": "application/json", "if-match": "*" }, body });
}

/** Bodies that parse, for the API's writes. */
const WORKLOAD_BODY = () => JSON.stringify({ ...newWorkloadInput(), name: "Clicks" });
const SCENARIO_BODY = () => JSON.stringify({ name: "Flat", spec: { startMonth: "2027-01" } });

/** Pages by route, and the permission that guards their content (edit pages render a refusal instead). */
const PAGES: Record<string, Requirement> = {
  "/": "read",
  "/about": "public",
  "/admin/audit": "admin",
  "/admin/tokens": "admin",
  "/api-reference": "public",
  "/catalog": "read",
  "/compare": "read",
  "/scenarios": "read",
  "/sign-in": "public",
  "/workloads": "read",
  "/workloads/[id]": "read",
  "/workloads/[id]/edit": "workloads.write",
  "/workloads/[id]/scenarios/[scenarioId]": "read",
  "/workloads/[id]/scenarios/[scenarioId]/edit": "workloads.write",
  "/workloads/[id]/scenarios/new": "workloads.write",
  "/workloads/import": "workloads.write",
  "/workloads/new": "workloads.write",
};

// ---- the trap and the caller ----------------------------------------------------------------

class ReachedDatabase extends Error {}
const trap = new Proxy({}, { get: () => { throw new ReachedDatabase("reached the database"); } });
let caller: Principal | null = null;

vi.mock("@/lib/services/principal", () => ({ principalFromHeaders: async () => caller }));
vi.mock("@/lib/services/ready-db", () => ({ onReadyDb: async (_label: string, work: (db: unknown) => Promise<unknown>) => ({ ok: true, value: await work(trap) }) }));
vi.mock("@/lib/services/startup", () => ({ getReadyDb: async () => { throw new ReachedDatabase("reached the database"); }, prepareDatabase: async () => ({ ok: false }) }));
vi.mock("next/headers", () => ({ headers: async () => new Headers(), cookies: async () => ({ get: () => undefined, set: () => {} }) }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("next/navigation", () => ({ redirect: (to: string) => { throw new Error(`REDIRECT ${to}`); }, notFound: () => { throw new Error("NOT_FOUND"); } }));
vi.mock("next/server", async (original) => ({ ...(await original<typeof import("next/server")>()), connection: async () => {} }));

function principalOf(who: Caller): Principal | null {
  return who === "anonymous" ? null : { kind: "user", id: `u-${who}`, name: who, email: `${who}@example.com`, role: who };
}

const REFUSAL = /^(Your role \(\w+\) cannot|Your session has ended)/;

/** "allowed" when the call reached the database, "refused" when the policy stopped it. */
async function actionOutcome(action: (...args: unknown[]) => Promise<unknown>, args: unknown[]): Promise<"allowed" | "refused"> {
  try {
    const state = (await action(...args)) as { ok: boolean; message?: string };
    if (!state.ok && REFUSAL.test(state.message ?? "")) return "refused";
    throw new Error(`neither refused nor reaching the database: ${JSON.stringify(state)}`);
  } catch (error) {
    if (error instanceof ReachedDatabase) return "allowed";
    throw error;
  }
}

async function routeOutcome(handler: (request: Request, context: unknown) => Promise<Response>, request: Request): Promise<"allowed" | "refused"> {
  const errors = vi.spyOn(console, "error").mockImplementation(() => {});
  try {
    const response = await handler(request, { params: Promise.resolve({ id: ID, scenarioId: ID2 }) });
    if (response.status === 401 || response.status === 403) return "refused";
    // The route layer turns the trap into a logged 500: it got past the policy.
    if (response.status === 500 && errors.mock.calls.some((call) => call.some((arg) => arg instanceof ReachedDatabase))) return "allowed";
    throw new Error(`neither refused nor reaching the database: ${response.status} ${await response.text()}`);
  } catch (error) {
    if (error instanceof ReachedDatabase) return "allowed";
    if (error instanceof Error && error.message === "REDIRECT /sign-in") return "refused";
    throw error;
  } finally {
    errors.mockRestore();
  }
}

const root = process.cwd();
const filesUnder = (dir: string, pattern: RegExp) =>
  readdirSync(path.join(root, dir), { recursive: true, encoding: "utf8" }).filter((file) => pattern.test(file)).map((file) => path.join(dir, file));

/** Page files by route ("/workloads/[id]"), route groups such as "(list)" left out of the URL. */
function pageFiles(): Map<string, string> {
  return new Map(
    filesUnder("app", /(^|\/)page\.tsx$/).map((file) => {
      const segments = path.dirname(path.relative("app", file)).split("/").filter((segment) => segment !== "." && !/^\(.*\)$/.test(segment));
      return [`/${segments.join("/")}`, file];
    }),
  );
}

describe("authorization matrix", () => {
  const actions = new Map<string, (...args: unknown[]) => Promise<unknown>>();
  const routes = new Map<string, (request: Request, context: unknown) => Promise<Response>>();

  beforeAll(async () => {
    for (const file of filesUnder("lib/actions", /^[^/]+\.ts$/).filter((f) => !f.endsWith(".test.ts"))) {
      const exports = (await import(/* @vite-ignore */ path.join(root, file))) as Record<string, unknown>;
      for (const [name, value] of Object.entries(exports)) {
        if (typeof value === "function") actions.set(`${path.basename(file, ".ts")}.${name}`, value as never);
      }
    }
    for (const file of filesUnder("app", /(^|\/)route\.ts$/)) {
      const exports = (await import(/* @vite-ignore */ path.join(root, file))) as Record<string, unknown>;
      for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"]) {
        if (typeof exports[method] === "function") routes.set(`${path.dirname(path.relative("app", file))} ${method}`, exports[method] as never);
      }
    }
  }, 120_000);

  beforeEach(() => {
    caller = null;
  });

  it("has an entry for every exported server action and route handler, and none extra", () => {
    expect([...actions.keys()].sort()).toEqual(Object.keys(ACTIONS).sort());
    expect([...routes.keys()].sort()).toEqual(Object.keys(ROUTES).sort());
  });

  it("has an entry for every page", () => {
    expect([...pageFiles().keys()].sort()).toEqual(Object.keys(PAGES).sort());
  });

  describe.each(Object.entries(ACTIONS).filter(([, entry]) => entry.requires !== "public"))("action %s", (name, entry) => {
    // The first call of an action loads its modules (the catalog among them): slow on 2 shared cores.
    it.each(CALLERS)(`as %s: allowed only for ${entry.requires}`, { timeout: 30_000 }, async (who) => {
      caller = principalOf(who);
      const action = actions.get(name);
      expect(action, name).toBeDefined();
      expect(await actionOutcome(action!, entry.args())).toBe(ALLOWED[entry.requires].includes(who) ? "allowed" : "refused");
    });
  });

  describe.each(Object.entries(ROUTES).filter(([, entry]) => entry.requires !== "public"))("route %s", (key, entry) => {
    // The first call of an action loads its modules (the catalog among them): slow on 2 shared cores.
    it.each(CALLERS)(`as %s: allowed only for ${entry.requires}`, { timeout: 30_000 }, async (who) => {
      caller = principalOf(who);
      const handler = routes.get(key);
      expect(handler, key).toBeDefined();
      const [route] = key.split(" ");
      const request = entry.request?.() ?? new Request(`http://localhost/${route!.replace("[id]", ID)}`);
      expect(await routeOutcome(handler!, request)).toBe(ALLOWED[entry.requires].includes(who) ? "allowed" : "refused");
    });
  });

  it.each(Object.entries(PAGES))("page %s goes through the page guard for %s", (route, requires) => {
    const file = pageFiles().get(route);
    expect(file, route).toBeDefined();
    const source = readFileSync(path.join(root, file!), "utf8");
    if (requires === "public") {
      expect(source).not.toMatch(/loadPageData|loadPageAccess/);
      return;
    }
    // Every non-public page asks the guard, which signs anonymous callers in and needs `read`.
    expect(source).toMatch(/loadPageData\(|loadPageAccess\(/);
    if (requires !== "read") expect(source).toMatch(new RegExp(`loadPageAccess\\("${requires}"\\)|can\\(result\\.principal, "${requires}"\\)|can\\(principal, "${requires}"\\)`));
  });
});
