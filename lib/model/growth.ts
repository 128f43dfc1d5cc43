/**
 * Demand growth over the planning horizon: a trend (flat, compound or linear) times dated step
 * events, as one multiplier per month applied to every stage's traffic or data volume.
 * Month 0 is the scenario's start month and has multiplier 1 unless a step event starts there.
 * Pure calendar arithmetic on 'YYYY-MM' strings; no clock is read.
 */
import type { GrowthSpec, StepEvent } from './types';

function parseIsoMonth(isoMonth: string): { year: number; month: number } {
  return { year: Number(isoMonth.slice(0, 4)), month: Number(isoMonth.slice(5, 7)) };
}

/**
 * Months from `startMonth` to `isoMonth` (both 'YYYY-MM'); negative when before.
 * @example monthIndexOf('2026-01', '2026-11') //=> 10
 */
export function monthIndexOf(startMonth: string, isoMonth: string): number {
  const start = parseIsoMonth(startMonth);
  const target = parseIsoMonth(isoMonth);
  return (target.year - start.year) * 12 + (target.month - start.month);
}

/**
 * The 'YYYY-MM' label of month `monthIndex` counted from `startMonth`.
 * @example monthLabel('2026-11', 3) //=> '2027-02'
 */
export function monthLabel(startMonth: string, monthIndex: number): string {
  const start = parseIsoMonth(startMonth);
  const zeroBased = start.year * 12 + (start.month - 1) + monthIndex;
  const year = Math.floor(zeroBased / 12);
  const month = (zeroBased % 12) + 1;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

/**
 * The trend multiplier at month m (dimensionless):
 * - flat: 1
 * - compound: (1 + g)^m, g = monthlyGrowthRatio (−0.5 ≤ g ≤ 1)
 * - linear: max(0, 1 + r·m), r = monthlyIncreaseRatio, a share of month-0 demand per month
 * These are scenario assumptions a planner states, not forecasts fitted to history.
 */
function trendMultiplier(growth: GrowthSpec, monthIndex: number): number {
  switch (growth.kind) {
    case 'flat':
      return 1;
    case 'compound':
      return (1 + growth.monthlyGrowthRatio) ** monthIndex;
    case 'linear':
      return Math.max(0, 1 + growth.monthlyIncreaseRatio * monthIndex);
  }
}

function eventStartIndex(event: StepEvent, startMonth: string): number {
  return typeof event.at === 'number' ? event.at : monthIndexOf(startMonth, event.at);
}

/**
 * The demand multiplier for each month of the horizon: trend × the product of the step events in
 * force. An event applies from its start month for `durationMonths` months, or for good.
 *
 * @param growth - the scenario's growth spec
 * @param startMonth - 'YYYY-MM', month 0
 * @param horizonMonths - number of months (1–60)
 * @returns `horizonMonths` multipliers, each ≥ 0
 * @example demandMultipliers({ kind: 'compound', monthlyGrowthRatio: 0.1, stepEvents: [{ at: 1, multiplier: 3, durationMonths: 1 }] }, '2026-01', 3) //=> [1, 3.3, 1.21]
 */
export function demandMultipliers(growth: GrowthSpec, startMonth: string, horizonMonths: number): number[] {
  const events = growth.stepEvents.map((event) => {
    const from = eventStartIndex(event, startMonth);
    return { from, until: event.durationMonths === undefined ? Infinity : from + event.durationMonths, multiplier: event.multiplier };
  });
  return Array.from({ length: horizonMonths }, (_, monthIndex) =>
    events.reduce(
      (multiplier, event) => (monthIndex >= event.from && monthIndex < event.until ? multiplier * event.multiplier : multiplier),
      trendMultiplier(growth, monthIndex),
    ),
  );
}

/** Step events that start at or after the horizon and so change nothing (reported as warnings). */
export function eventsBeyondHorizon(growth: GrowthSpec, startMonth: string, horizonMonths: number): StepEvent[] {
  return growth.stepEvents.filter((event) => eventStartIndex(event, startMonth) >= horizonMonths);
}

/**
 * A monthly rate at or above this is more likely an annual rate typed into the monthly field:
 * 15 % a month compounds to 5.35× a year, far beyond what planners usually mean [assumption: the
 * threshold the model review asked for, issue 11].
 */
export const SUSPICIOUS_MONTHLY_GROWTH_RATIO = 0.15;

const MONTHS_PER_YEAR = 12;

function percent(ratio: number): string {
  return `${Number((ratio * 100).toPrecision(3))} %`;
}

/**
 * Warnings for a growth rate that is probably annual, showing what it compounds to in a year and
 * the monthly rate that would give that figure per year instead.
 *
 *   compound: a year multiplies demand by (1 + g)^12; g as an annual rate ↔ (1 + g)^(1/12) − 1 a month
 *   linear:   a year adds 12 × r of month-0 demand; r as an annual rate ↔ r ÷ 12 a month
 *
 * @example growthWarnings({ kind: 'compound', monthlyGrowthRatio: 0.15, stepEvents: [] })[0] //=> 'Monthly growth of 15 % compounds to 5.35× a year (+435 %); if 15 % is the annual rate, enter 1.17 % a month.'
 */
export function growthWarnings(growth: GrowthSpec): string[] {
  if (growth.kind === 'compound' && growth.monthlyGrowthRatio >= SUSPICIOUS_MONTHLY_GROWTH_RATIO) {
    const g = growth.monthlyGrowthRatio;
    const annual = (1 + g) ** MONTHS_PER_YEAR;
    return [
      `Monthly growth of ${percent(g)} compounds to ${Number(annual.toPrecision(3))}× a year (+${percent(annual - 1)}); ` +
        `if ${percent(g)} is the annual rate, enter ${percent((1 + g) ** (1 / MONTHS_PER_YEAR) - 1)} a month.`,
    ];
  }
  if (growth.kind === 'linear' && growth.monthlyIncreaseRatio >= SUSPICIOUS_MONTHLY_GROWTH_RATIO) {
    const r = growth.monthlyIncreaseRatio;
    return [
      `A monthly increase of ${percent(r)} adds ${percent(r * MONTHS_PER_YEAR)} of month-0 demand a year; ` +
        `if ${percent(r)} is the annual increase, enter ${percent(r / MONTHS_PER_YEAR)} a month.`,
    ];
  }
  return [];
}
