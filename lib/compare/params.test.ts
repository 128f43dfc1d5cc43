import { describe, expect, it } from "vitest";
import { z } from "zod";

import { CompareParamsSchema, compareHref, scenariosParam, withBaseline } from "./params";

const ids = ["0b6f6c39-3f0e-4c41-9a57-4f1b0d9d2a01", "1c7a7d4a-4a1f-4d52-8b68-5a2c1e0e3b02", "2d8b8e5b-5b2a-4e63-9c79-6b3d2f1f4c03"];

const messageOf = (scenarios: string) => {
  const result = CompareParamsSchema.safeParse({ scenarios });
  return result.success ? null : z.prettifyError(result.error);
};

describe("CompareParamsSchema", () => {
  it("reads the ids in order, baseline first", () => {
    expect(CompareParamsSchema.parse({ scenarios: ids.join(",") }).scenarios).toEqual(ids);
  });

  it.each([
    [ids[0] ?? "", "at least 2"],
    [[...ids, ids[0]].join(","), "only once"],
    [`${ids[0]},not-an-id`, "UUID"],
    [[...ids, "3e9c9f6c-6c3b-4f74-8d8a-7c4e3a2a5d04", "4fad0a7d-7d4c-4a85-9e9b-8d5f4b3b6e05"].join(","), "at most 4"],
  ])("rejects %s with a message naming the field", (scenarios, fragment) => {
    expect(messageOf(scenarios)).toContain("scenarios");
    expect(messageOf(scenarios)).toContain(fragment);
  });
});

describe("withBaseline", () => {
  it("moves the new baseline first and keeps the others in order", () => {
    expect(withBaseline(["a", "b", "c"], "c")).toEqual(["c", "a", "b"]);
    expect(compareHref(["a", "b"])).toBe("/compare?scenarios=a,b");
  });
});

describe("scenariosParam", () => {
  it("joins a repeated parameter from a form of checkboxes", () => {
    expect(scenariosParam(["a", "b,c"])).toBe("a,b,c");
    expect(scenariosParam(undefined)).toBe("");
  });
});
