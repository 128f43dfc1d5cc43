/**
 * A scenario's stored plan as /api/v1 shows it: one row per month with its cost by component and
 * one entry per stage (nodes, instance, the binding constraint and the cost it drives), the Monte
 * Carlo bands, the commitment ladder, the DR analysis and the totals. A projection of the stored
 * plan only: nothing here computes capacity or prices (lib/planning does, once per change).
 * Money is USD, unrounded; rounding is for display.
 */
import { z } from "zod";

import type { ComputedPlan } from "@/lib/planning/compute-plan";
import type { ScenarioDetail } from "@/lib/services/scenarios";
import type { PlanView } from "@/lib/services/plans";

import { TimestampSchema, UuidSchema } from "./common";

const BandSchema = z.object({ p10: z.number(), p50: z.number(), p90: z.number() }).describe("P10 / P50 / P90 over the Monte Carlo samples.");

const CostBreakdownSchema = z
  .object({
    computeOnDemandUsdPerMonth: z.number(),
    computeSpotUsdPerMonth: z.number(),
    computeCommittedUsdPerMonth: z.number(),
    storageUsdPerMonth: z.number(),
    networkUsdPerMonth: z.number(),
    drUsdPerMonth: z.number(),
    totalUsdPerMonth: z.number().describe("The sum of the components."),
  })
  .describe("The month's cost by component, USD per month.");

const PlanStageMonthSchema = z.object({
  stageName: z.string(),
  sized: z.boolean().describe("False when the stage could not be sized this month (see bindingConstraint and reason); its costs are then left out."),
  nodes: z.int().nullable().describe("Nodes bought: the SLO-sized nodes plus any spot buffer; null when unsized."),
  instanceType: z.string().nullable().describe("Catalog id of the node's instance type."),
  bindingConstraint: z.string().describe("The requirement that set the node count (or why none could)."),
  reason: z.string(),
  onDemandNodes: z.int().nullable(),
  spotNodes: z.int().nullable().describe("Spot nodes including the interruption buffer."),
  computeUsdPerMonth: z.number().nullable(),
  storageUsdPerMonth: z.number().nullable(),
  crossZoneUsdPerMonth: z.number().nullable(),
  nodesBand: BandSchema.nullable().describe("Null when the scenario has no ranges."),
});

const PlanMonthSchema = z.object({
  monthIndex: z.int().min(0),
  month: z.string().describe("YYYY-MM"),
  demandMultiplier: z.number().describe("Demand relative to the workload's inputs (1 = as specified)."),
  costUsdPerMonth: CostBreakdownSchema.nullable().describe("Null when the plan could not be priced."),
  totalBandUsdPerMonth: BandSchema.nullable().describe("Null when the scenario has no ranges or is not priced."),
  unitCost: z.object({ usdPerMillionEvents: z.number().nullable(), usdPerTbProcessed: z.number().nullable() }).nullable(),
  stages: z.array(PlanStageMonthSchema).describe("One entry per workload stage, in workload order."),
});

const CommitmentsSchema = z
  .object({
    offerId: z.string(),
    program: z.string(),
    termMonths: z.int(),
    discountRatio: z.number(),
    savingUsd: z.number().describe("Saving versus on-demand over the horizon on the likely path."),
    strandedUsd: z.number().describe("Paid but unused over the horizon on the likely path."),
    beyondHorizonUsd: z.number().describe("Payments after the horizon for terms that outlive it."),
    months: z.array(
      z.object({
        monthIndex: z.int(),
        purchasedUsdPerMonth: z.number().describe("Bought this month (on-demand-equivalent USD/month, for the term)."),
        committedUsdPerMonth: z.number().describe("In force this month (on-demand-equivalent USD/month)."),
        commitmentCostUsdPerMonth: z.number().describe("Paid for the commitment this month."),
      }),
    ),
  })
  .describe("The commitment ladder; null when the scenario asks for none.");

const DrSchema = z
  .object({
    chosenStrategy: z.string().nullable().describe("The strategy priced into drUsdPerMonth (null: none chosen, or none meets the targets)."),
    targets: z.object({ rtoMinutes: z.number().nullable(), rpoMinutes: z.number().nullable() }),
    options: z.array(
      z.object({
        strategy: z.string(),
        rtoMinutes: z.number(),
        rpoMinutes: z.number(),
        meanUsdPerMonth: z.number(),
        meetsTargets: z.boolean(),
        pareto: z.boolean().describe("Not dominated in (cost, RTO, RPO) by another strategy."),
        explanation: z.string(),
      }),
    ),
    recommendation: z.object({ strategy: z.string().nullable(), reason: z.string() }),
  })
  .describe("Disaster recovery to a second region; null when the scenario asks for none.");

const GapSchema = z.object({ stageName: z.string(), bindingConstraint: z.string(), reason: z.string(), monthIndices: z.array(z.int()), firstMonth: z.string() });

export const PlanSchema = z.object({
  scenarioId: UuidSchema,
  scenarioName: z.string(),
  workloadId: UuidSchema,
  key: z
    .object({ workloadVersion: z.int(), scenarioVersion: z.int(), pricedCatalogVersion: z.string(), modelVersion: z.string() })
    .describe("The versions the plan was computed from."),
  computedAt: TimestampSchema,
  currency: z.literal("USD"),
  priced: z.boolean(),
  unpricedReason: z.string().nullable().describe("Why the plan could not be priced (then only the capacity projection is given)."),
  location: z.object({ provider: z.enum(["aws", "gcp", "azure"]), region: z.string(), basis: z.string() }).nullable(),
  startMonth: z.string(),
  horizonMonths: z.int(),
  stages: z.array(z.object({ name: z.string(), kind: z.enum(["broker", "stream", "batch"]) })),
  bands: z.object({
    status: z.enum(["none", "pending", "running", "ready", "failed"]).describe("pending/running: the Monte Carlo bands are being computed; the plan shown is the likely case."),
    error: z.string().nullable(),
    samples: z.int().nullable(),
    seed: z.number().nullable().describe("Null when the scenario has no ranges."),
    infeasibleSampleRatio: z.number().nullable(),
  }),
  months: z.array(PlanMonthSchema),
  totals: z.object({ usd: z.number(), allOnDemandComputeUsd: z.number(), spotSavingsUsd: z.number(), commitmentSavingUsd: z.number() }).nullable().describe("Over the horizon, USD."),
  commitments: CommitmentsSchema.nullable(),
  dr: DrSchema.nullable(),
  spotFlags: z.array(z.string()),
  gaps: z.array(GapSchema).describe("Stages unsized in some month: every total excludes them there (empty: complete)."),
  warnings: z.array(z.string()),
});
export type PlanJson = z.output<typeof PlanSchema>;

/** The body of `GET /api/v1/scenarios/{id}/plan/status`. */
export const PlanStatusSchema = z.object({
  scenarioId: UuidSchema,
  key: PlanSchema.shape.key,
  bandsStatus: PlanSchema.shape.bands.shape.status,
  bandsError: z.string().nullable(),
});

type Priced = Extract<ComputedPlan, { kind: "priced" }>;
type Projection = Extract<ComputedPlan, { kind: "unpriced" }>["projection"];

/** The month rows of a plan: each projection month with its priced month, when there is one. */
function monthsOf(projection: Projection, priced: Priced["plan"] | null): PlanJson["months"] {
  const banded = priced !== null && priced.uncertainty.seed !== null;
  return projection.months.map((month) => {
    const pricedMonth = priced?.months[month.monthIndex] ?? null;
    const bands = banded ? priced.uncertainty.months[month.monthIndex] : undefined;
    return {
      monthIndex: month.monthIndex,
      month: month.month,
      demandMultiplier: month.demandMultiplier,
      costUsdPerMonth: pricedMonth && { ...pricedMonth.breakdown },
      totalBandUsdPerMonth: bands ? { ...bands.totalUsdPerMonth } : null,
      unitCost: pricedMonth && { ...pricedMonth.unitCost },
      stages: month.stages.map((stage, index) => {
        const sized = stage.kind === "sized";
        const cost = sized ? pricedMonth?.stages[index] : undefined;
        const band = bands?.stages[index];
        return {
          stageName: stage.stageName,
          sized,
          nodes: sized ? (cost?.nodes ?? stage.nodes) : null,
          instanceType: sized ? stage.instance.id : null,
          bindingConstraint: stage.bindingConstraint,
          reason: stage.reason,
          onDemandNodes: cost?.spot?.onDemandNodes ?? null,
          spotNodes: cost?.spot?.spotNodes ?? null,
          computeUsdPerMonth: cost?.computeUsdPerMonth ?? null,
          storageUsdPerMonth: cost?.storageUsdPerMonth ?? null,
          crossZoneUsdPerMonth: cost?.crossZoneUsdPerMonth ?? null,
          nodesBand: band ? { ...band.nodes } : null,
        };
      }),
    };
  });
}

function commitmentsOf(plan: Priced["plan"]): PlanJson["commitments"] {
  const ladder = plan.commitments;
  if (!ladder) return null;
  return {
    offerId: ladder.offer.id,
    program: ladder.offer.program,
    termMonths: ladder.termMonths,
    discountRatio: ladder.offer.discountRatio,
    savingUsd: ladder.savingUsd,
    strandedUsd: ladder.strandedUsd,
    beyondHorizonUsd: ladder.beyondHorizonUsd,
    months: ladder.months.map(({ monthIndex, purchasedUsdPerMonth, committedUsdPerMonth, commitmentCostUsdPerMonth }) => ({ monthIndex, purchasedUsdPerMonth, committedUsdPerMonth, commitmentCostUsdPerMonth })),
  };
}

function drOf(plan: Priced["plan"]): PlanJson["dr"] {
  const { dr } = plan;
  if (!dr) return null;
  return {
    chosenStrategy: plan.drStrategy,
    targets: { ...dr.targets },
    options: dr.options.map(({ strategy, rtoMinutes, rpoMinutes, meanUsdPerMonth, meetsTargets, pareto, explanation }) => ({ strategy, rtoMinutes, rpoMinutes, meanUsdPerMonth, meetsTargets, pareto, explanation })),
    recommendation: { strategy: dr.recommendation.kind === "meets" ? dr.recommendation.strategy : null, reason: dr.recommendation.reason },
  };
}

/** The API's view of a scenario's stored plan. */
export function planJson(scenario: ScenarioDetail, view: PlanView): PlanJson {
  const { computed } = view;
  const priced = computed.kind === "priced" ? computed.plan : null;
  const projection = priced ? priced.projection : computed.kind === "unpriced" ? computed.projection : null;
  if (!projection) throw new Error("A stored plan without a projection.");
  return {
    scenarioId: scenario.id,
    scenarioName: scenario.name,
    workloadId: scenario.workloadId,
    key: { ...view.key },
    computedAt: view.computedAt.toISOString(),
    currency: "USD",
    priced: priced !== null,
    unpricedReason: computed.kind === "unpriced" ? computed.reason : null,
    location: computed.kind === "priced" ? { ...computed.where } : null,
    startMonth: projection.startMonth,
    horizonMonths: projection.horizonMonths,
    stages: scenario.workload.spec.stages.map((stage) => ({ name: stage.name, kind: stage.kind })),
    bands: {
      status: view.bandsStatus,
      error: view.bandsError,
      samples: priced?.uncertainty.samples ?? null,
      seed: priced?.uncertainty.seed ?? null,
      infeasibleSampleRatio: priced?.uncertainty.infeasibleSampleRatio ?? null,
    },
    months: monthsOf(projection, priced),
    totals: priced && { ...priced.totals },
    commitments: priced && commitmentsOf(priced),
    dr: priced && drOf(priced),
    spotFlags: priced?.spotFlags ?? [],
    gaps: (priced ? priced.gaps : computed.kind === "unpriced" ? computed.gaps : []).map(({ stageName, bindingConstraint, reason, monthIndices, firstMonth }) => ({ stageName, bindingConstraint, reason, monthIndices: [...monthIndices], firstMonth })),
    warnings: priced ? priced.warnings : projection.warnings,
  };
}
