import { Badge } from "@/components/ui/badge";
import { Table, TableCell, TableHead } from "@/components/ui/table";
import type { ComparedScenario } from "@/lib/compare/comparison";
import { INCOMPLETE, type KpiCell, type KpiRow } from "@/lib/compare/kpis";
import { cn } from "@/lib/utils";

import { formatKpiDelta, formatKpiValue } from "./kpi-format";

function CellContent({ row, cell, isBaseline }: { row: KpiRow; cell: KpiCell; isBaseline: boolean }) {
  const main = cell.value === null ? (cell.text ?? "—") : formatKpiValue(row.unit, cell.value);
  const note = cell.value !== null && cell.text ? cell.text : null;
  const better = row.better;
  const delta = cell.deltaAbs;
  // Green when the delta goes the row's better way, red when the worse way; grey inside the band.
  const tone =
    delta === null || delta === 0 || better === null || cell.withinBand ? "text-slate-500" : (delta < 0) === (better === "lower") ? "text-emerald-700" : "text-red-700";
  return (
    <>
      <span className={cn("font-medium", row.unit !== "text" && "tabular-nums")}>{main}</span>
      {note ? <span className={cn("block text-xs", note === INCOMPLETE ? "text-red-700" : "text-slate-500")}>{note}</span> : null}
      {cell.band && cell.band.p90 > cell.band.p10 ? (
        <span className="block text-xs text-slate-500">
          P10–P90 {formatKpiValue(row.unit, cell.band.p10)} – {formatKpiValue(row.unit, cell.band.p90)}
        </span>
      ) : null}
      {!isBaseline && delta !== null ? <span className={cn("block text-xs tabular-nums", tone)}>{formatKpiDelta(row, delta, cell.deltaRatio)} vs baseline</span> : null}
      {cell.withinBand ? <span className="block text-xs text-amber-800">inside P10–P90: not a real difference</span> : null}
    </>
  );
}

/** The KPI table: one column per scenario (baseline first), deltas under each figure, the row's winner marked. */
export function KpiTable({ scenarios, rows }: { scenarios: ComparedScenario[]; rows: KpiRow[] }) {
  return (
    <Table aria-label="Key figures compared">
      <thead>
        <tr>
          <TableHead>Figure</TableHead>
          {scenarios.map((scenario, index) => (
            <TableHead key={scenario.scenarioId} className="min-w-40">
              <span className="normal-case tracking-normal text-slate-900">{scenario.scenarioName}</span>
              {index === 0 ? <span className="ml-1 normal-case tracking-normal text-slate-500">(baseline)</span> : null}
            </TableHead>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key} data-kpi={row.key}>
            <th scope="row" className="min-w-36 border-b border-slate-100 px-3 py-2 text-left align-top font-medium text-slate-700">
              {row.label}
              {row.perUnit ? <span className="block text-xs font-normal text-slate-500">per {row.perUnit}</span> : null}
            </th>
            {row.cells.map((cell, index) => (
              <TableCell key={scenarios[index]?.scenarioId ?? index} className={cn(row.winnerIndex === index && "bg-emerald-50/60")}>
                <CellContent row={row} cell={cell} isBaseline={index === 0} />
                {row.winnerIndex === index ? (
                  <Badge tone={row.winnerWithinBand ? "warning" : "success"} className="mt-1">
                    {row.winnerWithinBand ? "best, but not a real difference" : "best"}
                  </Badge>
                ) : null}
              </TableCell>
            ))}
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
