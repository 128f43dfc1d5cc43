import { z } from 'zod';
import { findInstanceTypes, loadCatalog } from './load';
import { ArchSchema, ProviderSchema, type Catalog, type CatalogInstanceType } from './schema';

export const CATALOG_SORTS = ['usdPerVcpuHour', 'usdPerGibHour', 'onDemandUsdPerHour', 'vcpu', 'memoryGib'] as const;
export type CatalogSort = (typeof CATALOG_SORTS)[number];

const optionalText = z.string().trim().max(64).optional().catch(undefined).transform((v) => v || undefined);
const optionalMin = z.coerce.number().min(0).max(100_000).optional().catch(undefined);

/**
 * The Catalog page's URL state. Unparseable values fall back to "no filter" so that a hand-edited
 * URL still shows a list.
 */
export const CatalogBrowseParamsSchema = z.object({
  provider: ProviderSchema.optional().catch(undefined),
  region: optionalText,
  family: optionalText,
  arch: ArchSchema.optional().catch(undefined),
  minVcpu: optionalMin,
  minMemoryGib: optionalMin,
  sort: z.enum(CATALOG_SORTS).catch('usdPerVcpuHour').default('usdPerVcpuHour'),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});
export type CatalogBrowseParams = z.infer<typeof CatalogBrowseParamsSchema>;

/** An instance type with its unit prices, for comparing shapes of different sizes. */
export type CatalogRow = CatalogInstanceType & { usdPerVcpuHour: number; usdPerGibHour: number };

/**
 * Instance types matching the filters, sorted ascending by the chosen key (ties by id, so the
 * order is stable). Unit prices: on-demand USD/hour ÷ vCPU and ÷ GiB of memory.
 */
export function browseInstanceTypes(params: CatalogBrowseParams, catalog: Catalog = loadCatalog()): CatalogRow[] {
  const rows = findInstanceTypes(params, catalog).map((item) => ({
    ...item,
    usdPerVcpuHour: item.onDemandUsdPerHour / item.vcpu,
    usdPerGibHour: item.onDemandUsdPerHour / item.memoryGib,
  }));
  return rows.sort((a, b) => a[params.sort] - b[params.sort] || a.id.localeCompare(b.id));
}

/** Rows per catalog page: one screen of the table, and a page far under 250 KB of HTML. */
export const CATALOG_PAGE_SIZE = 50;

/** One page of rows (1-based; a page past the end is clamped to the last one). */
export function catalogPage<T>(rows: readonly T[], page: number, pageSize = CATALOG_PAGE_SIZE) {
  const pageCount = Math.max(1, Math.ceil(rows.length / pageSize));
  const current = Math.min(Math.max(1, page), pageCount);
  return { rows: rows.slice((current - 1) * pageSize, current * pageSize), page: current, pageCount, total: rows.length };
}

export type CatalogFacets = { regions: string[]; families: string[] };

/** Facets per catalog object (catalogs are immutable once loaded): not rescanned on every page view. */
const facetsByCatalog = new WeakMap<Catalog, CatalogFacets>();

/** The choices each filter offers, from the catalog itself. */
export function catalogFacets(catalog: Catalog = loadCatalog()): CatalogFacets {
  const cached = facetsByCatalog.get(catalog);
  if (cached) return cached;
  const distinct = (values: string[]) => [...new Set(values)].sort();
  const facets = {
    regions: distinct(catalog.instanceTypes.map((item) => `${item.provider}:${item.region}`)),
    families: distinct(catalog.instanceTypes.map((item) => item.family)),
  };
  facetsByCatalog.set(catalog, facets);
  return facets;
}
