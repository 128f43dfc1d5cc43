import { Badge } from "@/components/ui/badge";
import { NumericCell, Table, TableCell, TableHead } from "@/components/ui/table";
import type { CatalogRow } from "@/lib/catalog/browse";
import { SPOT_INTERRUPTION_BANDS, type InstanceEstimableField } from "@/lib/catalog/schema";
import type { AppliedOverride } from "@/lib/catalog/overrides";

const usd = (digits: number) => new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", minimumFractionDigits: digits, maximumFractionDigits: digits });
const usdHourly = usd(4);
const usdUnit = usd(5);

/** The basis of each estimate on the page, numbered once: rows of one source share a long note. */
type EstimateNotes = ReadonlyMap<string, number>;

function estimateNotes(rows: readonly CatalogRow[]): EstimateNotes {
  const notes = new Map<string, number>();
  for (const row of rows) if (row.estimatedFields.length > 0 && row.note && !notes.has(row.note)) notes.set(row.note, notes.size + 1);
  return notes;
}

const noteId = (n: number) => `estimate-note-${n}`;

/** A figure whose value is an estimate: marked with ≈ and linked to its numbered basis below the table. */
function Figure({ row, field, notes, children }: { row: CatalogRow; field: InstanceEstimableField; notes: EstimateNotes; children: string }) {
  const n = row.note === undefined ? undefined : notes.get(row.note);
  if (!row.estimatedFields.includes(field) || n === undefined) return <>{children}</>;
  return (
    <span className="text-amber-800">
      ≈ {children}
      <a href={`#${noteId(n)}`} className="ml-0.5 align-super text-[0.65rem] hover:underline" title={`Estimate: see note ${n}`}>
        {n}
        <span className="sr-only"> (estimate, note {n})</span>
      </a>
    </span>
  );
}

/** The hourly price the model uses; when FinOps changed it, the list price struck through and a badge saying why. */
function HourlyPrice({ row, override, notes }: { row: CatalogRow; override: AppliedOverride | undefined; notes: EstimateNotes }) {
  const price = <Figure row={row} field="onDemandUsdPerHour" notes={notes}>{usdHourly.format(row.onDemandUsdPerHour)}</Figure>;
  if (!override) return price;
  const ratio = 1 - override.effectiveValue / override.listValue;
  return (
    <span className="inline-flex flex-col items-end gap-0.5" title={override.reason}>
      <span>
        <s className="mr-1 text-slate-500">
          <span className="sr-only">list price </span>
          {usdHourly.format(override.listValue)}
        </s>
        <span className="font-medium text-sky-900">{price}</span>
      </span>
      <Badge tone={override.kind === "itemPrice" ? "warning" : "info"}>
        {override.kind === "itemPrice" ? "override" : `−${Number((ratio * 100).toFixed(2))} %`}
        <span className="sr-only">: {override.reason}</span>
      </Badge>
    </span>
  );
}

/** The Catalog page's instance list with effective prices; overridden prices are marked. */
export function InstanceTable({ rows, overrides }: { rows: CatalogRow[]; overrides: ReadonlyMap<string, AppliedOverride> }) {
  const notes = estimateNotes(rows);
  return (
    <>
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
              <Figure notes={notes} row={row} field="networkGbps">{String(row.networkGbps)}</Figure>
            </NumericCell>
            <NumericCell>
              <HourlyPrice row={row} override={overrides.get(row.id)} notes={notes} />
            </NumericCell>
            <NumericCell>{usdUnit.format(row.usdPerVcpuHour)}</NumericCell>
            <NumericCell>{usdUnit.format(row.usdPerGibHour)}</NumericCell>
            <NumericCell>
              <Figure notes={notes} row={row} field="spotDiscountRatio">{`${Math.round(row.spotDiscountRatio * 100)} %`}</Figure>
            </NumericCell>
            <NumericCell>
              <Figure notes={notes} row={row} field="spotInterruptionBand">{SPOT_INTERRUPTION_BANDS[row.spotInterruptionBand]?.label ?? String(row.spotInterruptionBand)}</Figure>
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
    {notes.size > 0 ? (
      <ol aria-label="Basis of the estimates" className="flex flex-col gap-1 px-3 py-3 text-xs text-slate-600">
        {[...notes].map(([note, n]) => (
          <li key={n} id={noteId(n)}>
            <span className="font-semibold text-amber-800">≈ {n}.</span> {note}
          </li>
        ))}
      </ol>
    ) : null}
    </>
  );
}
