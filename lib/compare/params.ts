/**
 * The comparison's URL state: `?scenarios=<id>,<id>[,<id>,<id>]`, the first being the baseline.
 * One schema for the page, the CSV route and the links that build the URL, so a shared link
 * reproduces the view exactly and a malformed one gets a message naming the field.
 */
import { z } from "zod";

import { isUuid } from "@/lib/entities/ids";

/** Two to four scenarios: enough to decide, few enough to read side by side (issue 12). */
export const MIN_COMPARED = 2;
export const MAX_COMPARED = 4;

/** `scenarios`: comma-separated scenario ids, distinct, 2–4, baseline first. */
export const CompareParamsSchema = z.object({
  scenarios: z
    .string({ error: "scenarios: list 2 to 4 scenario ids, separated by commas." })
    .transform((text) => text.split(",").map((id) => id.trim()).filter((id) => id.length > 0))
    .pipe(
      z
        .array(z.string().refine(isUuid, { error: "scenarios: every id must be a scenario id (a UUID)." }))
        .min(MIN_COMPARED, { error: `scenarios: pick at least ${MIN_COMPARED} scenarios to compare.` })
        .max(MAX_COMPARED, { error: `scenarios: compare at most ${MAX_COMPARED} scenarios at once.` })
        .refine((ids) => new Set(ids).size === ids.length, { error: "scenarios: each scenario may appear only once." }),
    ),
});

export type CompareParams = z.infer<typeof CompareParamsSchema>;

/**
 * The compare URL for these scenarios, baseline first.
 *
 * @example compareHref(["a…", "b…"]) //=> "/compare?scenarios=a…,b…"
 */
export function compareHref(scenarioIds: readonly string[]): string {
  return `/compare?scenarios=${scenarioIds.join(",")}`;
}

/**
 * The same comparison with another baseline: `id` moves to the front, the others keep their order.
 *
 * @example withBaseline(["a", "b", "c"], "c") //=> ["c", "a", "b"]
 */
export function withBaseline(scenarioIds: readonly string[], id: string): string[] {
  return [id, ...scenarioIds.filter((other) => other !== id)];
}

/**
 * The `scenarios` parameter as one comma-separated string: a form of checkboxes sends it repeated
 * (`?scenarios=a&scenarios=b`), a shared link sends it once (`?scenarios=a,b`).
 *
 * @example scenariosParam(["a", "b,c"]) //=> "a,b,c"
 */
export function scenariosParam(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value : [value ?? ""]).join(",").split(",").map((id) => id.trim()).filter(Boolean).join(",");
}
