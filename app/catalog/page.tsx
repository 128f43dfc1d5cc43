import type { Metadata } from "next";
import Link from "next/link";

import { CatalogFreshness } from "@/components/catalog/catalog-freshness";
import { CatalogVersions, OverrideHistory } from "@/components/catalog/catalog-history";
import { FinOpsPanel, type ItemOverrideView, type OverridableItem, type ProviderDiscountView } from "@/components/catalog/finops-panel";
import { InstanceTable } from "@/components/catalog/instance-table";
import { DatabaseUnavailable } from "@/components/shell/database-unavailable";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Pagination } from "@/components/ui/pagination";
import { browseInstanceTypes, catalogFacets, catalogPage, CatalogBrowseParamsSchema, type CatalogBrowseParams, type CatalogRow, type CatalogSort } from "@/lib/catalog/browse";
import { diffCatalogs } from "@/lib/catalog/diff";
import { providerFreshness } from "@/lib/catalog/freshness";
import { loadCatalog } from "@/lib/catalog/load";
import { CatalogVersionSchema, ProviderSchema, type Catalog } from "@/lib/catalog/schema";
import {
  getCurrentCatalog,
  getOverrideRevisions,
  getPricedCatalog,
  listActiveOverrides,
  listCatalogVersions,
  listOverrideHistory,
  loadCatalogVersion,
} from "@/lib/services/catalog";
import { discountKey, itemIdOfPriceKey, itemPriceKey, overridablePrices, providerName, type ActiveOverride, type OverridablePrice, type OverrideSection, type PricedCatalog } from "@/lib/catalog/overrides";
import type { DbClient } from "@/lib/db/client";
import { formatDateTime } from "@/lib/format";
import { firstValues } from "@/lib/forms/list-params";
import { loadPageData } from "@/lib/services/page-data";

export const metadata: Metadata = { title: "Catalog" };

const SORT_LABELS: Record<CatalogSort, string> = {
  usdPerVcpuHour: "Price per vCPU-hour",
  usdPerGibHour: "Price per GiB-hour",
  onDemandUsdPerHour: "Hourly price",
  vcpu: "vCPU",
  memoryGib: "Memory",
};

const UNIT_BY_SECTION: Record<OverrideSection, string> = {
  instanceTypes: "USD/hour",
  storageTiers: "USD/GiB-month",
  dataTransfer: "USD/GiB",
};

const selectClass = "h-9 rounded-md border border-slate-300 bg-white px-2 text-sm";

async function loadCatalogPage(db: DbClient, since: string | undefined) {
  // First: registers the bundled catalog on a new database before the reads below.
  const priced = await getPricedCatalog(db);
  const [active, revisions, history, versions, list] = await Promise.all([
    listActiveOverrides(db),
    getOverrideRevisions(db),
    listOverrideHistory(db),
    listCatalogVersions(db),
    getCurrentCatalog(db),
  ]);
  const older = since === undefined ? null : await loadCatalogVersion(db, since);
  return { priced, active, revisions, history, versions, list, changes: older && diffCatalogs(older, list) };
}

/**
 * The FinOps panel's plain-data view of the overrides in force. The item picker suggests the
 * instance types on this page, the storage and transfer prices of their regions, and the items
 * already overridden — not the whole catalog, which would put thousands of options into every page.
 * Any other item id can still be typed; `revisionByItem` gives its expected revision.
 */
function finOpsViews(list: Catalog, active: ActiveOverride[], revisions: Record<string, number>, shown: readonly CatalogRow[]) {
  const shownIds = new Set(shown.map((row) => row.id));
  const shownRegions = new Set(shown.map((row) => `${row.provider}:${row.region}:`));
  const inShownRegion = (itemId: string) => shownRegions.has(itemId.slice(0, itemId.indexOf(":", itemId.indexOf(":") + 1) + 1));
  const discounts: ProviderDiscountView[] = ProviderSchema.options.map((provider) => {
    const o = active.find((a) => a.kind === "providerDiscount" && a.provider === provider);
    return {
      provider,
      name: providerName(provider),
      discountPercent: o?.kind === "providerDiscount" ? Number((o.discountRatio * 100).toFixed(6)) : null,
      reason: o?.reason ?? null,
      actor: o?.actor ?? null,
      revision: revisions[discountKey(provider)] ?? 0,
    };
  });
  const prices = overridablePrices(list);
  const toItem = (p: OverridablePrice): OverridableItem => ({ id: p.itemId, unit: UNIT_BY_SECTION[p.section], listValue: p.listValue, revision: revisions[itemPriceKey(p.itemId, p.field)] ?? 0 });
  const regional = [...list.storageTiers, ...list.dataTransfer].filter((item) => inShownRegion(item.id)).map((item) => item.id);
  const overridden = active.flatMap((o) => (o.kind === "itemPrice" ? [o.itemId] : []));
  const items = [...new Set([...shownIds, ...regional, ...overridden])].flatMap((id) => {
    const price = prices.get(id);
    return price ? [toItem(price)] : [];
  });
  const revisionByItem: Record<string, number> = {};
  for (const [key, revision] of Object.entries(revisions)) {
    const itemId = itemIdOfPriceKey(key);
    if (itemId !== null && revision > 0) revisionByItem[itemId] = revision;
  }
  const itemOverrides: ItemOverrideView[] = active.flatMap((o) => {
    if (o.kind !== "itemPrice") return [];
    const price = prices.get(o.itemId);
    const item = price && toItem(price);
    return [{ key: o.key, itemId: o.itemId, unit: item?.unit ?? "USD", listValue: item?.listValue ?? null, priceUsd: o.priceUsd, reason: o.reason, actor: o.actor, changedAt: formatDateTime(o.createdAt), revision: o.revision }];
  });
  return { discounts, items, revisionByItem, itemOverrides };
}

/** The catalog URL for these filters on another page. */
function catalogHref(params: CatalogBrowseParams, page: number): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...params, page })) {
    if (value === undefined || (key === "page" && value === 1) || (key === "sort" && value === "usdPerVcpuHour")) continue;
    query.set(key, String(value));
  }
  const text = query.toString();
  return text ? `/catalog?${text}` : "/catalog";
}

export default async function CatalogPage({ searchParams }: PageProps<"/catalog">) {
  const raw = firstValues(await searchParams);
  const params = CatalogBrowseParamsSchema.parse(raw);
  const since = CatalogVersionSchema.safeParse(raw.since).data;
  const result = await loadPageData((db) => loadCatalogPage(db, since));
  // Without the database the bundled list prices still browse; overrides cannot be shown.
  const priced: PricedCatalog = result.ok ? result.data.priced : { version: loadCatalog().version, catalog: loadCatalog(), overrides: [] };
  const matching = browseInstanceTypes(params, priced.catalog);
  const shown = catalogPage(matching, params.page);
  const rows = shown.rows;
  const facets = catalogFacets(priced.catalog);
  const marks = new Map(priced.overrides.filter((o) => o.field === "onDemandUsdPerHour").map((o) => [o.itemId, o]));
  const marked = matching.filter((row) => marks.has(row.id)).length;

  return (
    <>
      <PageHeader
        title="Catalog"
        description={
          <>
            Instance types and the prices the model uses: priced catalog <span className="font-mono">{priced.version}</span> (catalog
            version + override revision), prices in {priced.catalog.currency}, Linux on-demand per hour. A struck-through price
            is the list price FinOps overrode; <span className="text-amber-800">≈</span> marks an estimate, numbered by its basis (listed under the table).
          </>
        }
      />
      <div className="mb-6">
        <CatalogFreshness rows={providerFreshness(priced.catalog, new Date().toISOString().slice(0, 10))} />
      </div>
      {result.ok ? (
        <div className="mb-6">
          <FinOpsPanel {...finOpsViews(result.data.list, result.data.active, result.data.revisions, rows)} earlierVersions={result.data.versions.slice(1).map((v) => v.version)} />
        </div>
      ) : (
        <div className="mb-6">
          <DatabaseUnavailable message={`${result.message} Showing the bundled list prices; FinOps overrides are unavailable.`} retryHref="/catalog" />
        </div>
      )}
      <form action="/catalog" className="mb-4 flex flex-wrap items-end gap-3 text-sm" aria-label="Filter instance types">
        <label className="flex flex-col gap-1">
          Provider
          <select name="provider" defaultValue={params.provider ?? ""} className={selectClass}>
            <option value="">All</option>
            <option value="aws">AWS</option>
            <option value="gcp">Google Cloud</option>
            <option value="azure">Azure</option>
          </select>
        </label>
        <label className="flex flex-col gap-1">
          Region
          <select name="region" defaultValue={params.region ?? ""} className={selectClass}>
            <option value="">All</option>
            {facets.regions.map((key) => {
              const region = key.split(":")[1] ?? key;
              return (
                <option key={key} value={region}>
                  {region}
                </option>
              );
            })}
          </select>
        </label>
        <label className="flex flex-col gap-1">
          Family
          <select name="family" defaultValue={params.family ?? ""} className={selectClass}>
            <option value="">All</option>
            {facets.families.map((family) => (
              <option key={family} value={family}>
                {family}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1">
          Architecture
          <select name="arch" defaultValue={params.arch ?? ""} className={selectClass}>
            <option value="">All</option>
            <option value="x86_64">x86_64</option>
            <option value="arm64">arm64</option>
          </select>
        </label>
        <label className="flex w-24 flex-col gap-1">
          Min vCPU
          <Input name="minVcpu" type="number" min={0} defaultValue={params.minVcpu ?? ""} />
        </label>
        <label className="flex w-28 flex-col gap-1">
          Min GiB
          <Input name="minMemoryGib" type="number" min={0} defaultValue={params.minMemoryGib ?? ""} />
        </label>
        <label className="flex flex-col gap-1">
          Sort by
          <select name="sort" defaultValue={params.sort} className={selectClass}>
            {Object.entries(SORT_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <Button type="submit">Apply</Button>
        <Button asChild variant="ghost">
          <Link href="/catalog">Reset</Link>
        </Button>
      </form>
      <Card>
        <p className="px-3 pt-3 text-sm text-slate-600" role="status">
          {matching.length} instance {matching.length === 1 ? "type" : "types"}, sorted by {SORT_LABELS[params.sort].toLowerCase()}
          {marked > 0 ? `; ${marked} ${marked === 1 ? "price" : "prices"} changed by FinOps overrides` : ""}
        </p>
        {rows.length === 0 ? (
          <p className="px-3 py-6 text-sm text-slate-600">No instance type matches these filters. Loosen one, or reset.</p>
        ) : (
          <InstanceTable rows={rows} overrides={marks} />
        )}
      </Card>
      {shown.pageCount > 1 ? (
        <Pagination page={shown.page} pageCount={shown.pageCount} total={shown.total} noun={["instance type", "instance types"]} hrefFor={(page) => catalogHref(params, page)} />
      ) : null}
      {result.ok ? (
        <div className="mt-6 flex flex-col gap-6">
          <OverrideHistory entries={result.data.history} />
          <CatalogVersions versions={result.data.versions} since={since} changes={result.data.changes} />
        </div>
      ) : null}
    </>
  );
}
