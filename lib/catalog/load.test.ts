import { describe, expect, it } from 'vitest';

import {
  CatalogValidationError,
  findCommitments,
  findDataTransferPrices,
  findInstanceTypes,
  findStorageTiers,
  getInstanceType,
  loadCatalog,
  parseCatalog,
} from './load';

const manifest = { version: '2026-11-25.1', currency: 'USD' };
const emptyFile = { instanceTypes: [], storageTiers: [], dataTransfer: [], commitments: [] };

describe('loadCatalog', () => {
  it('parses the bundled data once and returns the same object', () => {
    expect(loadCatalog()).toBe(loadCatalog());
  });
});

describe('findInstanceTypes', () => {
  it('filters by provider and region', () => {
    const items = findInstanceTypes({ provider: 'aws', region: 'us-east-1' });
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((item) => item.provider === 'aws' && item.region === 'us-east-1')).toBe(true);
  });

  it('filters by family, architecture and inclusive minimum size', () => {
    expect(findInstanceTypes({ provider: 'aws', region: 'us-east-1', family: 'm7g' }).map((item) => item.name)).toEqual([
      'm7g.large',
      'm7g.xlarge',
      'm7g.2xlarge',
      'm7g.4xlarge',
      'm7g.8xlarge',
      'm7g.12xlarge',
      'm7g.16xlarge',
      'm7g.metal',
    ]);
    const armGcp = findInstanceTypes({ provider: 'gcp', region: 'europe-west1', arch: 'arm64' });
    expect(armGcp.length).toBeGreaterThan(0);
    expect(armGcp.every((item) => item.family === 'c4a' || item.family === 't2a')).toBe(true);
    const big = findInstanceTypes({ provider: 'azure', region: 'eastus', family: 'Dsv5', minVcpu: 16, minMemoryGib: 64 });
    expect(big.map((item) => item.name)).toEqual(['Standard_D16s_v5', 'Standard_D32s_v5', 'Standard_D48s_v5', 'Standard_D64s_v5', 'Standard_D96s_v5']);
    const exactlyAtBounds = findInstanceTypes({ provider: 'azure', region: 'eastus', family: 'Fsv2', minVcpu: 16, minMemoryGib: 32 });
    expect(exactlyAtBounds.map((item) => item.name)[0]).toBe('Standard_F16s_v2');
  });

  it('returns nothing for a region the catalog does not have', () => {
    expect(findInstanceTypes({ provider: 'aws', region: 'mars-north-1' })).toEqual([]);
  });

  it('searches a catalog passed in instead of the bundled one', () => {
    const catalog = { ...loadCatalog(), instanceTypes: [] };
    expect(findInstanceTypes({ provider: 'aws' }, catalog)).toEqual([]);
  });
});

describe('lookups of one item and of regional prices', () => {
  it('finds an instance type by id', () => {
    expect(getInstanceType('gcp:us-central1:n2-standard-4')?.vcpu).toBe(4);
    expect(getInstanceType('gcp:us-central1:n9-standard-4')).toBeUndefined();
  });

  it('finds storage, transfer and commitments for a provider and region', () => {
    expect(findStorageTiers({ provider: 'gcp', region: 'europe-west1' }).map((item) => item.name)).toContain(
      'Cloud Storage Archive (regional)',
    );
    const crossZone = findDataTransferPrices({ provider: 'aws', region: 'eu-west-1' }).find((item) => item.kind === 'cross-zone');
    expect(crossZone?.chargedEachDirection).toBe(true);
    expect(findCommitments({ provider: 'azure' }).every((item) => item.provider === 'azure')).toBe(true);
  });
});

describe('parseCatalog', () => {
  it('merges provider files under the manifest', () => {
    const bundled = loadCatalog();
    const aws = bundled.instanceTypes.filter((item) => item.provider === 'aws');
    const catalog = parseCatalog({ manifest, providerFiles: [{ ...emptyFile, provider: 'aws', instanceTypes: aws }] });
    expect(catalog.instanceTypes).toEqual(aws);
    expect(catalog.version).toBe('2026-11-25.1');
  });

  it('rejects an item filed under another provider', () => {
    const gcpItem = loadCatalog().instanceTypes.find((item) => item.provider === 'gcp');
    expect(() => parseCatalog({ manifest, providerFiles: [{ ...emptyFile, provider: 'aws', instanceTypes: [gcpItem] }] })).toThrow(
      /names provider "gcp"/,
    );
  });

  it('reports schema problems as a CatalogValidationError with the issues', () => {
    const broken = { ...loadCatalog().instanceTypes[0], onDemandUsdPerHour: -1 };
    try {
      parseCatalog({ manifest, providerFiles: [{ ...emptyFile, provider: 'aws', instanceTypes: [broken] }] });
      expect.unreachable('parseCatalog accepted a negative price');
    } catch (error) {
      expect(error).toBeInstanceOf(CatalogValidationError);
      expect((error as CatalogValidationError).issues.map((issue) => issue.path.join('.'))).toContain(
        'instanceTypes.0.onDemandUsdPerHour',
      );
    }
  });

  it('rejects a manifest with a malformed version', () => {
    expect(() => parseCatalog({ manifest: { ...manifest, version: 'latest' }, providerFiles: [] })).toThrow(CatalogValidationError);
  });
});
