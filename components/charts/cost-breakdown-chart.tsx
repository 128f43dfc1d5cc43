"use client";

import { Area, Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

import { Skeleton } from "@/components/ui/skeleton";
import { formatUsd, formatUsdCompact } from "@/lib/format";
import { COST_COMPONENTS, type CostChartRow, type CostComponentKey } from "@/lib/planning/display/cost";

import { ChartDataTable } from "./chart-data-table";
import { useInBrowser } from "./use-in-browser";

/** One colour per component, compute in blues, data in greens, DR in violet (Tailwind 300–600). */
const COLORS: Record<CostComponentKey, string> = {
  computeOnDemandUsdPerMonth: "#0284c7",
  computeSpotUsdPerMonth: "#38bdf8",
  computeCommittedUsdPerMonth: "#1e3a8a",
  storageUsdPerMonth: "#10b981",
  networkUsdPerMonth: "#f59e0b",
  drUsdPerMonth: "#8b5cf6",
};

const BAND_LABEL = "P10–P90 of total";

/**
 * Monthly cost by component (stacked bars, USD/month) with, when the scenario has ranges, the
 * P10–P90 band of the total as a shaded area and the likely total as a line. Components that are
 * zero over the whole horizon are left out of the legend.
 */
export function CostBreakdownChart({ data, title }: { data: CostChartRow[]; title: string }) {
  const inBrowser = useInBrowser();
  const shown = COST_COMPONENTS.filter(({ key }) => data.some((row) => row[key] > 0));
  const banded = data.some((row) => row.totalBandUsdPerMonth !== null);
  const table = (
    <ChartDataTable
      caption={title}
      columns={["Month", ...shown.map(({ label }) => label), "Total (likely)", ...(banded ? [BAND_LABEL] : [])]}
      rows={data.map((row) => [
        row.month,
        ...shown.map(({ key }) => formatUsd(row[key])),
        formatUsd(row.totalUsdPerMonth),
        ...(banded ? [row.totalBandUsdPerMonth ? row.totalBandUsdPerMonth.map(formatUsd).join(" – ") : "—"] : []),
      ])}
    />
  );
  if (!inBrowser) return <><Skeleton className="h-80 w-full" />{table}</>;
  return (
    <figure aria-label={title} className="h-80 w-full">
      {table}
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
          <CartesianGrid stroke="#e2e8f0" vertical={false} />
          <XAxis dataKey="month" tick={{ fontSize: 12 }} interval="preserveStartEnd" minTickGap={28} />
          <YAxis tick={{ fontSize: 12 }} tickFormatter={(v: number) => formatUsdCompact(v)} width={64} />
          <Tooltip
            formatter={(value, name) => {
              if (Array.isArray(value)) return value.map((v) => (typeof v === "number" ? formatUsd(v) : v)).join(" – ");
              return [typeof value === "number" ? formatUsd(value) : value, name];
            }}
          />
          <Legend wrapperStyle={{ fontSize: 12 }} formatter={(value: string) => <span className="text-slate-700">{value}</span>} />
          {shown.map(({ key, label }) => (
            <Bar key={key} dataKey={key} name={label} stackId="cost" fill={COLORS[key]} isAnimationActive={false} />
          ))}
          {banded ? (
            <Area dataKey="totalBandUsdPerMonth" name={BAND_LABEL} stroke="#94a3b8" strokeDasharray="4 3" fill="#94a3b8" fillOpacity={0.18} isAnimationActive={false} />
          ) : null}
          <Line dataKey="totalUsdPerMonth" name="Total (likely)" stroke="#0f172a" strokeWidth={2} dot={false} isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </figure>
  );
}
