"use client";

import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

import { Skeleton } from "@/components/ui/skeleton";
import { formatInteger, formatUsd, formatUsdCompact } from "@/lib/format";

import { ChartDataTable } from "./chart-data-table";
import { useInBrowser } from "./use-in-browser";

export type NodesCostPoint = { month: string; nodes: number | null; costUsdPerMonth: number | null };

/**
 * Nodes (bars, left axis) and on-demand compute cost (line, right axis) per month. Months where
 * a stage cannot be sized are gaps, not zeros.
 */
export function NodesCostChart({ data, title }: { data: NodesCostPoint[]; title: string }) {
  const inBrowser = useInBrowser();
  const table = (
    <ChartDataTable
      caption={title}
      columns={["Month", "Nodes", "On-demand cost (USD/month)"]}
      rows={data.map((point) => [point.month, point.nodes === null ? "not sized" : formatInteger(point.nodes), point.costUsdPerMonth === null ? "not sized" : formatUsd(point.costUsdPerMonth)])}
    />
  );
  if (!inBrowser) return <><Skeleton className="h-72 w-full" />{table}</>;
  return (
    <figure aria-label={title} className="h-72 w-full">
      {table}
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="#e2e8f0" vertical={false} />
          <XAxis dataKey="month" tick={{ fontSize: 12 }} interval="preserveStartEnd" minTickGap={28} />
          <YAxis yAxisId="nodes" allowDecimals={false} tick={{ fontSize: 12 }} label={{ value: "nodes", angle: -90, position: "insideLeft", fontSize: 12 }} />
          <YAxis yAxisId="cost" orientation="right" tick={{ fontSize: 12 }} tickFormatter={(v: number) => formatUsdCompact(v)} width={70} />
          <Tooltip
            formatter={(value, name) => (name === "On-demand cost (USD/month)" && typeof value === "number" ? formatUsdCompact(value) : value)}
          />
          <Legend wrapperStyle={{ fontSize: 12 }} formatter={(value: string) => <span className="text-slate-700">{value}</span>} />
          <Bar yAxisId="nodes" dataKey="nodes" name="Nodes" fill="#7dd3fc" isAnimationActive={false} />
          <Line yAxisId="cost" dataKey="costUsdPerMonth" name="On-demand cost (USD/month)" stroke="#0f172a" strokeWidth={2} dot={false} isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </figure>
  );
}
