/**
 * TEST PRICING — NOT REAL PRICES.
 *
 * `testCatalog` with synthetic spot terms, plus round storage, transfer and commitment figures, so
 * tests, docs worked examples and the golden baseline can be checked by hand. The real figures,
 * with sources and as-of dates, come from lib/catalog (`pricingFor` in lib/catalog/pricing.ts).
 */
import { testCatalog } from './test-catalog';
import type { PricedInstanceType, PricingInput } from './types';

/** Synthetic spot terms per provider: [discount ratio, interruption band]. */
const TEST_SPOT_TERMS: Record<PricedInstanceType['provider'], [number, number]> = {
  aws: [0.6, 1],
  gcp: [0.7, 2],
  azure: [0.6, 1],
};

export const testPricing: PricingInput = {
  instances: testCatalog.map((instance) => {
    const [spotDiscountRatio, spotInterruptionBand] = TEST_SPOT_TERMS[instance.provider];
    return { ...instance, spotDiscountRatio, spotInterruptionBand };
  }),
  storageTiers: [
    { id: 'test:block-hot', name: 'TEST block storage', kind: 'block', accessTier: 'hot', usdPerGibMonth: 0.1 },
    { id: 'test:object-hot', name: 'TEST object storage', kind: 'object', accessTier: 'hot', usdPerGibMonth: 0.02 },
    { id: 'test:object-warm', name: 'TEST object storage, infrequent access', kind: 'object', accessTier: 'warm', usdPerGibMonth: 0.01 },
    { id: 'test:object-cold', name: 'TEST object storage, cold', kind: 'object', accessTier: 'cold', usdPerGibMonth: 0.004 },
    { id: 'test:snapshot', name: 'TEST snapshots', kind: 'snapshot', accessTier: 'warm', usdPerGibMonth: 0.05 },
  ],
  dataTransfer: [
    { kind: 'cross-zone', usdPerGib: 0.01, chargedEachDirection: true },
    { kind: 'inter-region', usdPerGib: 0.02, chargedEachDirection: false },
    { kind: 'internet-egress', usdPerGib: 0.09, chargedEachDirection: false },
  ],
  commitments: [
    { id: 'test:1y', program: 'TEST commitment', termYears: 1, discountRatio: 0.3 },
    { id: 'test:3y', program: 'TEST commitment', termYears: 3, discountRatio: 0.5 },
  ],
};
