/**
 * The priced catalog's instance types as /api/v1 lists them: the list prices with the FinOps
 * overrides in force (what plans are priced with now), filtered like the Catalog page, sorted by a
 * unit price or size (ties by id), one cursor page at a time. Prices are USD.
 */
import { z } from "zod";

import { CATALOG_SORTS, type CatalogRow, type CatalogSort } from "@/lib/catalog/browse";
import { ArchSchema, CatalogInstanceTypeSchema, CatalogVersionSchema, ProviderSchema } from "@/lib/catalog/schema";

import { cursorSchema, encodeCursor, LimitSchema } from "../cursor";
import { listPageSchema } from "./common";

const minimum = (name: string) =>
  z.coerce
    .number({ error: `${name} must be a number.` })
    .min(0, { error: `${name} must not be negative.` })
    .max(100_000, { error: `${name} must be at most 100,000.` })
    .optional();

/** The position after a row: the sort it was listed by, its sort value and id. */
const CatalogCursorSchema = cursorSchema(z.object({ s: z.enum(CATALOG_SORTS), v: z.number(), i: z.string().max(200) }));

export const CatalogListQuerySchema = z
  .object({
    provider: ProviderSchema.optional(),
    region: z.string().max(64, { error: "region must be at most 64 characters." }).optional(),
    family: z.string().max(64, { error: "family must be at most 64 characters." }).optional(),
    arch: ArchSchema.optional(),
    minVcpu: minimum("minVcpu").describe("Inclusive lower bound on vCPUs."),
    minMemoryGib: minimum("minMemoryGib").describe("Inclusive lower bound on memory, GiB."),
    sort: z.enum(CATALOG_SORTS).default("usdPerVcpuHour").describe("Ascending; ties by id."),
    limit: LimitSchema,
    cursor: CatalogCursorSchema.optional(),
  })
  .refine((query) => query.cursor === undefined || query.cursor.s === query.sort, {
    path: ["cursor"],
    error: "cursor: this cursor belongs to another sort; keep the query of the first page.",
  });

export const CatalogItemSchema = z.object({
  ...CatalogInstanceTypeSchema.shape,
  usdPerVcpuHour: z.number().describe("On-demand USD per hour ÷ vCPU."),
  usdPerGibHour: z.number().describe("On-demand USD per hour ÷ GiB of memory."),
});

export const CatalogPageSchema = listPageSchema(CatalogItemSchema).extend({
  pricedCatalogVersion: z.string().describe("`<catalog version>+o<override revision>`: the list prices and the overrides applied."),
  currency: z.literal("USD"),
});

/**
 * The page of sorted `rows` after the cursor's position.
 * @example catalogListPage(rows, { sort: "vcpu", limit: 2 }) //=> { items: [rows[0], rows[1]], nextCursor: "…" }
 */
export function catalogListPage(rows: readonly CatalogRow[], query: { sort: CatalogSort; limit: number; cursor?: { v: number; i: string } }) {
  const { sort, limit, cursor } = query;
  const start = cursor ? rows.findIndex((row) => row[sort] > cursor.v || (row[sort] === cursor.v && row.id > cursor.i)) : 0;
  const items = start < 0 ? [] : rows.slice(start, start + limit);
  const last = items.at(-1);
  const more = start >= 0 && start + limit < rows.length;
  return { items, nextCursor: more && last ? encodeCursor({ s: sort, v: last[sort], i: last.id }) : null };
}

/** The query of `GET /api/v1/catalog/export`. */
export const CatalogExportQuerySchema = z.object({ version: CatalogVersionSchema.optional().describe("A catalog version such as 2026-11-25.1; default the current one.") });
