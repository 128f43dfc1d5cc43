/**
 * A whole comparison from stored plans: the KPI table, the inputs that differ and the chart rows,
 * built once per request from 2–4 plans. Pure.
 */
import type { ScenarioSpec } from "@/lib/model/types";

import { diffScenarioInputs, type InputTopic } from "./inputs-diff";
import { compareKpis, type CompareEntry, type KpiRow } from "./kpis";
import { compareComponentRows, compareMonthRows, compareNodeRows, type CompareComponentRow, type CompareMonthRow, type CompareNodeSeries } from "./series";

export type ComparedScenario = CompareEntry & { spec: ScenarioSpec; ofRecord: boolean; bandsPending: boolean };

export type Comparison = {
  scenarios: ComparedScenario[];
  kpis: KpiRow[];
  inputs: InputTopic[];
  months: CompareMonthRow[];
  components: CompareComponentRow[];
  nodes: CompareNodeSeries;
};

/** @param scenarios - the compared scenarios with their stored plans, baseline first */
export function buildComparison(scenarios: readonly ComparedScenario[]): Comparison {
  const plans = scenarios.map((scenario) => scenario.computed);
  return {
    scenarios: [...scenarios],
    kpis: compareKpis(scenarios),
    inputs: diffScenarioInputs(scenarios),
    months: compareMonthRows(plans),
    components: compareComponentRows(plans),
    nodes: compareNodeRows(plans),
  };
}
