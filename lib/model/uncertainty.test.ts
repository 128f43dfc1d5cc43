import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ModelInputError } from './errors';
import { exampleWorkloads } from './examples';
import { applyOverrides, projectScenario, sizeOnInstances } from './project';
import { fewestServers, sizeServers } from './queueing';
import { GrowthSchema, ScenarioSpecSchema, StageSchema, UncertaintySchema } from './schemas';
import { testCatalog } from './test-catalog';
import { bandOf, mulberry32, prepareUncertainty, quantileOfSorted, runMonteCarlo, triangularQuantile } from './uncertainty';

describe('seeded sampling', () => {
  it('mulberry32 reproduces its published sequence for a seed', () => {
    const random = mulberry32(1);
    expect([random(), random(), random()]).toEqual([0.6270739405881613, 0.002735721180215478, 0.5274470399599522]);
  });

  it('triangular quantiles: the mode splits the CDF, a point range is a point', () => {
    expect(triangularQuantile(0.5, { low: 0, likely: 0, high: 2 })).toBeCloseTo(2 - Math.SQRT2, 12);
    expect(triangularQuantile(0.5, { low: 0, likely: 1, high: 2 })).toBeCloseTo(1, 12);
    expect(triangularQuantile(0.25, { low: 0, likely: 1, high: 2 })).toBeCloseTo(Math.SQRT1_2, 12);
    expect(triangularQuantile(0.9, { low: 3, likely: 3, high: 3 })).toBe(3);
  });

  it('quantiles interpolate between order statistics (type 7) and skip infeasible samples', () => {
    expect(quantileOfSorted([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantileOfSorted([1, 2, 3, 4], 0.1)).toBeCloseTo(1.3, 12);
    expect(bandOf([4, NaN, 1, 3, 2])).toEqual({ p10: 1.3, p50: 2.5, p90: 3.7 });
  });
});

const [clickstream] = exampleWorkloads;
if (clickstream === undefined) throw new Error('example missing');
const scenario = ScenarioSpecSchema.parse(clickstream.scenarios[0]?.spec);
const stages = applyOverrides(clickstream.spec.stages, scenario, []);
const projection = projectScenario(clickstream.spec, scenario, testCatalog);
const instanceAt = (m: number, s: number) => {
  const stage = projection.months[m]?.stages[s];
  return stage?.kind === 'sized' ? stage.instance : undefined;
};

function simulate(spec: unknown) {
  const plan = prepareUncertainty(stages, scenario.growth, UncertaintySchema.parse(spec));
  const nodes: number[][] = [];
  runMonteCarlo({ stages, growth: scenario.growth, startMonth: scenario.startMonth, horizonMonths: 12, context: { zones: scenario.zones, storage: scenario.storage }, plan, instanceAt }, (sample) => {
    nodes.push(sample.counts.map((month) => month.reduce((sum, stage) => sum + stage.nodes, 0)));
  });
  return nodes;
}

describe('Monte Carlo', () => {
  const ranged = { samples: 200, seed: 42, growthRatio: { low: 0, likely: 0.04, high: 0.08 }, stages: { 'flink-sessionize': { cpuMsPerEvent: { low: 0.3, likely: 0.35, high: 0.5 } } } };

  it('same seed, same samples; another seed, other samples', () => {
    expect(simulate(ranged)).toEqual(simulate(ranged));
    expect(simulate({ ...ranged, seed: 43 })).not.toEqual(simulate(ranged));
  });

  it('one traffic draw per sample feeds every stage carrying the same events', () => {
    const traffic = { low: 30_000, likely: 40_000, high: 60_000 };
    const spec = UncertaintySchema.parse({ samples: 50, seed: 7, stages: { 'kafka-clickstream': { avgEventsPerSec: traffic }, 'flink-sessionize': { avgEventsPerSec: traffic, cpuMsPerEvent: { low: 0.3, likely: 0.35, high: 0.5 } } } });
    const plan = prepareUncertainty(stages, scenario.growth, spec);
    const pairs: [number, number][] = [];
    runMonteCarlo({ stages, growth: scenario.growth, startMonth: scenario.startMonth, horizonMonths: 1, context: { zones: scenario.zones, storage: scenario.storage }, plan, instanceAt }, (sample) => {
      const [kafka, flink] = sample.stages;
      if (kafka?.kind !== 'broker' || flink?.kind !== 'stream') throw new Error('clickstream stages');
      pairs.push([kafka.avgEventsPerSec, flink.avgEventsPerSec]);
    });
    // Same range, same quantile → the same value in both stages, sample by sample (independent
    // draws would agree with probability 0), and the values still spread over the range.
    expect(pairs.every(([kafka, flink]) => kafka === flink)).toBe(true);
    expect(new Set(pairs.map(([kafka]) => kafka)).size).toBe(50);
  });

  it('point inputs give zero-width bands equal to the projection', () => {
    const samples = simulate({ samples: 50, stages: { 'flink-sessionize': { cpuMsPerEvent: { low: 0.35, likely: 0.35, high: 0.35 } } } });
    const month11 = bandOf(samples.map((sample) => sample[11] ?? NaN));
    const projected = projection.months[11]?.stages.reduce((sum, stage) => sum + (stage.kind === 'sized' ? stage.nodes : 0), 0);
    expect(month11).toEqual({ p10: projected, p50: projected, p90: projected });
  });

  it('rejects ranges on unknown stages, non-range fields, out-of-bounds ends and flat growth, naming the path', () => {
    const issues = (spec: unknown) => {
      try {
        prepareUncertainty(stages, GrowthSchema.parse({ kind: 'flat' }), UncertaintySchema.parse(spec));
        return [];
      } catch (error) {
        if (!(error instanceof ModelInputError)) throw error;
        return error.issues.map((issue) => issue.path);
      }
    };
    expect(issues({ stages: { nope: { avgEventsPerSec: { low: 1, likely: 2, high: 3 } } } })).toEqual(['uncertainty.stages.nope']);
    expect(issues({ stages: { 'kafka-clickstream': { replicationFactor: { low: 2, likely: 3, high: 3 } } } })).toEqual(['uncertainty.stages.kafka-clickstream.replicationFactor']);
    expect(issues({ stages: { 'flink-sessionize': { cpuMsPerEvent: { low: -1, likely: 0.35, high: 0.5 } } } })).toEqual(['uncertainty.stages.flink-sessionize.cpuMsPerEvent.low']);
    expect(issues({ growthRatio: { low: 0, likely: 0.01, high: 0.02 } })).toEqual(['uncertainty.growthRatio']);
  });
});

describe('properties', () => {
  it('bands are ordered P10 ≤ P50 ≤ P90', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e9, max: 1e9, noNaN: true }), { minLength: 1, maxLength: 200 }), (values) => {
        const band = bandOf(values);
        expect(band.p10).toBeLessThanOrEqual(band.p50);
        expect(band.p50).toBeLessThanOrEqual(band.p90);
      }),
    );
  });

  it('samples stay within their ranges', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 0.999999, noNaN: true }), fc.double({ min: -100, max: 100, noNaN: true }), fc.double({ min: 0, max: 50, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (u, low, width, modeAt) => {
        const range = { low, likely: low + width * modeAt, high: low + width };
        const value = triangularQuantile(u, range);
        expect(value).toBeGreaterThanOrEqual(range.low - 1e-9);
        expect(value).toBeLessThanOrEqual(range.high + 1e-9);
      }),
    );
  });

  it('the lean count equals the full sizing: fewestServers = sizeServers, sizeOnInstances = projectScenario', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e5, noNaN: true }), fc.double({ min: 0.01, max: 50, noNaN: true }), fc.double({ min: 0.3, max: 1, noNaN: true }), (rate, serviceTimeMs, ceiling) => {
        const input = { arrivalRatePerSec: rate, serviceTimeMs, interArrivalCv: 1.3, serviceTimeCv: 1.5, latencySlo: { percentile: 99, targetMs: 250 }, maxUtilizationRatio: ceiling };
        const full = sizeServers(input);
        const lean = fewestServers(input);
        expect(full.kind === 'sized' ? full.servers : full.bindingConstraint).toEqual(typeof lean === 'number' ? lean : lean.bindingConstraint);
      }),
    );
    for (const example of exampleWorkloads) {
      for (const { spec } of example.scenarios) {
        const parsed = ScenarioSpecSchema.parse(spec);
        const full = projectScenario(example.spec, parsed, testCatalog);
        const lean = sizeOnInstances(
          applyOverrides(example.spec.stages.map((stage) => StageSchema.parse(stage)), parsed, []),
          { zones: parsed.zones, storage: parsed.storage },
          full.months.map((month) => month.demandMultiplier),
          (m, s) => {
            const stage = full.months[m]?.stages[s];
            return stage?.kind === 'sized' ? stage.instance : undefined;
          },
        );
        expect(lean.map((month) => month.map((stage) => stage.nodes))).toEqual(full.months.map((month) => month.stages.map((stage) => (stage.kind === 'sized' ? stage.nodes : NaN))));
      }
    }
  });
});
