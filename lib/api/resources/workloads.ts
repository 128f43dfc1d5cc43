/**
 * Workload profiles as /api/v1 shows and takes them. The body of a create or replace is the
 * workload form's own schema (`WorkloadInputSchema`); what comes back adds the read-only fields
 * (id, version, timestamps, the plan of record's headline). A representation read with GET can be
 * sent back with PUT: read-only fields are ignored.
 */
import { z } from "zod";

import { ScenarioInputSchema } from "@/lib/entities/scenario";
import { WorkloadInputSchema } from "@/lib/entities/workload";
import type { WorkloadDetail, WorkloadSummary } from "@/lib/services/workloads";

import { LimitSchema } from "../cursor";
import { KeysetCursorSchema, listPageSchema, TimestampSchema, UuidSchema } from "./common";

/** The body of `POST /api/v1/workloads`: a profile and, optionally, its first scenarios. */
export const WorkloadCreateSchema = WorkloadInputSchema.extend({
  scenarios: z.array(ScenarioInputSchema).max(20, { error: "At most 20 scenarios at once." }).optional().describe("Scenarios to create with it; the first becomes its plan of record."),
});

/** The body of `PUT /api/v1/workloads/{id}`: the whole profile (scenarios have their own routes). */
export const WorkloadReplaceSchema = WorkloadInputSchema;

export const WorkloadListQuerySchema = z.object({
  q: z.string().max(200, { error: "q must be at most 200 characters." }).optional().describe("Case-insensitive part of the name or team, or an exact tag."),
  team: z.string().max(100, { error: "team must be at most 100 characters." }).optional().describe("Exact team (case-insensitive)."),
  tag: z.string().max(40, { error: "tag must be at most 40 characters." }).optional().describe("Exact tag."),
  kind: z.enum(["streaming", "batch"], { error: 'kind must be "streaming" or "batch".' }).optional(),
  limit: LimitSchema,
  cursor: KeysetCursorSchema.optional(),
});

const WorkloadHeadlineSchema = z
  .object({
    scenarioId: UuidSchema,
    scenarioName: z.string(),
    totalUsdPerMonth: z.number().nullable().describe("Month 0's total of every cost component, USD per month; null when the plan could not be priced."),
    nodes: z.int().nullable().describe("Month 0's nodes across stages."),
    complete: z.boolean().describe("False when a stage is unsized in some month (the total leaves it out there)."),
    stale: z.boolean().describe("Computed from inputs that have changed since; a newer plan is on its way."),
    bandsStatus: z.enum(["none", "pending", "running", "ready", "failed"]),
  })
  .describe("The plan of record's stored headline.");

export const WorkloadSummarySchema = z.object({
  id: UuidSchema,
  name: z.string(),
  description: z.string(),
  team: z.string(),
  tags: z.array(z.string()),
  kind: z.enum(["streaming", "batch"]),
  peakEventsPerSec: z.number().nullable().describe("The highest peak events/s of its event stages; null for batch only."),
  planOfRecordId: UuidSchema.nullable(),
  version: z.int().min(1).describe("Bumped by every change; the ETag is derived from it."),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
  scenarioCount: z.int().min(0),
  headline: WorkloadHeadlineSchema.nullable(),
});

const ScenarioRefSchema = z.object({ id: UuidSchema, name: z.string(), version: z.int().min(1), href: z.string().describe("The scenario's API URL.") });

export const WorkloadSchema = WorkloadSummarySchema.extend({
  spec: WorkloadInputSchema.shape.spec,
  scenarios: z.array(ScenarioRefSchema).describe("Its live scenarios, oldest first."),
});

export const WorkloadPageSchema = listPageSchema(WorkloadSummarySchema);

export function workloadSummaryJson(workload: WorkloadSummary): z.output<typeof WorkloadSummarySchema> {
  const { id, name, description, team, tags, kind, peakEventsPerSec, planOfRecordId, version, createdAt, updatedAt, scenarioCount, headline } = workload;
  return { id, name, description, team, tags, kind, peakEventsPerSec, planOfRecordId, version, createdAt: createdAt.toISOString(), updatedAt: updatedAt.toISOString(), scenarioCount, headline };
}

export function workloadJson(workload: WorkloadDetail): z.output<typeof WorkloadSchema> {
  return {
    ...workloadSummaryJson(workload),
    spec: workload.spec,
    scenarios: workload.scenarios.map(({ id, name, version }) => ({ id, name, version, href: `/api/v1/scenarios/${id}` })),
  };
}
