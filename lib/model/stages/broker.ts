/**
 * Kafka-style broker stage. One broker per node; the count is the largest of what each resource
 * needs, plus the HA rules (SCM `models/org/netflix/kafka.py`; Confluent and Conduktor capacity
 * guides; see docs/model.md):
 *
 *   broker MiB/s      = ingress MiB/s ÷ compression ratio (producer-compressed batches)
 *   retained GiB      = avg broker MiB/s × local retention s × RF ÷ 1024 → ÷ (disk × fill target)
 *   network in MiB/s  = peak broker MiB/s × RF                            → ÷ (NIC × max network ratio)
 *   network out MiB/s = peak ingress × (consumer groups + RF − 1)         → ÷ (NIC × max network ratio)
 *   CPU cores         = (peak × ms per MiB written + network out × ms per MiB read) ÷ 1000
 *                                                                         → ÷ (allocatable vCPU × max ratio)
 *   page cache GiB    = peak ingress × hot retention s ÷ 1024             → ÷ (allocatable memory − heap)
 *   partitions        = max(⌈peak ÷ write limit⌉, ⌈peak ÷ read limit⌉, consumer parallelism)
 *   replicas          = partitions × RF                                   → ÷ max replicas per broker
 *   brokers           = max(⌈each⌉ + spare, ⌈disk⌉, RF, zones), rounded up to an equal count per zone
 *
 * The N+1 spare is headroom for CPU, network and page cache while a broker is down; it is not
 * added for disk: a dead broker's replicas are not re-created on the spare (Kafka does not
 * re-replicate automatically), so the survivors' disks need no room for them.
 *
 * Disk uses average ingress (retention spans the daily cycle); network, CPU and page cache use the
 * peak. The NIC figure is the instance's sustained baseline, in and out counted separately
 * (full duplex). The disk per broker is the instance's local NVMe/SSD when it has one, else a
 * network volume of `diskGibPerBroker` (storage.ts `brokerDisk`, which pricing bills the same way).
 */
import { diskWriteBrokers, diskWriteCeilingMibPerSec, localDiskMisfit } from '../hardware-limits';
import { ceilWithTolerance, count, formatNumber } from '../numeric';
import { brokerDisk, type BrokerDiskPolicy } from '../storage';
import {
  allocatableResources,
  bindingRequirement,
  describeHa,
  haPolicy,
  memoizeByInstance,
  nodesForDemand,
  nodesForFloor,
  zoneSpreadRequirement,
  type Allocatable,
  type HaPolicy,
} from '../sizing';
import type { BrokerDisk, BrokerStageMonth, BrokerStageSpec, CatalogInstanceType, ConstraintRequirement } from '../types';
import { STREAMING_HOURS_PER_DAY, trafficAt, type MonthInputs, type StagePlan } from './plan';

/** Gbps → MiB/s: 10^9 bits ÷ 8 bits per byte ÷ 2^20 bytes per MiB. */
const MIB_PER_SEC_PER_GBPS = 1e9 / 8 / 1_048_576;
const SECONDS_PER_HOUR = 3600;
const SECONDS_PER_MINUTE = 60;
const MIB_PER_GIB = 1024;

/** What one broker on an instance type offers (month-independent). */
interface BrokerCapacity {
  allocatable: Allocatable;
  /** Usable NIC throughput per direction: baseline × max network utilization ratio. */
  nicMibPerSec: number;
  /** Allocatable memory minus the JVM heap. */
  pageCacheGib: number;
  /** Disk per broker: local storage, or the stage's network volume. */
  diskGib: number;
  /** Usable disk-write MiB/s per broker (hardware-limits.ts); Infinity when there is no ceiling. */
  diskWriteMibPerSec: number;
}

function brokerCapacity(stage: BrokerStageSpec, instance: CatalogInstanceType): BrokerCapacity | string {
  if (instance.vcpu < stage.minBrokerVcpu || instance.memoryGib < stage.minBrokerMemoryGib) {
    return `${instance.id} (${instance.vcpu} vCPU / ${instance.memoryGib} GiB) is below the broker minimum of ${stage.minBrokerVcpu} vCPU / ${stage.minBrokerMemoryGib} GiB`;
  }
  const allocatable = allocatableResources(instance, stage.nodeOverhead);
  const pageCacheGib = allocatable.memoryGib - stage.brokerHeapGib;
  if (allocatable.vcpu <= 0 || pageCacheGib <= 0) {
    return `${instance.id} leaves no CPU or page-cache memory after overhead and the ${stage.brokerHeapGib} GiB heap`;
  }
  return {
    allocatable,
    nicMibPerSec: instance.networkGbps * MIB_PER_SEC_PER_GBPS * stage.maxNetworkUtilizationRatio,
    pageCacheGib,
    diskGib: brokerDisk(stage, instance, 0).sizeGib,
    diskWriteMibPerSec: diskWriteCeilingMibPerSec(stage, instance),
  };
}

/**
 * The model of one broker stage over a projection: `planMonth` plans it at a demand multiplier,
 * given the largest parallelism among the stream stages that consume from it. Never infeasible by
 * itself: an instance type that is too small is rejected per type, and the projection reports
 * when none fits.
 * @param stage - parsed broker stage (overrides already applied)
 * @param zones - zones the scenario spans
 * @param disk - what the disks hold (storage.ts `brokerDiskPolicy`); default: uncompressed bytes
 *   of the stage's whole retention
 */
export function brokerStageModel(
  stage: BrokerStageSpec,
  zones: number,
  disk: BrokerDiskPolicy = { compressionRatio: 1, localRetentionHours: stage.retentionHours },
) {
  const capacityOn = memoizeByInstance((instance) => brokerCapacity(stage, instance));
  const ha = haPolicy(stage, zones, true);
  const planMonth = ({ demandMultiplier, consumerParallelism }: MonthInputs) =>
    planBrokerMonth(stage, disk, demandMultiplier, consumerParallelism, capacityOn, ha);
  // Already cheap arithmetic (explanations are built in `describe`): the lean count is the plan.
  return { planMonth, countMonth: planMonth };
}

/** The zone rules without the spare: what disk needs (module comment). */
function withoutSpare(ha: HaPolicy): HaPolicy {
  return { ...ha, spareNodes: 0 };
}

/** A month's instance-independent broker demand (module comment). */
interface BrokerDemand {
  networkInMibPerSec: number;
  networkOutMibPerSec: number;
  retainedGib: number;
  pageCacheGib: number;
  cpuCores: number;
  partitionReplicas: number;
  /** Brokers the partition-replica limit needs (fractional; instance-independent). */
  replicaBrokers: number;
}

/** Brokers each instance-dependent resource needs (fractional). */
function brokersFor(stage: BrokerStageSpec, demand: BrokerDemand, capacity: BrokerCapacity) {
  return {
    disk: demand.retainedGib / (capacity.diskGib * stage.diskFillTargetRatio),
    diskWrite: diskWriteBrokers(demand.networkInMibPerSec, capacity.diskWriteMibPerSec),
    networkIn: demand.networkInMibPerSec / capacity.nicMibPerSec,
    networkOut: demand.networkOutMibPerSec / capacity.nicMibPerSec,
    cpu: demand.cpuCores / (capacity.allocatable.vcpu * stage.maxUtilizationRatio),
    memory: demand.pageCacheGib / capacity.pageCacheGib,
  };
}

/** Every constraint's node count on one instance type, with its explanation. */
function brokerRequirements(stage: BrokerStageSpec, disk: BrokerDiskPolicy, ha: HaPolicy, demand: BrokerDemand, capacity: BrokerCapacity): ConstraintRequirement[] {
  const rf = stage.replicationFactor;
  const perResource = brokersFor(stage, demand, capacity);
  const mib = (x: number) => `${formatNumber(x)} MiB/s`;
  const nic = `${mib(capacity.nicMibPerSec)} usable per NIC`;
  const requirement = (constraint: ConstraintRequirement['constraint'], brokers: number, detail: string, policy: HaPolicy = ha): ConstraintRequirement => ({
    constraint,
    nodes: nodesForDemand(brokers, policy),
    detail: `${detail} → ${count(brokers, 'broker')}`,
  });
  return [
    requirement('broker-disk', perResource.disk, `${formatNumber(demand.retainedGib)} GiB retained (${formatNumber(disk.localRetentionHours)} h × RF ${rf}${disk.compressionRatio === 1 ? '' : `, compressed ${formatNumber(disk.compressionRatio)}:1`}) at ${formatNumber(stage.diskFillTargetRatio)} of ${formatNumber(capacity.diskGib)} GiB ${capacity.diskGib === stage.diskGibPerBroker ? '' : 'local disk '}per broker`, withoutSpare(ha)),
    ...(Number.isFinite(capacity.diskWriteMibPerSec)
      ? [requirement('broker-disk-throughput', perResource.diskWrite, `${mib(demand.networkInMibPerSec)} written to disk (peak × RF ${rf}) at ${mib(capacity.diskWriteMibPerSec)} usable block bandwidth per broker`)]
      : []),
    requirement('broker-network-in', perResource.networkIn, `${mib(demand.networkInMibPerSec)} in (peak × RF ${rf}) at ${nic}`),
    requirement('broker-network-out', perResource.networkOut, `${mib(demand.networkOutMibPerSec)} out (${stage.consumerGroups} consumer groups + ${rf - 1} replica fetches) at ${nic}`),
    requirement('broker-cpu', perResource.cpu, `${formatNumber(demand.cpuCores)} cores (${stage.cpuMsPerMibWritten} ms per MiB written, ${stage.cpuMsPerMib} per MiB read) at ${formatNumber(stage.maxUtilizationRatio)} of ${formatNumber(capacity.allocatable.vcpu)} allocatable vCPU`),
    requirement('broker-memory', perResource.memory, `${formatNumber(demand.pageCacheGib)} GiB page cache for ${formatNumber(stage.hotRetentionMinutes)} min of writes at ${formatNumber(capacity.pageCacheGib)} GiB per broker`),
    requirement('partition-replicas', demand.replicaBrokers, `${formatNumber(demand.partitionReplicas)} partition replicas at ≤ ${formatNumber(stage.maxPartitionReplicasPerBroker)} per broker`),
    { constraint: 'replication-factor', nodes: nodesForFloor(rf, ha), detail: `at least RF = ${count(rf, 'broker')}` },
    ...zoneSpreadRequirement(ha),
  ];
}

function planBrokerMonth(
  stage: BrokerStageSpec,
  disk: BrokerDiskPolicy,
  demandMultiplier: number,
  consumerParallelism: number,
  capacityOn: (instance: CatalogInstanceType) => BrokerCapacity | string,
  ha: HaPolicy,
): StagePlan {
  const traffic = trafficAt(stage, demandMultiplier);
  const rf = stage.replicationFactor;
  // What the brokers store and move: producer-compressed batches.
  const peakMibPerSec = traffic.peakMibPerSec / disk.compressionRatio;
  const avgMibPerSec = traffic.avgMibPerSec / disk.compressionRatio;
  const networkInMibPerSec = peakMibPerSec * rf;
  const networkOutMibPerSec = peakMibPerSec * (stage.consumerGroups + rf - 1);
  const retainedGib = (avgMibPerSec * disk.localRetentionHours * SECONDS_PER_HOUR * rf) / MIB_PER_GIB;
  const pageCacheGib = (peakMibPerSec * stage.hotRetentionMinutes * SECONDS_PER_MINUTE) / MIB_PER_GIB;
  // Producer writes once at the write cost; consumer and follower fetches at the read cost
  // (replication counted once, as the leader's read, not again as the follower's write).
  const cpuCores = (peakMibPerSec * stage.cpuMsPerMibWritten + networkOutMibPerSec * stage.cpuMsPerMib) / 1000;
  const partitions = Math.max(
    1,
    ceilWithTolerance(peakMibPerSec / stage.partitionWriteMibPerSec),
    ceilWithTolerance(peakMibPerSec / stage.partitionReadMibPerSec),
    consumerParallelism,
  );
  const partitionReplicas = partitions * rf;
  const replicaBrokers = partitionReplicas / stage.maxPartitionReplicasPerBroker;
  const floorNodes = Math.max(nodesForFloor(rf, ha), nodesForFloor(ha.zones, ha));
  const demand: BrokerDemand = { networkInMibPerSec, networkOutMibPerSec, retainedGib, pageCacheGib, cpuCores, partitionReplicas, replicaBrokers };

  return {
    activeHoursOn() {
      return STREAMING_HOURS_PER_DAY;
    },
    nodesOn(instance) {
      const capacity = capacityOn(instance);
      if (typeof capacity === 'string') return capacity;
      const misfit = instance.localDisk === undefined ? undefined : localDiskMisfit(stage, instance, retainedGib, partitionReplicas);
      if (misfit !== undefined) return misfit;
      const brokers = brokersFor(stage, demand, capacity);
      // Disk holds data: no spare for it (a dead broker's data is not re-replicated onto the spare).
      // Write bandwidth is throughput, like CPU and network: the spare absorbs a dead broker's share.
      const largestDemand = Math.max(replicaBrokers, brokers.diskWrite, brokers.networkIn, brokers.networkOut, brokers.cpu, brokers.memory);
      return Math.max(nodesForDemand(largestDemand, ha), nodesForDemand(brokers.disk, withoutSpare(ha)), floorNodes);
    },
    // One broker's disk when `nodes` brokers share the writes (ingress × RF). A method, not a
    // closure per month: this runs for every Monte Carlo sample and month.
    diskOn(instance: CatalogInstanceType, nodes: number): BrokerDisk {
      return brokerDisk(stage, instance, networkInMibPerSec / nodes);
    },
    describe<T extends CatalogInstanceType>(instance: T): BrokerStageMonth<T> {
      const capacity = capacityOn(instance);
      if (typeof capacity === 'string') throw new Error(`describe on an instance that does not fit: ${capacity}`);
      const constraints = brokerRequirements(stage, disk, ha, demand, capacity);
      const binding = bindingRequirement(constraints);
      const brokers = binding.nodes;
      const rawNicMibPerSec = capacity.nicMibPerSec / stage.maxNetworkUtilizationRatio;
      return {
        kind: 'sized',
        stageKind: 'broker',
        stageName: stage.name,
        demand: {
          avgEventsPerSec: traffic.avgEventsPerSec,
          peakEventsPerSec: traffic.peakEventsPerSec,
          peakIngressMibPerSec: traffic.peakMibPerSec,
          compressionRatio: disk.compressionRatio,
          networkInMibPerSec,
          networkOutMibPerSec,
          retainedGib,
          pageCacheGib,
          cpuCores,
        },
        workers: brokers,
        nodes: brokers,
        instance,
        workersPerNode: 1,
        nodeGroupOnDemandUsdPerHour: brokers * instance.onDemandUsdPerHour,
        // The busiest of NIC (in or out), CPU and disk.
        utilizationRatio: Math.max(
          Math.max(networkInMibPerSec, networkOutMibPerSec) / (brokers * rawNicMibPerSec),
          cpuCores / (brokers * capacity.allocatable.vcpu),
          retainedGib / (brokers * capacity.diskGib),
        ),
        nodeCpuAllocationRatio: cpuCores / (brokers * capacity.allocatable.vcpu),
        nodeMemoryAllocationRatio: (pageCacheGib + brokers * stage.brokerHeapGib) / (brokers * capacity.allocatable.memoryGib),
        activeHoursPerDay: STREAMING_HOURS_PER_DAY,
        bindingConstraint: binding.bindingConstraint,
        reason: `${binding.detail}${describeHa(binding.bindingConstraint === 'broker-disk' ? withoutSpare(ha) : ha)} = ${count(brokers, `${instance.name} broker`)}.`,
        constraints,
        latency: null,
        partitions,
        partitionReplicas,
        disk: brokerDisk(stage, instance, networkInMibPerSec / brokers),
      };
    },
  };
}
