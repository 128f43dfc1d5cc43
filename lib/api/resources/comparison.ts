/**
 * The comparison of 2–4 scenarios as /api/v1 shows it: the same figures as the /compare page
 * (lib/compare, from stored plans) — KPI table with deltas to the baseline, the inputs that
 * differ, monthly totals, cost by component and nodes per stage. USD, unrounded.
 */
import { z } from "zod";

import type { Comparison } from "@/lib/compare/comparison";
import { CompareParamsSchema } from "@/lib/compare/params";

import { UuidSchema } from "./common";

export const ComparisonQuerySchema = CompareParamsSchema.extend({
  scenarios: CompareParamsSchema.shape.scenarios.describe("2–4 scenario ids separated by commas, the baseline first."),
});

const KpiCellSchema = z.object({
  value: z.number().nullable().describe("The figure on the likely path; null when it does not apply."),
  text: z.string().nullable(),
  band: z.object({ p10: z.number(), p90: z.number() }).nullable(),
  deltaAbs: z.number().nullable().describe("value − the baseline's value."),
  deltaRatio: z.number().nullable().describe("deltaAbs ÷ |the baseline's value|."),
  withinBand: z.boolean().describe("The difference to the baseline lies inside one of their P10–P90 bands."),
});

export const ComparisonSchema = z.object({
  scenarios: z.array(
    z.object({
      scenarioId: UuidSchema,
      scenarioName: z.string(),
      workloadId: UuidSchema,
      workloadName: z.string(),
      ofRecord: z.boolean(),
      bandsPending: z.boolean().describe("Its Monte Carlo bands are still being computed."),
      priced: z.boolean(),
    }),
  ),
  kpis: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      unit: z.enum(["usdPerMonth", "usd", "nodes", "usdPerUnit", "minutes", "count", "text"]),
      perUnit: z.string().nullable(),
      better: z.enum(["lower", "higher"]).nullable(),
      cells: z.array(KpiCellSchema).describe("One per scenario, in the comparison's order."),
      winnerIndex: z.int().nullable(),
      winnerWithinBand: z.boolean(),
    }),
  ),
  inputs: z.array(z.object({ topic: z.string(), values: z.array(z.string()) })).describe("Only the inputs that differ, one phrase per scenario."),
  months: z.array(
    z.object({
      month: z.string(),
      totalUsdPerMonth: z.array(z.number().nullable()),
      bandUsdPerMonth: z.array(z.tuple([z.number(), z.number()]).nullable()),
      cumulativeUsd: z.array(z.number().nullable()),
    }),
  ),
  components: z.array(z.object({ key: z.string(), label: z.string(), usd: z.array(z.number().nullable()).describe("Σ over each scenario's horizon.") })),
  nodes: z.object({
    stages: z.array(z.array(z.string())).describe("Per scenario, its stage names."),
    rows: z.array(z.object({ month: z.string(), nodes: z.array(z.array(z.int().nullable())) })),
  }),
});

export function comparisonJson(comparison: Comparison): z.output<typeof ComparisonSchema> {
  return {
    scenarios: comparison.scenarios.map(({ scenarioId, scenarioName, workloadId, workloadName, ofRecord, bandsPending, computed }) => ({
      scenarioId,
      scenarioName,
      workloadId,
      workloadName,
      ofRecord,
      bandsPending,
      priced: computed.kind === "priced",
    })),
    kpis: comparison.kpis.map(({ key, label, unit, perUnit, better, cells, winnerIndex, winnerWithinBand }) => ({
      key,
      label,
      unit,
      perUnit,
      better,
      cells: cells.map(({ value, text, band, deltaAbs, deltaRatio, withinBand }) => ({ value, text, band: band && { p10: band.p10, p90: band.p90 }, deltaAbs, deltaRatio, withinBand })),
      winnerIndex,
      winnerWithinBand,
    })),
    inputs: comparison.inputs,
    months: comparison.months,
    components: comparison.components,
    nodes: comparison.nodes,
  };
}
