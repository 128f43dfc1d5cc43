/**
 * The scenario form: its inputs, and how a submitted form becomes a scenario the model's
 * `ScenarioSpecSchema` validates (in the browser's form and again in the server action).
 *
 * The form edits the planning choices (growth, horizon, where and on what to run, SLO overrides)
 * and the issue-4 blocks listed in {@link SCENARIO_SECTIONS}; anything else a stored scenario holds
 * (per-stage instance pins, storage, network, uncertainty) is kept as it was on edit.
 */
import { ScenarioInputSchema, type ScenarioInput } from "@/lib/entities/scenario";
import { DR_STRATEGY_LABELS } from "@/lib/planning/display/cost";
import { growthWarnings } from "@/lib/model/growth";
import { ScenarioSpecSchema } from "@/lib/model/schemas";
import type { ScenarioSpec, StageKind } from "@/lib/model/types";

import { fieldErrorsOf, readFields, type FieldErrors, type FieldSpec, type FormValues } from "./form-values";

export const GROWTH_KINDS = [
  { value: "flat", label: "Flat (step events only)" },
  { value: "compound", label: "Compound (× (1 + rate) each month)" },
  { value: "linear", label: "Linear (+ rate × month-0 demand each month)" },
] as const;

/** The growth form's single rate input is the model's rate of the chosen kind. */
const GROWTH_RATE_KEY = { compound: "monthlyGrowthRatio", linear: "monthlyIncreaseRatio" } as const;

export const HORIZON_FIELDS: readonly FieldSpec[] = [
  { name: "startMonth", label: "Start month", help: "Month 0 of the projection; dated step events are placed relative to it.", type: "month" },
  { name: "horizonMonths", label: "Horizon", unit: "months", help: "How far to project, 1–60 months.", type: "number", step: "1" },
  { name: "zones", label: "Zones", unit: "zones", help: "Availability zones the node groups spread across (stages that spread need at least one node per zone).", type: "number", step: "1" },
];

export const GROWTH_RATE_FIELD: FieldSpec = {
  name: "growth.rate",
  label: "Monthly growth rate",
  unit: "ratio/month",
  help: "0.04 = 4 % a month. Compound multiplies each month; linear adds this share of month-0 demand each month. Take it from the last 6–12 months of traffic.",
  type: "number",
};

export const STEP_EVENT_FIELDS: readonly FieldSpec[] = [
  { name: "at", label: "Month", help: "A month index (0 = start month) or a month like 2026-11.", type: "text" },
  { name: "multiplier", label: "Multiplier", unit: "×", help: "Demand multiplier from that month, e.g. 3 for a holiday peak.", type: "number" },
  { name: "durationMonths", label: "Duration", unit: "months", help: "Leave empty for a permanent change.", type: "number", step: "1", optional: true },
  { name: "label", label: "Label", help: "What happens, e.g. Mobile app launch.", type: "text", optional: true },
];

/** Which SLO and headroom inputs a scenario may override for each stage kind (see lib/model/project.ts). */
export const SLO_OVERRIDE_FIELDS: Record<StageKind, readonly FieldSpec[]> = {
  broker: [{ name: "maxUtilizationRatio", label: "Max CPU utilization", unit: "ratio 0–1", help: "Overrides the stage's ceiling.", type: "number", optional: true }],
  stream: [
    { name: "latencySloPercentile", label: "SLO percentile", unit: "percentile", help: "Overrides the stage's SLO percentile.", type: "number", optional: true },
    { name: "latencySloMs", label: "SLO target", unit: "ms", help: "Overrides the stage's latency target.", type: "number", optional: true },
    { name: "maxUtilizationRatio", label: "Max utilization", unit: "ratio 0–1", help: "Overrides the stage's ceiling.", type: "number", optional: true },
  ],
  batch: [
    { name: "completionWindowHours", label: "Completion window", unit: "hours", help: "Overrides the stage's window.", type: "number", optional: true },
    { name: "maxUtilizationRatio", label: "Max utilization", unit: "ratio 0–1", help: "Overrides the stage's ceiling.", type: "number", optional: true },
  ],
};

/**
 * Further blocks of the scenario (issue 4), each a key of `ScenarioSpecSchema` and some of its
 * fields. A new block (e.g. uncertainty ranges) is one more entry here; the form renders it.
 */
export const SCENARIO_SECTIONS: readonly { key: "purchase" | "dr"; title: string; description: string; fields: readonly FieldSpec[] }[] = [
  {
    key: "purchase",
    title: "Purchase mix",
    description: "How compute is bought: an on-demand base, spot above it (commitments are recommended from the projection).",
    fields: [
      { name: "onDemandBaseRatio", label: "On-demand base", unit: "ratio 0–1", help: "Share of each spot-eligible stage's nodes that always stays on-demand.", type: "number" },
      { name: "spotShareRatio", label: "Spot share above the base", unit: "ratio 0–1", help: "Share of the nodes above the base that run on spot (stream and batch workers; brokers stay on-demand).", type: "number" },
    ],
  },
  {
    key: "dr",
    title: "Disaster recovery",
    description: "A second region and the recovery targets it must meet.",
    fields: [
      {
        name: "strategy",
        label: "DR strategy",
        help: "From cheapest and slowest to recover (backup and restore) to a second live region (active-active); compare prices all four.",
        type: "select",
        options: [
          { value: "none", label: "None" },
          ...Object.entries(DR_STRATEGY_LABELS).map(([value, label]) => ({ value, label })),
          { value: "compare", label: "Compare all strategies" },
        ],
      },
      {
        name: "destinationScope",
        label: "DR region",
        help: "Where the second region is: replication traffic is priced per continent pair (GCP and Azure charge more between continents; AWS prices by the source region).",
        type: "select",
        options: [
          { value: "same-continent", label: "Same continent (e.g. us-east-1 → us-west-2)" },
          { value: "intercontinental", label: "Another continent (e.g. us-east-1 → eu-west-1)" },
        ],
      },
      {
        name: "backupMode",
        label: "Backups",
        help: "For backup and restore. Periodic full copies store the whole data set every interval; a continuous object-store sink (e.g. Kafka Connect's S3 sink) writes each event once and loses only what it has not flushed.",
        type: "select",
        options: [
          { value: "periodic-full", label: "Periodic full copies" },
          { value: "continuous", label: "Continuous (object-store sink)" },
        ],
      },
      { name: "backupIntervalHours", label: "Full copy interval", unit: "hours", help: "Periodic full copies: hours between copies (the RPO of backup and restore).", type: "number" },
      { name: "backupFlushMinutes", label: "Sink flush interval", unit: "minutes", help: "Continuous backups: how often the sink commits what it has buffered (the RPO of backup and restore).", type: "number" },
      { name: "backupRetentionDays", label: "Backup retention", unit: "days", help: "How long each backup is kept (continuous: beyond the data's own retention). Tiers with a minimum storage duration bill at least that.", type: "number" },
      { name: "rtoTargetMinutes", label: "RTO target", unit: "minutes", help: "Longest acceptable time to recover service after a region is lost.", type: "number", optional: true },
      { name: "rpoTargetMinutes", label: "RPO target", unit: "minutes", help: "Most data (in minutes of events) you can afford to lose.", type: "number", optional: true },
    ],
  },
];

/**
 * The warning the model gives a monthly rate ≥ 15 % (probably an annual rate typed into the
 * monthly field; lib/model/growth.ts), for the form to show while the rate is typed; null when the
 * rate is unremarkable or not a number yet.
 * @example growthRateWarning("compound", "0.15") //=> "Monthly growth of 15 % compounds to 5.35× a year (+435 %); if 15 % is the annual rate, enter 1.17 % a month."
 */
export function growthRateWarning(kind: string, rate: string): string | null {
  const value = Number(rate);
  if (rate.trim() === "" || !Number.isFinite(value)) return null;
  if (kind === "compound") return growthWarnings({ kind, monthlyGrowthRatio: value, stepEvents: [] })[0] ?? null;
  if (kind === "linear") return growthWarnings({ kind, monthlyIncreaseRatio: value, stepEvents: [] })[0] ?? null;
  return null;
}

/** Step-event indexes present in a submitted form, in order. */
function stepEventIndexes(values: FormValues): number[] {
  const indexes = new Set<number>();
  for (const key of Object.keys(values)) {
    const match = /^spec\.growth\.stepEvents\.(\d+)\.multiplier$/.exec(key);
    if (match) indexes.add(Number(match[1]));
  }
  return [...indexes].sort((a, b) => a - b);
}

/** The stages a scenario form offers overrides for, in workload order. */
export type OverridableStage = { name: string; kind: StageKind };

/**
 * Reads the scenario form into the shape {@link ScenarioInputSchema} parses (no validation here),
 * on top of `base` (the stored spec, on edit) so blocks the form does not show are kept.
 */
export function scenarioFormObject(values: FormValues, stages: readonly OverridableStage[], base?: ScenarioSpec): Record<string, unknown> {
  const growthKind = values["spec.growth.kind"];
  const stepEvents = stepEventIndexes(values).map((index) => {
    const event = readFields(values, `spec.growth.stepEvents.${index}.`, STEP_EVENT_FIELDS);
    const at = typeof event.at === "string" ? event.at.trim() : event.at;
    return { ...event, at: typeof at === "string" && /^\d+$/.test(at) ? Number(at) : at };
  });
  const rate = readFields(values, "spec.", [GROWTH_RATE_FIELD]).growth as { rate?: unknown };
  const growth: Record<string, unknown> = { kind: growthKind, stepEvents };
  if (growthKind === "compound" || growthKind === "linear") growth[GROWTH_RATE_KEY[growthKind]] = rate.rate;

  const sloOverrides: Record<string, Record<string, unknown>> = {};
  stages.forEach((stage, index) => {
    const override = readFields(values, `spec.sloOverrides.${index}.`, SLO_OVERRIDE_FIELDS[stage.kind]);
    if (Object.values(override).some((v) => v !== undefined)) sloOverrides[stage.name] = override;
  });

  const provider = values["spec.catalogFilter.provider"]?.trim();
  const region = values["spec.catalogFilter.region"]?.trim();
  const mode = values["spec.instance.mode"];
  const sections = Object.fromEntries(
    SCENARIO_SECTIONS.map((section) => [section.key, { ...base?.[section.key], ...readFields(values, `spec.${section.key}.`, section.fields) }]),
  );
  return {
    name: values.name ?? "",
    description: values.description ?? "",
    spec: {
      ...base,
      ...readFields(values, "spec.", HORIZON_FIELDS),
      growth,
      instance: mode === "fixed" ? { mode, instanceType: values["spec.instance.instanceType"] ?? "" } : { mode },
      catalogFilter: { ...base?.catalogFilter, providers: provider ? [provider] : undefined, regions: region ? [region] : undefined },
      sloOverrides,
      ...sections,
    },
  };
}

/** Maps a schema path back to the input that holds it (growth rate, overrides by stage index). */
function scenarioInputName(stages: readonly OverridableStage[]) {
  return (path: string): string => {
    if (/^spec\.growth\.(monthlyGrowthRatio|monthlyIncreaseRatio)$/.test(path)) return "spec.growth.rate";
    const override = /^spec\.sloOverrides\.(.+)\.([^.]+)$/.exec(path);
    if (override) {
      const index = stages.findIndex((stage) => stage.name === override[1]);
      if (index >= 0) return `spec.sloOverrides.${index}.${override[2]}`;
    }
    if (path === "spec.catalogFilter.providers" || path.startsWith("spec.catalogFilter.providers.")) return "spec.catalogFilter.provider";
    if (path === "spec.catalogFilter.regions" || path.startsWith("spec.catalogFilter.regions.")) return "spec.catalogFilter.region";
    return path;
  };
}

/** Parses a submitted scenario form: the scenario, or messages by input name. */
export function parseScenarioForm(
  values: FormValues,
  stages: readonly OverridableStage[],
  base?: ScenarioSpec,
): { ok: true; data: ScenarioInput } | { ok: false; fieldErrors: FieldErrors } {
  const parsed = ScenarioInputSchema.safeParse(scenarioFormObject(values, stages, base));
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, fieldErrors: fieldErrorsOf(parsed.error, scenarioInputName(stages)) };
}

/** What a save says when someone else saved the scenario first (the form and the what-if). */
export function scenarioConflictMessage(version: number): string {
  return `Someone else saved this scenario (now version ${version}) after you opened it. Nothing was saved.`;
}

/** A person's name for a field of a scenario snapshot (for conflict messages). */
export function scenarioFieldLabel(path: string): string {
  const field = [
    ...HORIZON_FIELDS.map((f) => ({ ...f, name: `spec.${f.name}` })),
    ...SCENARIO_SECTIONS.flatMap((s) => s.fields.map((f) => ({ ...f, name: `spec.${s.key}.${f.name}` }))),
  ].find((f) => f.name === path);
  const known: Record<string, string> = {
    name: "Name",
    description: "Description",
    "spec.growth.kind": "Growth model",
    "spec.growth.monthlyGrowthRatio": "Monthly growth rate",
    "spec.growth.monthlyIncreaseRatio": "Monthly linear increase",
    "spec.instance.mode": "Instance choice",
    "spec.instance.instanceType": "Instance type",
    "spec.catalogFilter.providers": "Provider",
    "spec.catalogFilter.regions": "Region",
  };
  return field?.label ?? known[path] ?? path.replace(/^spec\./, "");
}

/** What the create form starts with: 3 % compound growth for three years on the cheapest AWS us-east-1 nodes. */
export function newScenarioInput(startMonth: string): ScenarioInput {
  return {
    name: "",
    description: "",
    spec: ScenarioSpecSchema.parse({ startMonth, growth: { kind: "compound", monthlyGrowthRatio: 0.03 }, catalogFilter: { providers: ["aws"], regions: ["us-east-1"] } }),
  };
}

/** An instance type the form offers (a slice of the priced catalog small enough to send to the browser). */
export type InstanceOption = { id: string; provider: string; region: string; name: string; vcpu: number; memoryGib: number; onDemandUsdPerHour: number };

export function instanceOptionsOf(instanceTypes: readonly InstanceOption[]): InstanceOption[] {
  return instanceTypes.map(({ id, provider, region, name, vcpu, memoryGib, onDemandUsdPerHour }) => ({ id, provider, region, name, vcpu, memoryGib, onDemandUsdPerHour }));
}
