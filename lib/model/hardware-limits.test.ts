import { describe, expect, it } from 'vitest';

import { diskWriteBrokers, diskWriteCeilingMibPerSec, localDiskMisfit, streamNetworkNodes } from './hardware-limits';
import { projectScenario } from './project';
import { BrokerStageSchema } from './schemas';
import { brokerStageModel } from './stages/broker';
import type { CatalogInstanceType, ScenarioSpecInput, StageMonth, WorkloadSpecInput } from './types';

/**
 * Figures copied from lib/catalog/data/aws.json (us-east-1: Karpenter's Price List table and
 * instance-type reference, 2026-07-20; EBS of bursting sizes is the catalog's vCPU-scaled estimate).
 */
const awsType = (name: string, figures: Omit<CatalogInstanceType, 'id' | 'provider' | 'region' | 'name' | 'family' | 'arch'>): CatalogInstanceType => ({
  id: `aws:us-east-1:${name}`,
  provider: 'aws',
  region: 'us-east-1',
  name,
  family: name.split('.')[0] ?? name,
  arch: 'x86_64',
  ...figures,
});
const m6i2xl = awsType('m6i.2xlarge', { vcpu: 8, memoryGib: 32, networkGbps: 3.125, blockBandwidthMibPerSec: 298.023, onDemandUsdPerHour: 0.384 });
const i4iXl = awsType('i4i.xlarge', { vcpu: 4, memoryGib: 32, networkGbps: 1.875, blockBandwidthMibPerSec: 149.012, localDisk: { count: 1, sizeGib: 872.6, nvme: true }, onDemandUsdPerHour: 0.343 });
const i4i2xl = awsType('i4i.2xlarge', { vcpu: 8, memoryGib: 64, networkGbps: 4.687, blockBandwidthMibPerSec: 298.023, localDisk: { count: 1, sizeGib: 1746.2, nvme: true }, onDemandUsdPerHour: 0.686 });
const i4i4xl = awsType('i4i.4xlarge', { vcpu: 16, memoryGib: 128, networkGbps: 9.375, blockBandwidthMibPerSec: 596.046, localDisk: { count: 1, sizeGib: 3492.5, nvme: true }, onDemandUsdPerHour: 1.373 });
const i4i8xl = awsType('i4i.8xlarge', { vcpu: 32, memoryGib: 256, networkGbps: 18.75, blockBandwidthMibPerSec: 1192.093, localDisk: { count: 2, sizeGib: 3492.5, nvme: true }, onDemandUsdPerHour: 2.746 });
const c7iXl = awsType('c7i.xlarge', { vcpu: 4, memoryGib: 8, networkGbps: 1.562, blockBandwidthMibPerSec: 149.012, onDemandUsdPerHour: 0.1785 });

const MIB_PER_SEC_PER_GBPS = 1e9 / 8 / 2 ** 20;
const scenario: ScenarioSpecInput = { horizonMonths: 1, startMonth: '2027-01' };

function sized(stage: StageMonth<CatalogInstanceType> | undefined) {
  if (stage?.kind !== 'sized') throw new Error(`expected a sized stage, got ${stage?.kind === 'infeasible' ? stage.reason : 'nothing'}`);
  return stage;
}

describe('broker disk limits on an instance type', () => {
  const stage = { maxNetworkUtilizationRatio: 0.7, diskFillTargetRatio: 0.6 };

  it('caps disk writes by the block bandwidth on a network-volume type, not on local NVMe', () => {
    // 298.023 MiB/s sustained EBS × 0.7 usable
    expect(diskWriteCeilingMibPerSec(stage, m6i2xl)).toBeCloseTo(208.6161, 4);
    expect(diskWriteCeilingMibPerSec(stage, i4i8xl)).toBe(Infinity);
    expect(diskWriteCeilingMibPerSec(stage, { localDisk: undefined, blockBandwidthMibPerSec: undefined })).toBe(Infinity);
    expect(diskWriteBrokers(1000, 208.6161)).toBeCloseTo(4.7935, 4);
    expect(diskWriteBrokers(1000, Infinity)).toBe(0);
  });

  it('refuses a local disk smaller than one partition replica at the fill target, and says what to change', () => {
    // 12,000 GiB over 6 replicas = 2,000 GiB per replica > 0.6 × 872.6 GiB
    expect(localDiskMisfit(stage, i4iXl, 12_000, 6)).toMatch(/cannot hold one partition replica \(2000 GiB .*add partitions or shorten retention/);
    expect(localDiskMisfit(stage, i4iXl, 3_000, 6)).toBeUndefined();
    expect(localDiskMisfit(stage, m6i2xl, 12_000, 6)).toBeUndefined();
  });

  it('makes disk writes binding when the block bandwidth is the tightest resource', () => {
    // 20 MiB/s peak × RF 3 = 60 MiB/s written; 20 MiB/s × 0.7 = 14 usable → 4.29 brokers → 5 + 1 spare = 6 (2 per zone)
    const broker = BrokerStageSchema.parse({
      kind: 'broker', name: 'kafka', avgEventsPerSec: 10_240, peakEventsPerSec: 20_480, eventSizeBytes: 1024, replicationFactor: 3,
      retentionHours: 24, consumerGroups: 2, diskGibPerBroker: 100_000, nodeOverhead: { systemReserved: 'none', daemonVcpu: 0, daemonMemoryGib: 0 },
    });
    const node: CatalogInstanceType = { ...m6i2xl, networkGbps: 1, blockBandwidthMibPerSec: 20 };
    const plan = brokerStageModel(broker, 3).planMonth({ demandMultiplier: 1, consumerParallelism: 0 });
    const month = plan.describe(node);
    expect(month.nodes).toBe(6);
    expect(month.bindingConstraint).toBe('broker-disk-throughput');
    expect(plan.nodesOn({ ...node, blockBandwidthMibPerSec: undefined })).toBe(3); // CPU 1.0 broker → 2, then RF 3
  });
});

describe('choosing a local-NVMe type for a disk-heavy broker', () => {
  // 200,000 events/s × 1,000 B = 190.73 MiB/s average, 381.47 peak; RF 3; 12 h; 2 consumer groups.
  const workload = (diskGibPerBroker: number): WorkloadSpecInput => ({
    kind: 'streaming',
    stages: [{ kind: 'broker', name: 'kafka', avgEventsPerSec: 200_000, diurnalPeakFactor: 2, eventSizeBytes: 1000, replicationFactor: 3, retentionHours: 12, consumerGroups: 2, diskGibPerBroker }],
  });
  const gp3 = { id: 'aws:us-east-1:ebs-gp3', name: 'EBS gp3', kind: 'block' as const, accessTier: 'hot' as const, usdPerGibMonth: 0.08 };
  const choose = (diskGibPerBroker: number, withBlockPrice = true) =>
    sized(projectScenario(workload(diskGibPerBroker), scenario, [m6i2xl, i4iXl], withBlockPrice ? { blockStorage: gp3 } : {}).months[0]?.stages[0]);

  // Hand-derived (defaults: 0.5 vCPU / 1 GiB per-node overhead, 6 GiB heap, 0.7 ratios, 0.6 fill, 30 ms CPU per MiB written and 40 per MiB read, 3 zones, N+1 for throughput only):
  //   retained = 190.7349 × 43,200 s × 3 ÷ 1024 = 24,139.9 GiB; CPU = 381.47 × 0.030 + 1525.88 × 0.040 = 72.48 cores
  //   i4i.xlarge: disk 24,139.9 ÷ (872.6 × 0.6) = 46.11 → 47 (no spare for disk) → 48 brokers (16 per zone); CPU 72.48 ÷ (3.5 × 0.7) = 29.6
  //               48 × 0.343 = 16.464 USD/h, no volume
  //   m6i.2xlarge with 8,000 GiB volumes: CPU 72.48 ÷ 5.25 → 15 brokers, disk 24,139.9 ÷ 4,800 = 5.03 → 6; 15 × 0.384 = 5.76 USD/h
  //               + 15 × 8,000 GiB × 0.08 ÷ 730 = 13.151 USD/h of provisioned gp3 (storage.ts brokerDiskUsdPerMonth,
  //               billed per month) → 18.91 USD/h > i4i's 16.464
  it('picks i4i when the provisioned volumes cost more than the local disks', () => {
    const choice = choose(8000);
    expect(choice.instance.name).toBe('i4i.xlarge');
    expect(choice.nodes).toBe(48);
    expect(choice.bindingConstraint).toBe('broker-disk');
    expect(choice.reason).toContain('at 0.6 of 873 GiB local disk per broker → 46.1 brokers');
  });

  it('keeps the network-volume box when smaller volumes make it cheaper, or when no block price is given', () => {
    const smallVolumes = choose(2048);
    // With the merged broker model (30 ms per MiB written, 40 per MiB read, replication once as reads;
    // no spare for disk): CPU = 381.47 × 0.030 + (2 + 2) × 381.47 × 0.040 = 72.48 cores ÷ 5.25 = 13.8 → 14 + 1 = 15;
    // disk = 24,139.9 ÷ (2,048 × 0.6) = 19.65 → 20 (no spare) → 21 for 3 zones, binding.
    // 21 × 0.384 + 21 × 2,048 × 0.08 ÷ 730 = 8.064 + 4.713 = 12.78 USD/h < i4i's 16.464.
    expect([smallVolumes.instance.name, smallVolumes.nodes, smallVolumes.bindingConstraint]).toEqual(['m6i.2xlarge', 21, 'broker-disk']);
    expect(choose(8000, false).instance.name).toBe('m6i.2xlarge');
  });

  it('reports the stage infeasible when no local disk can hold a partition replica and no other type is allowed', () => {
    const longRetention: WorkloadSpecInput = {
      kind: 'streaming',
      stages: [{ kind: 'broker', name: 'kafka', avgEventsPerSec: 200_000, eventSizeBytes: 1000, replicationFactor: 3, retentionHours: 24 * 30, partitionWriteMibPerSec: 100, partitionReadMibPerSec: 100 }],
    };
    const month = projectScenario(longRetention, scenario, [i4iXl]).months[0]?.stages[0];
    expect(month?.kind).toBe('infeasible');
    expect(month?.kind === 'infeasible' && month.reason).toMatch(/local disks \(873 GiB each\) cannot hold one partition replica/);
  });
});

describe('a network-bound broker: a bigger box wins', () => {
  // 100,000 events/s × 1,000 B: 190.73 MiB/s peak; RF 3; 12 consumer groups; 10 ms CPU per MiB; 1 h retention.
  //   out = 190.73 × (12 + 3 − 1) = 2670.3 MiB/s; CPU = (572.2 + 2670.3) × 10 ms = 32.4 cores
  //   i4i.xlarge:  NIC 1.875 Gbps × 119.21 × 0.7 = 156.5 MiB/s → out 17.07 brokers → 18 + 1 = 19 → 21; 21 × 0.343 = 7.203 USD/h
  //   i4i.2xlarge: NIC 4.687 Gbps → 391.1 MiB/s → 6.83; CPU 32.4 ÷ 5.25 = 6.18 → 7 + 1 = 8 → 9; 9 × 0.686 = 6.174 USD/h
  //   i4i.4xlarge: 782.3 MiB/s → 3.41; CPU 2.99 → 5 → 6; 8.238 USD/h. i4i.8xlarge: → 3 (RF); 8.238 USD/h
  // AWS gives the larger i4i sizes more baseline network per dollar (1.875 → 4.687 Gbps for 2 × the price).
  const workload: WorkloadSpecInput = {
    kind: 'streaming',
    stages: [{ kind: 'broker', name: 'kafka', avgEventsPerSec: 100_000, diurnalPeakFactor: 2, eventSizeBytes: 1000, replicationFactor: 3, retentionHours: 1, consumerGroups: 12, cpuMsPerMib: 10 }],
  };

  it('moves from i4i.xlarge, bound by its NIC, to the i4i.2xlarge', () => {
    const onSmallest = sized(projectScenario(workload, scenario, [i4iXl]).months[0]?.stages[0]);
    expect([onSmallest.nodes, onSmallest.bindingConstraint]).toEqual([21, 'broker-network-out']);
    const choice = sized(projectScenario(workload, scenario, [i4iXl, i4i2xl, i4i4xl, i4i8xl]).months[0]?.stages[0]);
    expect([choice.instance.name, choice.nodes]).toEqual(['i4i.2xlarge', 9]);
    expect(choice.nodes * choice.instance.onDemandUsdPerHour).toBeCloseTo(6.174, 9);
  });
});

describe('stream tasks capped by the NIC', () => {
  it('needs input ÷ (baseline × 0.7) nodes, and reports the NIC as binding when the workers need fewer', () => {
    // 1,000,000 events/s × 2,000 B = 1907.35 MiB/s; c7i.xlarge: 1.562 Gbps × 119.209 × 0.7 = 130.34 MiB/s → 14.63 nodes
    const peak = (1_000_000 * 2000) / 2 ** 20;
    expect(streamNetworkNodes(peak, c7iXl)).toBeCloseTo(peak / (1.562 * MIB_PER_SEC_PER_GBPS * 0.7), 9);
    const stream: WorkloadSpecInput = {
      kind: 'streaming',
      stages: [{ kind: 'stream', name: 'router', avgEventsPerSec: 1_000_000, diurnalPeakFactor: 1, eventSizeBytes: 2000, cpuMsPerEvent: 0.001, workerCores: 2, workerMemoryGib: 2 }],
    };
    const month = sized(projectScenario(stream, scenario, [c7iXl]).months[0]?.stages[0]);
    expect(month.bindingConstraint).toBe('stream-network');
    expect(month.nodes).toBe(16); // ⌈14.63⌉ + 1 spare
    expect(month.constraints.find((constraint) => constraint.constraint === 'stream-network')?.nodes).toBe(16);
  });
});

describe('architecture', () => {
  const m7g2xl: CatalogInstanceType = { ...awsType('m7g.2xlarge', { vcpu: 8, memoryGib: 32, networkGbps: 3.75, blockBandwidthMibPerSec: 298.023, onDemandUsdPerHour: 0.3264 }), arch: 'arm64' };
  const workload: WorkloadSpecInput = {
    kind: 'streaming',
    stages: [{ kind: 'broker', name: 'kafka', avgEventsPerSec: 50_000, eventSizeBytes: 1000, replicationFactor: 3, retentionHours: 24 }],
  };

  it('considers arm and x86 types alike unless the scenario pins an architecture', () => {
    // Same vCPU and memory, more network and 15 % cheaper: the Graviton box wins when both may run.
    expect(sized(projectScenario(workload, scenario, [m6i2xl, m7g2xl]).months[0]?.stages[0]).instance.name).toBe('m7g.2xlarge');
    const pinned = { ...scenario, catalogFilter: { archs: ['x86_64' as const] } };
    expect(sized(projectScenario(workload, pinned, [m6i2xl, m7g2xl]).months[0]?.stages[0]).instance.name).toBe('m6i.2xlarge');
  });
});
