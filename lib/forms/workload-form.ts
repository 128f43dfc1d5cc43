/**
 * The workload form: how a submitted form becomes a profile the entity schema
 * (lib/entities/workload.ts) validates, labels for its fields, and what a new form starts with.
 */
import { WorkloadInputSchema, type WorkloadInput } from "@/lib/entities/workload";
import type { StageKind } from "@/lib/model/types";

import { fieldErrorsOf, readFields, type FieldErrors, type FormValues } from "./form-values";
import { newStage, STAGE_FIELDS } from "./workload-fields";

/** Stage indexes present in a submitted form, in order. */
function stageIndexes(values: FormValues): number[] {
  const indexes = new Set<number>();
  for (const key of Object.keys(values)) {
    const match = /^spec\.stages\.(\d+)\.kind$/.exec(key);
    if (match) indexes.add(Number(match[1]));
  }
  return [...indexes].sort((a, b) => a - b);
}

function isStageKind(kind: string | undefined): kind is StageKind {
  return kind === "broker" || kind === "stream" || kind === "batch";
}

/**
 * Reads the workload form into the shape {@link WorkloadInputSchema} parses (no validation here).
 * Tags are typed comma-separated.
 *
 * @example workloadFormObject({ name: "Clicks", tags: "kafka, flink", "spec.kind": "streaming", "spec.stages.0.kind": "broker", … })
 * //=> { name: "Clicks", tags: ["kafka", "flink"], spec: { kind: "streaming", stages: [{ kind: "broker", … }] }, … }
 */
export function workloadFormObject(values: FormValues): Record<string, unknown> {
  const stages = stageIndexes(values).map((index) => {
    const prefix = `spec.stages.${index}.`;
    const kind = values[`${prefix}kind`];
    return { kind, ...(isStageKind(kind) ? readFields(values, prefix, STAGE_FIELDS[kind]) : {}) };
  });
  return {
    name: values.name ?? "",
    description: values.description ?? "",
    team: values.team ?? "",
    tags: (values.tags ?? "")
      .split(",")
      .map((tag) => tag.trim())
      .filter(Boolean),
    spec: { kind: values["spec.kind"], stages },
  };
}

/** Parses a submitted workload form: the profile, or messages by input name. */
export function parseWorkloadForm(values: FormValues): { ok: true; data: WorkloadInput } | { ok: false; fieldErrors: FieldErrors } {
  const parsed = WorkloadInputSchema.safeParse(workloadFormObject(values));
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
}

/** What an edit form loaded, compared with what is stored when a save conflicts. */
export function workloadSnapshot(workload: WorkloadInput): WorkloadInput {
  return { name: workload.name, description: workload.description, team: workload.team, tags: workload.tags, spec: workload.spec };
}

/**
 * A person's name for a field of a workload snapshot.
 *
 * @example workloadFieldLabel("spec.stages.1.cpuMsPerEvent", ["kafka", "flink"]) //=> "Stage 2 (flink) · CPU time per event"
 */
export function workloadFieldLabel(path: string, stageNames: readonly string[]): string {
  const stage = /^spec\.stages\.(\d+)\.(.+)$/.exec(path);
  if (stage) {
    const index = Number(stage[1]);
    const field = Object.values(STAGE_FIELDS)
      .flat()
      .find((f) => f.name === stage[2]);
    const name = stageNames[index];
    return `Stage ${index + 1}${name ? ` (${name})` : ""} · ${field?.label ?? stage[2]}`;
  }
  const top: Record<string, string> = { name: "Name", description: "Description", team: "Team", tags: "Tags", "spec.kind": "Kind" };
  return top[path] ?? path;
}

/** What the create form starts with: a broker feeding a stream processor, with the schema's defaults. */
export function newWorkloadInput(): WorkloadInput {
  return { name: "", description: "", team: "", tags: [], spec: { kind: "streaming", stages: [newStage("broker", "kafka"), newStage("stream", "stream-job")] } };
}
