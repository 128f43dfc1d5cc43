/**
 * A scenario's stored plan as Terraform variables: `buildTfvars` cuts the plan at a point
 * (point.ts, cut.ts) and shapes it into the variables `terraform/modules/capacity` declares —
 * node groups in the provider's resource shape, Kafka brokers with their volumes, workload
 * settings, storage lifecycle, DR and tags — each value with its provenance. Pure: the caller
 * passes the generation time.
 */
import type { Provider } from "@/lib/catalog/schema";
import { applyOverrides } from "@/lib/model/project";
import { ceilWithTolerance, formatNumber } from "@/lib/model/numeric";
import { haPolicy, nodesForFloor } from "@/lib/model/sizing";
import type { ScenarioSpec, StageSpec, WorkloadSpec } from "@/lib/model/types";
import type { ComputedPlan, PlanInstanceType } from "@/lib/planning/compute-plan";

import { cutPlan, type StageCut, type UnsizedStage } from "./cut";
import { NODE_GROUPS_VARIABLE, nodeGroupsFor, type NodeGroup } from "./node-groups";
import { resolvePoint, type PointRequest, type ResolvedPoint } from "./point";
import { list, num, obj, str, type TfValue, type TfvarsDocument } from "./values";

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

const MS_PER_DAY = 86_400_000;
const HOURS_PER_DAY = 24;
/**
 * Bytes of one I/O as SSD block volumes count throughput: EBS counts up to 256 KiB per I/O for
 * SSD volumes (https://docs.aws.amazon.com/ebs/latest/userguide/ebs-io-characteristics.html), so
 * sequential log writes of W MiB/s need W × 1024 ÷ 256 IOPS.
 */
const KIB_PER_IO = 256;
/** Spot allocation for diversified pools: AWS's recommended price-capacity-optimized (domain-anchors §4). */
const SPOT_ALLOCATION_STRATEGY = "price-capacity-optimized";
/** At most this many spot alternatives besides the planned type. */
const SPOT_ALTERNATIVES = 4;

function usd(value: number): string {
  return `$${formatNumber(Math.round(value * 100) / 100)}`;
}

/** The binding constraint's sentence of a cut, with the month it comes from. */
function why(cut: StageCut): string {
  return `${cut.month}: binding ${cut.sized.bindingConstraint} — ${cut.sized.reason}`;
}

/** Same vCPU and architecture, at least the memory, in the plan's region: the node count holds. */
function spotAlternatives(instance: PlanInstanceType, catalog: readonly PlanInstanceType[]): string[] {
  const spotPrice = (type: PlanInstanceType) => type.onDemandUsdPerHour * (1 - type.spotDiscountRatio);
  return catalog
    .filter((type) => type.provider === instance.provider && type.region === instance.region && type.arch === instance.arch && type.vcpu === instance.vcpu && type.memoryGib >= instance.memoryGib && type.name !== instance.name)
    .sort((a, b) => spotPrice(a) - spotPrice(b) || a.name.localeCompare(b.name))
    .slice(0, SPOT_ALTERNATIVES)
    .map((type) => type.name);
}

/** Worker stages' node groups: one per purchase option bought at the point. */
function workerGroups(cuts: readonly StageCut[], provider: Provider, spec: ScenarioSpec, catalog: readonly PlanInstanceType[], stamp: string): NodeGroup[] {
  return cuts.flatMap((cut): NodeGroup[] => {
    const { stage, sized, priced } = cut;
    if (stage.kind === "broker") return [];
    const role = stage.kind;
    const zones = haPolicy(stage, spec.zones, false).zones;
    const hasSpot = cut.atPoint.spotNodes > 0;
    const cost = `${usd(priced.computeUsdPerMonth)}/month compute for the stage in ${cut.month}`;
    const batchScaleToZero = role === "batch" && sized.activeHoursPerDay < HOURS_PER_DAY;
    const make = (capacity: "on-demand" | "spot", desired: number, lowest: number, extra: number): NodeGroup => ({
      key: capacity === "spot" && cut.atPoint.onDemandNodes > 0 ? `${stage.name}-spot` : stage.name,
      stageName: stage.name,
      role,
      capacity,
      instance: sized.instance,
      alternativeInstanceNames: capacity === "spot" && provider === "aws" ? spotAlternatives(sized.instance, catalog) : [],
      minNodes: batchScaleToZero ? 0 : lowest,
      desiredNodes: desired,
      maxNodes: desired + extra,
      zones,
      note: [`${stage.name} (${role}), ${capacity}: ${why(cut)}`, cost, stamp].join("\n"),
      minNote: batchScaleToZero
        ? `0: the batch runs ${formatNumber(sized.activeHoursPerDay)} h a day; the group scales to zero between runs`
        : `fewest ${capacity} nodes in the point's months (${lowest})`,
      desiredNote: `${capacity} nodes at ${cut.month}${capacity === "spot" && priced.spot ? ` incl. ${priced.spot.bufferNodes} interruption buffer` : ""}`,
      maxNote: extra > 0 ? `+${extra} for the P90 of the Monte Carlo (${cut.p90Nodes ?? ""} sized nodes)` : "no band above the likely case: max = desired",
    });
    const groups: NodeGroup[] = [];
    if (cut.atPoint.onDemandNodes > 0) groups.push(make("on-demand", cut.atPoint.onDemandNodes, cut.lowest.onDemandNodes, hasSpot ? 0 : cut.p90ExtraNodes));
    if (hasSpot) groups.push(make("spot", cut.atPoint.spotNodes, cut.lowest.spotNodes, cut.p90ExtraNodes));
    return groups;
  });
}

/** Per AWS stage with spot: the mixed-instances policy that buys the same split from one group. */
function mixedInstancesPolicies(cuts: readonly StageCut[], catalog: readonly PlanInstanceType[], stamp: string): TfValue {
  return obj(
    cuts
      .filter((cut) => cut.stage.kind !== "broker" && cut.atPoint.spotNodes > 0)
      .map((cut) => {
        const total = cut.atPoint.onDemandNodes + cut.atPoint.spotNodes;
        return [
          cut.stage.name,
          obj(
            [
              ["instance_types", list([cut.sized.instance.name, ...spotAlternatives(cut.sized.instance, catalog)].map((name) => str(name)))],
              ["min_size", num(cut.lowest.onDemandNodes + cut.lowest.spotNodes, "fewest nodes in the point's months")],
              ["desired_capacity", num(total, `${cut.month}: ${cut.atPoint.onDemandNodes} on-demand + ${cut.atPoint.spotNodes} spot`)],
              ["max_size", num(total + cut.p90ExtraNodes)],
              ["on_demand_base_capacity", num(cut.atPoint.onDemandNodes, "the model's on-demand base (onDemandBaseRatio) and the share above it kept on demand")],
              ["on_demand_percentage_above_base_capacity", num(0, "every node above the base is spot, as the plan buys it")],
              ["spot_allocation_strategy", str(SPOT_ALLOCATION_STRATEGY)],
            ],
            [`${cut.stage.name}: ${why(cut)}`, stamp].join("\n"),
          ),
        ] as const;
      }),
  );
}

function retentionDays(stage: StageSpec & { kind: "broker" }, spec: ScenarioSpec): number {
  return spec.storage.retentionDays ?? stage.retentionHours / HOURS_PER_DAY;
}

function kafkaBrokers(cuts: readonly StageCut[], spec: ScenarioSpec, stamp: string): TfValue {
  return obj(
    cuts.flatMap((cut) => {
      const { stage, sized } = cut;
      if (stage.kind !== "broker" || sized.stageKind !== "broker") return [];
      const writeMibPerSecPerBroker = sized.demand.networkInMibPerSec / sized.nodes;
      const throughput = ceilWithTolerance(writeMibPerSecPerBroker / stage.maxNetworkUtilizationRatio);
      return [
        [
          stage.name,
          obj(
            [
              ["broker_count", num(cut.priced.nodes, why(cut))],
              ["instance_type", str(sized.instance.name)],
              ["zone_count", num(haPolicy(stage, spec.zones, true).zones, "brokers spread evenly across zones (rack-aware replicas)")],
              [
                "volume",
                obj([
                  ["size_gib", num(stage.diskGibPerBroker, `disk per broker the model sized with; ${formatNumber(sized.demand.retainedGib)} GiB retained at ${formatNumber(stage.diskFillTargetRatio)} fill`)],
                  ["throughput_mibps", num(throughput, `replicated writes ${formatNumber(writeMibPerSecPerBroker)} MiB/s per broker at peak ÷ ${formatNumber(stage.maxNetworkUtilizationRatio)} headroom`)],
                  ["iops", num(ceilWithTolerance((throughput * 1024) / KIB_PER_IO), `throughput in ${KIB_PER_IO} KiB I/Os`)],
                ]),
              ],
            ],
            [`${stage.name} (broker): ${usd(cut.priced.computeUsdPerMonth)}/month compute + ${usd(cut.priced.storageUsdPerMonth)}/month storage in ${cut.month}`, stamp].join("\n"),
          ),
        ] as const,
      ];
    }),
  );
}

function kafkaTopics(cuts: readonly StageCut[], spec: ScenarioSpec): TfValue {
  return obj(
    cuts.flatMap((cut) => {
      const { stage, sized } = cut;
      if (stage.kind !== "broker" || sized.stageKind !== "broker") return [];
      const days = retentionDays(stage, spec);
      const tiered = spec.storage.warmAfterDays !== undefined && spec.storage.warmAfterDays < days;
      return [
        [
          stage.name,
          obj([
            ["partitions", num(sized.partitions, `${cut.month}: peak throughput ÷ per-partition limits (${formatNumber(stage.partitionWriteMibPerSec)} MiB/s write, ${formatNumber(stage.partitionReadMibPerSec)} MiB/s read)`)],
            ["replication_factor", num(stage.replicationFactor)],
            ["min_insync_replicas", num(Math.max(1, stage.replicationFactor - 1), "RF − 1: a write survives one replica down")],
            ["retention_ms", num(days * MS_PER_DAY, `${formatNumber(days)} days`)],
            ["local_retention_ms", num(tiered ? (spec.storage.warmAfterDays ?? 0) * MS_PER_DAY : -2, tiered ? "hot days on broker disks, then tiered storage (KIP-405)" : "-2: local retention follows retention_ms (no tiering)")],
          ]),
        ] as const,
      ];
    }),
  );
}

function streamJobs(cuts: readonly StageCut[]): TfValue {
  return obj(
    cuts.flatMap((cut) => {
      const { stage, sized } = cut;
      if (stage.kind !== "stream" || sized.stageKind !== "stream") return [];
      return [
        [
          stage.name,
          obj([
            ["parallelism", num(sized.servers, `${sized.workers} task managers × ${stage.workerCores} slots; ${why(cut)}`)],
            ["taskmanager_count", num(sized.workers)],
            ["taskmanager_slots", num(stage.workerCores)],
            ["taskmanager_memory_gib", num(stage.workerMemoryGib)],
            ["source_partitions", num(sized.partitions, "at least the parallelism, so every slot reads")],
          ]),
        ] as const,
      ];
    }),
  );
}

function batchJobs(cuts: readonly StageCut[]): TfValue {
  return obj(
    cuts.flatMap((cut) => {
      const { stage, sized } = cut;
      if (stage.kind !== "batch" || sized.stageKind !== "batch") return [];
      return [
        [
          stage.name,
          obj([
            ["executor_count", num(sized.workers, `${why(cut)}; runs ${formatNumber(sized.runtimeHoursPerRun)} h of a ${formatNumber(sized.effectiveWindowHours)} h window`)],
            ["executor_cores", num(stage.workerCores)],
            ["executor_memory_gib", num(stage.workerMemoryGib)],
            ["runs_per_day", num(stage.runsPerDay)],
            ["completion_window_hours", num(stage.completionWindowHours)],
          ]),
        ] as const,
      ];
    }),
  );
}

/**
 * HPA / KEDA settings of stream stages: target CPU = the stage's utilization ceiling (the ρ the
 * queueing model sized to), replicas between the point's fewest and peak workers (+ the P90), and
 * a KEDA lag threshold = the events one replica processes at its share of the peak within the
 * latency SLO (more lag per replica than that and events wait past the SLO).
 */
function autoscaling(cuts: readonly StageCut[]): TfValue {
  return obj(
    cuts.flatMap((cut) => {
      const { stage, sized } = cut;
      if (stage.kind !== "stream" || sized.stageKind !== "stream") return [];
      const lowestNodes = cut.lowest.onDemandNodes + cut.lowest.spotNodes;
      const minReplicas = Math.max(1, Math.min(sized.workers, lowestNodes * sized.workersPerNode));
      const lag = ceilWithTolerance((sized.demand.peakEventsPerSec / sized.workers) * (stage.latencySloMs / 1000));
      return [
        [
          stage.name,
          obj([
            ["min_replicas", num(minReplicas, "workers the fewest nodes of the point's months host")],
            ["max_replicas", num(sized.workers + cut.p90ExtraNodes * sized.workersPerNode, cut.p90ExtraNodes > 0 ? "peak workers + the P90 nodes' workers" : "peak workers")],
            ["target_cpu_utilization_percent", num(Math.round(stage.maxUtilizationRatio * 100), "the utilization ceiling the queueing model sized to")],
            ["keda_lag_threshold", num(Math.max(1, lag), `${formatNumber(sized.demand.peakEventsPerSec / sized.workers)} events/s per replica at peak × ${formatNumber(stage.latencySloMs)} ms SLO`)],
          ]),
        ] as const,
      ];
    }),
  );
}

function storageLifecycle(cuts: readonly StageCut[], spec: ScenarioSpec): TfValue {
  return obj(
    cuts.flatMap((cut) => {
      const { stage } = cut;
      if (stage.kind !== "broker") return [];
      // The tier boundaries of lib/model/storage.ts stageStorage.
      const days = retentionDays(stage, spec);
      const warmFrom = Math.min(days, spec.storage.warmAfterDays ?? Infinity);
      const coldFrom = Math.min(days, Math.max(warmFrom, spec.storage.coldAfterDays ?? Infinity));
      return [
        [
          stage.name,
          obj(
            [
              ["retention_days", num(days)],
              ["hot_days", num(warmFrom, "on broker disks (block storage)")],
              ["warm_days", num(coldFrom - warmFrom, "object storage, infrequent access")],
              ["cold_days", num(days - coldFrom, "object storage, cold")],
            ],
            `${usd(cut.priced.storageUsdPerMonth)}/month storage in ${cut.month}`,
          ),
        ] as const,
      ];
    }),
  );
}

/** The chosen DR strategy with its RTO/RPO, backup schedule and the standby's nodes per stage. */
function disasterRecovery(computed: ComputedPlan & { kind: "priced" }, cuts: readonly StageCut[], spec: ScenarioSpec, point: ResolvedPoint): TfValue {
  const { plan } = computed;
  const strategy = plan.drStrategy;
  const option = plan.dr?.options.find((candidate) => candidate.strategy === strategy);
  const standby = (cut: StageCut): number => {
    const pilot = cut.stage.kind === "broker" ? nodesForFloor(cut.stage.replicationFactor, haPolicy(cut.stage, spec.zones, true)) : 0;
    switch (strategy) {
      case "pilot-light":
        return pilot;
      case "warm-standby":
        return Math.max(pilot, Math.ceil(spec.dr.standbyCapacityRatio * cut.sized.nodes));
      case "active-active":
        return cut.sized.nodes;
      default:
        return 0;
    }
  };
  const standbyStages = cuts.map((cut) => [cut.stage.name, num(standby(cut))] as const).filter(([, nodes]) => nodes.kind === "number" && nodes.value > 0);
  const note =
    strategy === null
      ? plan.dr === null
        ? "no DR strategy chosen"
        : `none chosen: ${plan.dr.recommendation.reason}`
      : `${strategy}: ${option?.explanation ?? ""}${option ? ` ${usd(option.usdPerMonth[point.toIndex] ?? 0)}/month at ${computed.plan.months[point.toIndex]?.month ?? ""}` : ""}`;
  return obj(
    [
      ["strategy", str(strategy ?? "none")],
      ...(option ? ([["rto_minutes", num(option.rtoMinutes)], ["rpo_minutes", num(option.rpoMinutes)]] as const) : []),
      ["backup_interval_hours", num(spec.dr.backupIntervalHours, strategy === "backup-restore" ? "the RPO of backup & restore" : undefined)],
      ["backup_retention_days", num(spec.dr.backupRetentionDays)],
      ["standby_nodes", obj(standbyStages, "nodes kept running in the DR region, per stage")],
    ],
    note,
  );
}

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
