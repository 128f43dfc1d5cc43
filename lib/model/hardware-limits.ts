/**
 * What the box a stage runs on can move: block-storage bandwidth, local disks and network of an
 * instance type (catalog fields `blockBandwidthMibPerSec`, `localDisk`, `networkGbps`;
 * docs/catalog.md "Per-type hardware facts"), turned into the node counts they force. Disk
 * capacity per broker and the provisioned-disk price are in storage.ts (`brokerDisk`,
 * `brokerDiskUsdPerMonth`); this module adds the ceilings.
 *
 * Broker, with P = peak ingress MiB/s and RF the replication factor:
 *
 *   disk writes MiB/s = P × RF (every replica is written to some broker's disk)
 *   brokers          ≥ P × RF ÷ (block MiB/s × max network ratio)          network volumes only
 *   one partition replica = retained GiB ÷ partition replicas ≤ one local disk × fill target
 *                           (a replica lives in one log directory, i.e. one disk; JBOD does not stripe)
 *
 * A network volume's write ceiling is the instance's sustained block bandwidth (EBS baseline,
 * Azure uncached throughput); none when the catalog gives none. Local NVMe has no such ceiling in
 * the catalog and is taken as not binding [assumption: instance-store NVMe sustains GB/s, well
 * above these types' NICs].
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
/**
 * Share of a stream node's baseline NIC its input may use: SCM's 40 % network headroom (1 ÷ 1.4),
 * the broker stage's default `maxNetworkUtilizationRatio`.
 */
export const STREAM_MAX_NETWORK_UTILIZATION_RATIO = 0.7;
const USABLE_STREAM_NIC_MIB_PER_SEC_PER_GBPS = MIB_PER_SEC_PER_GBPS * STREAM_MAX_NETWORK_UTILIZATION_RATIO;

/**
 * Usable disk-write MiB/s of one broker: block bandwidth × the stage's max network ratio on a
 * network volume; Infinity on local disks or when the catalog gives no block bandwidth.
 * @example diskWriteCeilingMibPerSec({ maxNetworkUtilizationRatio: 0.7 }, { blockBandwidthMibPerSec: 298.023 }) //=> 208.6161
 */
export function diskWriteCeilingMibPerSec(
  stage: Pick<BrokerStageSpec, 'maxNetworkUtilizationRatio'>,
  instance: Pick<CatalogInstanceType, 'localDisk' | 'blockBandwidthMibPerSec'>,
): number {
  if (instance.localDisk !== undefined || instance.blockBandwidthMibPerSec === undefined) return Infinity;
  return instance.blockBandwidthMibPerSec * stage.maxNetworkUtilizationRatio;
}

/** Brokers the disk writes need (fractional; 0 when there is no ceiling). */
export function diskWriteBrokers(writeMibPerSec: number, ceilingMibPerSec: number): number {
  return Number.isFinite(ceilingMibPerSec) ? writeMibPerSec / ceilingMibPerSec : 0;
}

/**
 * Why a local-disk type cannot hold this broker's data, or undefined when it can (or has no local
 * disks): one partition replica's share of the retained data must fit one local disk at the fill target.
 */
export function localDiskMisfit(
  stage: Pick<BrokerStageSpec, 'diskFillTargetRatio'>,
  instance: Pick<CatalogInstanceType, 'id' | 'localDisk'>,
  retainedGib: number,
  partitionReplicas: number,
): string | undefined {
  const disk = instance.localDisk;
  const replicaGib = retainedGib / partitionReplicas;
  if (disk === undefined || replicaGib <= disk.sizeGib * stage.diskFillTargetRatio) return undefined;
  return (
    `${instance.id}'s local disks (${Math.round(disk.sizeGib)} GiB each) cannot hold one partition replica ` +
    `(${Math.round(replicaGib)} GiB retained across the replicas ÷ ${partitionReplicas} replicas) at the ` +
    `${stage.diskFillTargetRatio} fill target: add partitions or shorten retention`
  );
}

/** Nodes a stream stage's input needs on one instance type's baseline NIC (fractional). */
export function streamNetworkNodes(peakInputMibPerSec: number, instance: Pick<CatalogInstanceType, 'networkGbps'>): number {
  return peakInputMibPerSec / (instance.networkGbps * MIB_PER_SEC_PER_GBPS * STREAM_MAX_NETWORK_UTILIZATION_RATIO);
}
/** A stream stage's node count on `instance` with the input-network floor (`groupNodes` from the worker group). */
export function streamNodesWithNetwork(groupNodes: number | string, peakInputMibPerSec: number, instance: CatalogInstanceType, ha: HaPolicy): number | string {
  if (typeof groupNodes === 'string') return groupNodes;
  // Inline arithmetic (hot path: every candidate × month × Monte Carlo sample). Fast path when
  // ⌈demand⌉ + spare ≤ the group's count, which the zone rules then leave as it is.
  const demandNodes = peakInputMibPerSec / (instance.networkGbps * USABLE_STREAM_NIC_MIB_PER_SEC_PER_GBPS);
  return demandNodes + ha.spareNodes + 1 <= groupNodes ? groupNodes : Math.max(groupNodes, nodesForDemand(demandNodes, ha));
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
