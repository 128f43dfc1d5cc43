/**
 * The figures of a what-if preview: the saved plan and the what-if's plan side by side, the saved
 * plan as the baseline so every what-if figure carries its delta against what is stored. The same
 * KPI rows and chart rows as a comparison (kpis.ts, series.ts), so a preview and a comparison of
 * the saved scenarios print the same numbers. Pure.
 */
import type { ComputedPlan } from "@/lib/planning/compute-plan";

import { compareKpis, type KpiRow } from "./kpis";
import { compareComponentRows, compareMonthRows, compareNodeRows, type CompareComponentRow, type CompareMonthRow, type CompareNodeSeries } from "./series";

/** Column names, saved first: what the KPI table's headers and the charts' legends say. */
export const WHAT_IF_COLUMNS = ["Saved plan", "What-if"] as const;

export type WhatIfFigures = {
  /** One per column shown: the saved plan alone (no what-if yet), or saved and what-if. */
  names: string[];
  kpis: KpiRow[];
  months: CompareMonthRow[];
  components: CompareComponentRow[];
  nodes: CompareNodeSeries;
  /** Catalog versions each column is priced with (a what-if is priced as a save would be: with the current one). */
  catalogVersions: string[];
  /** The what-if could not be priced: why (its projection still gives nodes). */
  unpricedReason: string | null;
  /** The model's warnings about the what-if's inputs. */
  warnings: string[];
};

/**
 * @param saved - the scenario's stored plan
 * @param whatIf - the plan of the what-if, or null to show the saved plan alone
 * @example whatIfFigures(saved, preview).kpis[3].cells[1] //=> { value: 1.2e6, deltaAbs: 8.4e4, deltaRatio: 0.075, … } (horizon total vs saved)
 */
export function whatIfFigures(saved: ComputedPlan, whatIf: ComputedPlan | null): WhatIfFigures {
  const plans = whatIf ? [saved, whatIf] : [saved];
  const names = WHAT_IF_COLUMNS.slice(0, plans.length);
  const entries = plans.map((computed, index) => ({ scenarioId: names[index] ?? "", scenarioName: names[index] ?? "", workloadId: "", workloadName: "", computed }));
  const projection = whatIf ? (whatIf.kind === "priced" ? whatIf.plan.projection : whatIf.projection) : null;
  return {
    names,
    kpis: compareKpis(entries),
    months: compareMonthRows(plans),
    components: compareComponentRows(plans),
    nodes: compareNodeRows(plans),
    catalogVersions: plans.map((plan) => plan.catalogVersion),
    unpricedReason: whatIf?.kind === "unpriced" ? whatIf.reason : null,
    warnings: projection?.warnings ?? [],
  };
}
