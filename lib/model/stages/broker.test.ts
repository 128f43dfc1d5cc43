import { describe, expect, it } from 'vitest';
import { BrokerStageSchema } from '../schemas';
import type { BrokerStageMonth, CatalogInstanceType } from '../types';
import { standbyDataNodes } from '../dr';
import { brokerStageModel } from './broker';

/** 8 vCPU / 32 GiB, 1 Gbps sustained; no per-node overhead so the arithmetic reads cleanly. */
const node: CatalogInstanceType = {
  id: 'aws:test:b8',
  provider: 'aws',
  region: 'test',
  name: 'b8',
  family: 'b',
  arch: 'x86_64',
  vcpu: 8,
  memoryGib: 32,
  networkGbps: 1,
  onDemandUsdPerHour: 0.5,
};

// 10 MiB/s average, 20 MiB/s peak (1 KiB events), RF 3, 24 h retention, 2 consumer groups.
const stage = BrokerStageSchema.parse({
  kind: 'broker',
  name: 'kafka',
  avgEventsPerSec: 10_240,
  peakEventsPerSec: 20_480,
  eventSizeBytes: 1024,
  replicationFactor: 3,
  retentionHours: 24,
  consumerGroups: 2,
  diskGibPerBroker: 1000,
  diskFillTargetRatio: 0.5,
  nodeOverhead: { systemReserved: 'none', daemonVcpu: 0, daemonMemoryGib: 0 },
});

function sizeOn(instance: CatalogInstanceType, consumerParallelism = 0, zones = 3): BrokerStageMonth {
  const plan = brokerStageModel(stage, zones).planMonth({ demandMultiplier: 1, consumerParallelism });
  const described = plan.describe(instance);
  if (described.stageKind !== 'broker') throw new Error('expected a broker result');
  expect(plan.nodesOn(instance)).toBe(described.nodes);
  return described;
}

describe('broker stage: the arithmetic of docs/model.md, checked by hand', () => {
  it('derives each resource demand from the traffic', () => {
    const result = sizeOn(node);
    expect(result.demand.peakIngressMibPerSec).toBeCloseTo(20, 12);
    expect(result.demand.networkInMibPerSec).toBeCloseTo(60, 12); // 20 × RF 3
    expect(result.demand.networkOutMibPerSec).toBeCloseTo(80, 12); // 20 × (2 groups + 2 follower fetches)
    expect(result.demand.retainedGib).toBeCloseTo(2531.25, 9); // 10 MiB/s × 86,400 s × 3 ÷ 1024
    expect(result.demand.cpuCores).toBeCloseTo(3.8, 12); // (20 MiB/s written × 30 ms + 80 MiB/s read × 40 ms) ÷ 1000
    expect(result.demand.pageCacheGib).toBeCloseTo(11.71875, 12); // 20 MiB/s × 600 s ÷ 1024
    expect(result.partitions).toBe(2); // 20 MiB/s ÷ 10 MiB/s per partition
    expect(result.partitionReplicas).toBe(6);
  });

  it('disk binds: 2,531 GiB ÷ (1,000 GiB × 0.5) = 5.06 → 6, no spare for disk, equal per 3 zones → 6', () => {
    const result = sizeOn(node);
    expect(result).toMatchObject({ nodes: 6, workers: 6, bindingConstraint: 'broker-disk', workersPerNode: 1 });
    const byConstraint = Object.fromEntries(result.constraints.map((constraint) => [constraint.constraint, constraint.nodes]));
    expect(byConstraint).toEqual({
      'broker-disk': 6,
      'broker-network-in': 3, // 60 ÷ (119.2 × 0.7) = 0.72 → 1 + 1 → 3 per zone rule
      'broker-network-out': 3,
      'broker-cpu': 3, // 3.8 ÷ (8 × 0.7) = 0.68 → 1 + 1 → 3
      'broker-memory': 3,
      'partition-replicas': 3,
      'replication-factor': 3,
      'zone-spread': 3,
    });
    expect(result.reason).toMatch(/^2,531 GiB retained \(24 h × RF 3\) at 0\.5 of 1,000 GiB per broker → 5\.06 brokers \(an equal count in each of 3 zones\) = 6 b8 brokers\.$/);
    expect(result.nodeGroupOnDemandUsdPerHour).toBeCloseTo(3, 12);
  });

  it('a slow NIC makes network out bind: 80 MiB/s ÷ (0.1 Gbps = 11.9 MiB/s × 0.7) = 9.59 → 10 + 1 → 12', () => {
    const result = sizeOn({ ...node, id: 'aws:test:slow', networkGbps: 0.1 });
    expect(result).toMatchObject({ nodes: 12, bindingConstraint: 'broker-network-out' });
    // A DR standby holds the same data: disk 5.06 → 6 brokers (no spare), not the RF floor of 3;
    // the standby ratio scales only the 12 traffic-sized brokers.
    expect(standbyDataNodes(result)).toBe(6);
  });

  it('partitions cover the consumers’ parallelism', () => {
    expect(sizeOn(node, 48).partitions).toBe(48);
  });

  it('rejects instance types below the broker minimum or without page-cache memory', () => {
    const model = brokerStageModel(stage, 3).planMonth({ demandMultiplier: 1, consumerParallelism: 0 });
    expect(model.nodesOn({ ...node, vcpu: 1 })).toMatch(/below the broker minimum of 2 vCPU \/ 12 GiB/);
    expect(model.nodesOn({ ...node, memoryGib: 12, id: 'tiny' })).toBeTypeOf('number');
    expect(brokerStageModel({ ...stage, brokerHeapGib: 40 }, 3).planMonth({ demandMultiplier: 1, consumerParallelism: 0 }).nodesOn(node)).toMatch(/no CPU or page-cache memory/);
  });

  it('compression 2 halves every byte the brokers hold and move: disk still binds, at 3 brokers', () => {
    // retained 5 MiB/s × 86,400 s × RF 3 ÷ 1024 = 1,265.625 GiB ÷ (1,000 × 0.5) = 2.53 → 3 (no spare for disk);
    // network in 10 × 3 = 30 MiB/s, out 10 × 4 = 40, CPU (10 × 30 + 40 × 40) ÷ 1000 = 1.9 cores: each 1 + 1 → 3.
    const plan = brokerStageModel(stage, 3, { compressionRatio: 2, localRetentionHours: 24 }).planMonth({ demandMultiplier: 1, consumerParallelism: 0 });
    const result = plan.describe(node);
    if (result.stageKind !== 'broker') throw new Error('expected a broker result');
    expect(result.demand.retainedGib).toBeCloseTo(1265.625, 9);
    expect(result.demand.networkInMibPerSec).toBeCloseTo(30, 12);
    expect(result.demand.cpuCores).toBeCloseTo(1.9, 12);
    expect(result).toMatchObject({ nodes: 3, bindingConstraint: 'broker-disk' });
    expect(result.disk).toEqual({ kind: 'volume', sizeGib: 1000, writeMibPerSec: 10 }); // 30 MiB/s ÷ 3 brokers
  });

  it('instance types with local NVMe size the disk on it: 1 × 1,875 GiB at 0.5 → 2,531 ÷ 937.5 = 2.7 → 3', () => {
    const nvme = { ...node, id: 'aws:test:i8', localDisk: { count: 1, sizeGib: 1875, nvme: true } };
    const result = sizeOn(nvme);
    expect(result).toMatchObject({ nodes: 3, bindingConstraint: 'broker-disk' });
    expect(result.disk.kind).toBe('local');
    expect(result.reason).toMatch(/at 0\.5 of 1,875 GiB local disk per broker/);
  });

  it('a single zone without spreading still keeps RF brokers', () => {
    const tiny = brokerStageModel({ ...stage, avgEventsPerSec: 1, peakEventsPerSec: 1, spreadAcrossZones: false }, 3).planMonth({ demandMultiplier: 1, consumerParallelism: 0 });
    expect(tiny.describe(node)).toMatchObject({ nodes: 3, bindingConstraint: 'replication-factor' });
  });
});
