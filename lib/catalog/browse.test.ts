import { describe, expect, it } from 'vitest';
import { browseInstanceTypes, CatalogBrowseParamsSchema } from './browse';

describe('browseInstanceTypes', () => {
  it('filters by provider, region, architecture and minimum size', () => {
    const params = CatalogBrowseParamsSchema.parse({ provider: 'aws', region: 'us-east-1', arch: 'arm64', minVcpu: '4', minMemoryGib: '16' });
    const rows = browseInstanceTypes(params);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row).toMatchObject({ provider: 'aws', region: 'us-east-1', arch: 'arm64' });
      expect(row.vcpu).toBeGreaterThanOrEqual(4);
      expect(row.memoryGib).toBeGreaterThanOrEqual(16);
    }
  });

  it('computes unit prices from the hourly price and sorts ascending by them', () => {
    const rows = browseInstanceTypes(CatalogBrowseParamsSchema.parse({ provider: 'gcp', sort: 'usdPerGibHour' }));
    for (const row of rows) expect(row.usdPerGibHour).toBeCloseTo(row.onDemandUsdPerHour / row.memoryGib, 12);
    const keys = rows.map((row) => row.usdPerGibHour);
    expect(keys).toEqual([...keys].sort((a, b) => a - b));
  });

  it('ignores nonsense in the URL instead of failing', () => {
    const params = CatalogBrowseParamsSchema.parse({ provider: 'ibm', minVcpu: 'lots', sort: 'random' });
    expect(params).toMatchObject({ provider: undefined, minVcpu: undefined, sort: 'usdPerVcpuHour' });
    expect(browseInstanceTypes(params).length).toBeGreaterThanOrEqual(60);
  });
});
