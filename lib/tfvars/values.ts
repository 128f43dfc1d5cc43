/**
 * A variables file as a tree of values, each optionally carrying its provenance note, and its two
 * renderings: HCL (`.auto.tfvars`, notes as `#` comments above each value) and JSON
 * (`.auto.tfvars.json`, no comments: JSON has none). Both come from the same tree, so a test can
 * parse the HCL back and require it to equal the JSON.
 *
 * HCL syntax: https://github.com/hashicorp/hcl/blob/main/hclsyntax/spec.md (string literals and
 * template escapes `$${` / `%%{`, object constructors); Terraform's JSON variables file:
 * https://developer.hashicorp.com/terraform/language/values/variables#variable-definitions-tfvars-files
 */

/** A value of a variables file, with the sentence that explains where it came from. */
export type TfValue =
  | { kind: "string"; value: string; note?: string }
  | { kind: "number"; value: number; note?: string }
  | { kind: "bool"; value: boolean; note?: string }
  | { kind: "null"; note?: string }
  | { kind: "list"; items: TfValue[]; note?: string }
  | { kind: "object"; entries: (readonly [string, TfValue])[]; note?: string };

/** A variables file: a header comment, then top-level variables in a fixed order. */
export type TfvarsDocument = { header: string[]; variables: (readonly [string, TfValue])[] };

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/**
 * Significant digits kept for non-integers: enough for any figure a variable carries (GiB,
 * percentages), few enough that binary noise such as 0.1 + 0.2 = 0.30000000000000004 disappears.
 */
const SIGNIFICANT_DIGITS = 12;

/**
 * A number for a variables file: integers unchanged, others with binary noise removed.
 * @throws Error for NaN or ±Infinity (a programmer error: every figure exported is finite)
 * @example num(0.1 + 0.2).value //=> 0.3
 */
export function num(value: number, note?: string): TfValue {
  if (!Number.isFinite(value)) throw new Error(`a variables file cannot hold ${value}`);
  const clean = Number.isInteger(value) ? value : Number(value.toPrecision(SIGNIFICANT_DIGITS));
  // -0 prints as 0 in HCL but stays -0 in JS equality checks; normalise it.
  return withNote({ kind: "number", value: clean === 0 ? 0 : clean }, note);
}

export function str(value: string, note?: string): TfValue {
  return withNote({ kind: "string", value }, note);
}

export function bool(value: boolean, note?: string): TfValue {
  return withNote({ kind: "bool", value }, note);
}

export function list(items: TfValue[], note?: string): TfValue {
  return withNote({ kind: "list", items }, note);
}

export function obj(entries: (readonly [string, TfValue])[], note?: string): TfValue {
  const seen = new Set<string>();
  for (const [key] of entries) {
    if (seen.has(key)) throw new Error(`duplicate key "${key}" in a variables object`);
    seen.add(key);
  }
  return withNote({ kind: "object", entries }, note);
}

function withNote<T extends TfValue>(value: T, note: string | undefined): T {
  return note === undefined ? value : { ...value, note };
}

/** The plain JSON of a value (notes dropped). */
export function toJson(value: TfValue): JsonValue {
  switch (value.kind) {
    case "string":
    case "number":
    case "bool":
      return value.value;
    case "null":
      return null;
    case "list":
      return value.items.map(toJson);
    case "object":
      return Object.fromEntries(value.entries.map(([key, item]) => [key, toJson(item)]));
  }
}

/** The `.auto.tfvars.json` text: variables in document order, two-space indent, final newline. */
export function renderJson(document: TfvarsDocument): string {
  return `${JSON.stringify(Object.fromEntries(document.variables.map(([name, value]) => [name, toJson(value)])), null, 2)}\n`;
}

/**
 * An HCL quoted string literal. Escapes `\`, `"`, newlines, tabs and other control characters,
 * and doubles the template introducers (`${` → `$${`, `%{` → `%%{`) so text is never interpolated.
 * @example hclString('a "b" ${c}') //=> '"a \\"b\\" $${c}"'
 */
export function hclString(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i += 1) {
    const char = text.charAt(i);
    const next = text.charAt(i + 1);
    if (char === "\\") out += "\\\\";
    else if (char === '"') out += '\\"';
    else if (char === "\n") out += "\\n";
    else if (char === "\r") out += "\\r";
    else if (char === "\t") out += "\\t";
    else if ((char === "$" || char === "%") && next === "{") out += `${char}${char}`;
    else if (char < " " || char === "\u007f") out += `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`;
    else out += char;
  }
  return `"${out}"`;
}

/** Bare keys are identifiers HCL reads literally; everything else (and true/false/null) is quoted. */
const BARE_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;
const KEYWORDS = new Set(["true", "false", "null", "for", "in", "if"]);

function hclKey(key: string): string {
  return BARE_KEY.test(key) && !KEYWORDS.has(key) ? key : hclString(key);
}

/** `# …` lines for a note; every line of a multi-line note is its own comment line. */
function commentLines(note: string | undefined, indent: string): string[] {
  if (note === undefined) return [];
  return note.split(/\r\n|\r|\n/).map((line) => `${indent}# ${line}`.trimEnd());
}

function hclNumber(value: number): string {
  // String() never gives exponent form for integers below 1e21 and keeps up to 17 digits; HCL
  // number literals accept the exponent form String() uses for tiny or huge values.
  return String(value);
}

function renderValue(value: TfValue, indent: string): string {
  const inner = `${indent}  `;
  switch (value.kind) {
    case "string":
      return hclString(value.value);
    case "number":
      return hclNumber(value.value);
    case "bool":
      return value.value ? "true" : "false";
    case "null":
      return "null";
    case "list": {
      if (value.items.length === 0) return "[]";
      const annotated = value.items.some((item) => item.note !== undefined || item.kind === "object" || item.kind === "list");
      if (!annotated) return `[${value.items.map((item) => renderValue(item, indent)).join(", ")}]`;
      const lines = value.items.flatMap((item) => [...commentLines(item.note, inner), `${inner}${renderValue(item, inner)},`]);
      return `[\n${lines.join("\n")}\n${indent}]`;
    }
    case "object": {
      if (value.entries.length === 0) return "{}";
      const lines = value.entries.flatMap(([key, item]) => [...commentLines(item.note, inner), `${inner}${hclKey(key)} = ${renderValue(item, inner)}`]);
      return `{\n${lines.join("\n")}\n${indent}}`;
    }
  }
}

/**
 * The `.auto.tfvars` text: the header as comments, then each variable as `name = value` with its
 * note above it, nested values with theirs. Deterministic: the same document gives the same bytes.
 */
export function renderHcl(document: TfvarsDocument): string {
  const header = document.header.flatMap((line) => commentLines(line, ""));
  const body = document.variables.map(([name, value]) => [...commentLines(value.note, ""), `${hclKey(name)} = ${renderValue(value, "")}`].join("\n"));
  return `${[header.join("\n"), ...body].join("\n\n")}\n`;
}
