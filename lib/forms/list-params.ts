import { z } from "zod";
import { MAX_PAGE_SIZE, WORKLOAD_SORTS } from "@/lib/entities/list-query";
import { isUuid } from "@/lib/entities/ids";

/**
 * The workloads list's URL state (`?q=&sort=&dir=&page=`). A value that does not parse falls back
 * to its default instead of failing the page: a hand-edited URL still shows a list.
 */
export const WorkloadListParamsSchema = z.object({
  q: z.string().trim().max(200).catch("").default(""),
  sort: z.enum(WORKLOAD_SORTS).catch("updatedAt").default("updatedAt"),
  dir: z.enum(["asc", "desc"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(1_000_000).catch(1).default(1),
  size: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).catch(20).default(20),
  /** A profile just deleted, for the undo banner (not kept in sort and page links). */
  deleted: z.string().refine(isUuid).optional().catch(undefined),
});
export type WorkloadListParams = z.infer<typeof WorkloadListParamsSchema>;

/** Next's searchParams values may repeat (`?q=a&q=b`): the first one wins. */
export function firstValues(params: Record<string, string | string[] | undefined>): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(params).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]));
}
