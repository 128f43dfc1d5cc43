import { beforeEach, describe, expect, it, vi } from "vitest";

import { POST as importWorkload } from "@/app/api/v1/workloads/import/route";

import { chunkedUpload } from "./testing/chunked-upload";

// The refusals happen before the database is opened: a database that is asked for fails the test.
const getReadyDb = vi.hoisted(() => vi.fn(() => Promise.reject(new Error("the database must not be opened for a refused request"))));
vi.mock("@/lib/services/startup", () => ({ getReadyDb }));
// Past the refusals, the caller is whoever the request's credentials say: here an architect, or nobody.
const principalFromHeaders = vi.hoisted(() => vi.fn(async (): Promise<unknown> => ({ kind: "user", id: "u1", name: "Arun", email: "a@example.com", role: "architect" })));
vi.mock("@/lib/services/principal", () => ({ principalFromHeaders }));

const MIB = 1024 * 1024;
const route = { params: Promise.resolve({}) };

function importRequest(init: { headers?: Record<string, string>; body?: string }): Request {
  return new Request("http://localhost:3000/api/v1/workloads/import", { method: "POST", body: init.body ?? "{}", headers: init.headers });
}

async function problemOf(response: Response) {
  expect(response.headers.get("content-type")).toBe("application/problem+json");
  return (await response.json()) as { status: number; detail: string };
}

describe("POST /api/v1/workloads/import refuses, before touching the database,", () => {
  beforeEach(() => {
    getReadyDb.mockClear();
  });

  it("a cross-origin request (a form on another site) with 403", async () => {
    const response = await importWorkload(importRequest({ headers: { origin: "http://evil.example", "content-type": "application/json" } }), route);
    expect(response.status).toBe(403);
    expect((await problemOf(response)).detail).toContain("http://evil.example");
    expect(getReadyDb).not.toHaveBeenCalled();
  });

  it("a text/plain or form-encoded body with 415", async () => {
    for (const type of ["text/plain", "application/x-www-form-urlencoded"]) {
      const response = await importWorkload(importRequest({ headers: { "content-type": type } }), route);
      expect(response.status).toBe(415);
      expect((await problemOf(response)).detail).toContain(type);
    }
    expect(getReadyDb).not.toHaveBeenCalled();
  });

  it("a 200 MiB chunked body without Content-Length with 413, having read little more than 1 MiB", async () => {
    const upload = chunkedUpload(200 * MIB);
    const request = new Request(upload.request, { headers: { "content-type": "application/json" } });
    expect(request.headers.get("content-length")).toBeNull();
    const response = await importWorkload(request, route);
    expect(response.status).toBe(413);
    expect((await problemOf(response)).detail).toContain("1,048,576 bytes");
    expect(upload.pulledBytes()).toBeLessThan(MIB + 256 * 1024);
    expect(getReadyDb).not.toHaveBeenCalled();
  });

  it("an invalid document with 400 naming the problem", async () => {
    getReadyDb.mockResolvedValueOnce({ prisma: {} } as never);
    const response = await importWorkload(importRequest({ headers: { "content-type": "application/json" }, body: "{" }), route);
    expect(response.status).toBe(400);
    expect((await problemOf(response)).detail).toContain("not valid JSON");
  });

  it("a caller without credentials with 401, and a viewer with 403 naming the role", async () => {
    getReadyDb.mockResolvedValue({ prisma: {} } as never);
    principalFromHeaders.mockResolvedValueOnce(null);
    const anonymous = await importWorkload(importRequest({ headers: { "content-type": "application/json" } }), route);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get("www-authenticate")).toContain("Bearer");
    principalFromHeaders.mockResolvedValueOnce({ kind: "user", id: "u2", name: "Vera", email: "v@example.com", role: "viewer" });
    const viewer = await importWorkload(importRequest({ headers: { "content-type": "application/json" } }), route);
    expect(viewer.status).toBe(403);
    expect((await problemOf(viewer)).detail).toContain("Your role (viewer) cannot create or edit workloads");
    principalFromHeaders.mockResolvedValueOnce({ kind: "token", id: "t1", name: "ci", role: "admin", scope: "read" });
    const readToken = await importWorkload(importRequest({ headers: { "content-type": "application/json", authorization: "Bearer hr_x" } }), route);
    expect(readToken.status).toBe(403);
    expect((await problemOf(readToken)).detail).toContain("This token is read-only");
    getReadyDb.mockReset();
  });
});
