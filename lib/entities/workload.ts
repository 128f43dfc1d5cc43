/**
 * The workload profile entity as forms, actions, the import API and the services see it:
 * metadata (name, description, team, tags) plus the model's own `WorkloadSpecSchema`. One schema,
 * used by the browser's form, the server action that re-validates it, and the document importer.
 */
import { z } from "zod";

import { hasNoNulCharacter, WorkloadSpecSchema } from "@/lib/model/schemas";

/** The name of a profile or scenario. */
export const EntityNameSchema = z
  .string({ error: "Name is required." })
  .trim()
  .min(1, { error: "Name must not be empty." })
  .max(200, { error: "Name must be at most 200 characters." })
  .refine(hasNoNulCharacter, { error: "Name must not contain NUL characters." });

/** The free-text description of a profile or scenario. */
export const DescriptionSchema = z
  .string({ error: "Description must be text." })
  .trim()
  .max(2000, { error: "Description must be at most 2,000 characters." })
  .refine(hasNoNulCharacter, { error: "Description must not contain NUL characters." })
  .default("");

/** Name, description, team and tags of a profile; messages name the field. */
export const WorkloadProfileSchema = z.object({
  name: EntityNameSchema,
  description: DescriptionSchema,
  team: z
    .string({ error: "Team must be text." })
    .trim()
    .max(100, { error: "Team must be at most 100 characters." })
    .refine(hasNoNulCharacter, { error: "Team must not contain NUL characters." })
    .default(""),
  tags: z
    .array(
      z
        .string({ error: "Each tag must be text." })
        .trim()
        .min(1)
        .max(40, { error: "Each tag must be at most 40 characters." })
        .refine(hasNoNulCharacter, { error: "Tags must not contain NUL characters." }),
      {
      error: "Tags must be a list.",
    })
    .max(20, { error: "At most 20 tags." })
    .default([]),
});

/** A whole profile: metadata and the model's inputs. */
export const WorkloadInputSchema = WorkloadProfileSchema.extend({ spec: WorkloadSpecSchema });
export type WorkloadInput = z.output<typeof WorkloadInputSchema>;
export type WorkloadInputInput = z.input<typeof WorkloadInputSchema>;

/** The version an edit form or API client read (optimistic concurrency). */
export const VersionSchema = z.coerce.number({ error: "Version must be a number." }).int().min(1);

/**
 * Tags as stored: trimmed, lower-case, without empties or duplicates, in first-seen order, so the
 * search can match them exactly (and use the GIN index).
 *
 * @example normalizeTags([" Kafka", "kafka", "", "Flink"]) //=> ["kafka", "flink"]
 */
export function normalizeTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map((t) => t.trim().toLowerCase()).filter(Boolean))];
}
