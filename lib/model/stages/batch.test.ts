import { describe, expect, it } from 'vitest';
import { BatchStageSchema } from '../schemas';
import type { CatalogInstanceType } from '../types';
import { batchStageModel } from './batch';

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
