/**
 * A JSON Schema (as the OpenAPI document holds it) as an outline a person reads: each field with
 * its type in words, whether it is required, its description and its constraints, nested fields
 * below it. `$ref`s stay names (the reference page links them) instead of being expanded, so a
 * schema used in many places is described once.
 */
import type { JsonSchema } from "./operations";

export type SchemaOutline = {
  /** "string", "integer or null", "array of Scenario", "one of 2 shapes" … */
  type: string;
  /** The component a `$ref` names (directly, or as the array's items / the nullable's value). */
  ref: string | null;
  description: string | null;
  /** "1–200 characters", "≥ 0", "default 20", "one of: hcl, json" … */
  constraints: string[];
  fields: { name: string; required: boolean; outline: SchemaOutline }[];
  /** The shapes of a oneOf/anyOf (other than null). */
  variants: SchemaOutline[];
};

const refName = (schema: JsonSchema): string | null => (typeof schema.$ref === "string" ? (schema.$ref.split("/").at(-1) ?? null) : null);
const text = (value: unknown) => (typeof value === "string" ? value : JSON.stringify(value));

function range(min: unknown, max: unknown, unit: string): string | null {
  if (min !== undefined && max !== undefined) return min === max ? `exactly ${text(min)}${unit}` : `${text(min)}–${text(max)}${unit}`;
  if (min !== undefined) return `at least ${text(min)}${unit}`;
  if (max !== undefined) return `at most ${text(max)}${unit}`;
  return null;
}

function constraintsOf(schema: JsonSchema): string[] {
  const found = [
    range(schema.minLength, schema.maxLength, " characters"),
    range(schema.minItems, schema.maxItems, " items"),
    range(schema.minimum, schema.maximum, ""),
    schema.exclusiveMinimum !== undefined ? `> ${text(schema.exclusiveMinimum)}` : null,
    schema.exclusiveMaximum !== undefined ? `< ${text(schema.exclusiveMaximum)}` : null,
    Array.isArray(schema.enum) ? `one of: ${schema.enum.map(text).join(", ")}` : null,
    schema.const !== undefined ? `always ${text(schema.const)}` : null,
    typeof schema.format === "string" ? `format ${schema.format}` : null,
    typeof schema.pattern === "string" ? `pattern ${schema.pattern}` : null,
    schema.default !== undefined ? `default ${text(schema.default)}` : null,
  ];
  return found.filter((item): item is string => item !== null);
}

/**
 * @example outlineSchema({ type: "object", properties: { limit: { type: "integer", minimum: 1, maximum: 100 } }, required: [] })
 * //=> { type: "object", fields: [{ name: "limit", required: false, outline: { type: "integer", constraints: ["1–100"], … } }], … }
 */
export function outlineSchema(schema: JsonSchema): SchemaOutline {
  const description = typeof schema.description === "string" ? schema.description : null;
  const ref = refName(schema);
  if (ref) return { type: ref, ref, description, constraints: [], fields: [], variants: [] };

  const alternatives = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  if (alternatives) {
    const nonNull = alternatives.filter((alternative) => alternative.type !== "null");
    const nullable = nonNull.length < alternatives.length;
    if (nonNull.length === 1 && nonNull[0]) {
      const inner = outlineSchema(nonNull[0]);
      return { ...inner, type: `${inner.type}${nullable ? " or null" : ""}`, description: description ?? inner.description, constraints: [...constraintsOf(schema), ...inner.constraints] };
    }
    return { type: `one of ${nonNull.length} shapes${nullable ? ", or null" : ""}`, ref: null, description, constraints: constraintsOf(schema), fields: [], variants: nonNull.map(outlineSchema) };
  }

  if (schema.type === "array") {
    const items = (schema.items ?? (Array.isArray(schema.prefixItems) ? { type: `[${(schema.prefixItems as JsonSchema[]).map((item) => text(item.type)).join(", ")}]` } : {})) as JsonSchema;
    const inner = outlineSchema(items);
    return { type: `array of ${inner.type}`, ref: inner.ref, description, constraints: constraintsOf(schema), fields: inner.fields, variants: inner.variants };
  }

  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((schema.required as string[] | undefined) ?? []);
  const type = Array.isArray(schema.type) ? schema.type.join(" or ") : typeof schema.type === "string" ? schema.type : Object.keys(properties).length > 0 ? "object" : "any";
  return {
    type,
    ref: null,
    description,
    constraints: constraintsOf(schema),
    fields: Object.entries(properties).map(([name, property]) => ({ name, required: required.has(name), outline: outlineSchema(property) })),
    variants: [],
  };
}
