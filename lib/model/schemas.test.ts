import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { exampleWorkloads } from './examples';
import { BatchStageSchema, BrokerStageSchema, CatalogInstanceTypeSchema, ScenarioSpecSchema, StreamStageSchema, WorkloadSpecSchema } from './schemas';
import { testCatalog } from './test-catalog';
import type { CatalogInstanceType, StreamStageSpec, WorkloadSpec, WorkloadSpecInput } from './types';

const stream = { kind: 'stream', name: 'scorer', avgEventsPerSec: 100, cpuMsPerEvent: 5 } as const;
const broker = { kind: 'broker', name: 'kafka', avgEventsPerSec: 100 } as const;
const batch = { kind: 'batch', name: 'etl', dataVolumeGibPerRun: 100, throughputGibPerCoreHour: 10 } as const;

/** Numeric fields of each stage kind; -1 is out of range for every one of them. */
const NUMERIC_FIELDS = {
  stream: ['avgEventsPerSec', 'peakEventsPerSec', 'diurnalPeakFactor', 'eventSizeBytes', 'cpuMsPerEvent', 'cpuMsPerEventCv', 'interArrivalCv', 'latencySloPercentile', 'latencySloMs', 'maxUtilizationRatio', 'workerCores', 'workerMemoryGib', 'partitionReadMibPerSec', 'spareNodes'],
  broker: ['avgEventsPerSec', 'peakEventsPerSec', 'diurnalPeakFactor', 'eventSizeBytes', 'replicationFactor', 'retentionHours', 'consumerGroups', 'partitionWriteMibPerSec', 'partitionReadMibPerSec', 'maxPartitionReplicasPerBroker', 'diskGibPerBroker', 'diskFillTargetRatio', 'maxNetworkUtilizationRatio', 'maxUtilizationRatio', 'cpuMsPerMib', 'cpuMsPerMibWritten', 'hotRetentionMinutes', 'brokerHeapGib', 'minBrokerVcpu', 'minBrokerMemoryGib', 'spareNodes'],
  batch: ['dataVolumeGibPerRun', 'throughputGibPerCoreHour', 'runsPerDay', 'completionWindowHours', 'maxUtilizationRatio', 'workerCores', 'workerMemoryGib', 'spareNodes'],
} as const;
const BASES = { stream, broker, batch } as const;

describe('WorkloadSpecSchema', () => {
  it('parses every example and applies documented defaults', () => {
    expect(exampleWorkloads).toHaveLength(3);
    for (const example of exampleWorkloads) expect(WorkloadSpecSchema.parse(example.spec)).toEqual(example.spec);
    const parsed = StreamStageSchema.parse(stream);
    expect(parsed).toMatchObject({
      interArrivalCv: 1,
      cpuMsPerEventCv: 1,
      latencySloPercentile: 99,
      latencySloMs: 1000,
      maxUtilizationRatio: 0.7,
      diurnalPeakFactor: 2,
      spareNodes: 1,
      spreadAcrossZones: true,
      nodeOverhead: { systemReserved: 'gke', daemonVcpu: 0.2, daemonMemoryGib: 0.5 },
    });
    expect(BrokerStageSchema.parse(broker)).toMatchObject({ replicationFactor: 3, retentionHours: 168, maxPartitionReplicasPerBroker: 4000, nodeOverhead: { systemReserved: 'none' } });
    expect(BatchStageSchema.parse(batch)).toMatchObject({ runsPerDay: 1, spareNodes: 0, spreadAcrossZones: false });
  });

  it.each([
    [{ ...stream, cpuMsPerEvent: 0 }, 'cpuMsPerEvent', 'CPU time per event (ms) must be greater than 0 and at most 3,600,000.'],
    [{ ...stream, maxUtilizationRatio: 1.2 }, 'maxUtilizationRatio', 'Max utilization ratio must be greater than 0 and at most 1.'],
    [{ ...stream, workerCores: 2.5 }, 'workerCores', 'Worker cores must be a whole number.'],
    [{ ...stream, avgEventsPerSec: 'lots' }, 'avgEventsPerSec', 'Average events per second must be a number.'],
    [{ kind: 'stream', name: 'x', avgEventsPerSec: 1 }, 'cpuMsPerEvent', 'CPU time per event (ms) is required.'],
    [{ ...stream, avgEventsPerSec: 100, peakEventsPerSec: 50 }, 'peakEventsPerSec', 'Peak events per second must be at least the average events per second.'],
    [{ ...broker, replicationFactor: 0 }, 'replicationFactor', 'Replication factor must be at least 1 and at most 7.'],
    [{ ...batch, completionWindowHours: -2 }, 'completionWindowHours', 'Completion window (hours) must be greater than 0 and at most 744.'],
    [{ ...stream, name: '  ' }, 'name', 'Stage name must not be empty.'],
  ])('rejects %o with a message naming %s', (stage, field, message) => {
    const parsed = WorkloadSpecSchema.safeParse({ kind: stage.kind === 'batch' ? 'batch' : 'streaming', stages: [stage] });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues).toContainEqual(expect.objectContaining({ path: ['stages', 0, field], message }));
  });

  it('rejects duplicate stage names, unknown kinds and a kind that does not match the stages', () => {
    expect(WorkloadSpecSchema.safeParse({ kind: 'streaming', stages: [stream, { ...broker, name: 'scorer' }] }).error?.issues[0]).toMatchObject({
      path: ['stages', 1, 'name'],
      message: 'Stage name "scorer" is used twice; stage names must be unique.',
    });
    expect(WorkloadSpecSchema.safeParse({ kind: 'streaming', stages: [{ ...stream, kind: 'lambda' }] }).error?.issues[0]?.message).toBe(
      'Stage kind must be "broker", "stream" or "batch".',
    );
    expect(WorkloadSpecSchema.safeParse({ kind: 'batch', stages: [stream] }).error?.issues[0]?.message).toBe('A batch workload needs at least one batch stage.');
    expect(WorkloadSpecSchema.safeParse({ kind: 'streaming', stages: [] }).error?.issues[0]?.message).toBe('A workload needs at least one stage.');
  });

  describe('properties', () => {
    it('an invalid value in any numeric field is rejected with a message naming that field', () => {
      const fieldArbitrary = fc.constantFrom(...(Object.keys(NUMERIC_FIELDS) as (keyof typeof NUMERIC_FIELDS)[])).chain((kind) =>
        fc.record({ kind: fc.constant(kind), field: fc.constantFrom(...NUMERIC_FIELDS[kind]) }),
      );
      const invalidValue = fc.constantFrom<unknown>(-1, -1e9, Number.NaN, Infinity, '12', null, true, { value: 1 });
      fc.assert(
        fc.property(fieldArbitrary, invalidValue, ({ kind, field }, value) => {
          const stage = { ...BASES[kind], [field]: value };
          const result = WorkloadSpecSchema.safeParse({ kind: kind === 'batch' ? 'batch' : 'streaming', stages: [stage] });
          expect(result.success).toBe(false);
          const issue = result.error?.issues.find((candidate) => candidate.path.at(-1) === field);
          expect(issue, `an issue at ${field}`).toBeDefined();
          // A human label first ("Worker cores must …"), never zod's generic "Invalid input".
          expect(issue?.message).toMatch(/^[A-Z][\w ()/,.-]* (must|is required)/);
          expect(issue?.message).not.toMatch(/Invalid input/);
        }),
      );
    });
  });
});

describe('ScenarioSpecSchema', () => {
  it('fills defaults: 36 months, flat growth, cheapest instance, 3 zones', () => {
    expect(ScenarioSpecSchema.parse({ startMonth: '2026-03' })).toEqual({
      horizonMonths: 36,
      startMonth: '2026-03',
      growth: { kind: 'flat', stepEvents: [] },
      instance: { mode: 'cheapest' },
      stageInstances: {},
      catalogFilter: {},
      zones: 3,
      sloOverrides: {},
      purchase: {
        onDemandBaseRatio: 0,
        spotShareRatio: 0,
        spotEligibility: {},
        spotReplacementMinutes: 5,
        spotRiskToleranceRatio: 0.05,
        commitment: { coverage: 'none', termYears: 1 },
      },
      storage: { compressionRatio: 1 },
      network: { fetchFromFollower: false, internetEgressGibPerMonth: 0 },
      dr: {
        strategy: 'none',
        backupMode: 'periodic-full',
        backupIntervalHours: 24,
        backupFlushMinutes: 10,
        backupRetentionDays: 7,
        restoreThroughputGibPerHour: 1000,
        provisioningMinutes: 30,
        scaleOutMinutes: 10,
        failoverMinutes: 5,
        replicationLagSeconds: 60,
        standbyCapacityRatio: 0.25,
        destinationScope: 'same-continent',
      },
    });
  });

  it('names the field in issue-4 messages: spot share, RTO target, cold tier, ranges', () => {
    const issues = (input: unknown) =>
      ScenarioSpecSchema.safeParse(input).error?.issues.map((issue) => [issue.path.join('.'), issue.message]);
    expect(issues({ startMonth: '2026-03', purchase: { spotShareRatio: 1.5 } })).toEqual([
      ['purchase.spotShareRatio', 'Spot share ratio must be at least 0 and at most 1.'],
    ]);
    expect(issues({ startMonth: '2026-03', dr: { rtoTargetMinutes: -1 } })).toEqual([
      ['dr.rtoTargetMinutes', 'RTO target (minutes) must be at least 0 and at most 525,600.'],
    ]);
    expect(issues({ startMonth: '2026-03', storage: { warmAfterDays: 30, coldAfterDays: 7 } })).toEqual([
      ['storage.coldAfterDays', 'Cold tier after (days) must be at least warm tier after (days).'],
    ]);
    expect(issues({ startMonth: '2026-03', uncertainty: { growthRatio: { low: 0.05, likely: 0.01, high: 0.1 } } })).toEqual([
      ['uncertainty.growthRatio.likely', 'A range needs low ≤ likely ≤ high.'],
    ]);
  });

  it.each([
    [{ startMonth: '2026-13' }, ['startMonth'], 'Month must be in the form YYYY-MM, e.g. 2026-11.'],
    [{ startMonth: '2026-01', horizonMonths: 61 }, ['horizonMonths'], 'Horizon (months) must be at least 1 and at most 60.'],
    [{ startMonth: '2026-01', growth: { kind: 'compound', monthlyGrowthRatio: 2 } }, ['growth', 'monthlyGrowthRatio'], 'Monthly growth rate must be at least -0.5 and at most 1.'],
    [{ startMonth: '2026-01', growth: { kind: 'flat', stepEvents: [{ at: '2025-12', multiplier: 2 }] } }, ['growth', 'stepEvents', 0, 'at'], 'Step event month 2025-12 is before the start month 2026-01.'],
    [{ startMonth: '2026-01', instance: { mode: 'fixed', instanceType: '' } }, ['instance', 'instanceType'], 'Instance type must not be empty.'],
    [{ startMonth: '2026-01', zones: 0 }, ['zones'], 'Zones must be at least 1 and at most 6.'],
    [{ startMonth: '2026-01', uncertainty: { samples: 20_001 } }, ['uncertainty', 'samples'], 'Samples must be at least 1 and at most 20,000.'],
  ])('rejects %o at %o', (input, path, message) => {
    expect(ScenarioSpecSchema.safeParse(input).error?.issues).toContainEqual(expect.objectContaining({ path, message }));
  });

  it('drops fields it does not know yet, so later additions (purchase mix, DR) stay compatible', () => {
    expect(ScenarioSpecSchema.parse({ startMonth: '2026-01', purchaseMix: { spotShareRatio: 0.5 } })).not.toHaveProperty('purchaseMix');
  });
});

describe('CatalogInstanceTypeSchema', () => {
  it('accepts the test catalog and keeps extra fields', () => {
    for (const instance of testCatalog) expect(CatalogInstanceTypeSchema.parse(instance)).toEqual(instance);
    expect(CatalogInstanceTypeSchema.parse({ ...testCatalog[0], spotUsdPerHour: 0.05 })).toHaveProperty('spotUsdPerHour', 0.05);
  });

  it('names the field in its messages', () => {
    expect(CatalogInstanceTypeSchema.safeParse({ ...testCatalog[0], vcpu: 0 }).error?.issues[0]?.message).toBe('vCPU must be greater than 0 and at most 4,096.');
  });
});

describe('types', () => {
  it('the parsed spec has defaults filled in; the input type leaves them optional', () => {
    expectTypeOf<StreamStageSpec['maxUtilizationRatio']>().toEqualTypeOf<number>();
    const input: WorkloadSpecInput = { kind: 'streaming', stages: [stream] };
    // @ts-expect-error a parsed WorkloadSpec has every default filled in
    const parsed: WorkloadSpec = { kind: 'streaming', stages: [stream] };
    expect(input.stages).toEqual(parsed.stages);
  });

  it('the catalog schema and the CatalogInstanceType interface agree', () => {
    expectTypeOf<Omit<ReturnType<typeof CatalogInstanceTypeSchema.parse>, string>>().toEqualTypeOf<Omit<CatalogInstanceType, string>>();
    const fromSchema: CatalogInstanceType = CatalogInstanceTypeSchema.parse(testCatalog[0]);
    expect(fromSchema.id).toBe(testCatalog[0]?.id);
  });
});
