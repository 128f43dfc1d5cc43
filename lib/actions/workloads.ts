"use server";

/**
 * Actions of the workload pages: parse the form with the shared schema, write through
 * lib/services, store the plans the write changed (lib/services/plans.ts: computed in a worker,
 * stored before the redirect), then revalidate and redirect after the try block. Failures return
 * `{ ok, message, fieldErrors, values }` for `useActionState`.
 */
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";

import { IdSchema, isUuid } from "@/lib/entities/ids";
import { VersionSchema, WorkloadInputSchema } from "@/lib/entities/workload";
import { parseWorkloadDocument } from "@/lib/export/workload-document";
import { diffSnapshots, formValues, type FormState } from "@/lib/forms/form-values";
import { parseWorkloadForm, workloadFieldLabel, workloadSnapshot } from "@/lib/forms/workload-form";
import { currentPricedVersion } from "@/lib/services/catalog";
import { refreshWorkloadPlans } from "@/lib/services/plans";
import { withReadyDb } from "@/lib/services/with-ready-db";
import { createWorkload, deleteWorkload, duplicateWorkload, importWorkload, restoreWorkload, updateWorkload } from "@/lib/services/workloads";

const FIX_FIELDS = "Fix the highlighted fields; nothing was saved.";

/** Creates a profile from the workload form and opens it. */
export async function createWorkloadAction(_prev: FormState, form: FormData): Promise<FormState> {
  const values = formValues(form);
  const parsed = parseWorkloadForm(values);
  if (!parsed.ok) return { ok: false, message: FIX_FIELDS, fieldErrors: parsed.fieldErrors, values };
  const result = await withReadyDb({ permission: "workloads.write", target: "workload:new", detail: { name: parsed.data.name } }, async (prisma, _actor, audit) => {
    const created = await createWorkload(prisma, parsed.data);
    audit.after = { id: created.id, version: created.version };
    return created;
  });
  if (!result.ok) return { ok: false, message: result.message, values };
  revalidatePath("/workloads");
  redirect(`/workloads/${result.value.id}`);
}

/** The stored snapshot an edit form was loaded with, or null when it is missing or tampered with. */
function loadedSnapshot(text: string | undefined) {
  try {
    const parsed = WorkloadInputSchema.safeParse(JSON.parse(text ?? ""));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * Saves the edit form if nobody else saved since it was loaded (`version`). Otherwise nothing is
 * written and the form shows what the other person changed, field by field, and offers to save
 * over it (the next submit carries their version).
 */
export async function updateWorkloadAction(_prev: FormState, form: FormData): Promise<FormState> {
  const values = formValues(form);
  const id = values.id ?? "";
  const version = VersionSchema.safeParse(values.version);
  if (!isUuid(id) || !version.success) return { ok: false, message: "This form is out of date: reload the page.", values };
  const parsed = parseWorkloadForm(values);
  if (!parsed.ok) return { ok: false, message: FIX_FIELDS, fieldErrors: parsed.fieldErrors, values };
  const result = await withReadyDb({ permission: "workloads.write", target: `workload:${id}` }, async (prisma, _actor, audit) => {
    const outcome = await updateWorkload(prisma, { id, expectedVersion: version.data, changes: parsed.data });
    audit.before = { version: version.data };
    if (outcome.kind === "updated") audit.after = { version: outcome.workload.version, name: outcome.workload.name };
    // Every scenario's plan depends on the profile: store theirs before the page shows them.
    if (outcome.kind === "updated") await refreshWorkloadPlans(prisma, outcome.workload.scenarios.map((s) => s.id));
    return outcome;
  });
  if (!result.ok) return { ok: false, message: result.message, values };
  const outcome = result.value;
  if (outcome.kind === "not_found") return { ok: false, message: "This profile was deleted meanwhile; nothing was saved.", values };
  if (outcome.kind === "conflict") {
    const current = workloadSnapshot(outcome.current);
    const before = loadedSnapshot(values.loaded);
    const stageNames = current.spec.stages.map((stage) => stage.name);
    const changes = before ? diffSnapshots(before, current, (path) => workloadFieldLabel(path, stageNames)) : [];
    return {
      ok: false,
      values,
      message: `Someone else saved this profile (now version ${outcome.current.version}) after you opened it. Nothing was saved. Review their changes below; saving again replaces them with your values.`,
      conflict: { version: outcome.current.version, loaded: JSON.stringify(current), changes },
    };
  }
  revalidatePath("/", "layout");
  redirect(`/workloads/${id}`);
}

/** Soft-deletes a profile, then shows the list with an undo. */
export async function deleteWorkloadAction(id: string): Promise<FormState> {
  if (!IdSchema.safeParse(id).success) return { ok: false, message: "No such profile." };
  const result = await withReadyDb({ permission: "delete", target: `workload:${id}`, detail: { change: "delete" } }, (prisma) => deleteWorkload(prisma, id));
  if (!result.ok) return { ok: false, message: result.message };
  if (!result.value) return { ok: false, message: "This profile was already deleted." };
  revalidatePath("/workloads");
  redirect(`/workloads?deleted=${id}`);
}

/** Undoes a delete and opens the profile again. */
export async function restoreWorkloadAction(id: string): Promise<FormState> {
  if (!IdSchema.safeParse(id).success) return { ok: false, message: "No such profile." };
  const result = await withReadyDb({ permission: "delete", target: `workload:${id}`, detail: { change: "restore" } }, (prisma) => restoreWorkload(prisma, id));
  if (!result.ok) return { ok: false, message: result.message };
  if (!result.value) return { ok: false, message: "This profile is not deleted any more." };
  revalidatePath("/workloads");
  redirect(`/workloads/${id}`);
}

/** Copies a profile with its scenarios and opens the copy. */
export async function duplicateWorkloadAction(id: string): Promise<FormState> {
  if (!IdSchema.safeParse(id).success) return { ok: false, message: "No such profile." };
  const result = await withReadyDb({ permission: "workloads.write", target: `workload:${id}`, detail: { change: "duplicate" } }, async (prisma, _actor, audit) => {
    const copy = await duplicateWorkload(prisma, id);
    if (copy) audit.after = { copy: copy.id };
    if (copy) await refreshWorkloadPlans(prisma, copy.scenarios.map((s) => s.id));
    return copy;
  });
  if (!result.ok) return { ok: false, message: result.message };
  if (!result.value) return { ok: false, message: "This profile was deleted meanwhile." };
  revalidatePath("/workloads");
  redirect(`/workloads/${result.value.id}`);
}

/** Imports an uploaded workload document (a profile and its scenarios); a bad file writes nothing. */
export async function importWorkloadAction(_prev: FormState, form: FormData): Promise<FormState> {
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) return { ok: false, message: "Choose a .json file to import.", fieldErrors: { file: ["Choose a file."] } };
  const parsed = parseWorkloadDocument(await file.text());
  if (!parsed.ok) {
    return { ok: false, message: `${file.name} was not imported; nothing was written.`, fieldErrors: { file: parsed.problems } };
  }
  const result = await withReadyDb({ permission: "workloads.write", target: "workload:import", detail: { file: file.name } }, async (prisma, _actor, audit) => {
    const imported = await importWorkload(prisma, parsed.document, { pricedCatalogVersion: await currentPricedVersion(prisma) });
    await refreshWorkloadPlans(prisma, imported.scenarios.map((s) => s.id));
    audit.after = { id: imported.id, version: imported.version };
    return imported;
  });
  if (!result.ok) return { ok: false, message: result.message };
  revalidatePath("/workloads");
  redirect(`/workloads/${result.value.id}`);
}
