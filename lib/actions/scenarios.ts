"use server";

/**
 * Actions of the scenario pages: parse the form with the shared schema, write the scenario
 * (priced with the current catalog), store its plan (computed in a worker, stored before the
 * redirect; Monte Carlo bands follow as a job), then revalidate and redirect after the try block.
 * Failures return `{ ok, message, fieldErrors, values }` for `useActionState`.
 */
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";

import { IdSchema, isUuid } from "@/lib/entities/ids";
import { ScenarioInputSchema } from "@/lib/entities/scenario";
import { VersionSchema } from "@/lib/entities/workload";
import { diffSnapshots, formValues, type FormState } from "@/lib/forms/form-values";
import { parseScenarioForm, scenarioConflictMessage, scenarioFieldLabel } from "@/lib/forms/scenario-form";
import { currentPricedVersion } from "@/lib/services/catalog";
import { refreshScenarioPlan, repriceScenario } from "@/lib/services/plans";
import { cloneScenario, createScenario, deleteScenario, getScenario, setPlanOfRecord, updateScenario } from "@/lib/services/scenarios";
import { withReadyDb } from "@/lib/services/with-ready-db";
import { getWorkload } from "@/lib/services/workloads";

const FIX_FIELDS = "Fix the highlighted fields; nothing was saved.";

function revalidateWorkload(workloadId: string) {
  revalidatePath("/workloads");
  revalidatePath("/scenarios");
  revalidatePath(`/workloads/${workloadId}`, "layout");
}

/** Adds a scenario to a profile and opens its projection. */
export async function createScenarioAction(_prev: FormState, form: FormData): Promise<FormState> {
  const values = formValues(form);
  const workloadId = values.workloadId ?? "";
  const result = await withReadyDb({ permission: "workloads.write", target: `workload:${workloadId}`, detail: { change: "new scenario", name: values.name } }, async (prisma, _actor, audit) => {
    const workload = await getWorkload(prisma, workloadId);
    if (!workload) return { kind: "not_found" as const };
    const parsed = parseScenarioForm(values, workload.spec.stages);
    if (!parsed.ok) return { kind: "invalid" as const, fieldErrors: parsed.fieldErrors };
    const created = await createScenario(prisma, { workloadId, ...parsed.data, pricedCatalogVersion: await currentPricedVersion(prisma) });
    if (!created) return { kind: "not_found" as const };
    await refreshScenarioPlan(prisma, created.id);
    audit.after = { scenario: created.id, version: created.version };
    return { kind: "created" as const, id: created.id };
  });
  if (!result.ok) return { ok: false, message: result.message, values };
  const outcome = result.value;
  if (outcome.kind === "invalid") return { ok: false, message: FIX_FIELDS, fieldErrors: outcome.fieldErrors, values };
  if (outcome.kind === "not_found") return { ok: false, message: "This profile was deleted meanwhile; nothing was saved.", values };
  revalidateWorkload(workloadId);
  redirect(`/workloads/${workloadId}/scenarios/${outcome.id}`);
}

/** The stored snapshot an edit form was loaded with, or null when it is missing or tampered with. */
function loadedSnapshot(text: string | undefined) {
  try {
    const parsed = ScenarioInputSchema.safeParse(JSON.parse(text ?? ""));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * Saves the edit form if nobody else saved the scenario since it was loaded (`version`);
 * otherwise writes nothing and lists what the other person changed.
 */
export async function updateScenarioAction(_prev: FormState, form: FormData): Promise<FormState> {
  const values = formValues(form);
  const id = values.id ?? "";
  const version = VersionSchema.safeParse(values.version);
  if (!isUuid(id) || !version.success) return { ok: false, message: "This form is out of date: reload the page.", values };
  const result = await withReadyDb({ permission: "workloads.write", target: `scenario:${id}` }, async (prisma, _actor, audit) => {
    const stored = await getScenario(prisma, id);
    if (!stored) return { kind: "not_found" as const };
    audit.before = { version: version.data };
    const parsed = parseScenarioForm(values, stored.workload.spec.stages, stored.spec);
    if (!parsed.ok) return { kind: "invalid" as const, fieldErrors: parsed.fieldErrors };
    // A saved scenario is priced with the current catalog, like a new one.
    const changes = { ...parsed.data, pricedCatalogVersion: await currentPricedVersion(prisma) };
    const outcome = await updateScenario(prisma, { id, expectedVersion: version.data, changes });
    if (outcome.kind === "updated") {
      audit.after = { version: outcome.scenario.version, name: outcome.scenario.name };
      await refreshScenarioPlan(prisma, id);
    }
    return outcome;
  });
  if (!result.ok) return { ok: false, message: result.message, values };
  const outcome = result.value;
  if (outcome.kind === "invalid") return { ok: false, message: FIX_FIELDS, fieldErrors: outcome.fieldErrors, values };
  if (outcome.kind === "not_found") return { ok: false, message: "This scenario was deleted meanwhile; nothing was saved.", values };
  if (outcome.kind === "conflict") {
    const { current } = outcome;
    const now = { name: current.name, description: current.description, spec: current.spec };
    const before = loadedSnapshot(values.loaded);
    return {
      ok: false,
      values,
      message: `${scenarioConflictMessage(current.version)} Review their changes below; saving again replaces them with your values.`,
      conflict: { version: current.version, loaded: JSON.stringify(now), changes: before ? diffSnapshots(before, now, scenarioFieldLabel) : [] },
    };
  }
  revalidateWorkload(outcome.scenario.workloadId);
  redirect(`/workloads/${outcome.scenario.workloadId}/scenarios/${id}`);
}

/** Soft-deletes a scenario and returns to its profile. */
export async function deleteScenarioAction(id: string): Promise<FormState> {
  if (!IdSchema.safeParse(id).success) return { ok: false, message: "No such scenario." };
  const result = await withReadyDb({ permission: "delete", target: `scenario:${id}`, detail: { change: "delete" } }, (prisma) => deleteScenario(prisma, id));
  if (!result.ok) return { ok: false, message: result.message };
  if (!result.value) return { ok: false, message: "This scenario was already deleted." };
  revalidateWorkload(result.value.workloadId);
  redirect(`/workloads/${result.value.workloadId}`);
}

/** Copies a scenario within its profile and opens the copy's editor, to rename and change it. */
export async function cloneScenarioAction(id: string): Promise<FormState> {
  if (!IdSchema.safeParse(id).success) return { ok: false, message: "No such scenario." };
  const result = await withReadyDb({ permission: "workloads.write", target: `scenario:${id}`, detail: { change: "clone" } }, async (prisma, _actor, audit) => {
    const copy = await cloneScenario(prisma, id);
    if (copy) audit.after = { copy: copy.id };
    if (copy) await refreshScenarioPlan(prisma, copy.id);
    return copy;
  });
  if (!result.ok) return { ok: false, message: result.message };
  if (!result.value) return { ok: false, message: "This scenario was deleted meanwhile." };
  revalidateWorkload(result.value.workloadId);
  redirect(`/workloads/${result.value.workloadId}/scenarios/${result.value.id}/edit`);
}

/** Re-prices a scenario on the current priced catalog (after list prices or overrides changed). */
export async function repriceScenarioAction(id: string): Promise<FormState> {
  if (!IdSchema.safeParse(id).success) return { ok: false, message: "No such scenario." };
  const result = await withReadyDb({ permission: "finops.write", target: `scenario:${id}`, detail: { change: "re-price" } }, async (prisma, _actor, audit) => {
    const scenario = await getScenario(prisma, id);
    if (!scenario) return null;
    audit.before = { pricedCatalogVersion: scenario.pricedCatalogVersion };
    await repriceScenario(prisma, id);
    return scenario;
  });
  if (!result.ok) return { ok: false, message: result.message };
  if (!result.value) return { ok: false, message: "This scenario was deleted meanwhile." };
  revalidateWorkload(result.value.workloadId);
  return { ok: true };
}

/** Makes a scenario its profile's plan of record: the one lists and the portfolio read. */
export async function setPlanOfRecordAction(id: string): Promise<FormState> {
  if (!IdSchema.safeParse(id).success) return { ok: false, message: "No such scenario." };
  const result = await withReadyDb({ permission: "finops.write", target: `scenario:${id}`, detail: { change: "plan of record" } }, (prisma) => setPlanOfRecord(prisma, id));
  if (!result.ok) return { ok: false, message: result.message };
  if (!result.value) return { ok: false, message: "This scenario was deleted meanwhile." };
  revalidateWorkload(result.value.workloadId);
  return { ok: true };
}
