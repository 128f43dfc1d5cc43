import { describe, expect, it } from "vitest";
import { z } from "zod";

import { outlineSchema } from "./schema-outline";

const jsonSchema = (schema: z.ZodType) => z.toJSONSchema(schema, { target: "draft-2020-12", io: "input" }) as Record<string, unknown>;

describe("outlineSchema", () => {
  it("names each field with its type, whether it is required, and its constraints in words", () => {
    const outline = outlineSchema(jsonSchema(z.object({ name: z.string().min(1).max(200).describe("The name."), limit: z.int().min(1).max(100).default(20), kind: z.enum(["a", "b"]).optional() })));
    expect(outline.fields).toEqual([
      { name: "name", required: true, outline: expect.objectContaining({ type: "string", description: "The name.", constraints: ["1–200 characters"] }) },
      { name: "limit", required: false, outline: expect.objectContaining({ type: "integer", constraints: ["1–100", "default 20"] }) },
      { name: "kind", required: false, outline: expect.objectContaining({ type: "string", constraints: ["one of: a, b"] }) },
    ]);
  });

  it("reads nullable values, arrays of references and unions", () => {
    expect(outlineSchema({ anyOf: [{ type: "integer" }, { type: "null" }] }).type).toBe("integer or null");
    expect(outlineSchema({ type: "array", items: { $ref: "#/components/schemas/Scenario" } })).toMatchObject({ type: "array of Scenario", ref: "Scenario" });
    expect(outlineSchema({ oneOf: [{ type: "object", properties: { kind: { const: "a" } } }, { type: "object", properties: { kind: { const: "b" } } }] })).toMatchObject({ type: "one of 2 shapes", variants: [expect.anything(), expect.anything()] });
  });
});
