import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { candidateOffers, commitmentLadder, offerCovers } from './commitments';
import { testPricing } from './test-pricing';

const oneYear = { id: 'test:1y', program: 'TEST', termYears: 1 as const, discountRatio: 0.3 };

describe('commitment ladder, by hand (docs/model.md §16)', () => {
  it('commits the P10 path month by month and prices saving and stranding', () => {
    const ladder = commitmentLadder({
      p10UsdPerMonth: [100, 110, 120],
      likelyUsdPerMonth: [100, 130, 150],
      stressPaths: { label: 'growth stops', paths: [[100, 100, 100]] },
      offer: oneYear,
    });
    expect(ladder.months.map((month) => month.purchasedUsdPerMonth)).toEqual([100, 10, 10]);
    expect(ladder.months.map((month) => month.committedUsdPerMonth)).toEqual([100, 110, 120]);
    expect(ladder.months[2]?.commitmentCostUsdPerMonth).toBeCloseTo(84, 12);
    // Saving = 0.3 × committed each month: 30 + 33 + 36.
    expect(ladder.savingUsd).toBeCloseTo(99, 9);
    expect(ladder.strandedUsd).toBe(0);
    // If growth stops at 100: 10 and 20 unused in months 1 and 2, paid at 0.7.
    expect(ladder.stress).toMatchObject({ paths: 1, strandedProbabilityRatio: 1 });
    expect(ladder.stress.meanStrandedUsd).toBeCloseTo(21, 9);
    // Terms run past the 3-month horizon: 100 × 9 + 10 × 10 + 10 × 11 months at 0.7.
    expect(ladder.beyondHorizonUsd).toBeCloseTo(0.7 * (900 + 100 + 110), 9);
  });

  it('never commits above a later dip of the P10 path within the term', () => {
    const ladder = commitmentLadder({ p10UsdPerMonth: [100, 60, 80], likelyUsdPerMonth: [100, 60, 80], stressPaths: { label: 'none', paths: [] }, offer: oneYear });
    expect(ladder.months.map((month) => month.committedUsdPerMonth)).toEqual([60, 60, 80]);
  });

  it('chooses the offer by id, else the smallest discount of the term', () => {
    expect(candidateOffers(testPricing.commitments, 3, undefined)).toMatchObject([{ id: 'test:3y' }]);
    expect(candidateOffers(testPricing.commitments, 1, 'test:1y')).toMatchObject([{ discountRatio: 0.3 }]);
    expect(candidateOffers(testPricing.commitments, 1, 'nope')).toBe('Commitment offer "nope" is not in the pricing.');
    expect(candidateOffers([], 3, undefined)).toBe('The pricing has no 3-year commitment offer.');
    const c4aCud = { appliesToFamilies: ['c4a'], appliesToRegions: ['us-central1'] };
    expect(offerCovers(c4aCud, { family: 'n2', region: 'us-central1' })).toBe(false);
    expect(offerCovers(c4aCud, { family: 'c4a', region: 'europe-west1' })).toBe(false);
    expect(offerCovers(c4aCud, { family: 'c4a', region: 'us-central1' })).toBe(true);
    expect(offerCovers({}, { family: 'n2', region: 'anywhere' })).toBe(true);
  });
});

describe('properties', () => {
  const path = fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 60 });
  it('commitment never exceeds the P10 path and never strands on a path at or above it', () => {
    fc.assert(
      fc.property(path, fc.constantFrom(1 as const, 3 as const), fc.double({ min: 0, max: 0.9, noNaN: true }), (p10, termYears, discountRatio) => {
        const likely = p10.map((usd) => usd * 1.2);
        const ladder = commitmentLadder({ p10UsdPerMonth: p10, likelyUsdPerMonth: likely, stressPaths: { label: 'p10', paths: [p10] }, offer: { ...oneYear, termYears, discountRatio } });
        ladder.months.forEach((month, index) => expect(month.committedUsdPerMonth).toBeLessThanOrEqual((p10[index] ?? 0) * (1 + 1e-12) + 1e-9));
        expect(ladder.strandedUsd).toBeLessThanOrEqual(1e-6);
        expect(ladder.stress.maxStrandedUsd).toBeLessThanOrEqual(1e-6);
        expect(ladder.savingUsd).toBeGreaterThanOrEqual(-1e-6);
      }),
    );
  });
});
