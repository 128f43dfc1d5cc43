/**
 * Compute cost per purchase option, and unit economics.
 *
 *   USD/month of a node group = nodes × USD/hour × 730 × activeHoursPerDay ÷ 24
 *   on-demand USD/hour = the catalog's list price
 *   spot USD/hour      = on-demand × (1 − spotDiscountRatio)
 *   committed USD/hour = on-demand × (1 − commitment discountRatio)
 *
 * Batch node groups are billed only for the hours they run (`activeHoursPerDay`), i.e. clusters
 * are created per run (an ephemeral Spark cluster, Karpenter scaling to zero); streaming groups
 * run around the clock.
 */
import type { PricedInstanceType } from './types';

/**
 * Billed hours per month: 8,760 hours a year ÷ 12 = 730. The convention of the AWS Pricing
 * Calculator and Infracost (https://www.infracost.io/docs/features/usage_based_resources/, "730
 * hours a month"). A 31-day month has 744 hours, so a real bill can be 2 % higher.
 */
export const HOURS_PER_MONTH = 730;
const HOURS_PER_DAY = 24;
/** Seconds billed per month at 730 hours. */
export const SECONDS_PER_MONTH = HOURS_PER_MONTH * 3600;

export type PurchaseOption = 'on-demand' | 'spot' | 'committed';

/**
 * The hourly price of one node under a purchase option.
 * @param instance - a priced instance type
 * @param option - on-demand, spot, or committed
 * @param commitmentDiscountRatio - the commitment's discount, 0..1 (committed only)
 * @returns USD per hour, ≥ 0
 * @example nodeUsdPerHour({ onDemandUsdPerHour: 1, spotDiscountRatio: 0.6, … }, 'spot') //=> 0.4
 */
export function nodeUsdPerHour(
  instance: Pick<PricedInstanceType, 'onDemandUsdPerHour' | 'spotDiscountRatio'>,
  option: PurchaseOption,
  commitmentDiscountRatio = 0,
): number {
  switch (option) {
    case 'on-demand':
      return instance.onDemandUsdPerHour;
    case 'spot':
      return instance.onDemandUsdPerHour * (1 - instance.spotDiscountRatio);
    case 'committed':
      return instance.onDemandUsdPerHour * (1 - commitmentDiscountRatio);
  }
}

/**
 * Monthly cost of `nodes` nodes at `usdPerHour` that run `activeHoursPerDay` hours a day.
 * @param nodes - node count (≥ 0)
 * @param usdPerHour - price of one node-hour
 * @param activeHoursPerDay - 0..24
 * @returns USD per month (730-hour convention)
 * @example nodeGroupUsdPerMonth(3, 0.5, 24) //=> 1095
 */
export function nodeGroupUsdPerMonth(nodes: number, usdPerHour: number, activeHoursPerDay: number): number {
  return nodes * usdPerHour * nodeHoursPerMonth(activeHoursPerDay);
}

/** Billed hours per node per month for a group running `activeHoursPerDay` hours a day. */
export function nodeHoursPerMonth(activeHoursPerDay: number): number {
  return (HOURS_PER_MONTH * activeHoursPerDay) / HOURS_PER_DAY;
}

/** Bytes in a decimal terabyte (10^12, as cloud providers bill "TB") and in a GiB (2^30). */
const BYTES_PER_TB = 1e12;
const BYTES_PER_GIB = 2 ** 30;

/**
 * Streaming unit economics: cost per million events entering the pipeline in a month.
 * @param totalUsdPerMonth - the month's total cost
 * @param avgEventsPerSec - average events/s entering the pipeline that month
 * @returns USD per million events, or null when no events arrive
 * @example usdPerMillionEvents(2628, 1000) //=> 1 (2.628 billion events in 730 h)
 */
export function usdPerMillionEvents(totalUsdPerMonth: number, avgEventsPerSec: number): number | null {
  const millionsPerMonth = (avgEventsPerSec * SECONDS_PER_MONTH) / 1e6;
  return millionsPerMonth > 0 ? totalUsdPerMonth / millionsPerMonth : null;
}

/**
 * Batch unit economics: cost per decimal terabyte processed in a month.
 * @param totalUsdPerMonth - the month's total cost
 * @param gibPerDay - GiB processed per day (data volume per run × runs per day, all batch stages)
 * @returns USD per TB (10^12 bytes), or null when nothing is processed
 * @example usdPerTbProcessed(1000, 1000 / 30.416667) //=> ≈ 931.32 (1,000 GiB a month = 1.0737 TB)
 */
export function usdPerTbProcessed(totalUsdPerMonth: number, gibPerDay: number): number | null {
  const tbPerMonth = (gibPerDay * (HOURS_PER_MONTH / HOURS_PER_DAY) * BYTES_PER_GIB) / BYTES_PER_TB;
  return tbPerMonth > 0 ? totalUsdPerMonth / tbPerMonth : null;
}
