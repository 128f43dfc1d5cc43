/**
 * What the box a stage runs on can move: network and block-storage bandwidth ceilings and local
 * disks of an instance type (catalog fields `networkGbps`, `blockBandwidthMibPerSec`, `localDisk`;
 * docs/catalog.md "Per-type hardware facts"), turned into the node counts they force.
 *
 * Broker, per broker (one per node), with P = peak ingress MiB/s, RF the replication factor:
 *
 *   disk writes MiB/s  = P × RF (every replica is written to some broker's disk)  → ÷ (block MiB/s × max network ratio)
 *   disk GiB per broker = local disks: count × size; else the stage's network volume (diskGibPerBroker)
 *   one partition replica = retained GiB ÷ partition replicas ≤ one local disk × fill target (a replica
 *                           lives in one log directory, i.e. one disk; JBOD does not stripe)
 *
 * A network volume's write ceiling is the instance's sustained block bandwidth (EBS baseline,
 * Azure uncached throughput); local NVMe has no such ceiling in the catalog and is taken as not
 * binding [assumption: instance-store NVMe sustains GB/s, well above these types' NICs].
 *
 * Choosing between a local-disk type and a network-volume type compares node cost plus the
 * volumes' cost: brokers × provisioned GiB per broker × block USD per GiB-month ÷ 730 hours on
 * network-volume types (a volume is billed for its provisioned size, fill headroom included), none
 * on local-disk types (the disks come with the instance).
 *
 * Stream task nodes read their input from the brokers: nodes ≥ P ÷ (baseline NIC MiB/s × 0.7).
 *
 * Sources: SCM `models/org/netflix/kafka.py` (write × RF to disk; 40 % network headroom ≈ 0.7);
 * AWS "Amazon EBS–optimized instance types" (baseline vs burst); Kafka `log.dirs` (one directory
 * per partition replica).
 */
import { count, formatNumber } from './numeric';
import { describeHa, type HaPolicy, nodesForDemand, type WorkerGroupSizing } from './sizing';
import type { BrokerStageSpec, CatalogInstanceType, ConstraintRequirement } from './types';

/** Gbps → MiB/s: 10^9 bits ÷ 8 bits per byte ÷ 2^20 bytes per MiB. */
export const MIB_PER_SEC_PER_GBPS = 1e9 / 8 / 1_048_576;
/** Hours in the model's billing month (cost.ts). */
const HOURS_PER_MONTH = 730;
/**
 * Share of a stream node's baseline NIC its input may use: SCM's 40 % network headroom (1 ÷ 1.4),
 * the broker stage's default `maxNetworkUtilizationRatio`.
 */
export const STREAM_MAX_NETWORK_UTILIZATION_RATIO = 0.7;

/** The disk a broker has on an instance type. */
export interface BrokerDisk {
  /** Capacity for retained data per broker, GiB. */
  gibPerBroker: number;
  /** True when the data sits on the instance's local disks (no network volume). */
  local: boolean;
  /** Usable disk-write throughput per broker, MiB/s; Infinity when the catalog gives no ceiling. */
  writeMibPerSec: number;
  /** One local disk, GiB (the largest a partition replica can grow to); Infinity for a network volume. */
  largestReplicaGib: number;
}

/**
 * @example brokerDiskOn(stage, { localDisk: { count: 2, sizeGib: 6984.9, nvme: true }, … }).gibPerBroker //=> 13969.8
 */
export function brokerDiskOn(
  stage: Pick<BrokerStageSpec, 'diskGibPerBroker' | 'maxNetworkUtilizationRatio'>,
  instance: Pick<CatalogInstanceType, 'localDisk' | 'blockBandwidthMibPerSec'>,
): BrokerDisk {
  if (instance.localDisk !== undefined) {
    return { gibPerBroker: instance.localDisk.count * instance.localDisk.sizeGib, local: true, writeMibPerSec: Infinity, largestReplicaGib: instance.localDisk.sizeGib };
  }
  const writeMibPerSec = instance.blockBandwidthMibPerSec === undefined ? Infinity : instance.blockBandwidthMibPerSec * stage.maxNetworkUtilizationRatio;
  return { gibPerBroker: stage.diskGibPerBroker, local: false, writeMibPerSec, largestReplicaGib: Infinity };
}

/**
 * Why a local-disk type cannot hold this broker's data, or undefined when it can: one partition
 * replica's share of the retained data must fit one local disk at the fill target.
 */
export function localDiskMisfit(
  stage: Pick<BrokerStageSpec, 'diskFillTargetRatio'>,
  instanceId: string,
  disk: BrokerDisk,
  retainedGib: number,
  partitionReplicas: number,
): string | undefined {
  const replicaGib = retainedGib / partitionReplicas;
  if (!disk.local || replicaGib <= disk.largestReplicaGib * stage.diskFillTargetRatio) return undefined;
  return (
    `${instanceId}'s local disks (${Math.round(disk.largestReplicaGib)} GiB each) cannot hold one partition replica ` +
    `(${Math.round(replicaGib)} GiB retained across the replicas ÷ ${partitionReplicas} replicas) at the ` +
    `${stage.diskFillTargetRatio} fill target: add partitions or shorten retention`
  );
}

/** Brokers the disk-write throughput needs (fractional; 0 when there is no ceiling). */
export function diskWriteBrokers(writeMibPerSec: number, disk: BrokerDisk): number {
  return Number.isFinite(disk.writeMibPerSec) ? writeMibPerSec / disk.writeMibPerSec : 0;
}

/**
 * The network volumes' cost per hour that a local-disk type avoids, for comparing instance types:
 * brokers × GiB per broker × block USD/GiB-month ÷ 730 h on network volumes, 0 on local disks.
 * @example brokerVolumeUsdPerHour({ local: false, gibPerBroker: 8000, … }, 21, 0.08) //=> 18.4109… (21 × 8000 × 0.08 ÷ 730)
 */
export function brokerVolumeUsdPerHour(disk: BrokerDisk, brokers: number, blockUsdPerGibMonth: number | undefined): number {
  return disk.local || blockUsdPerGibMonth === undefined ? 0 : (brokers * disk.gibPerBroker * blockUsdPerGibMonth) / HOURS_PER_MONTH;
}

/** Nodes a stream stage's input needs on one instance type's baseline NIC (fractional). */
export function streamNetworkNodes(peakInputMibPerSec: number, instance: Pick<CatalogInstanceType, 'networkGbps'>): number {
  return peakInputMibPerSec / (instance.networkGbps * MIB_PER_SEC_PER_GBPS * STREAM_MAX_NETWORK_UTILIZATION_RATIO);
}

/** A stream stage's node count on `instance` with the input-network floor (`groupNodes` from the worker group). */
export function streamNodesWithNetwork(groupNodes: number | string, peakInputMibPerSec: number, instance: CatalogInstanceType, ha: HaPolicy): number | string {
  if (typeof groupNodes === 'string') return groupNodes;
  const demandNodes = streamNetworkNodes(peakInputMibPerSec, instance);
  // Fast path: ⌈demand⌉ + spare ≤ the group's count, and the zone rules leave that count as it is.
  if (demandNodes + ha.spareNodes + 1 <= groupNodes) return groupNodes;
  return Math.max(groupNodes, nodesForDemand(demandNodes, ha));
}

/**
 * The explained sizing of a stream node group with the input-network requirement added; when the
 * NIC needs more nodes than the workers do, it becomes binding and the node count rises.
 */
export function addStreamNetworkLimit(sizing: WorkerGroupSizing, peakInputMibPerSec: number, instance: CatalogInstanceType, ha: HaPolicy): WorkerGroupSizing {
  const demandNodes = streamNetworkNodes(peakInputMibPerSec, instance);
  const usableMibPerSec = instance.networkGbps * MIB_PER_SEC_PER_GBPS * STREAM_MAX_NETWORK_UTILIZATION_RATIO;
  const detail = `${formatNumber(peakInputMibPerSec)} MiB/s peak input at ${formatNumber(usableMibPerSec)} MiB/s usable per ${instance.name} NIC → ${count(demandNodes, 'node')}`;
  const network: ConstraintRequirement = { constraint: 'stream-network', nodes: nodesForDemand(demandNodes, ha), detail };
  const constraints = [...sizing.constraints, network];
  if (network.nodes <= sizing.nodes) return { ...sizing, constraints };
  const spread = sizing.nodes / network.nodes;
  return {
    ...sizing,
    nodes: network.nodes,
    bindingConstraint: 'stream-network',
    constraints,
    reason: `${detail}${describeHa(ha)} = ${count(network.nodes, 'node')} (the workers alone need ${count(sizing.nodes, 'node')}).`,
    nodeCpuAllocationRatio: sizing.nodeCpuAllocationRatio * spread,
    nodeMemoryAllocationRatio: sizing.nodeMemoryAllocationRatio * spread,
  };
}
