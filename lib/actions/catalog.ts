"use server";

/**
 * FinOps actions of the Catalog page: parse the form with its schema, write through lib/services,
 * and return `{ ok, message, fieldErrors, values }` for `useActionState`. A database that is down
 * is a message, never an error page. A price change makes a new priced catalog version; stored
 * plans keep the version they were priced with until re-priced (one scenario from its page, or
 * all at once with {@link repriceAllScenariosAction}), so a review never shifts under a reader.
 */
import { revalidatePath } from "next/cache";
import { z } from "zod";

import type { CsvRowError } from "@/lib/catalog/csv";
import { describeShrinkage } from "@/lib/catalog/shrink";
import type { DbClient } from "@/lib/db/client";
import { formatDateTime } from "@/lib/format";
import { CatalogImportSchema, CatalogRestoreSchema, ItemPriceOverrideSchema, ProviderDiscountSchema, ResetOverrideSchema } from "@/lib/forms/catalog-forms";
import { formValues, type FormState } from "@/lib/forms/form-values";
import { principalLabel } from "@/lib/policy";
import { importCatalogCsv, resetOverride, restoreCatalogVersion, setItemPriceOverride, setProviderDiscount, type OverrideWriteResult } from "@/lib/services/catalog";
import { repriceAllScenarios } from "@/lib/services/plans";
import { withReadyDb } from "@/lib/services/with-ready-db";

/**
 * An import's state also lists every bad row of the file, and, for a file that would shrink the
 * catalog drastically, what it would take away (the form then asks for a confirmation).
 */
export type CatalogImportState = FormState & { rowErrors?: CsvRowError[]; shrinkage?: string };

const CATALOG_PATH = "/catalog";

function invalid(error: z.ZodError, values: FormState["values"]): FormState {
  return { ok: false, message: "Fix the highlighted fields.", fieldErrors: z.flattenError(error).fieldErrors as Record<string, string[]>, values };
}

function describeWrite(result: OverrideWriteResult, done: string, values: FormState["values"]): FormState {
  switch (result.kind) {
    case "ok":
      return { ok: true, message: `${done} (revision ${result.revision}).` };
    case "conflict":
      return {
        ok: false,
        values,
        message: result.latest
          ? `${result.latest.actor} changed this at ${formatDateTime(result.latest.createdAt)} (revision ${result.latest.revision}) after you loaded the page. Reload to see their change, then apply yours again if it is still needed.`
          : "Someone changed this after you loaded the page. Reload and try again.",
      };
    case "not-found":
      return { ok: false, values, message: "Fix the highlighted fields.", fieldErrors: { itemId: ["The current catalog has no instance type, storage tier or transfer price with this id."] } };
    case "not-set":
      return { ok: false, values, message: "There is no override to reset: the list price already applies." };
  }
}

/** Parse → write one override → revalidate → describe: the shape of every override action. */
async function writeOverride<T extends object>(
  form: FormData,
  schema: z.ZodType<T>,
  write: (db: DbClient, input: T & { actor: string }) => Promise<OverrideWriteResult>,
  done: (input: T, values: Record<string, string>) => string,
): Promise<FormState> {
  const values = formValues(form);
  const parsed = schema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, values);
  const result = await withReadyDb({ permission: "finops.write", target: "catalog:overrides", detail: values }, async (db, actor, audit) => {
    const outcome = await write(db, { ...parsed.data, actor: principalLabel(actor) });
    if (outcome.kind === "ok") audit.after = { revision: outcome.revision };
    return outcome;
  });
  if (!result.ok) return { ok: false, message: result.message, values };
  revalidatePath(CATALOG_PATH);
  return describeWrite(result.value, done(parsed.data, values), values);
}

/** Sets a provider's negotiated discount. */
export async function setProviderDiscountAction(_prev: FormState, form: FormData): Promise<FormState> {
  return writeOverride(form, ProviderDiscountSchema, setProviderDiscount, (input, values) => `Discount for ${input.provider.toUpperCase()} set to ${values.discountPercent?.trim()} %`);
}

/** Overrides one item's price. */
export async function setItemPriceOverrideAction(_prev: FormState, form: FormData): Promise<FormState> {
  return writeOverride(form, ItemPriceOverrideSchema, setItemPriceOverride, (input) => `Price of ${input.itemId} overridden`);
}

/** Resets an override to the list price. */
export async function resetOverrideAction(_prev: FormState, form: FormData): Promise<FormState> {
  return writeOverride(form, ResetOverrideSchema, resetOverride, () => "List price restored");
}

/** Imports a CSV of instance types as a new catalog version; a file with any bad row imports nothing. */
export async function importCatalogCsvAction(_prev: CatalogImportState, form: FormData): Promise<CatalogImportState> {
  const values = formValues(form);
  const parsed = CatalogImportSchema.safeParse({ file: form.get("file"), confirmShrink: values.confirmShrink });
  if (!parsed.success) return invalid(parsed.error, values);
  const { file, confirmShrink } = parsed.data;
  const csv = await file.text();
  const result = await withReadyDb({ permission: "finops.write", target: "catalog:import", detail: { file: file.name, confirmShrink } }, async (db, actor, audit) => {
    const outcome = await importCatalogCsv(db, { csv, fileName: file.name, actor: principalLabel(actor), confirmShrink });
    if (outcome.kind === "ok") audit.after = { version: outcome.version };
    return outcome;
  });
  if (!result.ok) return { ok: false, message: result.message, values };
  const outcome = result.value;
  if (outcome.kind === "invalid") {
    const count = outcome.errors.length;
    return { ok: false, values, rowErrors: outcome.errors, message: `Nothing was imported: ${file.name} has ${count} ${count === 1 ? "problem" : "problems"}. Fix ${count === 1 ? "it" : "them"} and upload again.` };
  }
  if (outcome.kind === "empty") return { ok: false, values, message: `Nothing was imported: ${file.name} has no instance type, and a catalog without any would leave every scenario unsizeable.` };
  if (outcome.kind === "needs-confirmation") {
    return { ok: false, values, shrinkage: describeShrinkage(outcome.shrinkage), message: `Nothing was imported yet: ${file.name} would shrink the catalog drastically. Tick "Replace the catalog anyway", choose the file again and import, or import a fuller file.` };
  }
  if (outcome.kind === "conflict") return { ok: false, values, message: "Another import created the same version at the same moment. Upload again." };
  revalidatePath(CATALOG_PATH);
  return { ok: true, message: `Imported ${outcome.instanceTypes} instance types from ${file.name} as catalog version ${outcome.version}; it is now the current catalog.` };
}

/** Rolls the catalog back: an earlier version becomes the current one again (as a new version). */
export async function restoreCatalogVersionAction(_prev: FormState, form: FormData): Promise<FormState> {
  const values = formValues(form);
  const parsed = CatalogRestoreSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, values);
  const result = await withReadyDb({ permission: "finops.write", target: "catalog:restore", detail: values }, async (db, actor, audit) => {
    const outcome = await restoreCatalogVersion(db, { version: parsed.data.version, actor: principalLabel(actor) });
    if (outcome.kind === "ok") audit.after = { version: outcome.version };
    return outcome;
  });
  if (!result.ok) return { ok: false, message: result.message, values };
  const outcome = result.value;
  const { version } = parsed.data;
  if (outcome.kind === "not-found") return { ok: false, values, message: `There is no catalog version ${version}.` };
  if (outcome.kind === "already-current") return { ok: false, values, message: `${version} is already the current catalog.` };
  if (outcome.kind === "conflict") return { ok: false, values, message: "Another catalog change created the same version at the same moment. Try again." };
  revalidatePath(CATALOG_PATH);
  return { ok: true, message: `Restored ${version} as catalog version ${outcome.version} (${outcome.instanceTypes} instance types); it is now the current catalog. Re-price scenarios to use it.` };
}

/** Re-prices every scenario priced with an older catalog on the current one, storing their new plans. */
export async function repriceAllScenariosAction(): Promise<FormState> {
  const result = await withReadyDb({ permission: "finops.write", target: "scenarios:all", detail: { change: "re-price all" } }, (db) => repriceAllScenarios(db));
  if (!result.ok) return { ok: false, message: result.message };
  revalidatePath("/", "layout");
  const count = result.value;
  return { ok: true, message: count === 0 ? "Every scenario is already priced with the current catalog." : `Re-priced ${count} ${count === 1 ? "scenario" : "scenarios"} on the current catalog.` };
}
