/**
 * The comparison as CSV (RFC 4180): one line per KPI with each scenario's figure, its delta to
 * the baseline (absolute and %), its P10–P90 band and whether the difference is real, then the
 * inputs that differ. Figures are unrounded USD (or nodes, minutes, counts) so a spreadsheet can
 * recompute every delta; the unit is its own column. Figures are numeric cells; names and notes are
 * text cells, neutralised against formula injection (lib/export/csv.ts).
 */
import { csvRecord } from "@/lib/export/csv";

import type { InputTopic } from "./inputs-diff";
import type { CompareEntry, KpiRow, KpiUnit } from "./kpis";

const UNIT_LABELS: Record<KpiUnit, string> = {
  usdPerMonth: "USD/month",
  usd: "USD",
  nodes: "nodes",
  usdPerUnit: "USD per unit",
  minutes: "minutes",
  count: "count",
  text: "",
};

/** The unit of a row as the CSV states it. */
export function unitLabel(row: Pick<KpiRow, "unit" | "perUnit">): string {
  return row.unit === "usdPerUnit" && row.perUnit ? `USD per ${row.perUnit}` : UNIT_LABELS[row.unit];
}

/**
 * @example comparisonCsv(entries, rows, topics).split("\r\n")[0] //=> "kpi,unit,A: value,A: delta,A: delta %,…"
 */
export function comparisonCsv(entries: readonly Pick<CompareEntry, "scenarioName" | "workloadName">[], rows: readonly KpiRow[], topics: readonly InputTopic[]): string {
  const names = entries.map((entry, index) => `${entry.workloadName} / ${entry.scenarioName}${index === 0 ? " (baseline)" : ""}`);
  const header = ["kpi", "unit", ...names.flatMap((name) => [`${name}: value`, `${name}: delta`, `${name}: delta %`, `${name}: P10`, `${name}: P90`, `${name}: note`]), "winner"];
  const lines = rows.map((row) => [
    row.label,
    unitLabel(row),
    ...row.cells.flatMap((cell) => [
      cell.value ?? cell.text,
      cell.deltaAbs,
      cell.deltaRatio === null ? null : cell.deltaRatio * 100,
      cell.band?.p10,
      cell.band?.p90,
      [cell.value !== null && cell.text ? cell.text : null, cell.withinBand ? "not a real difference (inside P10–P90)" : null].filter(Boolean).join("; "),
    ]),
    row.winnerIndex === null ? "" : `${names[row.winnerIndex] ?? ""}${row.winnerWithinBand ? " (not a real difference)" : ""}`,
  ]);
  const inputLines = topics.map((topic) => [`input: ${topic.topic}`, "", ...topic.values.flatMap((value) => [value, "", "", "", "", ""]), ""]);
  return [header, ...lines, ...inputLines].map(csvRecord).join("");
}
