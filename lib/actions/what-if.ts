"use server";

/**
 * The what-if's two saves (lib/services/what-if.ts): as a new scenario of the profile, or over
 * this scenario if nobody saved it since the page was loaded. Both store the plan before the
 * redirect, like the scenario form. Failures return `{ ok, message, fieldErrors }` (field errors
 * by what-if input name, plus `name`) for `useActionState`.
 */
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";

import { isUuid } from "@/lib/entities/ids";
import { VersionSchema } from "@/lib/entities/workload";
import { formValues, type FormState } from "@/lib/forms/form-values";
import { scenarioConflictMessage } from "@/lib/forms/scenario-form";
import { whatIfValuesOf } from "@/lib/forms/what-if";
import { applyWhatIfToScenario, saveWhatIfAsScenario, type WhatIfSaveResult } from "@/lib/services/what-if";
import { withReadyDb } from "@/lib/services/with-ready-db";

const FIX_FIELDS = "Fix the highlighted what-if inputs; nothing was saved.";
const OUT_OF_DATE = "This page is out of date: reload it.";

/** The outcome as the form shows it, or the scenario page to open. */
function settle(result: Awaited<ReturnType<typeof withReadyDb<WhatIfSaveResult>>>): FormState | { workloadId: string; scenarioId: string } {
  if (!result.ok) return { ok: false, message: result.message };
  const outcome = result.value;
  switch (outcome.kind) {
    case "invalid":
      return { ok: false, message: FIX_FIELDS, fieldErrors: outcome.errors as Record<string, string[]> };
    case "not_found":
      return { ok: false, message: "This scenario was deleted meanwhile; nothing was saved." };
    case "conflict":
      return { ok: false, message: `${scenarioConflictMessage(outcome.version)} Reload the page to see their changes, then apply your what-if again.` };
    case "saved":
      return outcome;
  }
}

function finish(outcome: FormState | { workloadId: string; scenarioId: string }): FormState {
  if ("ok" in outcome) return outcome;
  revalidatePath("/workloads");
  revalidatePath("/scenarios");
  revalidatePath(`/workloads/${outcome.workloadId}`, "layout");
  redirect(`/workloads/${outcome.workloadId}/scenarios/${outcome.scenarioId}`);
}

/** Saves the what-if (the form's what-if inputs) as a new scenario named `name`, then opens it. */
export async function saveWhatIfAsScenarioAction(_prev: FormState, form: FormData): Promise<FormState> {
  const raw = formValues(form);
  const scenarioId = raw.scenarioId ?? "";
  if (!isUuid(scenarioId)) return { ok: false, message: OUT_OF_DATE };
  const { values, errors } = whatIfValuesOf(raw);
  if (Object.keys(errors).length > 0) return { ok: false, message: FIX_FIELDS, fieldErrors: errors as Record<string, string[]> };
  return finish(settle(await withReadyDb({ permission: "workloads.write", target: `scenario:${scenarioId}`, detail: { change: "what-if saved as new", name: raw.name, ...values } }, (db) => saveWhatIfAsScenario(db, { scenarioId, name: raw.name ?? "", values }))));
}

/** Writes the what-if over this scenario at the version the page was loaded with, then shows it saved. */
export async function applyWhatIfAction(_prev: FormState, form: FormData): Promise<FormState> {
  const raw = formValues(form);
  const scenarioId = raw.scenarioId ?? "";
  const version = VersionSchema.safeParse(raw.version);
  if (!isUuid(scenarioId) || !version.success) return { ok: false, message: OUT_OF_DATE };
  const { values, errors } = whatIfValuesOf(raw);
  if (Object.keys(errors).length > 0) return { ok: false, message: FIX_FIELDS, fieldErrors: errors as Record<string, string[]> };
  return finish(settle(await withReadyDb({ permission: "workloads.write", target: `scenario:${scenarioId}`, detail: { change: "what-if applied", ...values } }, (db) => applyWhatIfToScenario(db, { scenarioId, expectedVersion: version.data, values }))));
}
