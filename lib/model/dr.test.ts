import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeDr, recoveryMinutes, type DrMonthInput } from './dr';
import { DrPolicySchema } from './schemas';
import { testPricing } from './test-pricing';

const prices = {
  interRegion: { kind: 'inter-region', usdPerGib: 0.02, chargedEachDirection: false } as const,
  backupTier: testPricing.storageTiers.find((tier) => tier.accessTier === 'warm' && tier.kind === 'object')!,
};

/**
 * docs/model.md §15: a broker stage of 6 nodes (pilot light keeps 3) and a stream stage of 8,
 * every node 365 USD/month on-demand; 12,656.25 GiB of data, 190.6875 USD/month of storage,
 * 12,832.03 GiB/month of ingress to replicate.
 */
const month: DrMonthInput = {
  stages: [
    { nodes: 6, usdPerNodeMonth: 365, pilotLightNodes: 3 },
    { nodes: 8, usdPerNodeMonth: 365, pilotLightNodes: 0 },
  ],
  dataGib: 12_656.25,
  ingestGibPerDay: 421.875, // 30 days of retention
  storageUsdPerMonth: 190.6875,
  replicationGibPerMonth: 12_832.03125,
};

describe('DR strategies, by hand', () => {
  it('derives RTO and RPO from the parameters', () => {
    const policy = DrPolicySchema.parse({});
    expect(recoveryMinutes('backup-restore', 12_656.25, policy)).toEqual({ rtoMinutes: 30 + 759.375 + 5, rpoMinutes: 1440 });
    expect(recoveryMinutes('pilot-light', 12_656.25, policy)).toEqual({ rtoMinutes: 35, rpoMinutes: 1 });
    expect(recoveryMinutes('warm-standby', 12_656.25, policy)).toEqual({ rtoMinutes: 15, rpoMinutes: 1 });
    expect(recoveryMinutes('active-active', 12_656.25, policy)).toEqual({ rtoMinutes: 5, rpoMinutes: 1 });
  });

  it('prices each strategy and picks the cheapest meeting RTO ≤ 60 min, RPO ≤ 5 min: pilot light', () => {
    const analysis = analyzeDr([month], DrPolicySchema.parse({ strategy: 'compare', rtoTargetMinutes: 60, rpoTargetMinutes: 5 }), prices);
    const cost = Object.fromEntries(analysis.options.map((option) => [option.strategy, option.meanUsdPerMonth]));
    expect(cost['backup-restore']).toBeCloseTo(885.9375 + 256.640625, 6);
    expect(cost['pilot-light']).toBeCloseTo(3 * 365 + 190.6875 + 256.640625, 6);
    expect(cost['warm-standby']).toBeCloseTo((3 + 2) * 365 + 190.6875 + 256.640625, 6);
    expect(cost['active-active']).toBeCloseTo(14 * 365 + 190.6875 + 256.640625, 6);
    expect(analysis.options.every((option) => option.pareto)).toBe(true);
    expect(analysis.recommendation).toMatchObject({ kind: 'meets', strategy: 'pilot-light' });
  });

  it('backups as a continuous object-store sink: 421.875 GiB/day kept 30 + 7 days = 156.09 USD, RPO the 10-minute flush', () => {
    const policy = DrPolicySchema.parse({ strategy: 'compare', backupMode: 'continuous', rtoTargetMinutes: 900, rpoTargetMinutes: 15 });
    expect(recoveryMinutes('backup-restore', 12_656.25, policy)).toEqual({ rtoMinutes: 30 + 759.375 + 5, rpoMinutes: 10 });
    const analysis = analyzeDr([month], policy, prices);
    const backup = analysis.options.find((option) => option.strategy === 'backup-restore');
    // 421.875 × 37 = 15,609.375 GiB at 0.01 (TEST warm tier), plus the month's ingress copied at 0.02.
    expect(backup?.meanUsdPerMonth).toBeCloseTo(156.09375 + 256.640625, 6);
    // Now backup & restore meets an RPO of 15 minutes and is the cheapest that does.
    expect(analysis.recommendation).toMatchObject({ kind: 'meets', strategy: 'backup-restore' });
    expect(backup?.explanation).toMatch(/a continuous object-store sink flushing every 10 min, kept 7 days beyond the retention/);
  });

  it('says clearly when no strategy meets the targets', () => {
    const analysis = analyzeDr([month], DrPolicySchema.parse({ rtoTargetMinutes: 1, rpoTargetMinutes: 0.5 }), prices);
    expect(analysis.recommendation.kind).toBe('none-meets');
    expect(analysis.recommendation.reason).toMatch(/^No strategy meets RTO ≤ 1 min and RPO ≤ 0\.5 min: the fastest, active-active, gives RTO 5 min and RPO 1 min/);
  });

  it('marks a strategy that costs more and recovers slower as off the frontier', () => {
    const analysis = analyzeDr([{ ...month, stages: [{ nodes: 6, usdPerNodeMonth: 365, pilotLightNodes: 6 }] }], DrPolicySchema.parse({}), prices);
    // Warm standby keeps max(6, ⌈0.25 × 6⌉) = 6 nodes, like pilot light, and recovers faster.
    expect(analysis.options.find((option) => option.strategy === 'pilot-light')?.pareto).toBe(false);
  });
});

describe('properties', () => {
  it('a stricter RTO never picks a cheaper strategy', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 5000, noNaN: true }),
        fc.double({ min: 0, max: 5000, noNaN: true }),
        fc.option(fc.double({ min: 0, max: 2000, noNaN: true }), { nil: undefined }),
        fc.double({ min: 1, max: 1e6, noNaN: true }),
        fc.double({ min: 0.05, max: 1, noNaN: true }),
        (rtoA, rtoB, rpo, dataGib, standby) => {
          const pick = (rto: number) =>
            analyzeDr([{ ...month, dataGib }], DrPolicySchema.parse({ rtoTargetMinutes: rto, rpoTargetMinutes: rpo, standbyCapacityRatio: standby }), prices);
          const strict = pick(Math.min(rtoA, rtoB));
          const loose = pick(Math.max(rtoA, rtoB));
          if (strict.recommendation.kind !== 'meets') return;
          const costOf = (analysis: typeof strict, strategy: string) => analysis.options.find((option) => option.strategy === strategy)?.meanUsdPerMonth ?? NaN;
          expect(loose.recommendation.kind).toBe('meets');
          if (loose.recommendation.kind !== 'meets') return;
          expect(costOf(strict, strict.recommendation.strategy)).toBeGreaterThanOrEqual(costOf(loose, loose.recommendation.strategy));
        },
      ),
    );
  });

  it('costs are never negative and the frontier is never empty', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e7, noNaN: true }), fc.double({ min: 0, max: 1e7, noNaN: true }), (dataGib, gib) => {
        const analysis = analyzeDr([{ ...month, dataGib, replicationGibPerMonth: gib }], DrPolicySchema.parse({}), prices);
        expect(analysis.options.every((option) => option.usdPerMonth.every((usd) => usd >= 0))).toBe(true);
        expect(analysis.options.some((option) => option.pareto)).toBe(true);
      }),
    );
  });
});
