"use client";

import { CartesianGrid, Legend, ReferenceLine, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from "recharts";

import { ChartDataTable } from "@/components/charts/chart-data-table";
import { useInBrowser } from "@/components/charts/use-in-browser";
import { Skeleton } from "@/components/ui/skeleton";
import { formatDecimal, formatUsd, formatUsdCompact } from "@/lib/format";
import type { DrAnalysis } from "@/lib/model/dr";
import type { DrStrategy } from "@/lib/model/types";
import { DR_STRATEGY_LABELS } from "@/lib/planning/display/cost";
import { drTradeoff, symlogMinutesTicks, type DrMeasure, type DrTradeoff } from "@/lib/planning/display/dr-frontier";

/** One colour per strategy, cheapest-to-readiest (Tailwind slate-500, amber-600, sky-600, violet-600). */
const STRATEGY_COLORS: Record<DrStrategy, string> = {
  "backup-restore": "#64748b",
  "pilot-light": "#d97706",
  "warm-standby": "#0284c7",
  "active-active": "#7c3aed",
};
const FRONTIER_COLOR = "#059669";
const TARGET_COLOR = "#dc2626";
const MEASURE_NAMES: Record<DrMeasure, string> = { rto: "RTO", rpo: "RPO" };

const minutesText = (value: number) => `${formatDecimal(value)} min`;

function tooltipValue(value: unknown, name: unknown): string {
  if (typeof value !== "number") return String(value);
  return name === "USD/month" ? formatUsd(value) : minutesText(value);
}

/** The frontier's points as rings around the strategies' own dots, so a one-point frontier shows too. */
function FrontierRing({ cx, cy }: { cx?: number; cy?: number }) {
  if (cx === undefined || cy === undefined) return <g />;
  return <circle className="dr-frontier-ring" cx={cx} cy={cy} r={9} fill="none" stroke={FRONTIER_COLOR} strokeWidth={1.5} />;
}

/** One scatter of USD/month against RTO or RPO minutes, with its text alternative. */
function TradeoffChart({ tradeoff, chosen, title }: { tradeoff: DrTradeoff; chosen: DrStrategy | null; title: string }) {
  const inBrowser = useInBrowser();
  const measure = MEASURE_NAMES[tradeoff.measure];
  const ticks = symlogMinutesTicks(Math.max(tradeoff.targetMinutes ?? 0, ...tradeoff.points.map((point) => point.minutes)));
  const frontierText = tradeoff.frontier.map((point) => DR_STRATEGY_LABELS[point.strategy]).join(" → ");
  const table = (
    <ChartDataTable
      caption={title}
      columns={["Strategy", `${measure} (minutes)`, "USD/month", `On the cost × ${measure} frontier`, `Meets the ${measure} target`, "Chosen"]}
      rows={tradeoff.points.map((point) => [
        DR_STRATEGY_LABELS[point.strategy],
        formatDecimal(point.minutes),
        formatUsd(point.usdPerMonth),
        point.onFrontier ? "yes" : "no, dominated",
        point.meetsTarget ? "yes" : "no",
        point.strategy === chosen ? "yes" : "no",
      ])}
    />
  );
  return (
    <figure aria-label={title} className="min-w-0">
      {table}
      <div className="h-72 w-full">
        {inBrowser ? (
          <ResponsiveContainer width="100%" height="100%">
            <ScatterChart margin={{ top: 16, right: 16, bottom: 16, left: 0 }}>
              <CartesianGrid stroke="#e2e8f0" />
              <XAxis
                type="number"
                dataKey="minutes"
                name={measure}
                scale="symlog"
                domain={[0, ticks[ticks.length - 1] ?? 1]}
                ticks={ticks}
                tick={{ fontSize: 12 }}
                tickFormatter={formatDecimal}
                label={{ value: `${measure} (minutes)`, position: "insideBottom", offset: -10, fontSize: 12 }}
              />
              <YAxis type="number" dataKey="usdPerMonth" name="USD/month" tick={{ fontSize: 12 }} tickFormatter={formatUsdCompact} width={64} domain={[0, "auto"]} />
              <Tooltip formatter={tooltipValue} cursor={{ strokeDasharray: "3 3" }} />
              <Legend wrapperStyle={{ fontSize: 12, paddingTop: 16 }} verticalAlign="bottom" align="left" itemSorter={null} formatter={(value: string) => <span className="text-slate-700">{value}</span>} />
              {tradeoff.targetMinutes === null ? null : (
                <ReferenceLine
                  x={tradeoff.targetMinutes}
                  stroke={TARGET_COLOR}
                  strokeDasharray="4 4"
                  ifOverflow="extendDomain"
                  label={{ value: `${measure} target ${minutesText(tradeoff.targetMinutes)}`, position: "insideTopLeft", fontSize: 11, fill: TARGET_COLOR }}
                />
              )}
              <Scatter
                className="dr-frontier"
                name="Pareto frontier"
                data={tradeoff.frontier}
                line={{ stroke: FRONTIER_COLOR, strokeWidth: 2 }}
                lineType="joint"
                shape={FrontierRing}
                legendType="line"
                fill={FRONTIER_COLOR}
                tooltipType="none"
                isAnimationActive={false}
              />
              {tradeoff.points.map((point) => (
                <Scatter
                  key={point.strategy}
                  className="dr-strategy"
                  name={point.strategy === chosen ? `${DR_STRATEGY_LABELS[point.strategy]} (chosen)` : DR_STRATEGY_LABELS[point.strategy]}
                  data={[point]}
                  fill={STRATEGY_COLORS[point.strategy]}
                  shape={point.strategy === chosen ? "star" : "circle"}
                  stroke={point.strategy === chosen ? "#0f172a" : "none"}
                  strokeWidth={point.strategy === chosen ? 1.5 : 0}
                  isAnimationActive={false}
                />
              ))}
            </ScatterChart>
          </ResponsiveContainer>
        ) : (
          <Skeleton className="h-full w-full" />
        )}
      </div>
      <figcaption className="mt-1 text-xs text-slate-600">
        Frontier (not dominated on cost × {measure}): {frontierText}.{" "}
        {tradeoff.targetMinutes === null ? `No ${measure} target.` : `Target: ${measure} ≤ ${minutesText(tradeoff.targetMinutes)}.`}
      </figcaption>
    </figure>
  );
}

/**
 * The DR trade-off: mean USD/month of the four strategies against RTO and against RPO, each with
 * its own Pareto frontier (lib/planning/display/dr-frontier.ts), the target as a dashed line and
 * the chosen (priced-in) strategy as a star; frontier points are ringed. Minutes on a symmetric-log axis: replication's
 * minute and a restore's days differ by four orders of magnitude. Each chart carries its data as a hidden table.
 * @param titleSuffix - tells charts of several scenarios apart on one page
 */
export function DrTradeoffCharts({ dr, chosen, titleSuffix }: { dr: DrAnalysis; chosen: DrStrategy | null; titleSuffix?: string }) {
  const suffix = titleSuffix ? `: ${titleSuffix}` : "";
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <TradeoffChart tradeoff={drTradeoff(dr, "rto")} chosen={chosen} title={`DR cost against RTO${suffix}`} />
      <TradeoffChart tradeoff={drTradeoff(dr, "rpo")} chosen={chosen} title={`DR cost against RPO${suffix}`} />
    </div>
  );
}
