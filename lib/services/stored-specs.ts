/**
 * The zod boundary between the database's JSON columns and the model's types. Specs are written
 * as the schema's parsed output (defaults filled in) and parsed again on every read, so a row
 * written by an older version, or edited by hand, never reaches the model unchecked.
 */
import "server-only";

import { z } from "zod";

import { ScenarioSpecSchema, WorkloadSpecSchema } from "@/lib/model/schemas";
import type { ScenarioSpec, WorkloadSpec } from "@/lib/model/types";

/** A spec stored in the database that no longer passes its schema. */
export class StoredSpecError extends Error {
  override readonly name = "StoredSpecError";
  constructor(
    readonly entity: "workload" | "scenario",
    readonly id: string,
    readonly issues: z.core.$ZodIssue[],
  ) {
    super(`The stored spec of ${entity} ${id} is not valid any more:\n${z.prettifyError(new z.ZodError(issues))}`);
  }
}

/** @throws StoredSpecError */
export function parseStoredWorkloadSpec(json: unknown, id: string): WorkloadSpec {
  const parsed = WorkloadSpecSchema.safeParse(json);
  if (!parsed.success) throw new StoredSpecError("workload", id, parsed.error.issues);
  return parsed.data;
}

/** @throws StoredSpecError */
export function parseStoredScenarioSpec(json: unknown, id: string): ScenarioSpec {
  const parsed = ScenarioSpecSchema.safeParse(json);
  if (!parsed.success) throw new StoredSpecError("scenario", id, parsed.error.issues);
  return parsed.data;
}
