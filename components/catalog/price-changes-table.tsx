import { NumericCell, Table, TableCell, TableHead } from "@/components/ui/table";
import type { PriceChange } from "@/lib/catalog/diff";

const percent = new Intl.NumberFormat("en-US", { style: "percent", maximumFractionDigits: 1, signDisplay: "exceptZero" });

/** Prices that moved between two catalogs (item, field, was, now, relative change), the first `limit` of them. */
export function PriceChangesTable({ changes, label, limit }: { changes: PriceChange[]; label: string; limit: number }) {
  return (
    <>
      <Table aria-label={label}>
        <thead>
          <tr>
            <TableHead>Item</TableHead>
            <TableHead>Field</TableHead>
            <TableHead className="text-right">Was</TableHead>
            <TableHead className="text-right">Now</TableHead>
            <TableHead className="text-right">Change</TableHead>
          </tr>
        </thead>
        <tbody>
          {changes.slice(0, limit).map((c) => (
            <tr key={`${c.section}:${c.itemId}:${c.field}`}>
              <TableCell className="font-mono">{c.itemId}</TableCell>
              <TableCell className="font-mono">{c.field}</TableCell>
              <NumericCell>{c.oldValue ?? "—"}</NumericCell>
              <NumericCell>{c.newValue ?? "—"}</NumericCell>
              <NumericCell>{c.changeRatio === null ? c.change : percent.format(c.changeRatio)}</NumericCell>
            </tr>
          ))}
        </tbody>
      </Table>
      {changes.length > limit ? <p className="px-3 py-2 text-sm text-slate-600">…and {changes.length - limit} more.</p> : null}
    </>
  );
}
