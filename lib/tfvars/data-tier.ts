/**
 * The data tier of an export: Kafka brokers with their volumes, topic settings, storage lifecycle
 * days per tier (the boundaries of lib/model/storage.ts) and disaster recovery.
 */
import { ceilWithTolerance, formatNumber } from "@/lib/model/numeric";
import { haPolicy, nodesForFloor } from "@/lib/model/sizing";
import type { ScenarioSpec, StageSpec } from "@/lib/model/types";
import type { ComputedPlan } from "@/lib/planning/compute-plan";

import type { StageCut } from "./cut";
import type { ResolvedPoint } from "./point";
import { HOURS_PER_DAY, usd, why } from "./provenance";
import { num, obj, str, type TfValue } from "./values";

const MS_PER_DAY = 86_400_000;
/**
 * Bytes of one I/O as SSD block volumes count throughput: EBS counts up to 256 KiB per I/O for
 * SSD volumes (https://docs.aws.amazon.com/ebs/latest/userguide/ebs-io-characteristics.html), so
 * sequential log writes of W MiB/s need W × 1024 ÷ 256 IOPS.
 */
const KIB_PER_IO = 256;

function retentionDays(stage: StageSpec & { kind: "broker" }, spec: ScenarioSpec): number {
  return spec.storage.retentionDays ?? stage.retentionHours / HOURS_PER_DAY;
}

/**
 * Brokers per broker stage with each broker's disk as the plan sized and priced it
 * (lib/model/storage.ts `brokerDisk`, `brokerDiskUsdPerMonth`): a network volume of the stage's
 * disk size or the instance's local storage, provisioned for the broker's peak writes:
 *
 *   throughput MiB/s = ⌈disk.writeMibPerSec⌉   (its share of ingress × RF, compressed)
 *   IOPS             = ⌈throughput × 1024 ÷ 256⌉   (sequential log writes in 256 KiB I/Os)
 *
 * Both are floors: a volume type that includes more (gp3: 3,000 IOPS and 125 MiB/s) needs no more.
 */
export function kafkaBrokers(cuts: readonly StageCut[], spec: ScenarioSpec, stamp: string): TfValue {
  return obj(
    cuts.flatMap((cut) => {
      const { stage, sized } = cut;
      if (stage.kind !== "broker" || sized.stageKind !== "broker") return [];
      const { disk } = sized;
      const throughput = Math.max(1, ceilWithTolerance(disk.writeMibPerSec));
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
                  ["kind", str(disk.kind, disk.kind === "local" ? "the instance's own NVMe/SSD storage (paid in the instance price)" : "a network block volume, billed as provisioned")],
                  ["size_gib", num(disk.sizeGib, `disk per broker the model sized with; ${formatNumber(sized.demand.retainedGib)} GiB retained at ${formatNumber(stage.diskFillTargetRatio)} fill`)],
                  ["throughput_mibps", num(throughput, `peak writes of one broker: ${formatNumber(disk.writeMibPerSec)} MiB/s (ingress × RF ÷ compression ÷ brokers)`)],
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

export function kafkaTopics(cuts: readonly StageCut[], spec: ScenarioSpec): TfValue {
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

export function storageLifecycle(cuts: readonly StageCut[], spec: ScenarioSpec): TfValue {
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
export function disasterRecovery(computed: ComputedPlan & { kind: "priced" }, cuts: readonly StageCut[], spec: ScenarioSpec, point: ResolvedPoint): TfValue {
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
      ["backup_mode", str(spec.dr.backupMode, spec.dr.backupMode === "continuous" ? `an object-store sink flushing every ${spec.dr.backupFlushMinutes} min` : "a full copy every interval")],
      ["backup_interval_hours", num(spec.dr.backupIntervalHours, strategy === "backup-restore" && spec.dr.backupMode === "periodic-full" ? "the RPO of backup & restore" : undefined)],
      ["backup_retention_days", num(spec.dr.backupRetentionDays)],
      ["standby_nodes", obj(standbyStages, "nodes kept running in the DR region, per stage")],
    ],
    note,
  );
}
