import { formatKpiDelta, formatKpiValue } from "@/components/compare/kpi-format";
import { Table, TableCell, TableHead } from "@/components/ui/table";
import { INCOMPLETE, type KpiCell, type KpiRow } from "@/lib/compare/kpis";
import { cn } from "@/lib/utils";

/** Green when the what-if moves the figure the row's better way, red the worse way. */
function deltaTone(row: KpiRow, delta: number): string {
  if (delta === 0 || row.better === null) return "text-slate-600";
  return (delta < 0) === (row.better === "lower") ? "text-emerald-700" : "text-red-700";
}

function Figure({ row, cell }: { row: KpiRow; cell: KpiCell }) {
  const note = cell.value !== null && cell.text ? cell.text : null;
  return (
    <>
      <span className={cn("font-medium", row.unit !== "text" && "tabular-nums")}>{cell.value === null ? (cell.text ?? "—") : formatKpiValue(row.unit, cell.value)}</span>
      {note ? <span className={cn("block text-xs", note === INCOMPLETE ? "text-red-700" : "text-slate-500")}>{note}</span> : null}
    </>
  );
}

/** "+$2,894 (+20%)", "no change", or "changed" for a figure that is a word. */
function deltaText(row: KpiRow, saved: KpiCell | undefined, whatIf: KpiCell): string {
  if (whatIf.deltaAbs === null) return row.unit === "text" && saved?.text !== whatIf.text ? "changed" : "—";
  return whatIf.deltaAbs === 0 ? "no change" : formatKpiDelta(row, whatIf.deltaAbs, whatIf.deltaRatio);
}

/**
 * The saved plan's key figures and, when there is a what-if, its figures with their delta against
 * the saved plan. Each figure cell carries its unrounded value (`data-value`, USD or count) so a
 * test can compare a preview with what a save stored, to the cent. On a phone the change sits
 * under the what-if figure instead of in its own column, so the table fits 390 px.
 */
export function WhatIfKpis({ names, rows }: { names: readonly string[]; rows: readonly KpiRow[] }) {
  return (
    <Table aria-label="Key figures, saved and previewed">
      <thead>
        <tr>
          <TableHead>Figure</TableHead>
          {names.map((name) => (
            <TableHead key={name} className="sm:min-w-36">
              {name}
            </TableHead>
          ))}
          {names.length > 1 ? <TableHead className="hidden min-w-36 sm:table-cell">Change vs saved</TableHead> : null}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const [saved, whatIf] = row.cells;
          const delta = whatIf ? deltaText(row, saved, whatIf) : null;
          const tone = whatIf?.deltaAbs == null ? "text-slate-500" : deltaTone(row, whatIf.deltaAbs);
          return (
            <tr key={row.key} data-kpi={row.key}>
              <th scope="row" className="border-b border-slate-100 px-3 py-2 text-left align-top font-medium text-slate-700">
                {row.label}
                {row.perUnit ? <span className="block text-xs font-normal text-slate-500">per {row.perUnit}</span> : null}
              </th>
              {row.cells.map((cell, index) => (
                <TableCell key={names[index] ?? index} data-column={index === 0 ? "saved" : "what-if"} data-value={cell.value ?? undefined} className={cn(index === 1 && "bg-sky-50/60")}>
                  <Figure row={row} cell={cell} />
                  {index === 1 && delta ? <span className={cn("block text-xs tabular-nums sm:hidden", tone)}>{delta}</span> : null}
                </TableCell>
              ))}
              {delta ? (
                <TableCell data-column="delta" className={cn("hidden tabular-nums sm:table-cell", tone)}>
                  {delta}
                </TableCell>
              ) : null}
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}
