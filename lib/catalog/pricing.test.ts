import { describe, expect, it } from 'vitest';
import { exampleWorkloads, planScenario } from '@/lib/model';
import { loadCatalog } from './load';
import { pricingFor } from './pricing';

describe('pricingFor', () => {
  it('takes one region of one provider, and all of the provider’s commitment offers', () => {
    const pricing = pricingFor({ provider: 'aws', region: 'us-east-1' });
    expect(pricing.instances.length).toBe(159); // 18 families, large to metal (docs/catalog.md)
    expect(pricing.instances.every((instance) => instance.region === 'us-east-1')).toBe(true);
    expect(pricing.storageTiers.map((tier) => tier.id)).toContain('aws:us-east-1:ebs-gp3');
    expect(pricing.dataTransfer.map((price) => price.kind).sort()).toEqual(['cross-zone', 'inter-region', 'internet-egress']);
    expect(pricing.commitments).toHaveLength(loadCatalog().commitments.filter((offer) => offer.provider === 'aws').length);
  });

  it('is what planScenario needs: the clickstream example priced on real AWS us-east-1 figures', () => {
    const [clickstream] = exampleWorkloads;
    if (clickstream === undefined) throw new Error('example missing');
    const scenario = { ...clickstream.scenarios[0]!.spec, catalogFilter: {}, dr: { strategy: 'compare' as const } };
    const plan = planScenario(clickstream.spec, scenario, pricingFor({ provider: 'aws', region: 'us-east-1' }));
    expect(plan.projection.feasible).toBe(true);
    const [first] = plan.months;
    expect(first?.breakdown.totalUsdPerMonth).toBeGreaterThan(0);
    // gp3 at 0.08 USD/GiB-month prices the brokers' disks.
    expect(first?.breakdown.storageUsdPerMonth).toBeGreaterThan(0);
    expect(plan.dr?.options).toHaveLength(4);
  });

  it('gives empty lists for a region the catalog does not have', () => {
    expect(pricingFor({ provider: 'gcp', region: 'mars-1' })).toMatchObject({ instances: [], storageTiers: [], dataTransfer: [] });
  });
});
