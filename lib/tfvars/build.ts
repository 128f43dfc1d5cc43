/**
 * A scenario's stored plan as Terraform variables: `buildTfvars` cuts the plan at a point
 * (point.ts, cut.ts) and shapes it into the variables `terraform/modules/capacity` declares —
 * node groups in the provider's resource shape, Kafka brokers with their volumes, workload
 * settings, storage lifecycle, DR and tags — each value with its provenance. Pure: the caller
 * passes the generation time.
 */
import type { Provider } from "@/lib/catalog/schema";
import { applyOverrides } from "@/lib/model/project";
import type { ScenarioSpec, WorkloadSpec } from "@/lib/model/types";
import type { ComputedPlan, PlanInstanceType } from "@/lib/planning/compute-plan";

import { cutPlan, type UnsizedStage } from "./cut";
import { disasterRecovery, kafkaBrokers, kafkaTopics, storageLifecycle } from "./data-tier";
import { NODE_GROUPS_VARIABLE, nodeGroupsFor } from "./node-groups";
import { resolvePoint, type PointRequest, type ResolvedPoint } from "./point";
import { list, num, obj, str, type TfValue, type TfvarsDocument } from "./values";
import { mixedInstancesPolicies, workerGroups } from "./worker-groups";
import { autoscaling, batchJobs, streamJobs } from "./workload-settings";

export type TfvarsInputs = {
  scenario: { id: string; name: string; version: number; team: string; workloadVersion: number };
  workload: WorkloadSpec;
  spec: ScenarioSpec;
  computed: ComputedPlan;
  /** The stored plan's key: the priced catalog and model versions it was computed with. */
  key: { pricedCatalogVersion: string; modelVersion: string };
  /** The catalog's instance types (spot groups on AWS list same-size alternatives from it). */
  instanceTypes: readonly PlanInstanceType[];
  point: PointRequest;
  generatedAt: Date;
};

/** Node counts of one stage at the point, as the file states them (for previews and tests). */
export type StageNodes = { stageName: string; month: string; nodes: number; onDemandNodes: number; spotNodes: number };

export type TfvarsResult =
  | { ok: true; document: TfvarsDocument; provider: Provider; region: string; point: ResolvedPoint; stages: StageNodes[]; unsized: UnsizedStage[] }
  | { ok: false; field: "month" | "from" | "to" | "plan"; message: string };

/**
 * Builds the variables file of a scenario's stored plan at a point.
 *
 * @returns the document with the node counts it states, or why there is none: a month outside the
 *   plan (the field that names it) or a plan that could not be priced / has no sized stage
 * @example buildTfvars({ …, point: { kind: "month", month: "2026-06" } }).ok //=> true
 */
export function buildTfvars(inputs: TfvarsInputs): TfvarsResult {
  const { computed, spec, scenario, key, generatedAt } = inputs;
  if (computed.kind !== "priced") return { ok: false, field: "plan", message: `The plan could not be priced, so there is nothing to export: ${computed.reason}` };
  const { plan, where } = computed;
  const point = resolvePoint(plan.months.map((month) => month.month), inputs.point, generatedAt);
  if ("field" in point) return { ok: false, ...point };
  const stages = applyOverrides(inputs.workload.stages, spec, []);
  const { cuts, unsized } = cutPlan(plan, stages, point);
  if (cuts.length === 0) return { ok: false, field: "plan", message: `No stage could be sized in ${point.label}: ${unsized.map((stage) => `${stage.stageName}: ${stage.reason}`).join("; ")}` };

  const generated = generatedAt.toISOString();
  const stamp = `scenario ${scenario.id} v${scenario.version} · catalog ${key.pricedCatalogVersion} · model ${key.modelVersion} · generated ${generated}`;
  const provider = where.provider;
  const groups = workerGroups(cuts, provider, spec, inputs.instanceTypes, stamp);
  const planVersion = `w${scenario.workloadVersion}.s${scenario.version}`;

  const variables: (readonly [string, TfValue])[] = [
    [
      "headroom",
      obj(
        [
          ["scenario_id", str(scenario.id)],
          ["scenario_name", str(scenario.name)],
          ["scenario_version", num(scenario.version)],
          ["workload_version", num(scenario.workloadVersion)],
          ["point", str(point.label)],
          ["from_month", str(plan.months[point.fromIndex]?.month ?? "")],
          ["to_month", str(plan.months[point.toIndex]?.month ?? "")],
          ["provider", str(provider)],
          ["region", str(where.region)],
          ["priced_catalog_version", str(key.pricedCatalogVersion)],
          ["model_version", str(key.modelVersion)],
          ["generated_at", str(generated)],
          ["unsized_stages", list(unsized.map((stage) => obj([["stage", str(stage.stageName)], ["reason", str(stage.reason)]])))],
        ],
        "Where these values come from (read-only; the module echoes it in its outputs).",
      ),
    ],
    [NODE_GROUPS_VARIABLE[provider], withNote(nodeGroupsFor(provider, groups), `Worker node groups at ${point.label}, one per stage and purchase option. ${stamp}`)],
    ...(provider === "aws" ? ([["aws_mixed_instances_policies", withNote(mixedInstancesPolicies(cuts, inputs.instanceTypes, stamp), "The same split bought from one Auto Scaling group (self-managed nodes).")]] as const) : []),
    ["kafka_brokers", withNote(kafkaBrokers(cuts, spec, stamp), `Kafka brokers (MSK or self-managed) at ${point.label}.`)],
    ["kafka_topics", withNote(kafkaTopics(cuts, spec), stamp)],
    ["stream_jobs", withNote(streamJobs(cuts), `Flink jobs (or consumer groups: task managers = replicas). ${stamp}`)],
    ["batch_jobs", withNote(batchJobs(cuts), `Spark jobs. ${stamp}`)],
    ["autoscaling", withNote(autoscaling(cuts), `HPA / KEDA settings from the queueing model. ${stamp}`)],
    ["storage_lifecycle", withNote(storageLifecycle(cuts, spec), `Days per storage tier (S3 lifecycle / GCS lifecycle / Azure management policy). ${stamp}`)],
    ["disaster_recovery", withNote(disasterRecovery(computed, cuts, spec, point), stamp, true)],
    [
      "tags",
      obj(
        [
          ["team", str(scenario.team)],
          ["headroom_scenario_id", str(scenario.id)],
          ["headroom_scenario_version", str(String(scenario.version))],
          ["headroom_plan_version", str(planVersion)],
        ],
        `Tags for every resource. ${stamp}`,
      ),
    ],
  ];

  const header = [
    `Headroom capacity plan: ${scenario.name}`,
    `Point: ${point.label} · ${provider} ${where.region}`,
    `Scenario ${scenario.id} version ${scenario.version} (workload version ${scenario.workloadVersion}) · priced catalog ${key.pricedCatalogVersion} · model ${key.modelVersion}`,
    `Generated ${generated}. Generated file: edit the scenario in Headroom, not this file.`,
    ...unsized.map((stage) => `Not exported: ${stage.stageName} could not be sized at this point (${stage.reason})`),
    ...cuts.filter((cut) => cut.unsizedMonths.length > 0).map((cut) => `Warning: ${cut.stage.name} could not be sized in ${cut.unsizedMonths.join(", ")}; its peak covers the other months.`),
  ];
  return {
    ok: true,
    document: { header, variables },
    provider,
    region: where.region,
    point,
    stages: cuts.map((cut) => ({ stageName: cut.stage.name, month: cut.month, nodes: cut.priced.nodes, ...cut.atPoint })),
    unsized,
  };
}

/** A value with a note added to (or, with `append`, after) its own. */
function withNote(value: TfValue, note: string, append = false): TfValue {
  return { ...value, note: append && value.note ? `${value.note}\n${note}` : note };
}
