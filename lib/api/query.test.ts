import { describe, expect, it } from "vitest";

import { TfvarsQuerySchema } from "@/lib/tfvars/export";

import { validationProblem } from "./problem";
import { parseQuery } from "./query";

const url = (query: string) => new URL(`http://127.0.0.1/api/v1/scenarios/x/tfvars${query}`);

describe("parseQuery with the tfvars query", () => {
  it("defaults to HCL at the peak of the next 12 months", () => {
    expect(parseQuery(url(""), TfvarsQuerySchema)).toEqual({ ok: true, data: { format: "hcl", point: { kind: "next-12-months" } } });
  });

  it("reads a format, a provider and a range", () => {
    expect(parseQuery(url("?format=json&provider=gcp&from=2026-12&to=2027-11"), TfvarsQuerySchema)).toEqual({
      ok: true,
      data: { format: "json", provider: "gcp", point: { kind: "peak", from: "2026-12", to: "2027-11" } },
    });
  });

  it("names every bad field", () => {
    const result = parseQuery(url("?format=yaml&provider=ibm&month=2026-13"), TfvarsQuerySchema);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((error) => error.path).sort()).toEqual(["format", "month", "provider"]);
  });

  it("refuses a repeated parameter instead of picking one", () => {
    expect(parseQuery(url("?month=2026-01&month=2026-02"), TfvarsQuerySchema)).toEqual({ ok: false, errors: [{ path: "month", message: "Give month once." }] });
  });
});

describe("validationProblem", () => {
  it("answers RFC 9457 problem+json with the field errors", async () => {
    const response = validationProblem([{ path: "to", message: "A range needs both from and to." }]);
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(await response.json()).toEqual({
      type: "/docs/api#validation",
      title: "The request has invalid fields.",
      status: 400,
      detail: "Fix to: A range needs both from and to.",
      errors: [{ path: "to", message: "A range needs both from and to." }],
    });
  });
});
