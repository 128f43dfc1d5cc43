/** Display formatting only: numbers are rounded here and nowhere in the model. */

const compact = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 });
const integer = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/** 125000 → "125K". */
export function formatCompact(value: number): string {
  return compact.format(value);
}

/** 12345.6 → "12,346". */
export function formatInteger(value: number): string {
  return integer.format(value);
}

/** A timestamp in UTC, so server and browser render the same text. */
export function formatDateTime(value: Date): string {
  return `${dateTime.format(value)} UTC`;
}
