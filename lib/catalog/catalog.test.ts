import { describe, expect, it } from 'vitest';

import { getInstanceType, loadCatalog } from './load';
import { type Provider, ProviderSchema } from './schema';

const catalog = loadCatalog();
const providers = ProviderSchema.options;
const allItems = [...catalog.instanceTypes, ...catalog.storageTiers, ...catalog.dataTransfer, ...catalog.commitments];
const versionDate = catalog.version.slice(0, 10);

/** Provider naming conventions for Arm shapes, independent of the `arch` field they check. */
const ARM_NAME: Record<Provider, RegExp> = {
  aws: /^[a-z]+\d+g[a-z]*\./, // Graviton: m7g.large, c7gd.xlarge
  gcp: /^(c4a|t2a|n4a)-/, // Axion and Ampere Altra families
  azure: /^Standard_[A-Z]+\d+[a-z]*p[a-z]*_v\d+$/, // Dpsv5, Epsv5: the "p" size feature
};

describe('the bundled catalog', () => {
  it('declares its currency and a dated version', () => {
    expect(catalog.currency).toBe('USD');
    expect(catalog.version).toMatch(/^\d{4}-\d{2}-\d{2}\.\d+$/);
  });

  it('has no duplicate ids across all item kinds', () => {
    const ids = allItems.map((item) => item.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('prices every instance and storage tier above zero and no transfer below zero', () => {
    for (const item of catalog.instanceTypes) expect(item.onDemandUsdPerHour, item.id).toBeGreaterThan(0);
    for (const item of catalog.storageTiers) expect(item.usdPerGibMonth, item.id).toBeGreaterThan(0);
    for (const item of catalog.dataTransfer) expect(item.usdPerGib, item.id).toBeGreaterThanOrEqual(0);
  });

  it('sources and dates every item, with no date after the catalog version', () => {
    for (const item of allItems) {
      expect(item.source, item.id).toMatch(/^https:\/\/\S+$/);
      expect(item.asOf, item.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(item.asOf <= versionDate, `${item.id} asOf ${item.asOf}`).toBe(true);
    }
  });

  it('explains every estimate in a note', () => {
    for (const item of allItems.filter((entry) => entry.estimate)) expect(item.note, item.id).toBeTruthy();
  });

  it('covers three providers with at least four regions each', () => {
    for (const provider of providers) {
      const regions = new Set(catalog.instanceTypes.filter((item) => item.provider === provider).map((item) => item.region));
      expect(regions.size, provider).toBeGreaterThanOrEqual(4);
    }
  });

  it('lists every current family the issue names, with sizes of 64 vCPUs (AWS 16xlarge) or more', () => {
    const families: Record<Provider, string[]> = {
      aws: ['m7i', 'm7g', 'm8g', 'c7i', 'c7g', 'c8g', 'r7i', 'r7g', 'r8g', 'i4i', 'i4g', 'i3en', 'im4gn', 'is4gen', 'x2idn'],
      gcp: ['n2', 'n2d', 'n4', 'c3', 'c3d', 'c4', 'e2', 't2a', 'z3'],
      azure: ['Dsv5', 'Dasv5', 'Esv5', 'Easv5', 'Fsv2', 'Dpsv5', 'Lsv3'],
    };
    for (const provider of providers) {
      for (const family of families[provider]) {
        const items = catalog.instanceTypes.filter((item) => item.provider === provider && item.family === family);
        expect(items.length, `${provider} ${family}`).toBeGreaterThan(0);
      }
    }
    for (const name of ['m7i.16xlarge', 'm7g.16xlarge', 'c8g.16xlarge', 'r8g.16xlarge', 'i4i.16xlarge', 'i3en.24xlarge']) {
      expect(getInstanceType(`aws:us-east-1:${name}`, catalog), name).toBeDefined();
    }
  });

  it('offers a family in a region with the same sizes as in every other region that has it', () => {
    for (const provider of providers) {
      const items = catalog.instanceTypes.filter((item) => item.provider === provider);
      const sizesByFamilyRegion = new Map<string, Set<string>>();
      for (const item of items) {
        const key = `${item.family}@${item.region}`;
        sizesByFamilyRegion.set(key, (sizesByFamilyRegion.get(key) ?? new Set()).add(item.name));
      }
      const sizesByFamily = new Map<string, string>();
      for (const [key, names] of sizesByFamilyRegion) {
        const family = key.split('@')[0] ?? key;
        const listed = [...names].sort().join(',');
        expect(sizesByFamily.get(family) ?? listed, key).toBe(listed);
        sizesByFamily.set(family, listed);
      }
    }
  });

  it('gives local-disk types their disks and block bandwidth where the source publishes it', () => {
    for (const name of ['i4i.2xlarge', 'i3en.6xlarge', 'im4gn.4xlarge', 'is4gen.xlarge', 'x2idn.16xlarge']) {
      expect(getInstanceType(`aws:us-east-1:${name}`, catalog)?.localDisk?.nvme, name).toBe(true);
    }
    expect(getInstanceType('gcp:us-central1:z3-highmem-8-highlssd', catalog)?.localDisk).toEqual({ count: 1, sizeGib: 3000, nvme: true });
    expect(getInstanceType('azure:eastus:Standard_L8s_v3', catalog)?.localDisk?.count).toBe(1);
    for (const item of catalog.instanceTypes.filter((entry) => entry.provider !== 'gcp')) {
      expect(item.blockBandwidthMibPerSec, item.id).toBeGreaterThan(0);
    }
  });

  it('keeps spot interruption bands within 0..4 and spot ratios below 1', () => {
    for (const item of catalog.instanceTypes) {
      expect(Number.isInteger(item.spotInterruptionBand), item.id).toBe(true);
      expect(item.spotInterruptionBand, item.id).toBeGreaterThanOrEqual(0);
      expect(item.spotInterruptionBand, item.id).toBeLessThanOrEqual(4);
      expect(item.spotDiscountRatio, item.id).toBeGreaterThanOrEqual(0);
      expect(item.spotDiscountRatio, item.id).toBeLessThan(1);
    }
  });

  it('marks Arm shapes as arm64 and everything else as x86_64', () => {
    for (const item of catalog.instanceTypes) {
      expect(item.arch, item.id).toBe(ARM_NAME[item.provider].test(item.name) ? 'arm64' : 'x86_64');
    }
    for (const provider of providers) {
      expect(catalog.instanceTypes.some((item) => item.provider === provider && item.arch === 'arm64'), provider).toBe(true);
    }
  });

  it('has block, object and snapshot storage and all three transfer kinds in every instance region', () => {
    const regions = new Set(catalog.instanceTypes.map((item) => `${item.provider}:${item.region}`));
    for (const key of regions) {
      const kinds = new Set(catalog.storageTiers.filter((item) => `${item.provider}:${item.region}` === key).map((item) => item.kind));
      expect([...kinds].sort(), key).toEqual(['block', 'object', 'snapshot']);
      const transfer = new Set(catalog.dataTransfer.filter((item) => `${item.provider}:${item.region}` === key).map((item) => item.kind));
      expect([...transfer].sort(), key).toEqual(['cross-zone', 'inter-region', 'internet-egress']); // a Set: both inter-region scopes count once
    }
  });

  it('has 1-year and 3-year commitment discounts for every provider', () => {
    for (const provider of providers) {
      const terms = new Set(catalog.commitments.filter((item) => item.provider === provider).map((item) => item.termYears));
      expect([...terms].sort(), provider).toEqual([1, 3]);
    }
  });

  // Values read directly from each source (not derived), so a bad derivation or a typo fails here.
  it.each([
    // Karpenter zz_generated.pricing_aws.go @ 6fc13b5, generated 2026-07-20 for us-east-1
    ['aws:us-east-1:m7i.xlarge', 0.2016],
    ['aws:us-east-1:c7g.large', 0.0725],
    ['aws:us-east-1:r7g.4xlarge', 0.8568],
    ['aws:us-east-1:i4i.2xlarge', 0.686],
    ['aws:us-east-1:i3en.6xlarge', 2.712],
    ['aws:us-east-1:m8g.16xlarge', 2.87232],
    ['aws:us-east-1:im4gn.4xlarge', 1.45517],
    // Cyclenerd pricing.yml @ fd66b26, generated 2026-07-30 (machine types read as published)
    ['gcp:us-central1:n2-standard-2', 0.097118],
    ['gcp:europe-west1:n2-standard-32', 1.709344],
    ['gcp:europe-west1:n4-standard-32', 1.597916352],
    ['gcp:us-central1:t2d-standard-32', 1.351872],
    ['gcp:europe-west1:c3-standard-44', 2.44189616],
    ['gcp:us-central1:c4a-standard-16', 0.7184],
    ['gcp:us-east4:z3-highmem-8-highlssd', 1.1848078356], // 1.18480783561644, rounded to the database's 10 decimals
    ['gcp:europe-west4:t2a-standard-4', 0.16177636],
  ])('prices %s at its published %s USD per hour', (id, price) => {
    expect(catalog.instanceTypes.find((item) => item.id === id)?.onDemandUsdPerHour).toBeCloseTo(price, 12);
  });
});
