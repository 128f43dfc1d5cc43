import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HOURS_PER_MONTH, nodeGroupUsdPerMonth, nodeUsdPerHour, usdPerMillionEvents, usdPerTbProcessed } from './cost';

const instance = { onDemandUsdPerHour: 1, spotDiscountRatio: 0.6 };

describe('compute cost per purchase option', () => {
  it('prices a node-hour on-demand, on spot and committed', () => {
    expect(nodeUsdPerHour(instance, 'on-demand')).toBe(1);
    expect(nodeUsdPerHour(instance, 'spot')).toBeCloseTo(0.4, 12);
    expect(nodeUsdPerHour(instance, 'committed', 0.3)).toBeCloseTo(0.7, 12);
  });

  it('uses 730 hours a month and bills batch groups only for their active hours', () => {
    expect(HOURS_PER_MONTH).toBe(730);
    expect(nodeGroupUsdPerMonth(3, 0.5, 24)).toBeCloseTo(1095, 9);
    expect(nodeGroupUsdPerMonth(4, 1, 6)).toBeCloseTo(730, 9);
  });

  it('gives cost per million events and per TB processed', () => {
    expect(usdPerMillionEvents(2628, 1000)).toBeCloseTo(1, 12); // 1,000 events/s × 2,628,000 s
    expect(usdPerMillionEvents(100, 0)).toBeNull();
    expect(usdPerTbProcessed(1000, 1000 / (730 / 24))).toBeCloseTo(931.32, 2); // 1,000 GiB = 1.0737 TB
    expect(usdPerTbProcessed(100, 0)).toBeNull();
  });
});

describe('properties', () => {
  it('cost is never negative', () => {
    fc.assert(
      fc.property(
        fc.nat(10_000),
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 24, noNaN: true }),
        fc.constantFrom('on-demand', 'spot', 'committed'),
        (nodes, price, ratio, hours, option) => {
          const usdPerHour = nodeUsdPerHour({ onDemandUsdPerHour: price, spotDiscountRatio: ratio }, option, ratio);
          return usdPerHour >= 0 && nodeGroupUsdPerMonth(nodes, usdPerHour, hours) >= 0;
        },
      ),
    );
  });
});
