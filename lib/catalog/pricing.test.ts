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
    expect(pricing.dataTransfer.map((price) => price.kind).sort()).toEqual(['cross-zone', 'inter-region', 'inter-region', 'internet-egress']);
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

  it('has an inter-region price per continent pair in every region: same continent and intercontinental', () => {
    const interRegion = (provider: 'aws' | 'gcp' | 'azure', region: string) =>
      Object.fromEntries(
        pricingFor({ provider, region }).dataTransfer.filter((price) => price.kind === 'inter-region').map((price) => [price.destinationScope, price.usdPerGib]),
      );
    // GCP and Azure price the continent pair; AWS prices by source region (equal rates).
    expect(interRegion('gcp', 'us-central1')).toEqual({ 'same-continent': 0.02, intercontinental: 0.05 });
    expect(interRegion('gcp', 'asia-southeast1')).toEqual({ 'same-continent': 0.05, intercontinental: 0.08 });
    expect(interRegion('azure', 'westeurope')).toEqual({ 'same-continent': 0.02, intercontinental: 0.05 });
    expect(interRegion('aws', 'us-east-1')).toEqual({ 'same-continent': 0.02, intercontinental: 0.02 });
    expect(interRegion('aws', 'ap-southeast-1')).toEqual({ 'same-continent': 0.09, intercontinental: 0.09 });
    for (const item of loadCatalog().dataTransfer.filter((price) => price.kind === 'inter-region')) {
      expect(item.destinationScope, item.id).toBeDefined();
      expect(item.asOf, item.id).toBe('2026-12-02');
    }
  });

  it('gives empty lists for a region the catalog does not have', () => {
    expect(pricingFor({ provider: 'gcp', region: 'mars-1' })).toMatchObject({ instances: [], storageTiers: [], dataTransfer: [] });
  });
});
