/**
 * The two files a scenario's variables download as: `<scenario-slug>.auto.tfvars` (HCL, with
 * provenance comments) and `<scenario-slug>.auto.tfvars.json` (the same values, no comments).
 * Terraform loads both suffixes automatically from the working directory.
 */
import { z } from "zod";

import { fileSlug } from "@/lib/export/file-slug";
import { ProviderSchema } from "@/lib/model/schemas";

import { PointQuerySchema } from "./point";
import { renderHcl, renderJson, type TfvarsDocument } from "./values";

export const TFVARS_FORMATS = ["hcl", "json"] as const;
export const TfvarsFormatSchema = z.enum(TFVARS_FORMATS, { error: 'Format must be "hcl" or "json".' });
export type TfvarsFormat = z.infer<typeof TfvarsFormatSchema>;

/**
 * The query of `GET /api/v1/scenarios/{id}/tfvars`: `format` (default hcl), `provider` (default:
 * the plan's), and `month` or `from` + `to` (default: the peak of the next 12 months).
 */
export const TfvarsQuerySchema = z
  .object({ format: TfvarsFormatSchema.default("hcl"), provider: ProviderSchema.optional() })
  .and(PointQuerySchema.transform((point) => ({ point })));

/** @example tfvarsFileName("Steady 4 % monthly growth", "json") //=> "steady-4-monthly-growth.auto.tfvars.json" */
export function tfvarsFileName(scenarioName: string, format: TfvarsFormat): string {
  return `${fileSlug(scenarioName, "scenario")}.auto.tfvars${format === "json" ? ".json" : ""}`;
}

export function renderTfvars(document: TfvarsDocument, format: TfvarsFormat): string {
  return format === "json" ? renderJson(document) : renderHcl(document);
}

export const TFVARS_CONTENT_TYPES: Record<TfvarsFormat, string> = {
  hcl: "text/plain; charset=utf-8",
  json: "application/json; charset=utf-8",
};
