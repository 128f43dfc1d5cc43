/** Display formatting only: numbers are rounded here and nowhere in the model. Currency is USD. */

const compact = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 });
const decimal = new Intl.NumberFormat("en-US", { maximumFractionDigits: 1 });
const integer = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
const usd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", maximumFractionDigits: 0 });
const usdCompact = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", notation: "compact", maximumFractionDigits: 1 });
const usdPrecise = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", maximumSignificantDigits: 3 });
const percent = new Intl.NumberFormat("en-US", { style: "percent", maximumFractionDigits: 0 });
const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/** 125000 → "125K". */
export function formatCompact(value: number): string {
  return compact.format(value);
}

/**
 * A count with its unit, singular or plural (English, regular plurals): (1, "month") → "1 month",
 * (24, "month") → "24 months", (1200, "node") → "1,200 nodes".
 */
export function formatCount(count: number, unit: string): string {
  return `${integer.format(count)} ${count === 1 ? unit : `${unit}s`}`;
}

/** 12345.6 → "12,346". */
export function formatInteger(value: number): string {
  return integer.format(value);
}

/** At most one decimal: 0.5 → "0.5", 27.34 → "27.3", 1440 → "1,440". */
export function formatDecimal(value: number): string {
  return decimal.format(value);
}

/** A duration: whole minutes below two hours, else hours to one decimal: 15 → "15 min", 90 → "90 min", 246 → "4.1 h". */
export function formatMinutes(minutes: number): string {
  return minutes < 120 ? `${formatInteger(minutes)} min` : `${formatDecimal(minutes / 60)} h`;
}

/** Whole US dollars: 12345.6 → "$12,346". */
export function formatUsd(value: number): string {
  return usd.format(value);
}

/** US dollars for an axis or a tight cell: 1234567 → "$1.2M". */
export function formatUsdCompact(value: number): string {
  return usdCompact.format(value);
}

/** Small US-dollar figures such as unit costs, to three significant digits: 0.012345 → "$0.0123". */
export function formatUsdPrecise(value: number): string {
  return usdPrecise.format(value);
}

/** A ratio 0..1 as a whole percentage: 0.456 → "46%". */
export function formatPercent(ratio: number): string {
  return percent.format(ratio);
}

/** A timestamp in UTC, so server and browser render the same text. */
export function formatDateTime(value: Date): string {
  return `${dateTime.format(value)} UTC`;
}
