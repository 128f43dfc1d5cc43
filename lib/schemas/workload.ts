/**
 * The workload profile as forms, actions and the import API see it: metadata (this file's
 * {@link WorkloadProfileSchema}) plus the model's own `WorkloadSpecSchema`. One schema, used by
 * the browser's form, the server action that re-validates it, and the JSON document importer.
 */
import { z } from "zod";

import { WorkloadSpecSchema } from "@/lib/model/schemas";
import type { StageKind } from "@/lib/model/types";

import { newStage, STAGE_FIELDS } from "./workload-fields";
import { fieldErrorsOf, readFields, type FieldErrors, type FormValues } from "./workload-form";

/** The name of a profile or scenario. */
export const EntityNameSchema = z
  .string({ error: "Name is required." })
  .trim()
  .min(1, { error: "Name must not be empty." })
  .max(200, { error: "Name must be at most 200 characters." });

/** The free-text description of a profile or scenario. */
export const DescriptionSchema = z.string({ error: "Description must be text." }).trim().max(2000, { error: "Description must be at most 2,000 characters." }).default("");

/** Name, description, team and tags of a profile; messages name the field. */
export const WorkloadProfileSchema = z.object({
  name: EntityNameSchema,
  description: DescriptionSchema,
  team: z.string({ error: "Team must be text." }).trim().max(100, { error: "Team must be at most 100 characters." }).default(""),
  tags: z
    .array(z.string({ error: "Each tag must be text." }).trim().min(1).max(40, { error: "Each tag must be at most 40 characters." }), {
      error: "Tags must be a list.",
    })
    .max(20, { error: "At most 20 tags." })
    .default([]),
});

/** A whole profile: metadata and the model's inputs. */
export const WorkloadInputSchema = WorkloadProfileSchema.extend({ spec: WorkloadSpecSchema });
export type WorkloadInput = z.output<typeof WorkloadInputSchema>;

/** The version an edit form was loaded at (optimistic concurrency). */
export const VersionSchema = z.coerce.number({ error: "Version must be a number." }).int().min(1);

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
