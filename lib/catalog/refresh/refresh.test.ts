import { readFileSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import awsData from '../data/aws.json';
import azureData from '../data/azure.json';
import gcpData from '../data/gcp.json';
import manifest from '../data/manifest.json';
import { applyInstanceUpdates, parseProviderFile, type ProviderFile } from './apply';
import { convertPriceFile } from './convert';
import { formatProviderFile, formatRefreshReport, nextCatalogVersion } from './format';
import type { InstanceUpdate } from './types';

const fixture = (name: string): unknown => JSON.parse(readFileSync(path.join(__dirname, 'fixtures', name), 'utf8'));
const files: ProviderFile[] = [awsData, gcpData, azureData].map(parseProviderFile);
const shapes = files.flatMap((file) => file.instanceTypes);

function convert(name: string) {
  const result = convertPriceFile(fixture(name), shapes);
  if ('error' in result) throw new Error(result.error);
  return result;
}

describe('AWS Price List offer file', () => {
  const result = convert('aws-offer-us-east-1.json');

  it('reads Linux shared-tenancy on-demand prices and skips Windows and non-compute products', () => {
    expect(result.format).toBe('aws-offer');
    expect(result.updates.map((update) => [update.name, update.onDemandUsdPerHour])).toEqual([
      ['i3en.24xlarge', 10.848],
      ['i4i.2xlarge', 0.686],
      ['m7i.medium', 0.0504],
    ]);
    expect(result.skipped).toContain('product family Storage');
    expect(result.updates[0]?.asOf).toBe('2026-07-20');
    expect(result.updates[0]?.source).toBe('https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AmazonEC2/20260720134430/us-east-1/index.json');
  });

  it('turns the offer attributes into catalog units: fixed vs "up to" bandwidth, disks in GiB', () => {
    const [i3en, i4i, m7i] = result.updates;
    // 19000 Mbps × 10^6 / 8 / 2^20 = 2264.977 MiB/s; 7500 GB × 10^9 / 2^30 = 6984.9 GiB
    expect(i3en?.specs).toEqual({
      family: 'i3en', arch: 'x86_64', vcpu: 96, memoryGib: 768, networkGbps: 100, blockBandwidthMibPerSec: 2264.977,
      localDisk: { count: 8, sizeGib: 6984.9, nvme: true },
    });
    // "Up to" figures are bursts: no sustained network or EBS figure is taken from them.
    expect(i4i?.specs).toEqual({ family: 'i4i', arch: 'x86_64', vcpu: 8, memoryGib: 64, networkBurstGbps: 12, localDisk: { count: 1, sizeGib: 1746.2, nvme: true } });
    expect(m7i?.specs?.networkBurstGbps).toBe(12.5);
  });
});

describe('Cloud Billing Catalog SKUs', () => {
  const result = convert('gcp-skus-compute-engine.json');
  const byId = new Map(result.updates.map((update) => [`${update.region}:${update.name}`, update]));

  it('prices each catalog machine type as vCPU × core rate + GiB × RAM rate, with the spot SKUs for the spot ratio', () => {
    expect(result.format).toBe('gcp-skus');
    // n2-standard-8: 8 × 0.031611 + 32 × 0.004237 = 0.388472 (pricing.yml 2026-07-30 lists 0.388472)
    const n2 = byId.get('us-central1:n2-standard-8');
    expect(n2?.onDemandUsdPerHour).toBeCloseTo(0.388472, 9);
    // spot: 8 × 0.01499 + 32 × 0.00201 = 0.18424 (pricing.yml: 0.18424); ratio 1 − 0.18424 / 0.388472
    expect(n2?.spotDiscountRatio).toBeCloseTo(1 - 0.18424 / 0.388472, 6);
    // c4a-standard-8: 8 × 0.03086 + 32 × 0.00351 = 0.3592 (pricing.yml: 0.3592); no spot SKU in the file
    expect(byId.get('us-central1:c4a-standard-8')?.onDemandUsdPerHour).toBeCloseTo(0.3592, 9);
    expect(byId.get('us-central1:c4a-standard-8')?.spotDiscountRatio).toBeUndefined();
  });

  it('leaves other regions, local-SSD types, commitments and disks alone', () => {
    expect(result.updates.every((update) => update.region === 'us-central1' && (update.name.startsWith('n2-') || update.name.startsWith('c4a-')))).toBe(true);
    expect(byId.has('us-central1:c4a-standard-4-lssd')).toBe(false);
    expect(result.skipped.some((reason) => reason.includes('Commitment v1'))).toBe(true);
  });
});

describe('Azure Retail Prices', () => {
  const result = convert('azure-retail-vm-eastus.json');

  it('takes the Linux consumption meter as on-demand and the Spot meter for the ratio, skipping Windows and Low Priority', () => {
    expect(result.format).toBe('azure-retail');
    expect(result.updates).toEqual([
      { provider: 'azure', region: 'eastus', name: 'Standard_D4s_v5', onDemandUsdPerHour: 0.192, spotDiscountRatio: 0.8, source: 'https://prices.azure.com/api/retail/prices', asOf: '2024-05-01' },
      { provider: 'azure', region: 'eastus', name: 'Standard_L8s_v3', onDemandUsdPerHour: 0.624, source: 'https://prices.azure.com/api/retail/prices', asOf: '2024-05-01' },
    ]);
    expect(result.skipped).toContain('Windows and Low Priority meters');
  });
});

describe('applyInstanceUpdates', () => {
  const updates = [convert('aws-offer-us-east-1.json'), convert('gcp-skus-compute-engine.json'), convert('azure-retail-vm-eastus.json')].flatMap((result) => result.updates);
  const { files: next, report } = applyInstanceUpdates(files, updates, manifest.version);
  const item = (id: string) => next.flatMap((file) => file.instanceTypes).find((entry) => entry.id === id);

  it('replaces prices and provenance, clears the estimate flags of what the file confirmed, and keeps the rest flagged', () => {
    const d4 = item('azure:eastus:Standard_D4s_v5');
    expect(d4).toMatchObject({ onDemandUsdPerHour: 0.192, spotDiscountRatio: 0.8, source: 'https://prices.azure.com/api/retail/prices', asOf: '2024-05-01', estimate: true });
    expect(d4?.estimatedFields).toEqual(['networkGbps', 'spotInterruptionBand', 'blockBandwidthMibPerSec', 'blockIops']);
    expect(d4?.note).toMatch(/^On-demand and spot price refreshed from https:\/\/prices\.azure\.com\/api\/retail\/prices \(2024-05-01\)\. Still estimated: networkGbps/);
    const i4i = item('aws:us-east-1:i4i.2xlarge');
    expect(i4i).toMatchObject({ networkBurstGbps: 12, asOf: '2026-07-20', estimatedFields: ['blockBandwidthMibPerSec', 'spotDiscountRatio', 'spotInterruptionBand'] });
    expect(i4i?.networkGbps).toBe(4.687);
  });

  it('adds a new size of a family the catalog has, flagging the figures the file does not give', () => {
    expect(report.added).toEqual(['aws:us-east-1:m7i.medium']);
    expect(item('aws:us-east-1:m7i.medium')).toMatchObject({
      vcpu: 1, memoryGib: 4, networkGbps: 12.5, networkBurstGbps: 12.5, estimate: true, estimatedFields: ['networkGbps', 'spotDiscountRatio', 'spotInterruptionBand'],
    });
  });

  it('reports the price changes it made, largest first, and what it could not apply', () => {
    const changed = report.priceChanges.filter((change) => change.change === 'changed');
    expect(changed).toContainEqual({ section: 'instanceTypes', itemId: 'azure:eastus:Standard_D4s_v5', field: 'spotDiscountRatio', change: 'changed', oldValue: 0.6, newValue: 0.8, changeRatio: (0.8 - 0.6) / 0.6 });
    // The GCP snapshot the catalog was built from has the same rates: nothing moves there.
    expect(changed.some((change) => change.itemId === 'gcp:us-central1:n2-standard-8')).toBe(false);
    const text = formatRefreshReport(report, { skipped: ['x.json: Windows and Low Priority meters'] });
    expect(text.split('\n')[0]).toBe(`Updated ${report.updated} item(s); added 1; ${changed.length} price field(s) changed.`);
    expect(text).toContain('  + aws:us-east-1:m7i.medium');
    expect(text).toContain('  skipped in the file: x.json: Windows and Low Priority meters');
  });

  it('refuses a region the catalog lacks instead of adding a type without storage prices', () => {
    const stray: InstanceUpdate = { ...updates[0]!, region: 'me-south-1' };
    expect(applyInstanceUpdates(files, [stray], manifest.version).report.notApplied).toEqual([
      'aws region me-south-1 is not in the catalog (add its storage and transfer prices first): 1 type',
    ]);
  });

  it('is deterministic and idempotent: applying the same files twice changes nothing more', () => {
    const again = applyInstanceUpdates(next, updates, manifest.version);
    expect(again.files.map(formatProviderFile)).toEqual(next.map(formatProviderFile));
    expect(again.report.updated).toBe(0);
    expect(again.report.priceChanges).toEqual([]);
  });
});

describe('the data file format', () => {
  it('is what the refresh writes: one item per line, so an unchanged file round-trips byte for byte', () => {
    for (const provider of ['aws', 'gcp', 'azure']) {
      const text = readFileSync(path.join(__dirname, '..', 'data', `${provider}.json`), 'utf8');
      expect(formatProviderFile(parseProviderFile(JSON.parse(text))), provider).toBe(text);
    }
  });

  it('numbers versions by day', () => {
    expect(nextCatalogVersion('2026-12-02.1', '2026-12-02')).toBe('2026-12-02.2');
    expect(nextCatalogVersion('2026-12-02.3', '2026-12-05')).toBe('2026-12-05.1');
  });
});

describe('convertPriceFile', () => {
  it('names the three accepted formats when a file is none of them', () => {
    expect(convertPriceFile({ hello: 'world' }, shapes)).toEqual({ error: expect.stringContaining('AWS Price List offer file') });
  });
});
