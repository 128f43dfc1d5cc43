import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PurchaseMixSchema, StreamStageSchema } from './schemas';
import { binomialTailAbove, isSpotEligible, planSpotStage } from './spot';
import type { PricedInstanceType } from './types';

const instance: PricedInstanceType = {
  id: 'aws:test:n8', provider: 'aws', region: 'test', name: 'n8', family: 'n', arch: 'x86_64',
  vcpu: 8, memoryGib: 32, networkGbps: 10, onDemandUsdPerHour: 1, spotDiscountRatio: 0.6, spotInterruptionBand: 1,
};
const stage = StreamStageSchema.parse({ kind: 'stream', name: 'scorer', avgEventsPerSec: 100, cpuMsPerEvent: 5 });
const mix = (overrides: object) => PurchaseMixSchema.parse(overrides);

/** Direct sum of the binomial pmf, an independent check of the log-space tail. */
function tailBySum(n: number, p: number, k: number): number {
  let choose = 1;
  let cdf = 0;
  for (let i = 0; i <= k; i += 1) {
    cdf += choose * p ** i * (1 - p) ** (n - i);
    choose = (choose * (n - i)) / (i + 1);
  }
  return 1 - cdf;
}

describe('binomialTailAbove', () => {
  it('matches hand values and a direct sum', () => {
    expect(binomialTailAbove(2, 0.1, 1)).toBeCloseTo(0.01, 12);
    expect(binomialTailAbove(7, 0.1, 2)).toBeCloseTo(0.0256915, 7);
    expect(binomialTailAbove(40, 0.15, 8)).toBeCloseTo(tailBySum(40, 0.15, 8), 12);
    expect(binomialTailAbove(5, 0.1, 5)).toBe(0);
    expect(binomialTailAbove(5, 0, 0)).toBe(0);
    expect(binomialTailAbove(5, 0.1, -1)).toBe(1);
  });

  it('does not underflow for large pools', () => {
    // Normal approximation with continuity correction: z = 100.5 / √3,200 = 1.777 → 0.0378.
    expect(binomialTailAbove(20_000, 0.2, 4100)).toBeCloseTo(0.0378, 2);
  });
});

describe('spot eligibility', () => {
  it('lets stateless stream and batch workers use spot, keeps brokers on-demand unless overridden', () => {
    expect(isSpotEligible({ kind: 'stream', name: 'a' }, {})).toBe(true);
    expect(isSpotEligible({ kind: 'batch', name: 'b' }, {})).toBe(true);
    expect(isSpotEligible({ kind: 'broker', name: 'k' }, {})).toBe(false);
    expect(isSpotEligible({ kind: 'broker', name: 'k' }, { k: true })).toBe(true);
    expect(isSpotEligible({ kind: 'stream', name: 'a' }, { a: false })).toBe(false);
  });
});

describe('docs/model.md §12: spot on a stream stage, by hand', () => {
  it('10 nodes, base 0.2, share 0.7 → 5 spot + 2 buffer, risk 0.0257, saving 1,606 USD/month', () => {
    const result = planSpotStage({ stage, nodes: 10, instance, activeHoursPerDay: 24, zones: 3, mix: mix({ onDemandBaseRatio: 0.2, spotShareRatio: 0.7 }) });
    expect(result).toMatchObject({ kind: 'spot', sizedNodes: 10, bufferNodes: 2, spotNodes: 7, onDemandNodes: 5, totalNodes: 12, interruptionRatePerMonthRatio: 0.1 });
    expect(result.residualRiskRatio).toBeCloseTo(0.0256915, 6);
    expect(result.expectedShortMinutesPerMonth).toBeCloseTo(0.1285, 4);
    expect(result.allOnDemandUsdPerMonth).toBeCloseTo(7300, 9);
    expect(result.onDemandUsdPerMonth + result.spotUsdPerMonth).toBeCloseTo(5694, 9);
    expect(result.savingsUsdPerMonth).toBeCloseTo(1606, 9);
  });

  it('flags a share that cannot keep the SLO at the stated risk and prices it on-demand', () => {
    const risky = { ...instance, spotInterruptionBand: 4 };
    const result = planSpotStage({ stage, nodes: 2, instance: risky, activeHoursPerDay: 24, zones: 1, mix: mix({ spotShareRatio: 0.5, spotRiskToleranceRatio: 0.01 }) });
    expect(result).toMatchObject({ kind: 'flagged', spotNodes: 0, onDemandNodes: 2, savingsUsdPerMonth: 0 });
    expect(result.reason).toMatch(/cannot keep the SLO at a monthly risk of 0\.01/);
  });

  it('reports, rather than hides, a buffer that costs more than spot saves', () => {
    const shallow = { ...instance, spotDiscountRatio: 0.05 };
    const result = planSpotStage({ stage, nodes: 10, instance: shallow, activeHoursPerDay: 24, zones: 3, mix: mix({ spotShareRatio: 1 }) });
    expect(result.kind).toBe('spot');
    expect(result.savingsUsdPerMonth).toBeLessThan(0);
    expect(result.reason).toMatch(/The buffer costs more than spot saves/);
  });

  it('keeps brokers on-demand by default', () => {
    const broker = { ...stage, kind: 'broker' } as unknown as typeof stage;
    expect(planSpotStage({ stage: broker, nodes: 6, instance, activeHoursPerDay: 24, zones: 3, mix: mix({ spotShareRatio: 1 }) })).toMatchObject({ kind: 'on-demand', spotNodes: 0 });
  });
});

describe('properties', () => {
  const arbitraries = [
    fc.integer({ min: 1, max: 300 }),
    fc.double({ min: 0, max: 1, noNaN: true }),
    fc.double({ min: 0, max: 1, noNaN: true }),
    fc.integer({ min: 0, max: 4 }),
    fc.double({ min: 0, max: 0.95, noNaN: true }),
    fc.double({ min: 0.001, max: 1, noNaN: true }),
  ] as const;
  const planWith = (nodes: number, base: number, share: number, band: number, discount: number, tolerance: number) =>
    planSpotStage({
      stage, nodes, instance: { ...instance, spotInterruptionBand: band, spotDiscountRatio: discount }, activeHoursPerDay: 24, zones: 3,
      mix: mix({ onDemandBaseRatio: base, spotShareRatio: share, spotRiskToleranceRatio: tolerance }),
    });

  it('more spot never costs more than all on-demand unless overprovisioning says so, and then it is reported', () => {
    fc.assert(
      fc.property(...arbitraries, (nodes, base, share, band, discount, tolerance) => {
        const result = planWith(nodes, base, share, band, discount, tolerance);
        const paid = result.onDemandUsdPerMonth + result.spotUsdPerMonth;
        expect(paid).toBeGreaterThanOrEqual(0);
        if (paid > result.allOnDemandUsdPerMonth * (1 + 1e-12)) expect(result.reason).toMatch(/costs more than spot saves/);
        expect(result.savingsUsdPerMonth).toBeCloseTo(result.allOnDemandUsdPerMonth - paid, 6);
      }),
    );
  });

  it('a priced spot split keeps the sized nodes after losing the buffer, within the stated risk', () => {
    fc.assert(
      fc.property(...arbitraries, (nodes, base, share, band, discount, tolerance) => {
        const result = planWith(nodes, base, share, band, discount, tolerance);
        expect(result.totalNodes).toBe(result.onDemandNodes + result.spotNodes);
        expect(result.totalNodes - result.bufferNodes).toBeGreaterThanOrEqual(nodes);
        if (result.kind === 'spot') expect(result.residualRiskRatio).toBeLessThanOrEqual(tolerance);
      }),
    );
  });
});
