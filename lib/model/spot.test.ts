import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BatchStageSchema, PurchaseMixSchema, StreamStageSchema } from './schemas';
import { binomialTailAbove, exposureWindow, INTERRUPTION_RATE_BY_BAND, isSpotEligible, planSpotStage } from './spot';
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
  it('10 nodes (N+1 included), base 0.2, share 0.7 → 5 spot + 1 extra (the spare counts), risk 0.01585, saving 1,898 USD/month', () => {
    const result = planSpotStage({ stage, nodes: 10, instance, activeHoursPerDay: 24, zones: 3, mix: mix({ onDemandBaseRatio: 0.2, spotShareRatio: 0.7 }) });
    // e = 0: P(Bin(5, 0.1) > 1) = 1 − 0.9⁵ − 5 × 0.1 × 0.9⁴ = 0.08146 > 0.05; e = 1: P(Bin(6, 0.1) > 2) below.
    expect(tailBySum(5, 0.1, 1)).toBeCloseTo(1 - 0.59049 - 0.32805, 12);
    const byHand = 1 - (0.531441 + 0.354294 + 0.098415);
    expect(result).toMatchObject({ kind: 'spot', sizedNodes: 10, bufferNodes: 1, spotNodes: 6, onDemandNodes: 5, totalNodes: 11, interruptionRatePerMonthRatio: 0.1 });
    expect(result.residualRiskRatio).toBeCloseTo(byHand, 9);
    expect(result.expectedShortMinutesPerMonth).toBeCloseTo(byHand * 5, 9);
    expect(result.allOnDemandUsdPerMonth).toBeCloseTo(7300, 9);
    expect(result.onDemandUsdPerMonth + result.spotUsdPerMonth).toBeCloseTo(5 * 730 + 6 * 0.4 * 730, 9); // 5,402
    expect(result.savingsUsdPerMonth).toBeCloseTo(1898, 9);
  });

  it('without a spare the buffer carries the whole risk: 2 extra nodes, as before issue 11', () => {
    const noSpare = { ...stage, spareNodes: 0 };
    const result = planSpotStage({ stage: noSpare, nodes: 10, instance, activeHoursPerDay: 24, zones: 3, mix: mix({ onDemandBaseRatio: 0.2, spotShareRatio: 0.7 }) });
    expect(result).toMatchObject({ bufferNodes: 2, spotNodes: 7, totalNodes: 12 });
    expect(result.residualRiskRatio).toBeCloseTo(tailBySum(7, 0.1, 2), 9);
  });

  it('flags a share that cannot keep the SLO at the stated risk and prices it on-demand', () => {
    const risky = { ...instance, spotInterruptionBand: 4 };
    // S = 1, no spare: e = 1 gives P(Bin(2, 0.25) > 1) = 0.0625 > 0.01, and e = 2 would exceed S.
    const result = planSpotStage({ stage: { ...stage, spareNodes: 0 }, nodes: 2, instance: risky, activeHoursPerDay: 24, zones: 1, mix: mix({ spotShareRatio: 0.5, spotRiskToleranceRatio: 0.01 }) });
    expect(result).toMatchObject({ kind: 'flagged', spotNodes: 0, onDemandNodes: 2, savingsUsdPerMonth: 0 });
    expect(result.reason).toMatch(/cannot keep the SLO at a monthly risk of 0\.01/);
  });
});

describe('docs/model.md §12.2 step 4: the buffer per node-hour run (a batch node lives for its run)', () => {
  const batch = BatchStageSchema.parse({ kind: 'batch', name: 'etl', dataVolumeGibPerRun: 100, throughputGibPerCoreHour: 10 });
  const band3 = { ...instance, spotInterruptionBand: 3 };

  it('10 spot nodes in band 3 running 4 h a night need 1 extra node, against 6 when they run all month', () => {
    const q = 1 - 0.8 ** (4 / 730); // 0.0012220
    const budget = 1 - 0.95 ** (24 / 730); // per run, so that 30.42 runs a month stay within 0.05
    expect(q).toBeCloseTo(0.001222, 6);
    expect(exposureWindow(0.2, 4, 1, 0.05)).toMatchObject({ hours: 4, windowsPerMonth: 730 / 24 });
    expect(exposureWindow(0.2, 4, 1, 0.05).interruptionRatio).toBeCloseTo(q, 12);
    expect(exposureWindow(0.2, 4, 1, 0.05).riskBudgetRatio).toBeCloseTo(budget, 12);
    // e = 0: P(Bin(10, q) > 0) = 0.01215 > budget 0.001685; e = 1: P(Bin(11, q) > 1) ≈ 55 q² = 8.2e-5.
    expect(tailBySum(10, q, 0)).toBeGreaterThan(budget);
    expect(tailBySum(11, q, 1)).toBeLessThan(budget);
    const nightly = planSpotStage({ stage: batch, nodes: 10, instance: band3, activeHoursPerDay: 4, zones: 1, mix: mix({ spotShareRatio: 1 }) });
    expect(nightly).toMatchObject({ kind: 'spot', bufferNodes: 1, spotNodes: 11, totalNodes: 11 });
    expect(nightly.residualRiskRatio).toBeCloseTo(1 - (1 - tailBySum(11, q, 1)) ** (730 / 24), 9);

    // All month: e = 5 gives P(Bin(15, 0.2) > 5) = 0.0611, e = 6 gives P(Bin(16, 0.2) > 6) = 0.0267.
    expect(tailBySum(15, 0.2, 5)).toBeGreaterThan(0.05);
    expect(tailBySum(16, 0.2, 6)).toBeLessThan(0.05);
    expect(planSpotStage({ stage: batch, nodes: 10, instance: band3, activeHoursPerDay: 24, zones: 1, mix: mix({ spotShareRatio: 1 }) })).toMatchObject({ bufferNodes: 6 });
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
        // Losing more than the buffer plus the spare (the demand's margin) is within the tolerance (direct sum).
        if (result.kind === 'spot') {
          const rate = INTERRUPTION_RATE_BY_BAND[band] ?? NaN;
          expect(tailBySum(result.spotNodes, rate, result.bufferNodes + stage.spareNodes)).toBeLessThanOrEqual(tolerance + 1e-9);
        }
        if (result.kind === 'spot') expect(result.residualRiskRatio).toBeLessThanOrEqual(tolerance);
      }),
    );
  });
});
