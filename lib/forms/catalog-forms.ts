/**
 * The FinOps forms of the Catalog page: one schema per entity, shared by the forms (field names)
 * and the server actions (validation). Messages say what to type. Who made a change is the
 * signed-in user (lib/services/with-ready-db.ts), never a form field.
 */
import { z } from "zod";

import { CatalogVersionSchema, ProviderSchema } from "@/lib/catalog/schema";
import { hasNoNulCharacter } from "@/lib/model/schemas";

import { parseDecimal } from "./form-values";
import { MAX_CATALOG_CSV_BYTES } from "./upload-limits";

/** A decimal typed into a form: empty is "missing", not zero; other text (`0x10`) says it is not a number. */
function numberField(message: string) {
  return z.preprocess(
    (value) => (typeof value === "string" ? (value.trim() === "" ? undefined : (parseDecimal(value) ?? Number.NaN)) : value),
    z.number({ error: message }).finite(message),
  );
}

const ReasonSchema = z.string({ error: "Say why, e.g. the contract or quote." }).trim().min(1, "Say why, e.g. the contract or quote.").max(500, "Keep the reason under 500 characters.").refine(hasNoNulCharacter, "The reason must not contain NUL characters.");
const ExpectedRevisionSchema = z.coerce.number().int().min(0);

/** A negotiated discount off a provider's on-demand list prices, typed as a percentage. */
export const ProviderDiscountSchema = z
  .object({
    provider: ProviderSchema,
    discountPercent: numberField("Enter the discount as a percentage, e.g. 12.")
      .pipe(z.number().min(0, "A discount cannot be negative.").lt(100, "A discount must be below 100 %.")),
    reason: ReasonSchema,
    expectedRevision: ExpectedRevisionSchema,
  })
  // Percentages are for display only (house style): the data layer takes the 0..1 ratio.
  .transform(({ discountPercent, ...rest }) => ({ ...rest, discountRatio: discountPercent / 100 }));
export type ProviderDiscountInput = z.input<typeof ProviderDiscountSchema>;

/** A negotiated net price for one item: instance USD/hour, storage USD/GiB-month or transfer USD/GiB. */
export const ItemPriceOverrideSchema = z.object({
  itemId: z.string().trim().min(1, "Choose an item from the catalog, e.g. aws:us-east-1:m7i.xlarge."),
  priceUsd: numberField("Enter the price in USD, e.g. 0.15.").pipe(z.number().positive("A price must be above zero.").max(1_000_000, "That price is implausibly high.")),
  reason: ReasonSchema,
  expectedRevision: ExpectedRevisionSchema,
});

/** Restoring the list price for one override key. */
export const ResetOverrideSchema = z.object({
  key: z.string().trim().min(1),
  reason: z.string().trim().max(500).transform((reason) => reason || "Reset to the list price."),
  expectedRevision: ExpectedRevisionSchema,
});

/** A CSV upload that becomes a new catalog version. */
export const CatalogImportSchema = z.object({
  file: z
    .instanceof(File, { error: "Choose a CSV file." })
    .refine((file) => file.size > 0, "Choose a CSV file: this one is empty.")
    .refine((file) => file.size <= MAX_CATALOG_CSV_BYTES, "The file is larger than 2.5 MB; drop unused rows.")
    .refine((file) => /\.csv$/i.test(file.name), "Choose a .csv file (export one to see the columns)."),
  /** The "Replace the catalog anyway" checkbox: a drastic shrink is imported only when ticked. */
  confirmShrink: z
    .literal("on", { error: "Replace the catalog anyway is a checkbox." })
    .optional()
    .transform((value) => value === "on"),
});

/** Rolling the catalog back to an earlier version (written again as the newest). */
export const CatalogRestoreSchema = z.object({
  version: CatalogVersionSchema,
});
