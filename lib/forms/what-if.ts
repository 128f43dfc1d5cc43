/**
 * The scenario page's what-if: a few planning inputs typed over the stored scenario, kept in the
 * URL's search params (`?growth=0.06&spot=0.5`) so a what-if can be shared and reloaded.
 *
 * One function, {@link applyWhatIf}, turns the params into the scenario spec a save would store:
 * the params' shape is checked with {@link WhatIfParamsSchema}, then the overridden spec is
 * validated by the model's own `ScenarioSpecSchema`, and its messages are mapped back to the
 * inputs. The browser runs it to show field messages at once; the preview route and the save
 * actions run it again on the server (lib/services/what-if.ts).
 */
import { z } from "zod";

import { ScenarioSpecSchema } from "@/lib/model/schemas";
import type { ScenarioSpec, ScenarioSpecInput, StageKind } from "@/lib/model/types";

import { fieldErrorsOf, parseDecimal, type FieldSpec } from "./form-values";
import { SLO_OVERRIDE_FIELDS } from "./scenario-form";

/** The what-if inputs, by URL param name. */
export const WHAT_IF_PARAMS = ["growth", "horizon", "spot", "util", "sloMs", "rto", "rpo", "commit", "term", "instance"] as const;
export type WhatIfParam = (typeof WHAT_IF_PARAMS)[number];

/** The raw text of each what-if input present in the URL (absent: the saved value stands). */
export type WhatIfValues = Partial<Record<WhatIfParam, string>>;

/** Messages by param name. */
export type WhatIfErrors = Partial<Record<WhatIfParam, string[]>>;

const paramText = z.string().trim().max(200, { error: "At most 200 characters." });

/**
 * The URL's what-if params: each optional, text of at most 200 characters (numbers are parsed and
 * range-checked by the scenario schema in {@link applyWhatIf}). Unknown params are dropped.
 */
export const WhatIfParamsSchema = z.object(Object.fromEntries(WHAT_IF_PARAMS.map((param) => [param, paramText.optional()])) as Record<WhatIfParam, z.ZodOptional<typeof paramText>>);

/** A what-if input: how it renders, plus which param it is. */
export type WhatIfField = FieldSpec & { name: WhatIfParam; /** What an empty optional input means. */ emptyMeans?: string };

/** The inputs, in the order the region shows them. Units as in the scenario form. */
export const WHAT_IF_FIELDS: readonly WhatIfField[] = [
  { name: "growth", label: "Monthly growth", unit: "ratio/month", help: "0.04 = 4 % a month (a flat scenario becomes compound; a linear one keeps its kind).", type: "number" },
  { name: "horizon", label: "Horizon", unit: "months", help: "How far to project, 1–60 months.", type: "number", step: "1" },
  { name: "spot", label: "Spot share", unit: "ratio 0–1", help: "Share of spot-eligible nodes above the on-demand base that run on spot.", type: "number" },
  { name: "util", label: "Max utilization", unit: "ratio 0–1", help: "One ceiling for every stage; empty keeps each stage's own.", type: "number", optional: true, emptyMeans: "each stage's own" },
  { name: "sloMs", label: "Latency SLO", unit: "ms", help: "Latency target of every stream stage; empty keeps each stage's own.", type: "number", optional: true, emptyMeans: "each stage's own" },
  { name: "rto", label: "RTO target", unit: "minutes", help: "Longest acceptable time to recover after a region is lost; empty: no target.", type: "number", optional: true, emptyMeans: "no target" },
  { name: "rpo", label: "RPO target", unit: "minutes", help: "Most data, in minutes of events, you can afford to lose; empty: no target.", type: "number", optional: true, emptyMeans: "no target" },
  {
    name: "commit",
    label: "Commitment coverage",
    help: "Commit to the low (P10) path of non-spot compute, or buy none.",
    type: "select",
    options: [
      { value: "none", label: "None" },
      { value: "p10-ladder", label: "P10 ladder" },
    ],
  },
  {
    name: "term",
    label: "Commitment term",
    help: "Length of the commitments the ladder buys.",
    type: "select",
    options: [
      { value: "1", label: "1 year" },
      { value: "3", label: "3 years" },
    ],
  },
  { name: "instance", label: "Instance choice", help: "The cheapest type that fits each stage, or one fixed type for every stage.", type: "select" },
];

/** The stages of the scenario's profile, as far as the what-if needs them. */
export type WhatIfStage = { name: string; kind: StageKind; maxUtilizationRatio: number; latencySloMs?: number };

/** Which stages an override applies to (the model warns about, and ignores, any other). */
function acceptsOverride(kind: StageKind, field: "maxUtilizationRatio" | "latencySloMs"): boolean {
  return SLO_OVERRIDE_FIELDS[kind].some((spec) => spec.name === field);
}

/** Reads the what-if params out of a page's or route's search params (first value of each). */
export function whatIfValuesOf(search: URLSearchParams | Record<string, string | string[] | undefined>): { values: WhatIfValues; errors: WhatIfErrors } {
  const raw: Record<string, string> = {};
  for (const param of WHAT_IF_PARAMS) {
    const value = search instanceof URLSearchParams ? search.get(param) : search[param];
    const first = Array.isArray(value) ? value[0] : value;
    if (typeof first === "string") raw[param] = first;
  }
  const parsed = WhatIfParamsSchema.safeParse(raw);
  if (parsed.success) return { values: stripUndefined(parsed.data), errors: {} };
  // Keep the well-formed params; name the others.
  const errors = fieldErrorsOf(parsed.error) as WhatIfErrors;
  const values = Object.fromEntries(Object.entries(raw).filter(([param]) => !(param in errors))) as WhatIfValues;
  return { values, errors };
}

function stripUndefined(values: Record<string, string | undefined>): WhatIfValues {
  return Object.fromEntries(Object.entries(values).filter((entry): entry is [string, string] => entry[1] !== undefined)) as WhatIfValues;
}

/**
 * What each input shows when the URL does not override it: the saved scenario's value ("" for a
 * per-stage ceiling or SLO, and for an absent RTO/RPO target).
 */
export function savedWhatIfValues(spec: ScenarioSpec): Record<WhatIfParam, string> {
  const { growth, purchase, dr, instance } = spec;
  return {
    growth: String(growth.kind === "compound" ? growth.monthlyGrowthRatio : growth.kind === "linear" ? growth.monthlyIncreaseRatio : 0),
    horizon: String(spec.horizonMonths),
    spot: String(purchase.spotShareRatio),
    util: "",
    sloMs: "",
    rto: dr.rtoTargetMinutes === undefined ? "" : String(dr.rtoTargetMinutes),
    rpo: dr.rpoTargetMinutes === undefined ? "" : String(dr.rpoTargetMinutes),
    commit: purchase.commitment.coverage,
    term: String(purchase.commitment.termYears),
    instance: instance.mode === "fixed" ? instance.instanceType : "cheapest",
  };
}

/**
 * The params that differ from the saved scenario, in input order: what the URL should carry.
 *
 * @example changedWhatIfValues({ growth: "0.04", spot: "0.5" }, saved) //=> { spot: "0.5" } when saved growth is 0.04
 */
export function changedWhatIfValues(values: WhatIfValues, saved: Record<WhatIfParam, string>): WhatIfValues {
  const changed: WhatIfValues = {};
  for (const param of WHAT_IF_PARAMS) {
    const value = values[param];
    if (value !== undefined && value.trim() !== saved[param]) changed[param] = value;
  }
  return changed;
}

/** The URL query of a what-if (`growth=0.06&spot=0.5`), params in input order; "" when nothing changed. */
export function whatIfQuery(values: WhatIfValues): string {
  const query = new URLSearchParams();
  for (const param of WHAT_IF_PARAMS) {
    const value = values[param];
    if (value !== undefined) query.set(param, value);
  }
  return query.toString();
}

/** A number input's value for the schema: a number, undefined when empty, else the text (the schema names it). */
function numberOf(text: string): unknown {
  if (text.trim() === "") return undefined;
  return parseDecimal(text) ?? text;
}

/** A scenario-schema path → the what-if input that set it. */
const PATH_TO_PARAM: readonly [RegExp, WhatIfParam][] = [
  [/^growth\.(monthlyGrowthRatio|monthlyIncreaseRatio)$/, "growth"],
  [/^horizonMonths$/, "horizon"],
  [/^purchase\.spotShareRatio$/, "spot"],
  [/^sloOverrides\..+\.maxUtilizationRatio$/, "util"],
  [/^sloOverrides\..+\.latencySloMs$/, "sloMs"],
  [/^dr\.rtoTargetMinutes$/, "rto"],
  [/^dr\.rpoTargetMinutes$/, "rpo"],
  [/^purchase\.commitment\.coverage$/, "commit"],
  [/^purchase\.commitment\.termYears$/, "term"],
  [/^instance(\..*)?$/, "instance"],
];

function paramOfPath(path: string): string {
  return PATH_TO_PARAM.find(([pattern]) => pattern.test(path))?.[1] ?? "";
}

/** The scenario `values` describe: `saved` with each present input written over it (not validated). */
function overriddenSpec(saved: ScenarioSpec, values: WhatIfValues, stages: readonly WhatIfStage[]): ScenarioSpecInput {
  const spec = structuredClone(saved) as ScenarioSpec & Record<string, unknown>;
  const input = spec as unknown as Record<string, unknown>;
  if (values.growth !== undefined) {
    const rate = numberOf(values.growth);
    const { stepEvents } = saved.growth;
    input.growth = saved.growth.kind === "linear" ? { kind: "linear", monthlyIncreaseRatio: rate, stepEvents } : { kind: "compound", monthlyGrowthRatio: rate, stepEvents };
  }
  if (values.horizon !== undefined) input.horizonMonths = numberOf(values.horizon);
  if (values.spot !== undefined) (spec.purchase as Record<string, unknown>).spotShareRatio = numberOf(values.spot);
  for (const [param, field] of [["util", "maxUtilizationRatio"], ["sloMs", "latencySloMs"]] as const) {
    const value = values[param] === undefined ? undefined : numberOf(values[param]);
    if (value === undefined) continue;
    for (const stage of stages) {
      if (acceptsOverride(stage.kind, field)) spec.sloOverrides[stage.name] = { ...spec.sloOverrides[stage.name], [field]: value } as never;
    }
  }
  if (values.rto !== undefined) (spec.dr as Record<string, unknown>).rtoTargetMinutes = numberOf(values.rto);
  if (values.rpo !== undefined) (spec.dr as Record<string, unknown>).rpoTargetMinutes = numberOf(values.rpo);
  if (values.commit !== undefined) (spec.purchase.commitment as Record<string, unknown>).coverage = values.commit;
  if (values.term !== undefined) (spec.purchase.commitment as Record<string, unknown>).termYears = numberOf(values.term);
  if (values.instance !== undefined) input.instance = values.instance === "cheapest" ? { mode: "cheapest" } : { mode: "fixed", instanceType: values.instance };
  return spec as ScenarioSpecInput;
}

export type WhatIfResult = { ok: true; spec: ScenarioSpec } | { ok: false; errors: WhatIfErrors };

/**
 * The scenario spec a what-if stands for, validated by the model's `ScenarioSpecSchema` exactly
 * as a save validates it, or messages by input.
 *
 * - `growth` replaces the rate of the saved growth kind; a flat scenario becomes compound.
 * - `util` is written as every stage's max-utilization override, `sloMs` as every stream
 *   stage's latency target (the only kind with one).
 * - `rto`/`rpo` empty removes the target; `instance` is `cheapest` or a catalog id.
 *
 * @param instanceIds - the instance types the what-if offers; another id is refused (the plan could not be priced)
 * @example applyWhatIf(saved, { spot: "0.5" }, stages, ids) //=> { ok: true, spec: { …saved, purchase: { …, spotShareRatio: 0.5 } } }
 * @example applyWhatIf(saved, { spot: "2" }, stages, ids) //=> { ok: false, errors: { spot: ["Spot share ratio must be at most 1."] } }
 */
export function applyWhatIf(saved: ScenarioSpec, values: WhatIfValues, stages: readonly WhatIfStage[], instanceIds: ReadonlySet<string>): WhatIfResult {
  const errors: WhatIfErrors = {};
  const instance = values.instance;
  if (instance !== undefined && instance !== "cheapest" && !instanceIds.has(instance)) errors.instance = [`Instance type “${instance}” is not offered in this scenario's region.`];
  const parsed = ScenarioSpecSchema.safeParse(overriddenSpec(saved, values, stages));
  if (!parsed.success) {
    for (const [param, messages] of Object.entries(fieldErrorsOf(parsed.error, paramOfPath))) {
      // One ceiling written to several stages fails once per stage: say it once.
      const key = param as WhatIfParam;
      errors[key] = [...new Set([...(errors[key] ?? []), ...messages])];
    }
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, spec: parsed.data as ScenarioSpec };
}
