"use server";

/**
 * Actions of the scenario pages: parse the form with the shared schema, write the scenario and
 * refresh its profile's headline figures in one transaction, then revalidate and redirect after
 * the try block. Failures return `{ ok, message, fieldErrors, values }` for `useActionState`.
 */
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";

import { withReadyDb } from "@/lib/actions/with-ready-db";
import { getPricedCatalog } from "@/lib/db/catalog";
import { cloneScenario, createScenario, deleteScenario, getScenario, recordScenarioPricing, updateScenario } from "@/lib/db/scenarios";
import { getWorkload, isUuid, refreshHeadline } from "@/lib/db/workloads";
import { parseScenarioForm, ScenarioInputSchema, scenarioFieldLabel } from "@/lib/schemas/scenario";
import { VersionSchema } from "@/lib/schemas/workload";
import { diffSnapshots, formValues, type FormState } from "@/lib/schemas/workload-form";

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
  const result = await withReadyDb(async (prisma) => {
    const workload = await getWorkload(prisma, workloadId);
    if (!workload) return { kind: "not_found" as const };
    const parsed = parseScenarioForm(values, workload.spec.stages);
    if (!parsed.ok) return { kind: "invalid" as const, fieldErrors: parsed.fieldErrors };
    const { catalog, version: pricedVersion } = await getPricedCatalog(prisma);
    const created = await prisma.$transaction(async (tx) => {
      const scenario = await createScenario(tx, { workloadId, ...parsed.data });
      if (scenario) {
        await recordScenarioPricing(tx, scenario.id, pricedVersion);
        await refreshHeadline(tx, workloadId, catalog.instanceTypes);
      }
      return scenario;
    });
    return created ? { kind: "created" as const, id: created.id } : { kind: "not_found" as const };
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
  const result = await withReadyDb(async (prisma) => {
    const stored = await getScenario(prisma, id);
    if (!stored) return { kind: "not_found" as const };
    const parsed = parseScenarioForm(values, stored.workload.spec.stages, stored.spec);
    if (!parsed.ok) return { kind: "invalid" as const, fieldErrors: parsed.fieldErrors };
    const { catalog, version: pricedVersion } = await getPricedCatalog(prisma);
    return prisma.$transaction(async (tx) => {
      const outcome = await updateScenario(tx, { id, expectedVersion: version.data, changes: parsed.data });
      if (outcome.kind === "updated") {
        await recordScenarioPricing(tx, id, pricedVersion);
        await refreshHeadline(tx, outcome.scenario.workloadId, catalog.instanceTypes);
      }
      return outcome;
    });
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
      message: `Someone else saved this scenario (now version ${current.version}) after you opened it. Nothing was saved. Review their changes below; saving again replaces them with your values.`,
      conflict: { version: current.version, loaded: JSON.stringify(now), changes: before ? diffSnapshots(before, now, scenarioFieldLabel) : [] },
    };
  }
  revalidateWorkload(outcome.scenario.workloadId);
  redirect(`/workloads/${outcome.scenario.workloadId}/scenarios/${id}`);
}

const IdSchema = z.string().refine(isUuid);

/** Soft-deletes a scenario and returns to its profile. */
export async function deleteScenarioAction(id: string): Promise<FormState> {
  if (!IdSchema.safeParse(id).success) return { ok: false, message: "No such scenario." };
  const result = await withReadyDb(async (prisma) => {
    const { catalog } = await getPricedCatalog(prisma);
    return prisma.$transaction(async (tx) => {
      const deleted = await deleteScenario(tx, id);
      if (deleted) await refreshHeadline(tx, deleted.workloadId, catalog.instanceTypes);
      return deleted;
    });
  });
  if (!result.ok) return { ok: false, message: result.message };
  if (!result.value) return { ok: false, message: "This scenario was already deleted." };
  revalidateWorkload(result.value.workloadId);
  redirect(`/workloads/${result.value.workloadId}`);
}

/** Copies a scenario within its profile and opens the copy's editor, to rename and change it. */
export async function cloneScenarioAction(id: string): Promise<FormState> {
  if (!IdSchema.safeParse(id).success) return { ok: false, message: "No such scenario." };
  const result = await withReadyDb((prisma) => prisma.$transaction((tx) => cloneScenario(tx, id)));
  if (!result.ok) return { ok: false, message: result.message };
  if (!result.value) return { ok: false, message: "This scenario was deleted meanwhile." };
  revalidateWorkload(result.value.workloadId);
  redirect(`/workloads/${result.value.workloadId}/scenarios/${result.value.id}/edit`);
}

/** Re-prices a scenario on the current priced catalog (after list prices or overrides changed). */
export async function repriceScenarioAction(id: string): Promise<FormState> {
  if (!IdSchema.safeParse(id).success) return { ok: false, message: "No such scenario." };
  const result = await withReadyDb(async (prisma) => {
    const scenario = await getScenario(prisma, id);
    if (!scenario) return null;
    const { version } = await getPricedCatalog(prisma);
    await recordScenarioPricing(prisma, id, version);
    return scenario;
  });
  if (!result.ok) return { ok: false, message: result.message };
  if (!result.value) return { ok: false, message: "This scenario was deleted meanwhile." };
  revalidateWorkload(result.value.workloadId);
  return { ok: true };
}
