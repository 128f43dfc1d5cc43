import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { demandMultipliers, eventsBeyondHorizon, growthWarnings, monthIndexOf, monthLabel } from './growth';
import { projectScenario } from './project';
import { ScenarioSpecSchema } from './schemas';
import { testCatalog } from './test-catalog';
import type { WorkloadSpecInput } from './types';
import { GrowthSchema } from './schemas';

const growth = (input: unknown) => GrowthSchema.parse(input);

describe('calendar arithmetic', () => {
  it.each([
    ['2026-01', '2026-01', 0],
    ['2026-01', '2026-11', 10],
    ['2026-11', '2027-02', 3],
    ['2026-05', '2025-12', -5],
  ])('from %s to %s is %i months', (start, target, months) => {
    expect(monthIndexOf(start, target)).toBe(months);
  });

  it.each([
    ['2026-11', 3, '2027-02'],
    ['2026-01', 0, '2026-01'],
    ['2026-12', 1, '2027-01'],
    ['2026-01', 59, '2030-12'],
  ])('month %i after %s is labelled %s', (start, index, label) => {
    expect(monthLabel(start, index)).toBe(label);
  });
});

describe('demandMultipliers', () => {
  it('flat growth is 1 every month', () => {
    expect(demandMultipliers(growth({ kind: 'flat' }), '2026-01', 4)).toEqual([1, 1, 1, 1]);
  });

  it('compound growth is (1 + g)^m', () => {
    const multipliers = demandMultipliers(growth({ kind: 'compound', monthlyGrowthRatio: 0.1 }), '2026-01', 4);
    [1, 1.1, 1.21, 1.331].forEach((expected, month) => expect(multipliers[month]).toBeCloseTo(expected, 12));
  });

  it('linear growth adds a share of month-0 demand each month and a decline stops at zero', () => {
    expect(demandMultipliers(growth({ kind: 'linear', monthlyIncreaseRatio: 0.25 }), '2026-01', 4)).toEqual([1, 1.25, 1.5, 1.75]);
    expect(demandMultipliers(growth({ kind: 'linear', monthlyIncreaseRatio: -0.5 }), '2026-01', 4)).toEqual([1, 0.5, 0, 0]);
  });

  it('step events by month index or ISO month, temporary or permanent, multiply the trend', () => {
    const spec = growth({
      kind: 'compound',
      monthlyGrowthRatio: 0.1,
      stepEvents: [
        { at: 1, multiplier: 3, durationMonths: 1, label: 'launch week' },
        { at: '2026-04', multiplier: 2 },
      ],
    });
    const multipliers = demandMultipliers(spec, '2026-01', 5);
    [1, 3.3, 1.21, 2 * 1.331, 2 * 1.4641].forEach((expected, month) => expect(multipliers[month]).toBeCloseTo(expected, 12));
  });

  it('"×3 traffic in November" applies only to November', () => {
    const spec = growth({ kind: 'flat', stepEvents: [{ at: '2026-11', multiplier: 3, durationMonths: 1 }] });
    const multipliers = demandMultipliers(spec, '2026-01', 14);
    expect(multipliers.map((multiplier, month) => (multiplier === 3 ? monthLabel('2026-01', month) : null)).filter(Boolean)).toEqual(['2026-11']);
  });

  it('reports events that start after the horizon', () => {
    const spec = growth({ kind: 'flat', stepEvents: [{ at: 2, multiplier: 2 }, { at: '2027-01', multiplier: 5 }] });
    expect(eventsBeyondHorizon(spec, '2026-01', 12).map((event) => event.at)).toEqual(['2027-01']);
  });

  describe('properties', () => {
    it('a higher compound rate never lowers any month’s demand', () => {
      fc.assert(
        fc.property(fc.double({ min: -0.5, max: 1, noNaN: true }), fc.double({ min: -0.5, max: 1, noNaN: true }), fc.integer({ min: 1, max: 60 }), (a, b, months) => {
          const [low, high] = a <= b ? [a, b] : [b, a];
          const lower = demandMultipliers(growth({ kind: 'compound', monthlyGrowthRatio: low }), '2026-01', months);
          const higher = demandMultipliers(growth({ kind: 'compound', monthlyGrowthRatio: high }), '2026-01', months);
          lower.forEach((value, month) => expect(higher[month]).toBeGreaterThanOrEqual(value));
        }),
      );
    });

    it('multipliers are finite and non-negative for any valid growth', () => {
      fc.assert(
        fc.property(
          fc.oneof(
            fc.record({ kind: fc.constant('compound'), monthlyGrowthRatio: fc.double({ min: -0.5, max: 1, noNaN: true }) }),
            fc.record({ kind: fc.constant('linear'), monthlyIncreaseRatio: fc.double({ min: -1, max: 10, noNaN: true }) }),
          ),
          fc.array(fc.record({ at: fc.integer({ min: 0, max: 70 }), multiplier: fc.double({ min: 1e-3, max: 1000, noNaN: true }) }), { maxLength: 10 }),
          (trend, stepEvents) => {
            for (const value of demandMultipliers(growth({ ...trend, stepEvents }), '2026-01', 60)) {
              expect(Number.isFinite(value)).toBe(true);
              expect(value).toBeGreaterThanOrEqual(0);
            }
          },
        ),
      );
    });
  });
});

describe('input traps (docs/model.md §5.1)', () => {
  it('a monthly growth of 15 % or more warns with what it compounds to in a year', () => {
    // 1.15² = 1.3225, ⁴ = 1.74900625, ⁸ = 3.05902…, ¹² = 3.05902 × 1.74901 = 5.35025 → +435 %;
    // as an annual rate: e^(ln 1.15 ÷ 12) − 1 = e^(0.139762 ÷ 12) − 1 = 0.011715 → 1.17 % a month.
    expect(growthWarnings(growth({ kind: 'compound', monthlyGrowthRatio: 0.15 }))).toEqual([
      'Monthly growth of 15 % compounds to 5.35× a year (+435 %); if 15 % is the annual rate, enter 1.17 % a month.',
    ]);
    // Linear 0.2: 12 × 20 % = 240 % of month-0 demand a year; 20 % ÷ 12 = 1.67 % a month.
    expect(growthWarnings(growth({ kind: 'linear', monthlyIncreaseRatio: 0.2 }))).toEqual([
      'A monthly increase of 20 % adds 240 % of month-0 demand a year; if 20 % is the annual increase, enter 1.67 % a month.',
    ]);
    expect(growthWarnings(growth({ kind: 'compound', monthlyGrowthRatio: 0.1499 }))).toEqual([]);
    const workload: WorkloadSpecInput = { kind: 'streaming', stages: [{ kind: 'broker', name: 'kafka', avgEventsPerSec: 1000 }] };
    expect(projectScenario(workload, { startMonth: '2026-01', horizonMonths: 2, growth: { kind: 'compound', monthlyGrowthRatio: 0.2 } }, testCatalog).warnings).toEqual([
      // 1.2¹² = 8.9161 → +792 %; 1.2^(1/12) − 1 = 0.015309 → 1.53 %
      'Monthly growth of 20 % compounds to 8.92× a year (+792 %); if 20 % is the annual rate, enter 1.53 % a month.',
    ]);
  });

  it('a step event dated before the start month is a field error, not applied to month 0', () => {
    const parsed = ScenarioSpecSchema.safeParse({ startMonth: '2026-03', growth: { kind: 'flat', stepEvents: [{ at: '2026-01', multiplier: 2 }] } });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]).toMatchObject({ path: ['growth', 'stepEvents', 0, 'at'], message: 'Step event month 2026-01 is before the start month 2026-03.' });
  });
});
