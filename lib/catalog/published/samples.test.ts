import { describe, expect, it } from 'vitest';

import { getInstanceType } from '../load';
import published from './samples.json';

/**
 * The bundled catalog against figures written down from the providers' public pages (URL and
 * date in samples.json). Unit conversions are done here from first principles, not with the
 * catalog's helpers: 1 GB = 10^9 bytes, 1 GiB = 2^30 bytes; 1 Mbps = 10^6 bit/s, 1 MiB/s = 2^20 byte/s;
 * 1 MB/s = 10^6 byte/s.
 */

type Sample = (typeof published.samples)[number] & {
  onDemandUsdPerHour?: number;
  localDisks?: { count: number; sizeGb?: number; sizeGib?: number };
  networkGbps?: number;
  networkUpToGbps?: number;
  ebsMbps?: number;
  ebsUpToMbps?: number;
  uncachedDiskMBps?: number;
  uncachedDiskIops?: number;
};

const samples: Sample[] = published.samples;

describe('published list prices and specs', () => {
  it('names a page and a date for every sample, and covers every provider', () => {
    for (const sample of samples) {
      expect(sample.url, sample.id).toMatch(/^https:\/\//);
      expect(sample.recordedOn, sample.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    expect(new Set(samples.map((sample) => sample.id.split(':')[0]))).toEqual(new Set(['aws', 'gcp', 'azure']));
  });

  it.each(samples.map((sample) => [sample.id, sample] as const))('%s matches its published figures', (id, sample) => {
    const item = getInstanceType(id);
    expect(item, id).toBeDefined();
    if (!item) return;
    if (sample.onDemandUsdPerHour !== undefined) expect(item.onDemandUsdPerHour).toBeCloseTo(sample.onDemandUsdPerHour, 9);
    expect(item.vcpu).toBe(sample.vcpu);
    expect(item.memoryGib).toBe(sample.memoryGib);
    if (sample.localDisks) {
      const sizeGib = sample.localDisks.sizeGib ?? ((sample.localDisks.sizeGb ?? 0) * 1e9) / 2 ** 30;
      expect(item.localDisk?.count).toBe(sample.localDisks.count);
      expect(item.localDisk?.sizeGib).toBeCloseTo(sizeGib, 0);
    }
    // A fixed figure is the sustained baseline; an "up to" figure bounds it from above.
    if (sample.networkGbps !== undefined) expect(item.networkGbps).toBe(sample.networkGbps);
    if (sample.networkUpToGbps !== undefined) expect(item.networkGbps).toBeLessThanOrEqual(sample.networkUpToGbps);
    if (sample.ebsMbps !== undefined) expect(item.blockBandwidthMibPerSec).toBeCloseTo((sample.ebsMbps * 1e6) / 8 / 2 ** 20, 2);
    if (sample.ebsUpToMbps !== undefined) expect(item.blockBandwidthMibPerSec).toBeLessThanOrEqual((sample.ebsUpToMbps * 1e6) / 8 / 2 ** 20);
    if (sample.uncachedDiskMBps !== undefined) expect(item.blockBandwidthMibPerSec).toBeCloseTo((sample.uncachedDiskMBps * 1e6) / 2 ** 20, 2);
    if (sample.uncachedDiskIops !== undefined) expect(item.blockIops).toBe(sample.uncachedDiskIops);
  });
});
