/**
 * The point of a plan a variables file is cut at: one month, or the peak of a range of months
 * (each stage at its own highest node count in the range). The default is the peak of the next
 * 12 months: from the current month (clamped into the plan's horizon) for 12 months or to the
 * horizon's end.
 */
import { z } from "zod";

import { IsoMonthSchema } from "@/lib/model/schemas";

/** What a caller asks for; months are ISO `YYYY-MM`. */
export type PointRequest = { kind: "month"; month: string } | { kind: "peak"; from: string; to: string } | { kind: "next-12-months" };

/** A point resolved against a plan's months: 0-based month indices, `from` ≤ `to`. */
export type ResolvedPoint = { kind: "month" | "peak"; fromIndex: number; toIndex: number; label: string };

/** The months a default export covers (the next year of a monthly plan). */
export const DEFAULT_PEAK_MONTHS = 12;

/**
 * The query of a tfvars request: `month`, or `from` and `to`, or neither (the default point).
 * Each issue's path names the field it is about.
 */
export const PointQuerySchema = z
  .object({
    month: IsoMonthSchema.optional(),
    from: IsoMonthSchema.optional(),
    to: IsoMonthSchema.optional(),
  })
  .superRefine((query, ctx) => {
    if (query.month !== undefined && (query.from !== undefined || query.to !== undefined)) {
      ctx.addIssue({ code: "custom", path: ["month"], message: "Give either a month or a range (from and to), not both." });
    }
    if ((query.from === undefined) !== (query.to === undefined)) {
      ctx.addIssue({ code: "custom", path: [query.from === undefined ? "from" : "to"], message: "A range needs both from and to." });
    }
    if (query.from !== undefined && query.to !== undefined && query.from > query.to) {
      ctx.addIssue({ code: "custom", path: ["to"], message: `The range must not end (${query.to}) before it starts (${query.from}).` });
    }
  })
  .transform((query): PointRequest => {
    if (query.month !== undefined) return { kind: "month", month: query.month };
    if (query.from !== undefined && query.to !== undefined) return { kind: "peak", from: query.from, to: query.to };
    return { kind: "next-12-months" };
  });

/** `YYYY-MM` of a date, in UTC. */
export function isoMonthOf(date: Date): string {
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, "0")}`;
}

/** A point outside the plan: which field, and why. */
export type PointError = { field: "month" | "from" | "to"; message: string };

/**
 * Resolves a point against a plan's month labels.
 *
 * @param months - the plan's ISO months in order (month 0 first)
 * @param now - the generation time; only the default point reads it
 * @returns the month indices, or the field that names a month outside the plan
 * @example resolvePoint(["2026-01", …, "2027-12"], { kind: "next-12-months" }, new Date("2026-12-02")) //=> { kind: "peak", fromIndex: 11, toIndex: 22, label: "peak of 2026-12 to 2027-11" }
 */
export function resolvePoint(months: readonly string[], request: PointRequest, now: Date): ResolvedPoint | PointError {
  const first = months[0];
  const last = months[months.length - 1];
  if (first === undefined || last === undefined) return { field: "month", message: "The plan has no months." };
  const indexOf = (month: string) => months.indexOf(month);
  const outside = (field: PointError["field"], month: string): PointError => ({ field, message: `${month} is outside the plan, which covers ${first} to ${last}.` });
  switch (request.kind) {
    case "month": {
      const index = indexOf(request.month);
      return index < 0 ? outside("month", request.month) : { kind: "month", fromIndex: index, toIndex: index, label: request.month };
    }
    case "peak": {
      const fromIndex = indexOf(request.from);
      const toIndex = indexOf(request.to);
      if (fromIndex < 0) return outside("from", request.from);
      if (toIndex < 0) return outside("to", request.to);
      if (fromIndex > toIndex) return { field: "to", message: `The range must not end (${request.to}) before it starts (${request.from}).` };
      return { kind: "peak", fromIndex, toIndex, label: `peak of ${request.from} to ${request.to}` };
    }
    case "next-12-months": {
      const current = isoMonthOf(now);
      const fromIndex = current <= first ? 0 : current >= last ? months.length - 1 : indexOf(current);
      const toIndex = Math.min(months.length - 1, fromIndex + DEFAULT_PEAK_MONTHS - 1);
      return { kind: "peak", fromIndex, toIndex, label: `peak of ${months[fromIndex]} to ${months[toIndex]}` };
    }
  }
}
