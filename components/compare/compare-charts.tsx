"use client";

import { Area, Bar, BarChart, CartesianGrid, ComposedChart, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

import { useInBrowser } from "@/components/charts/use-in-browser";
import { Skeleton } from "@/components/ui/skeleton";
import type { CompareComponentRow, CompareMonthRow, CompareNodeSeries } from "@/lib/compare/series";
import { formatInteger, formatUsd, formatUsdCompact } from "@/lib/format";

import { ChartFrame } from "./chart-frame";

/** One colour per compared scenario, baseline first (Tailwind slate-900, sky-600, amber-600, violet-600). */
export const SCENARIO_COLORS = ["#0f172a", "#0284c7", "#d97706", "#7c3aed"] as const;

const colorOf = (index: number) => SCENARIO_COLORS[index % SCENARIO_COLORS.length] ?? "#0f172a";

const usdTick = (value: number) => formatUsdCompact(value);

function tooltipUsd(value: unknown): string {
  if (Array.isArray(value)) return value.map((v) => (typeof v === "number" ? formatUsd(v) : String(v))).join(" – ");
  return typeof value === "number" ? formatUsd(value) : String(value);
}

/** Stages of one scenario told apart by dash pattern (solid, dashed, dotted, dash-dot). */
const STAGE_DASHES = ["", "6 3", "2 3", "8 3 2 3"] as const;

const dashOf = (index: number) => STAGE_DASHES[index % STAGE_DASHES.length] ?? "";

type ChartsProps = { names: string[]; months: CompareMonthRow[]; components: CompareComponentRow[]; nodes: CompareNodeSeries; banded: boolean[] };

/**
 * The comparison's charts, scenarios overlaid in the same colours: monthly total with each
 * scenario's P10–P90 band, cumulative spend, nodes per stage (one dash pattern per stage), and
 * cost by component over the horizon side by side.
 */
export function CompareCharts({ names, months, components, nodes, banded }: ChartsProps) {
  const inBrowser = useInBrowser();
  const legend = names.map((name, index) => ({ name, color: colorOf(index) }));
  const bandLegend = names.flatMap((name, index) => (banded[index] ? [{ name: `${name}: P10–P90`, color: `${colorOf(index)}40` }] : []));
  const stageLines = names.flatMap((name, scenario) => (nodes.stages[scenario] ?? []).map((stage, index) => ({ scenario, index, name: `${name}: ${stage}` })));
  const placeholder = <Skeleton className="h-full w-full" />;
  return (
    <div className="grid gap-4 xl:grid-cols-2">
      <ChartFrame title="Monthly total" description="USD per month on the likely path; shaded: P10–P90 where the scenario has ranges." legend={[...legend, ...bandLegend]}>
        {inBrowser ? (
          <ResponsiveContainer width="100%" height="100%">
            <ComposedChart data={months} margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
              <CartesianGrid stroke="#e2e8f0" vertical={false} />
              <XAxis dataKey="month" tick={{ fontSize: 12 }} minTickGap={16} />
              <YAxis tick={{ fontSize: 12 }} tickFormatter={usdTick} width={64} />
              <Tooltip formatter={tooltipUsd} />
              <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
              {names.map((name, index) =>
                banded[index] ? (
                  <Area
                    key={`band-${name}-${index}`}
                    dataKey={(row: CompareMonthRow) => row.bandUsdPerMonth[index]}
                    name={`${name}: P10–P90`}
                    stroke="none"
                    fill={colorOf(index)}
                    fillOpacity={0.15}
                    legendType="none"
                    isAnimationActive={false}
                  />
                ) : null,
              )}
              {names.map((name, index) => (
                <Line key={`line-${name}-${index}`} dataKey={(row: CompareMonthRow) => row.totalUsdPerMonth[index]} name={name} stroke={colorOf(index)} strokeWidth={2} dot={false} isAnimationActive={false} />
              ))}
            </ComposedChart>
          </ResponsiveContainer>
        ) : (
          placeholder
        )}
      </ChartFrame>
      <ChartFrame title="Cumulative spend" description="USD spent from each scenario's first month to date." legend={legend}>
        {inBrowser ? (
          <ResponsiveContainer width="100%" height="100%">
            <LineChart data={months} margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
              <CartesianGrid stroke="#e2e8f0" vertical={false} />
              <XAxis dataKey="month" tick={{ fontSize: 12 }} minTickGap={16} />
              <YAxis tick={{ fontSize: 12 }} tickFormatter={usdTick} width={64} />
              <Tooltip formatter={tooltipUsd} />
              <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
              {names.map((name, index) => (
                <Line key={`cum-${name}-${index}`} dataKey={(row: CompareMonthRow) => row.cumulativeUsd[index]} name={name} stroke={colorOf(index)} strokeWidth={2} dot={false} isAnimationActive={false} />
              ))}
            </LineChart>
          </ResponsiveContainer>
        ) : (
          placeholder
        )}
      </ChartFrame>
      <ChartFrame title="Nodes per stage" description="Nodes bought each month (spot buffer included); a gap where a stage cannot be sized." legend={stageLines.map((line) => ({ name: line.name, color: colorOf(line.scenario) }))}>
        {inBrowser ? (
          <ResponsiveContainer width="100%" height="100%">
            <LineChart data={nodes.rows} margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
              <CartesianGrid stroke="#e2e8f0" vertical={false} />
              <XAxis dataKey="month" tick={{ fontSize: 12 }} minTickGap={16} />
              <YAxis tick={{ fontSize: 12 }} tickFormatter={(value: number) => formatInteger(value)} width={48} allowDecimals={false} />
              <Tooltip />
              <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
              {stageLines.map((line) => (
                <Line
                  key={`nodes-${line.name}-${line.scenario}-${line.index}`}
                  dataKey={(row: CompareNodeSeries["rows"][number]) => row.nodes[line.scenario]?.[line.index] ?? null}
                  name={line.name}
                  stroke={colorOf(line.scenario)}
                  strokeDasharray={dashOf(line.index)}
                  strokeWidth={2}
                  dot={false}
                  type="stepAfter"
                  isAnimationActive={false}
                />
              ))}
            </LineChart>
          </ResponsiveContainer>
        ) : (
          placeholder
        )}
      </ChartFrame>
      <ChartFrame title="Cost by component" description="USD over each scenario's horizon, by component." legend={legend}>
        {inBrowser ? (
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={components} layout="vertical" margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
              <CartesianGrid stroke="#e2e8f0" horizontal={false} />
              <XAxis type="number" tick={{ fontSize: 12 }} tickFormatter={usdTick} />
              <YAxis type="category" dataKey="label" tick={{ fontSize: 12 }} width={128} interval={0} />
              <Tooltip formatter={tooltipUsd} />
              <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
              {names.map((name, index) => (
                <Bar key={`component-${name}-${index}`} dataKey={(row: CompareComponentRow) => row.usd[index]} name={name} fill={colorOf(index)} isAnimationActive={false} />
              ))}
            </BarChart>
          </ResponsiveContainer>
        ) : (
          placeholder
        )}
      </ChartFrame>
    </div>
  );
}
