/**
 * Turning an HTML form into the model's input and back, for the workload and scenario forms.
 *
 * Fields are named by their dotted path in the parsed object (`spec.stages.0.avgEventsPerSec`),
 * so a zod issue's path is also the name of the input it belongs to. Each field is described once
 * ({@link FieldSpec}): the form renders its label, unit and help from it, and {@link coerceField}
 * turns the submitted string into what the schema expects. The schemas themselves (lib/model,
 * lib/entities) do all the validation, in the browser's form and again on the server.
 */
import { z } from "zod";

/** What a form submitted: every text entry by input name (files are not form values). */
export type FormValues = Record<string, string>;

/** Messages by input name (dotted path); `""` holds form-level problems. */
export type FieldErrors = Record<string, string[]>;

export type FieldType = "number" | "text" | "textarea" | "checkbox" | "select" | "month";

/** One input of a form: how to render it and how to read it back. */
export type FieldSpec = {
  /** Dotted path relative to the object it belongs to, e.g. `nodeOverhead.daemonVcpu`. */
  name: string;
  label: string;
  /** Shown next to the label, e.g. `events/s`. */
  unit?: string;
  /** What it means and how to measure it. */
  help: string;
  type: FieldType;
  options?: readonly { value: string; label: string }[];
  /** Empty means "not set" (the schema's default or nothing), not an empty string. */
  optional?: boolean;
  /** Shown under "Advanced" (tuning knobs with defaults from published guidance). */
  advanced?: boolean;
  /** The `step` of a number input; defaults to `any`. */
  step?: string;
};

/** One field changed between two snapshots, for a conflict message. */
export type FieldChange = { path: string; label: string; before: string; after: string };

/**
 * What a form's server action returns to `useActionState`: the submitted `values` come back on
 * failure so the re-rendered form keeps them (React 19 resets a form after its action runs).
 */
export type FormState = {
  ok: boolean;
  message?: string;
  fieldErrors?: FieldErrors;
  values?: FormValues;
  /** Someone else saved first: what they changed since the form was loaded, and their version. */
  conflict?: { version: number; loaded: string; changes: FieldChange[] };
};

export const INITIAL_FORM_STATE: FormState = { ok: false };

/** The text entries of a submitted form (the last one wins for a repeated name). */
export function formValues(form: FormData): FormValues {
  const values: FormValues = {};
  for (const [name, value] of form.entries()) {
    if (typeof value === "string" && !name.startsWith(REACT_ACTION_FIELD)) values[name] = value;
  }
  return values;
}

/**
 * React's own hidden fields of a form bound to a server action (`$ACTION_ID_…`, `$ACTION_REF_1`,
 * `$ACTION_1:0`, `$ACTION_KEY`): plumbing, not what the person typed, so never echoed or audited.
 */
const REACT_ACTION_FIELD = "$ACTION_";

/**
 * A decimal number as people type it: optional sign, digits with an optional fraction, optional
 * exponent (`1500`, `-0.5`, `.25`, `2e6`). Not hexadecimal, octal or binary (`0x10` is not 16),
 * not `Infinity`, not thousands separators.
 */
const DECIMAL = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/**
 * The number a form's text stands for, or undefined when it is not a finite decimal.
 * @example parseDecimal("1500") //=> 1500
 * @example parseDecimal("0x10") //=> undefined
 * @example parseDecimal("1e999") //=> undefined (not finite)
 */
export function parseDecimal(text: string): number | undefined {
  const trimmed = text.trim();
  if (!DECIMAL.test(trimmed)) return undefined;
  const number = Number(trimmed);
  return Number.isFinite(number) ? number : undefined;
}

/**
 * The value the schema should see for one field. Numbers stay strings when they do not parse,
 * so the schema reports "must be a number" instead of the form guessing; an empty optional
 * field is `undefined` (the schema's default applies).
 *
 * @example coerceField({ type: "number", … }, "1,500") //=> "1,500" (not a number: the schema says so)
 * @example coerceField({ type: "number", … }, "0x10") //=> "0x10" (decimals only)
 * @example coerceField({ type: "number", … }, "1500") //=> 1500
 */
export function coerceField(field: Pick<FieldSpec, "type" | "optional">, raw: string | undefined): unknown {
  if (field.type === "checkbox") return raw === "on" || raw === "true";
  if (raw === undefined) return undefined;
  const text = raw.trim();
  if (field.type === "number") {
    if (text === "") return undefined;
    return parseDecimal(text) ?? text;
  }
  if (text === "" && field.optional) return undefined;
  return raw;
}

/**
 * Writes `value` at a dotted path, creating objects (or arrays, for numeric segments) on the way.
 *
 * @example const o = {}; setPath(o, "stages.0.name", "kafka"); o //=> { stages: [{ name: "kafka" }] }
 */
export function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const segments = path.split(".");
  let node: Record<string, unknown> = target;
  segments.forEach((segment, index) => {
    if (index === segments.length - 1) {
      node[segment] = value;
      return;
    }
    const next = segments[index + 1] ?? "";
    if (typeof node[segment] !== "object" || node[segment] === null) node[segment] = /^\d+$/.test(next) ? [] : {};
    node = node[segment] as Record<string, unknown>;
  });
}

/** Reads the value at a dotted path, or undefined. */
export function getPath(source: unknown, path: string): unknown {
  let node: unknown = source;
  for (const segment of path.split(".")) {
    if (typeof node !== "object" || node === null) return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return node;
}

/** Reads `fields` under `prefix` from the submitted values into a nested object. */
export function readFields(values: FormValues, prefix: string, fields: readonly FieldSpec[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of fields) setPath(out, field.name, coerceField(field, values[`${prefix}${field.name}`]));
  return out;
}

/**
 * The messages of a zod error by input name: the issue's path joined with dots, optionally
 * renamed (`rename` maps a schema path to the input that holds it).
 */
export function fieldErrorsOf(error: z.ZodError, rename: (path: string) => string = (path) => path): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = rename(issue.path.map(String).join("."));
    (errors[key] ??= []).push(issue.message);
  }
  return errors;
}

/** How a stored value shows in an input's `defaultValue` (and in a conflict message). */
export function displayValue(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (Array.isArray(value)) return value.map(displayValue).join(", ");
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/** Every leaf of a JSON-like value by dotted path (arrays of scalars are one leaf). */
function leaves(value: unknown, prefix: string, out: Map<string, string>): void {
  const scalarArray = Array.isArray(value) && value.every((v) => typeof v !== "object" || v === null);
  if (typeof value === "object" && value !== null && !scalarArray) {
    for (const [key, child] of Object.entries(value)) leaves(child, prefix ? `${prefix}.${key}` : key, out);
    return;
  }
  out.set(prefix, displayValue(value));
}

/**
 * The fields that differ between two snapshots of an entity, by dotted path, labelled for a person.
 *
 * @example diffSnapshots({ name: "a", spec: { zones: 3 } }, { name: "a", spec: { zones: 2 } }, (p) => p)
 * //=> [{ path: "spec.zones", label: "spec.zones", before: "3", after: "2" }]
 */
export function diffSnapshots(before: unknown, after: unknown, label: (path: string) => string): FieldChange[] {
  const a = new Map<string, string>();
  const b = new Map<string, string>();
  leaves(before, "", a);
  leaves(after, "", b);
  const paths = [...new Set([...a.keys(), ...b.keys()])];
  return paths
    .filter((path) => (a.get(path) ?? "") !== (b.get(path) ?? ""))
    .map((path) => ({ path, label: label(path), before: a.get(path) ?? "", after: b.get(path) ?? "" }));
}
