import { describe, expect, it } from 'vitest';
import { browseInstanceTypes, catalogPage, CatalogBrowseParamsSchema } from './browse';

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

  it('reads the page number from the URL, falling back to the first page', () => {
    expect(CatalogBrowseParamsSchema.parse({ page: '3' }).page).toBe(3);
    expect(CatalogBrowseParamsSchema.parse({ page: '-2' }).page).toBe(1);
    expect(CatalogBrowseParamsSchema.parse({ page: '1e9' }).page).toBe(1);
  });
});

describe('catalogPage', () => {
  const rows = Array.from({ length: 120 }, (_, i) => i);

  it('slices 50-row pages and counts them', () => {
    expect(catalogPage(rows, 1)).toMatchObject({ page: 1, pageCount: 3, total: 120 });
    expect(catalogPage(rows, 2).rows).toEqual(rows.slice(50, 100));
    expect(catalogPage(rows, 3).rows).toEqual(rows.slice(100));
  });

  it('clamps a page past the end to the last page, and an empty list to one empty page', () => {
    expect(catalogPage(rows, 9)).toMatchObject({ page: 3, rows: rows.slice(100) });
    expect(catalogPage([], 4)).toEqual({ rows: [], page: 1, pageCount: 1, total: 0 });
  });
});
