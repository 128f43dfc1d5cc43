import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { ModelInputError } from './errors';
import { exampleWorkloads } from './examples';
import { projectScenario } from './project';
import { testCatalog } from './test-catalog';
import type { CatalogInstanceType, ScenarioSpecInput, StageMonth, StageSpecInput, WorkloadSpecInput } from './types';

const scenario: ScenarioSpecInput = { startMonth: '2026-01', horizonMonths: 6, growth: { kind: 'compound', monthlyGrowthRatio: 0.1 } };
const scorer = { kind: 'stream', name: 'scorer', avgEventsPerSec: 2000, cpuMsPerEvent: 4, latencySloMs: 100 } as const;
const kafka = { kind: 'broker', name: 'kafka', avgEventsPerSec: 2000 } as const;
const workload: WorkloadSpecInput = { kind: 'streaming', stages: [kafka, scorer] };

function sized<T extends CatalogInstanceType>(stage: StageMonth<T> | undefined) {
  if (stage === undefined || stage.kind !== 'sized') throw new Error(`expected a sized stage, got ${JSON.stringify(stage)}`);
  return stage;
}

function allNumbers(value: unknown, path = ''): [string, number][] {
  if (typeof value === 'number') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((item, index) => allNumbers(item, `${path}[${index}]`));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => allNumbers(item, `${path}.${key}`));
  return [];
}

describe('projectScenario', () => {
  it.each(exampleWorkloads.flatMap((example) => example.scenarios.map((entry) => [example.name, entry.name, example, entry] as const)))(
    '%s / %s: feasible every month, one entry per stage, filters honoured',
    (_name, _scenarioName, example, entry) => {
      const projection = projectScenario(example.spec, entry.spec, testCatalog);
      expect(projection.feasible).toBe(true);
      expect(projection.warnings).toEqual([]);
      expect(projection.months).toHaveLength(entry.spec.horizonMonths);
      expect(projection.stageNames).toEqual(example.spec.stages.map((stage) => stage.name));
      for (const month of projection.months) {
        expect(month.stages.map((stage) => stage.stageName)).toEqual(projection.stageNames);
        for (const stage of month.stages.map(sized)) {
          const choice = entry.spec.stageInstances[stage.stageName] ?? entry.spec.instance;
          if (choice.mode === 'fixed') expect(stage.instance.id).toBe(choice.instanceType);
          for (const provider of entry.spec.catalogFilter.providers ?? []) expect(stage.instance.provider).toBe(provider);
          if (stage.latency) expect(stage.latency.meetsSlo).toBe(true);
        }
      }
    },
  );

  it('labels months from the start month and applies growth', () => {
    const projection = projectScenario(workload, scenario, testCatalog);
    expect(projection.months.map((month) => month.month)).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06']);
    expect(projection.months[2]?.demandMultiplier).toBeCloseTo(1.21, 12);
    expect(sized(projection.months[2]?.stages[1]).demand).toMatchObject({ peakEventsPerSec: expect.closeTo(2000 * 2 * 1.21, 6) });
  });

  it('gives the brokers at least as many partitions as the stream stage has servers', () => {
    for (const month of projectScenario(workload, scenario, testCatalog).months) {
      const [broker, stream] = month.stages.map(sized);
      if (broker?.stageKind !== 'broker' || stream?.stageKind !== 'stream') throw new Error('unexpected stage kinds');
      expect(broker.partitions).toBeGreaterThanOrEqual(stream.servers);
      expect(stream.partitions).toBeGreaterThanOrEqual(stream.servers);
    }
  });

  it('returns an explanation, not an exception, when the SLO is out of reach; other stages are still sized', () => {
    const slow = { ...scorer, cpuMsPerEvent: 100, latencySloMs: 200 }; // p99 of 100 ms exponential service ≈ 461 ms
    const projection = projectScenario({ kind: 'streaming', stages: [kafka, slow] }, scenario, testCatalog);
    expect(projection.feasible).toBe(false);
    for (const month of projection.months) {
      expect(month.stages[0]?.kind).toBe('sized');
      expect(month.stages[1]).toMatchObject({ kind: 'infeasible', stageName: 'scorer', stageKind: 'stream', bindingConstraint: 'latency-slo' });
      expect(month.stages[1]?.kind === 'infeasible' && month.stages[1].reason).toMatch(/more servers cannot help/);
    }
  });

  it('explains when no instance type can host a worker', () => {
    const projection = projectScenario({ kind: 'streaming', stages: [{ ...scorer, workerMemoryGib: 5000 }] }, scenario, testCatalog);
    expect(projection.months[0]?.stages[0]).toMatchObject({ kind: 'infeasible', bindingConstraint: 'instance-fit' });
    expect(projection.months[0]?.stages[0]?.kind === 'infeasible' && projection.months[0].stages[0].reason).toMatch(
      /^None of the 26 eligible instance types can host this stage; for example, aws:us-east-1:m7i\.large leaves/,
    );
  });

  it('explains an unknown fixed instance type or a filter that excludes everything', () => {
    const fixed = projectScenario(workload, { ...scenario, instance: { mode: 'fixed', instanceType: 'aws:us-east-1:x9.huge' } }, testCatalog);
    expect(fixed.months[0]?.stages[0]).toMatchObject({ kind: 'infeasible', bindingConstraint: 'instance-catalog' });
    const filtered = projectScenario(workload, { ...scenario, catalogFilter: { regions: ['mars-1'] } }, testCatalog);
    expect(filtered.months[0]?.stages[1]).toMatchObject({
      kind: 'infeasible',
      bindingConstraint: 'instance-catalog',
      reason: "No instance type in the catalog (26 types) matches the scenario's filter.",
    });
  });

  it('applies SLO overrides by stage name and warns about the ones it cannot apply', () => {
    const projection = projectScenario(
      workload,
      {
        ...scenario,
        growth: { kind: 'flat', stepEvents: [{ at: 12, multiplier: 2, label: 'next year' }] },
        sloOverrides: { scorer: { latencySloMs: 40, completionWindowHours: 2 }, ghost: { latencySloMs: 1 } },
        stageInstances: { phantom: { mode: 'cheapest' } },
      },
      testCatalog,
    );
    expect(sized(projection.months[0]?.stages[1]).latency?.targetMs).toBe(40);
    expect(projection.warnings).toEqual([
      'SLO override for unknown stage "ghost" was ignored.',
      'Instance choice for unknown stage "phantom" was ignored.',
      'Override "completionWindowHours" does not apply to stream stage "scorer" and was ignored.',
      'Step event "next year" at 12 starts after the 6-month horizon and has no effect.',
    ]);
  });

  it('keeps extra catalog fields and returns the caller’s instance object', () => {
    const catalog = testCatalog.map((instance) => ({ ...instance, spotUsdPerHour: instance.onDemandUsdPerHour * 0.4 }));
    const projection = projectScenario(workload, scenario, catalog);
    const stage = sized(projection.months[0]?.stages[0]);
    expectTypeOf(stage.instance.spotUsdPerHour).toEqualTypeOf<number>();
    expect(catalog).toContain(stage.instance);
    expect(stage.instance.spotUsdPerHour).toBeCloseTo(stage.instance.onDemandUsdPerHour * 0.4, 12);
  });

  it('rejects invalid input with a typed error naming the field', () => {
    expect(() => projectScenario({ kind: 'streaming', stages: [{ ...scorer, cpuMsPerEvent: -3 }] }, scenario, testCatalog)).toThrow(ModelInputError);
    try {
      projectScenario(workload, { ...scenario, horizonMonths: 0 }, testCatalog);
      expect.unreachable();
    } catch (error) {
      expect((error as ModelInputError).issues).toEqual([{ path: 'horizonMonths', message: 'Horizon (months) must be at least 1 and at most 60.' }]);
      expect((error as Error).message).toBe('Invalid scenario: horizonMonths: Horizon (months) must be at least 1 and at most 60.');
    }
    expect(() => projectScenario(workload, scenario, [{ ...testCatalog[0], vcpu: -1 } as CatalogInstanceType])).toThrow(/Invalid catalog: 0\.vcpu/);
  });

  it('is deterministic', () => {
    expect(projectScenario(workload, scenario, testCatalog)).toEqual(projectScenario(workload, scenario, testCatalog));
  });
});

// ---------------------------------------------------------------------------------------------

const streamStage = fc.record({
  kind: fc.constant('stream' as const),
  avgEventsPerSec: fc.double({ min: 0, max: 200_000, noNaN: true }),
  diurnalPeakFactor: fc.double({ min: 1, max: 5, noNaN: true }),
  eventSizeBytes: fc.double({ min: 10, max: 100_000, noNaN: true }),
  cpuMsPerEvent: fc.double({ min: 0.01, max: 50, noNaN: true }),
  cpuMsPerEventCv: fc.double({ min: 0, max: 3, noNaN: true }),
  interArrivalCv: fc.double({ min: 0, max: 3, noNaN: true }),
  latencySloPercentile: fc.constantFrom(50, 90, 99, 99.9),
  latencySloMs: fc.double({ min: 1, max: 5000, noNaN: true }),
  maxUtilizationRatio: fc.double({ min: 0.1, max: 1, noNaN: true }),
  workerCores: fc.integer({ min: 1, max: 16 }),
  workerMemoryGib: fc.double({ min: 0.5, max: 64, noNaN: true }),
  spareNodes: fc.integer({ min: 0, max: 2 }),
  spreadAcrossZones: fc.boolean(),
});
const brokerStage = fc.record({
  kind: fc.constant('broker' as const),
  avgEventsPerSec: fc.double({ min: 0, max: 1_000_000, noNaN: true }),
  diurnalPeakFactor: fc.double({ min: 1, max: 5, noNaN: true }),
  eventSizeBytes: fc.double({ min: 10, max: 100_000, noNaN: true }),
  replicationFactor: fc.integer({ min: 1, max: 5 }),
  retentionHours: fc.double({ min: 1, max: 720, noNaN: true }),
  consumerGroups: fc.integer({ min: 0, max: 10 }),
  diskGibPerBroker: fc.double({ min: 100, max: 20_000, noNaN: true }),
  spareNodes: fc.integer({ min: 0, max: 2 }),
});
const batchStage = fc.record({
  kind: fc.constant('batch' as const),
  dataVolumeGibPerRun: fc.double({ min: 0.1, max: 100_000, noNaN: true }),
  throughputGibPerCoreHour: fc.double({ min: 0.5, max: 200, noNaN: true }),
  runsPerDay: fc.double({ min: 0.1, max: 48, noNaN: true }),
  completionWindowHours: fc.double({ min: 0.1, max: 48, noNaN: true }),
  maxUtilizationRatio: fc.double({ min: 0.1, max: 1, noNaN: true }),
  workerCores: fc.integer({ min: 1, max: 16 }),
  workerMemoryGib: fc.double({ min: 0.5, max: 64, noNaN: true }),
});
const anyWorkload = fc.array(fc.oneof(streamStage, brokerStage, batchStage), { minLength: 1, maxLength: 3 }).map((stages): WorkloadSpecInput => ({
  kind: stages.some((stage) => stage.kind !== 'batch') ? 'streaming' : 'batch',
  stages: stages.map((stage, index): StageSpecInput => ({ ...stage, name: `stage-${index}` })),
}));
const anyScenario = fc.record({
  startMonth: fc.constant('2026-01'),
  horizonMonths: fc.integer({ min: 1, max: 12 }),
  growth: fc.record({ kind: fc.constant('compound' as const), monthlyGrowthRatio: fc.double({ min: -0.5, max: 1, noNaN: true }) }),
  zones: fc.integer({ min: 1, max: 3 }),
});

describe('properties', () => {
  it('no NaN or Infinity anywhere in a projection, for any valid input', () => {
    fc.assert(
      fc.property(anyWorkload, anyScenario, (spec, scenarioSpec) => {
        const bad = allNumbers(projectScenario(spec, scenarioSpec, testCatalog)).filter(([, value]) => !Number.isFinite(value));
        expect(bad).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it('a stage’s node count is the largest of its constraints, and the binding one attains it', () => {
    fc.assert(
      fc.property(anyWorkload, anyScenario, (spec, scenarioSpec) => {
        for (const month of projectScenario(spec, scenarioSpec, testCatalog).months) {
          for (const stage of month.stages) {
            if (stage.kind !== 'sized') continue;
            expect(stage.nodes).toBe(Math.max(...stage.constraints.map((constraint) => constraint.nodes)));
            expect(stage.constraints.find((constraint) => constraint.constraint === stage.bindingConstraint)?.nodes).toBe(stage.nodes);
            expect(stage.workers).toBeLessThanOrEqual(stage.nodes * stage.workersPerNode);
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('projections are monotone in growth: more growth never means fewer workers, or a cheaper node group or fewer nodes on the same type', () => {
    fc.assert(
      fc.property(
        anyWorkload,
        anyScenario,
        fc.double({ min: 0, max: 0.3, noNaN: true }),
        fc.constantFrom<ScenarioSpecInput['instance']>({ mode: 'cheapest' }, { mode: 'fixed', instanceType: 'aws:us-east-1:r7i.4xlarge' }),
        (spec, scenarioSpec, extraGrowth, instance) => {
          const base = { ...scenarioSpec, instance };
          const slower = projectScenario(spec, base, testCatalog);
          const faster = projectScenario(spec, { ...base, growth: { kind: 'compound', monthlyGrowthRatio: Math.min(1, scenarioSpec.growth.monthlyGrowthRatio + extraGrowth) } }, testCatalog);
          slower.months.forEach((month, monthIndex) => {
            month.stages.forEach((low, stageIndex) => {
              const high = faster.months[monthIndex]?.stages[stageIndex];
              if (high === undefined) throw new Error('missing stage');
              if (low.kind === 'infeasible') {
                expect(high.kind).toBe('infeasible'); // more demand never makes an infeasible stage feasible
                return;
              }
              if (high.kind === 'infeasible') return; // e.g. more than a million servers
              // The type is chosen for the whole horizon, so faster growth may pick another one; a
              // broker's worker count is its node count on that type.
              const sameType = high.instance.id === low.instance.id;
              if (sameType || low.stageKind !== 'broker') expect(high.workers).toBeGreaterThanOrEqual(low.workers);
              if (sameType) {
                expect(high.nodeGroupOnDemandUsdPerHour).toBeGreaterThanOrEqual(low.nodeGroupOnDemandUsdPerHour * (1 - 1e-12));
                expect(high.nodes).toBeGreaterThanOrEqual(low.nodes);
              }
            });
          });
        },
      ),
      { numRuns: 60 },
    );
  });

  it('under non-decreasing demand a stage keeps one instance type and its capacity (nodes × vCPU, nodes × disk) never decreases', () => {
    fc.assert(
      fc.property(
        anyWorkload,
        anyScenario,
        fc.double({ min: 0, max: 0.3, noNaN: true }),
        fc.constantFrom(1, 2, 4),
        (spec, scenarioSpec, monthlyGrowthRatio, compressionRatio) => {
          const projection = projectScenario(spec, { ...scenarioSpec, growth: { kind: 'compound', monthlyGrowthRatio }, storage: { compressionRatio } }, testCatalog);
          projection.stageNames.forEach((_, stageIndex) => {
            const months = projection.months.map((month) => month.stages[stageIndex]);
            const sizedMonths = months.filter((stage): stage is Exclude<StageMonth, { kind: 'infeasible' }> => stage?.kind === 'sized');
            expect(new Set(sizedMonths.map((stage) => stage.instance.id)).size).toBeLessThanOrEqual(1);
            for (let m = 1; m < months.length; m += 1) {
              const before = months[m - 1];
              const after = months[m];
              if (before?.kind !== 'sized' || after?.kind !== 'sized') continue;
              expect(after.nodes * after.instance.vcpu).toBeGreaterThanOrEqual(before.nodes * before.instance.vcpu);
              if (before.stageKind === 'broker' && after.stageKind === 'broker') {
                expect(after.nodes * after.disk.sizeGib).toBeGreaterThanOrEqual(before.nodes * before.disk.sizeGib);
              }
            }
          });
        },
      ),
      { numRuns: 60 },
    );
  });
});
