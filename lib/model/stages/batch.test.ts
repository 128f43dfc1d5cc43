import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BatchStageSchema } from '../schemas';
import type { CatalogInstanceType } from '../types';
import { batchStageModel, executorShapeOn } from './batch';

const node: CatalogInstanceType = {
  id: 'gcp:test:n16',
  provider: 'gcp',
  region: 'test',
  name: 'n16',
  family: 'n',
  arch: 'x86_64',
  vcpu: 16,
  memoryGib: 128,
  networkGbps: 16,
  onDemandUsdPerHour: 1,
};

// 1,000 GiB at 25 GiB per core-hour = 40 core-hours per run; 8-core executors.
const stage = BatchStageSchema.parse({
  kind: 'batch',
  name: 'etl',
  dataVolumeGibPerRun: 1000,
  throughputGibPerCoreHour: 25,
  runsPerDay: 1,
  completionWindowHours: 2,
  maxUtilizationRatio: 0.8,
  workerCores: 8,
  workerMemoryGib: 32,
  nodeOverhead: { systemReserved: 'none', daemonVcpu: 0, daemonMemoryGib: 0 },
});

describe('batch stage: window arithmetic', () => {
  it('40 core-hours in 0.8 × 2 h = 25 cores → 4 executors of 8 cores → 1.25 h per run', () => {
    const result = batchStageModel(stage, 3).planMonth({ demandMultiplier: 1, consumerParallelism: 0 }).describe(node);
    expect(result).toMatchObject({ stageKind: 'batch', workers: 4, nodes: 2, workersPerNode: 2, bindingConstraint: 'completion-window' });
    if (result.stageKind !== 'batch') throw new Error('expected a batch result');
    expect(result.demand.coreHoursPerRun).toBeCloseTo(40, 12);
    expect(result.runtimeHoursPerRun).toBeCloseTo(1.25, 12);
    expect(result.utilizationRatio).toBeCloseTo(0.625, 12);
    expect(result.activeHoursPerDay).toBeCloseTo(1.25, 12);
  });

  it('when runs come faster than the window, the run interval binds: 24 runs/day → 1 h → 50 cores → 7 executors', () => {
    const result = batchStageModel({ ...stage, runsPerDay: 24 }, 3).planMonth({ demandMultiplier: 1, consumerParallelism: 0 }).describe(node);
    expect(result).toMatchObject({ workers: 7, nodes: 4, bindingConstraint: 'run-interval' });
    expect(result.activeHoursPerDay).toBeCloseTo(24 * (40 / 56), 12);
  });

  it('growth scales the data volume', () => {
    const result = batchStageModel(stage, 3).planMonth({ demandMultiplier: 2, consumerParallelism: 0 }).describe(node);
    expect(result).toMatchObject({ workers: 7 }); // 50 cores ÷ 8
  });
});

describe('batch stage: executor shapes chosen to pack the node (docs/model.md §3.3.1)', () => {
  const plain = (daemonVcpu: number, daemonMemoryGib: number) => ({ systemReserved: 'none' as const, daemonVcpu, daemonMemoryGib });
  const shaped = (overrides: object) => BatchStageSchema.parse({ ...stage, workerCores: 8, workerMemoryGib: 64, ...overrides });
  const big: CatalogInstanceType = { ...node, id: 'gcp:test:n48', name: 'n48', vcpu: 48, memoryGib: 384 };
  const small: CatalogInstanceType = { ...node, id: 'gcp:test:n8', name: 'n8', vcpu: 8, memoryGib: 64 };

  it('8 GiB per core on 47.73 vCPU / 369 GiB: 5-core executors pack 45 cores a node (8-core ones 40)', () => {
    const etl = shaped({ nodeOverhead: plain(0.27, 15), dataVolumeGibPerRun: 1800 });
    // c = 8: min(⌊47.73/8⌋, ⌊369/64⌋) = 5 → 40 cores; 7: min(6, 6) → 42; 6: min(7, 7) → 42; 5: min(9, 9) → 45; 4: min(11, 11) → 44.
    expect(executorShapeOn(big, etl)).toMatchObject({ cores: 5, memoryGib: 40, packing: { workersPerNode: 9 } });
    // 1,800 GiB ÷ 25 = 72 core-hours in 0.8 × 2 h → 45 cores → 9 executors of 5 → 1 node (8-core executors: 6 → 2 nodes).
    const result = batchStageModel(etl, 1).planMonth({ demandMultiplier: 1, consumerParallelism: 0 }).describe(big);
    expect(result).toMatchObject({ workers: 9, nodes: 1, executor: { cores: 5, memoryGib: 40, perNode: 9 }, allocationFlag: null });
    expect(result.nodeCpuAllocationRatio).toBeCloseTo(45 / 47.73, 12);
    expect(result.nodeMemoryAllocationRatio).toBeCloseTo(360 / 369, 12);
    expect(result.stageKind === 'batch' && result.runtimeHoursPerRun).toBeCloseTo(72 / 45, 12);
  });

  it('a 64 GiB node that cannot hold one 8-core / 64 GiB executor after overhead runs 7-core / 56 GiB ones', () => {
    const etl = shaped({ nodeOverhead: plain(0.2, 6.1) }); // 7.8 vCPU / 57.9 GiB allocatable
    expect(executorShapeOn(small, etl)).toMatchObject({ cores: 7, memoryGib: 56, packing: { workersPerNode: 1 } });
    expect(executorShapeOn(small, shaped({ nodeOverhead: plain(0.2, 40) }))).toMatch(/less than one executor of 4 cores \/ 32 GiB/);
  });

  it('flags a node group below 70 % allocated, with the figures', () => {
    // 100 GiB ÷ 25 = 4 core-hours in 1.6 h → 2.5 cores → 1 executor of 8 cores / 32 GiB on a 16 vCPU / 128 GiB node.
    const tiny = BatchStageSchema.parse({ ...stage, dataVolumeGibPerRun: 100 });
    const result = batchStageModel(tiny, 1).planMonth({ demandMultiplier: 1, consumerParallelism: 0 }).describe(node);
    expect(result).toMatchObject({ workers: 1, nodes: 1 });
    expect(result.nodeCpuAllocationRatio).toBeCloseTo(0.5, 12);
    expect(result.nodeMemoryAllocationRatio).toBeCloseTo(0.25, 12);
    expect(result.stageKind === 'batch' && result.allocationFlag).toBe(
      'Allocation 50 % of CPU and 25 % of memory on n16 (below 70 %): most of the memory paid for idles; a smaller node or one with more vCPU per GiB would waste less.',
    );
  });

  it('properties: the chosen shape fits the node, keeps the memory per core, and packs at least the stated shape', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 32 }),
        fc.double({ min: 1, max: 16, noNaN: true }),
        fc.integer({ min: 2, max: 128 }),
        fc.double({ min: 2, max: 16, noNaN: true }),
        (workerCores, memoryPerCoreGib, vcpu, memoryPerVcpuGib) => {
          const spec = shaped({ workerCores, workerMemoryGib: workerCores * memoryPerCoreGib, nodeOverhead: plain(0, 0) });
          const instance = { ...node, vcpu, memoryGib: vcpu * memoryPerVcpuGib };
          const shape = executorShapeOn(instance, spec);
          const statedPerNode = Math.min(Math.floor(vcpu / workerCores + 1e-9), Math.floor(instance.memoryGib / spec.workerMemoryGib + 1e-9));
          if (typeof shape === 'string') {
            expect(statedPerNode).toBe(0);
            return;
          }
          expect(shape.cores * shape.packing.workersPerNode).toBeLessThanOrEqual(vcpu + 1e-9);
          expect(shape.memoryGib * shape.packing.workersPerNode).toBeLessThanOrEqual(instance.memoryGib * (1 + 1e-9));
          expect(shape.memoryGib / shape.cores).toBeCloseTo(memoryPerCoreGib, 9);
          expect(shape.cores * shape.packing.workersPerNode).toBeGreaterThanOrEqual(statedPerNode * workerCores);
        },
      ),
    );
  });
});
