/** How the comparison prints a KPI figure and its delta, by the row's unit. */
import type { KpiRow, KpiUnit } from "@/lib/compare/kpis";
import { formatInteger, formatMinutes, formatPercent, formatUsd, formatUsdPrecise } from "@/lib/format";

/** A figure in its row's unit. */
export function formatKpiValue(unit: KpiUnit, value: number): string {
  switch (unit) {
    case "usdPerMonth":
      return `${formatUsd(value)}/mo`;
    case "usd":
      return formatUsd(value);
    case "usdPerUnit":
      return formatUsdPrecise(value);
    case "minutes":
      return formatMinutes(value);
    case "nodes":
    case "count":
    case "text":
      return formatInteger(value);
  }
}

/** "+$1,200 (+12%)", "−15 nodes", with a true minus sign. */
export function formatKpiDelta(row: Pick<KpiRow, "unit">, deltaAbs: number, deltaRatio: number | null): string {
  const sign = deltaAbs > 0 ? "+" : deltaAbs < 0 ? "−" : "±";
  const magnitude = formatKpiValue(row.unit, Math.abs(deltaAbs)).replace("/mo", "");
  const ratio = deltaRatio === null ? "" : ` (${deltaRatio > 0 ? "+" : deltaRatio < 0 ? "−" : "±"}${formatPercent(Math.abs(deltaRatio))})`;
  return `${sign}${magnitude}${ratio}`;
}
