import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HOURS_PER_MONTH } from './cost';
import { ModelInputError } from './errors';
import { exampleWorkloads } from './examples';
import { planScenario } from './plan-scenario';
import { testPricing } from './test-pricing';
import type { CommitmentOffer, ScenarioSpecInput } from './types';

const [clickstream, nightlyEtl] = exampleWorkloads;
if (clickstream === undefined || nightlyEtl === undefined) throw new Error('examples missing');
/** A scenario as stored before issue 4: no purchase, storage, network, DR or uncertainty fields. */
const base: ScenarioSpecInput = {
  horizonMonths: 12,
  startMonth: '2026-01',
  growth: { kind: 'compound', monthlyGrowthRatio: 0.04 },
  catalogFilter: { providers: ['aws'], regions: ['us-east-1'] },
  zones: 3,
};

function inputError(run: () => unknown): { path: string; message: string }[] {
  try {
    run();
  } catch (error) {
    if (error instanceof ModelInputError) return error.issues;
    throw error;
  }
  return [];
}

describe('planScenario', () => {
  it('prices a scenario without issue-4 fields all on-demand, with zero-width bands and no DR or commitments', () => {
    const plan = planScenario(clickstream.spec, base, testPricing);
    expect(plan).toMatchObject({ commitments: null, dr: null, drStrategy: null, spotFlags: [] });
    plan.months.forEach((month, index) => {
      const projected = plan.projection.months[index]!.stages.reduce(
        (sum, stage) => sum + (stage.kind === 'sized' ? stage.nodeGroupOnDemandUsdPerHour * HOURS_PER_MONTH : 0),
        0,
      );
      expect(month.breakdown.computeOnDemandUsdPerMonth).toBeCloseTo(projected, 6);
      expect(month.breakdown.computeSpotUsdPerMonth).toBe(0);
      expect(month.allOnDemandComputeUsdPerMonth).toBeCloseTo(projected, 6);
      const band = plan.uncertainty.months[index]!.totalUsdPerMonth;
      expect(band.p10).toBeCloseTo(month.breakdown.totalUsdPerMonth, 6);
      expect(band.p90).toBeCloseTo(month.breakdown.totalUsdPerMonth, 6);
    });
  });

  it('breaks every month down by component, and the components add up to the total', () => {
    const plan = planScenario(
      clickstream.spec,
      { ...base, purchase: { spotShareRatio: 0.7, commitment: { coverage: 'p10-ladder' } }, network: { internetEgressGibPerMonth: 1000 }, dr: { strategy: 'warm-standby' } },
      testPricing,
    );
    for (const month of plan.months) {
      const { totalUsdPerMonth, ...components } = month.breakdown;
      expect(Object.values(components).reduce((a, b) => a + b, 0)).toBeCloseTo(totalUsdPerMonth, 6);
      expect(Object.values(components).every((usd) => usd >= 0)).toBe(true);
      expect(month.breakdown.drUsdPerMonth).toBeGreaterThan(0);
      expect(month.unitCost.usdPerMillionEvents).toBeGreaterThan(0);
      expect(month.unitCost.usdPerTbProcessed).toBeNull();
    }
    expect(plan.drStrategy).toBe('warm-standby');
    expect(plan.totals.spotSavingsUsd).toBeGreaterThan(0);
    expect(plan.totals.commitmentSavingUsd).toBeGreaterThan(0);
  });

  it('gives batch workloads a cost per TB processed', () => {
    const [month] = planScenario(nightlyEtl.spec, nightlyEtl.scenarios[0]!.spec, testPricing).months;
    expect(month?.unitCost.usdPerMillionEvents).toBeNull();
    expect(month?.unitCost.usdPerTbProcessed).toBeGreaterThan(0);
  });

  it('with ranges: same seed, same bands; bands ordered every month', () => {
    const ranged: ScenarioSpecInput = {
      ...base,
      purchase: { spotShareRatio: 0.5, commitment: { coverage: 'p10-ladder', termYears: 3 } },
      uncertainty: { samples: 200, seed: 9, growthRatio: { low: 0.0, likely: 0.04, high: 0.1 }, stages: { 'kafka-clickstream': { eventSizeBytes: { low: 1000, likely: 1200, high: 2000 } } } },
    };
    const plan = planScenario(clickstream.spec, ranged, testPricing);
    expect(planScenario(clickstream.spec, ranged, testPricing).uncertainty).toEqual(plan.uncertainty);
    for (const month of plan.uncertainty.months) {
      const bands = [month.totalUsdPerMonth, ...month.stages.flatMap((stage) => [stage.nodes, stage.computeUsdPerMonth])];
      for (const band of bands) {
        expect(band.p10).toBeLessThanOrEqual(band.p50);
        expect(band.p50).toBeLessThanOrEqual(band.p90);
      }
    }
    expect(plan.uncertainty.months[11]!.totalUsdPerMonth.p90).toBeGreaterThan(plan.uncertainty.months[11]!.totalUsdPerMonth.p10);
    expect(plan.commitments?.stress).toMatchObject({ paths: 200, label: '200 Monte Carlo samples (hourly floor)' });
  });

  it('sizes the commitment ladder on the hourly floor: a batch cluster running part of the day adds nothing', () => {
    const commit = { ...base, growth: { kind: 'flat' }, purchase: { commitment: { coverage: 'p10-ladder', termYears: 1 } } } as const;
    // Nightly ETL: both Spark clusters run a few hours a day, so in most hours committable usage is
    // 0 and an hourly commitment above 0 would strand: the ladder buys nothing.
    const batch = planScenario(nightlyEtl.spec, { ...commit, catalogFilter: { providers: ['gcp'] } }, testPricing);
    expect(batch.months[0]?.stages.every((stage) => stage.committableUsdPerMonth > 0)).toBe(true);
    expect(batch.commitments?.months.map((month) => month.committedUsdPerMonth)).toEqual(new Array(12).fill(0));
    expect(batch.totals.commitmentSavingUsd).toBe(0);
    // Streaming stages run every hour: with flat growth the floor is the whole committable spend,
    // bought in month 0 and saving 0.3 of it every month.
    const streaming = planScenario(clickstream.spec, commit, testPricing);
    const committable = streaming.months[0]?.stages.reduce((sum, stage) => sum + stage.committableUsdPerMonth, 0) ?? NaN;
    expect(streaming.commitments?.months[0]?.committedUsdPerMonth).toBeCloseTo(committable, 9);
    expect(streaming.totals.commitmentSavingUsd).toBeCloseTo(12 * 0.3 * committable, 6);
  });

  it('an offer covers only the usage it applies to, and the largest expected saving wins', () => {
    const commit = { ...base, growth: { kind: 'flat' }, purchase: { commitment: { coverage: 'p10-ladder', termYears: 1 } } } as const;
    const plain = planScenario(clickstream.spec, commit, testPricing);
    const [kafka, flink] = plain.projection.months[0]?.stages ?? [];
    if (kafka?.kind !== 'sized' || flink?.kind !== 'sized') throw new Error('clickstream sized');
    const [kafkaUsd, flinkUsd] = (plain.months[0]?.stages ?? []).map((stage) => stage.committableUsdPerMonth);
    if (kafkaUsd === undefined || flinkUsd === undefined) throw new Error('two stages');
    // Flat growth, 12 months: an offer covering usage U at discount d saves 12 × d × U.
    const flexible: CommitmentOffer = { id: 'test:flex', program: 'TEST compute plan', termYears: 1, discountRatio: 0.3 };
    const flinkOnly: CommitmentOffer = { id: 'test:family', program: 'TEST family plan', termYears: 1, discountRatio: 0.5, appliesToFamilies: [flink.instance.family] };
    const elsewhere: CommitmentOffer = { id: 'test:other-region', program: 'TEST regional plan', termYears: 1, discountRatio: 0.9, appliesToRegions: ['nowhere-1'] };
    const plan = planScenario(clickstream.spec, commit, { ...testPricing, commitments: [flexible, flinkOnly, elsewhere] });
    const savings = { flexible: 12 * 0.3 * (kafkaUsd + flinkUsd), flinkOnly: 12 * 0.5 * flinkUsd, elsewhere: 0 };
    const expected = savings.flexible >= savings.flinkOnly ? flexible.id : flinkOnly.id;
    expect(plan.commitments?.offer.id).toBe(expected);
    expect(plan.totals.commitmentSavingUsd).toBeCloseTo(Math.max(savings.flexible, savings.flinkOnly), 6);
    // Asked for by id, the 90 % plan for another region covers nothing and saves nothing.
    const pinned = planScenario(clickstream.spec, { ...commit, purchase: { commitment: { coverage: 'p10-ladder', offerId: elsewhere.id } } }, { ...testPricing, commitments: [elsewhere] });
    expect(pinned.totals.commitmentSavingUsd).toBe(0);
    expect(pinned.commitments?.months.every((month) => month.committedUsdPerMonth === 0)).toBe(true);
  });

  it('names the field when pricing or a commitment is missing', () => {
    expect(inputError(() => planScenario(clickstream.spec, base, { ...testPricing, storageTiers: [] }))).toEqual([
      { path: 'storageTiers', message: 'The pricing has no hot block-storage tier.' },
    ]);
    expect(inputError(() => planScenario(clickstream.spec, { ...base, purchase: { commitment: { coverage: 'p10-ladder', offerId: 'x' } } }, testPricing))).toEqual([
      { path: 'purchase.commitment.offerId', message: 'Commitment offer "x" is not in the pricing.' },
    ]);
    expect(inputError(() => planScenario(clickstream.spec, base, { ...testPricing, instances: [{ ...testPricing.instances[0]!, spotInterruptionBand: 7 }] }))[0]?.path).toBe(
      'instances.0.spotInterruptionBand',
    );
  });
});

describe('properties', () => {
  it('cost is never negative, and spot never costs more than all on-demand unless a stage reports it', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.constantFrom('none' as const, 'p10-ladder' as const),
        fc.constantFrom('none' as const, 'compare' as const, 'active-active' as const),
        (onDemandBaseRatio, spotShareRatio, coverage, strategy) => {
          const plan = planScenario(clickstream.spec, { ...base, horizonMonths: 6, purchase: { onDemandBaseRatio, spotShareRatio, commitment: { coverage } }, dr: { strategy } }, testPricing);
          for (const month of plan.months) {
            expect(Object.values(month.breakdown).every((usd) => usd >= 0)).toBe(true);
            const spotCompute = month.stages.reduce((sum, stage) => sum + stage.computeUsdPerMonth, 0);
            const reported = month.stages.some((stage) => /costs more than spot saves/.test(stage.spot?.reason ?? ''));
            if (!reported) expect(spotCompute).toBeLessThanOrEqual(month.allOnDemandComputeUsdPerMonth * (1 + 1e-12));
          }
        },
      ),
      { numRuns: 25 },
    );
  });
});
