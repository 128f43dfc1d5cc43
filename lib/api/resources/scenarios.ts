/**
 * Scenarios as /api/v1 shows and takes them. The body of a create or replace is the scenario
 * form's own schema (`ScenarioInputSchema`); what comes back adds the read-only fields. A
 * representation read with GET can be sent back with PUT.
 */
import { z } from "zod";

import { ScenarioInputSchema } from "@/lib/entities/scenario";
import type { ScenarioDetail, ScenarioSummary } from "@/lib/services/scenarios";

import { LimitSchema } from "../cursor";
import { KeysetCursorSchema, listPageSchema, TimestampSchema, UuidSchema } from "./common";

/** The body of `POST /api/v1/workloads/{id}/scenarios` and `PUT /api/v1/scenarios/{id}`. */
export const ScenarioWriteSchema = ScenarioInputSchema;

export const ScenarioListQuerySchema = z.object({ limit: LimitSchema, cursor: KeysetCursorSchema.optional() });

export const ScenarioSummarySchema = z.object({
  id: UuidSchema,
  workloadId: UuidSchema,
  workloadName: z.string(),
  name: z.string(),
  description: z.string(),
  version: z.int().min(1).describe("Bumped by every change; the ETag is derived from it."),
  ofRecord: z.boolean().describe("Whether it is its profile's plan of record."),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
});

export const ScenarioSchema = ScenarioSummarySchema.extend({
  spec: ScenarioInputSchema.shape.spec,
  pricedCatalogVersion: z.string().nullable().describe("The priced catalog (`<catalog version>+o<override revision>`) its plan uses."),
  links: z.object({ plan: z.string(), tfvars: z.string(), workload: z.string() }),
});

export const ScenarioPageSchema = listPageSchema(ScenarioSummarySchema);

export function scenarioSummaryJson(scenario: ScenarioSummary): z.output<typeof ScenarioSummarySchema> {
  const { id, workloadId, workloadName, name, description, version, ofRecord, createdAt, updatedAt } = scenario;
  return { id, workloadId, workloadName, name, description, version, ofRecord, createdAt: createdAt.toISOString(), updatedAt: updatedAt.toISOString() };
}

export function scenarioJson(scenario: ScenarioDetail): z.output<typeof ScenarioSchema> {
  const base = `/api/v1/scenarios/${scenario.id}`;
  return {
    ...scenarioSummaryJson(scenario),
    spec: scenario.spec,
    pricedCatalogVersion: scenario.pricedCatalogVersion,
    links: { plan: `${base}/plan`, tfvars: `${base}/tfvars`, workload: `/api/v1/workloads/${scenario.workloadId}` },
  };
}
