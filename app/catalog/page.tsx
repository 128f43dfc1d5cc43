import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { NumericCell, Table, TableCell, TableHead } from "@/components/ui/table";
import { browseInstanceTypes, catalogFacets, CatalogBrowseParamsSchema, type CatalogRow, type CatalogSort } from "@/lib/catalog/browse";
import { loadCatalog } from "@/lib/catalog/load";
import { SPOT_INTERRUPTION_BANDS, type InstanceEstimableField } from "@/lib/catalog/schema";
import { firstValues } from "@/lib/schemas/workload-list";

export const metadata: Metadata = { title: "Catalog" };

const SORT_LABELS: Record<CatalogSort, string> = {
  usdPerVcpuHour: "Price per vCPU-hour",
  usdPerGibHour: "Price per GiB-hour",
  onDemandUsdPerHour: "Hourly price",
  vcpu: "vCPU",
  memoryGib: "Memory",
};

const usd = (digits: number) => new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", minimumFractionDigits: digits, maximumFractionDigits: digits });
const usdHourly = usd(4);
const usdUnit = usd(5);

/** A figure whose value is an estimate: marked with ≈ and its basis on hover (and for screen readers). */
function Figure({ row, field, children }: { row: CatalogRow; field: InstanceEstimableField; children: string }) {
  if (!row.estimatedFields.includes(field)) return <>{children}</>;
  return (
    <span className="text-amber-700" title={row.note}>
      ≈ {children}
      <span className="sr-only"> (estimate)</span>
    </span>
  );
}

const selectClass = "h-9 rounded-md border border-slate-300 bg-white px-2 text-sm";

export default async function CatalogPage({ searchParams }: PageProps<"/catalog">) {
  const params = CatalogBrowseParamsSchema.parse(firstValues(await searchParams));
  const catalog = loadCatalog();
  const rows = browseInstanceTypes(params, catalog);
  const facets = catalogFacets(catalog);

  return (
    <>
      <PageHeader
        title="Catalog"
        description={
          <>
            Instance types and list prices the model chooses from: catalog version {catalog.version}, prices in {catalog.currency},
            Linux on-demand per hour. Each row links to its source and as-of date; <span className="text-amber-700">≈</span> marks an
            estimate (hover it for its basis).
          </>
        }
      />
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
          {rows.length} instance {rows.length === 1 ? "type" : "types"}, sorted by {SORT_LABELS[params.sort].toLowerCase()}
        </p>
        {rows.length === 0 ? (
          <p className="px-3 py-6 text-sm text-slate-600">No instance type matches these filters. Loosen one, or reset.</p>
        ) : (
          <Table aria-label="Instance types">
            <thead>
              <tr>
                <TableHead>Instance</TableHead>
                <TableHead>Region</TableHead>
                <TableHead>Arch</TableHead>
                <TableHead className="text-right">vCPU</TableHead>
                <TableHead className="text-right">Memory (GiB)</TableHead>
                <TableHead className="text-right">Network (Gbps)</TableHead>
                <TableHead className="text-right">USD/hour</TableHead>
                <TableHead className="text-right">USD/vCPU-hour</TableHead>
                <TableHead className="text-right">USD/GiB-hour</TableHead>
                <TableHead className="text-right">Spot discount</TableHead>
                <TableHead className="text-right">Interruptions/month</TableHead>
                <TableHead>Source</TableHead>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id} className="hover:bg-slate-50">
                  <TableCell className="whitespace-nowrap font-mono">{row.name}</TableCell>
                  <TableCell className="whitespace-nowrap">
                    {row.provider.toUpperCase()} {row.region}
                  </TableCell>
                  <TableCell>{row.arch}</TableCell>
                  <NumericCell>{row.vcpu}</NumericCell>
                  <NumericCell>{row.memoryGib}</NumericCell>
                  <NumericCell>
                    <Figure row={row} field="networkGbps">{String(row.networkGbps)}</Figure>
                  </NumericCell>
                  <NumericCell>
                    <Figure row={row} field="onDemandUsdPerHour">{usdHourly.format(row.onDemandUsdPerHour)}</Figure>
                  </NumericCell>
                  <NumericCell>{usdUnit.format(row.usdPerVcpuHour)}</NumericCell>
                  <NumericCell>{usdUnit.format(row.usdPerGibHour)}</NumericCell>
                  <NumericCell>
                    <Figure row={row} field="spotDiscountRatio">{`${Math.round(row.spotDiscountRatio * 100)} %`}</Figure>
                  </NumericCell>
                  <NumericCell>
                    <Figure row={row} field="spotInterruptionBand">{SPOT_INTERRUPTION_BANDS[row.spotInterruptionBand]?.label ?? String(row.spotInterruptionBand)}</Figure>
                  </NumericCell>
                  <TableCell className="whitespace-nowrap">
                    <a href={row.source} className="text-sky-800 hover:underline" target="_blank" rel="noreferrer">
                      {row.asOf}
                    </a>
                  </TableCell>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
    </>
  );
}
