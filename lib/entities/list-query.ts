/**
 * The vocabulary of list queries — page sizes and the sort keys each list offers — shared by the
 * URL parsers (lib/forms) and the queries that honour them (lib/db).
 */

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export type SortDirection = "asc" | "desc";

/** One page of a list. `page` is 1-based; a page past the end has no rows. */
export type Page<T> = { rows: T[]; total: number; page: number; pageSize: number; pageCount: number };

/** Sort keys of the workloads list; `headlineCostUsdPerMonth` is the plan of record's month-0 total. */
export const WORKLOAD_SORTS = ["name", "team", "updatedAt", "createdAt", "peakEventsPerSec", "headlineCostUsdPerMonth"] as const;
export type WorkloadSort = (typeof WORKLOAD_SORTS)[number];

export const SCENARIO_SORTS = ["name", "workloadName", "updatedAt", "createdAt"] as const;
export type ScenarioSort = (typeof SCENARIO_SORTS)[number];
