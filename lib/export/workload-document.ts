/**
 * A workload profile with its scenarios as a JSON document, so teams can keep them in git and
 * move them between Headroom instances. Pure: no I/O. The document carries `schemaVersion`; a
 * future shape bumps it and keeps a reader for the old one.
 */
import { z } from "zod";

import { ScenarioInputSchema } from "@/lib/entities/scenario";
import { WorkloadInputSchema, type WorkloadInput } from "@/lib/entities/workload";
import type { ScenarioSpec } from "@/lib/model/types";
import { MAX_WORKLOAD_DOCUMENT_BYTES } from "@/lib/forms/upload-limits";

import { fileSlug } from "./file-slug";

export const WORKLOAD_DOCUMENT_SCHEMA_VERSION = 1;

/** Identifies the file as a Headroom workload, so an unrelated JSON file is named as such. */
export const WORKLOAD_DOCUMENT_KIND = "headroom.workload";

export const WorkloadDocumentSchema = z.object({
  kind: z.literal(WORKLOAD_DOCUMENT_KIND, { error: `kind must be "${WORKLOAD_DOCUMENT_KIND}": this is not a Headroom workload file.` }),
  schemaVersion: z.literal(WORKLOAD_DOCUMENT_SCHEMA_VERSION, {
    error: `schemaVersion must be ${WORKLOAD_DOCUMENT_SCHEMA_VERSION} (the only version this Headroom reads).`,
  }),
  workload: WorkloadInputSchema,
  scenarios: z.array(ScenarioInputSchema, { error: "scenarios must be a list." }).max(100, { error: "At most 100 scenarios." }).default([]),
});
export type WorkloadDocument = z.output<typeof WorkloadDocumentSchema>;

/** What the export writes: a profile and its scenarios (ids, versions and timestamps are not exported). */
export function toWorkloadDocument(
  workload: WorkloadInput,
  scenarios: readonly { name: string; description: string; spec: ScenarioSpec }[],
): WorkloadDocument {
  return {
    kind: WORKLOAD_DOCUMENT_KIND,
    schemaVersion: WORKLOAD_DOCUMENT_SCHEMA_VERSION,
    workload: { name: workload.name, description: workload.description, team: workload.team, tags: workload.tags, spec: workload.spec },
    scenarios: scenarios.map((s) => ({ name: s.name, description: s.description, spec: s.spec })),
  };
}


/**
 * Parses the text of a workload document. Never throws: a bad file comes back with one line per
 * problem, each naming where it is (`workload.spec.stages.0.avgEventsPerSec: …`).
 *
 * @example parseWorkloadDocument("{") //=> { ok: false, problems: ["The file is not valid JSON: …"] }
 */
export function parseWorkloadDocument(text: string): { ok: true; document: WorkloadDocument } | { ok: false; problems: string[] } {
  if (text.length > MAX_WORKLOAD_DOCUMENT_BYTES) return { ok: false, problems: ["The file is larger than 1 MiB."] };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [`The file is not valid JSON: ${error instanceof Error ? error.message : String(error)}`] };
  }
  const parsed = WorkloadDocumentSchema.safeParse(json);
  if (parsed.success) return { ok: true, document: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) => (issue.path.length ? `${issue.path.map(String).join(".")}: ${issue.message}` : issue.message)),
  };
}

/** A file name for the download: the profile's name in kebab case. */
export function workloadDocumentFileName(name: string): string {
  return `${fileSlug(name, "workload")}.headroom.json`;
}
