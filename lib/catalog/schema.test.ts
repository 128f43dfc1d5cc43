import { describe, expect, it } from 'vitest';

import { loadCatalog } from './load';
import {
  type CatalogInstanceType,
  CatalogInstanceTypeSchema,
  CatalogSchema,
  CommitmentDiscountSchema,
  DataTransferPriceSchema,
  StorageTierSchema,
} from './schema';

/** The shape the capacity model consumes (lib/model); the catalog item must stay assignable to it. */
type ModelInstanceType = {
  id: string;
  provider: 'aws' | 'gcp' | 'azure';
  region: string;
  name: string;
  family: string;
  arch: 'x86_64' | 'arm64';
  vcpu: number;
  memoryGib: number;
  networkGbps: number;
  onDemandUsdPerHour: number;
};

const valid: CatalogInstanceType = {
  id: 'aws:us-east-1:m7i.xlarge',
  provider: 'aws',
  region: 'us-east-1',
  name: 'm7i.xlarge',
  family: 'm7i',
  arch: 'x86_64',
  vcpu: 4,
  memoryGib: 16,
  networkGbps: 1.562,
  onDemandUsdPerHour: 0.2016,
  spotDiscountRatio: 0.6,
  spotInterruptionBand: 1,
  source: 'https://example.com/prices',
  asOf: '2026-01-19',
  estimate: true,
  estimatedFields: ['spotDiscountRatio'],
  note: 'Spot ratio is a prior.',
};

function issuePaths(input: unknown): string[] {
  const result = CatalogInstanceTypeSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'));
}

describe('CatalogInstanceTypeSchema', () => {
  it('accepts a complete, sourced item', () => {
    expect(CatalogInstanceTypeSchema.parse(valid)).toEqual(valid);
  });

  it('is assignable to the instance type the model uses', () => {
    const forModel: ModelInstanceType = CatalogInstanceTypeSchema.parse(valid);
    expect(forModel.onDemandUsdPerHour).toBe(0.2016);
    // @ts-expect-error a model instance type without a price is not a catalog item
    const incomplete: CatalogInstanceType = { ...forModel, onDemandUsdPerHour: undefined };
    expect(issuePaths(incomplete)).toContain('onDemandUsdPerHour');
  });

  it.each([
    ['a zero price', { onDemandUsdPerHour: 0 }, 'onDemandUsdPerHour'],
    ['a negative price', { onDemandUsdPerHour: -0.1 }, 'onDemandUsdPerHour'],
    ['a spot ratio of 1 or more', { spotDiscountRatio: 1 }, 'spotDiscountRatio'],
    ['a negative spot ratio', { spotDiscountRatio: -0.1 }, 'spotDiscountRatio'],
    ['a spot band above 4', { spotInterruptionBand: 5 }, 'spotInterruptionBand'],
    ['a fractional spot band', { spotInterruptionBand: 1.5 }, 'spotInterruptionBand'],
    ['a fractional vCPU count', { vcpu: 2.5 }, 'vcpu'],
    ['a missing source', { source: undefined }, 'source'],
    ['a non-https source', { source: 'ftp://example.com/x' }, 'source'],
    ['a missing as-of date', { asOf: undefined }, 'asOf'],
    ['a non-ISO as-of date', { asOf: '19/01/2026' }, 'asOf'],
    ['an estimate without a note', { note: undefined }, 'note'],
    ['an estimate without estimated fields', { estimatedFields: [] }, 'estimatedFields'],
    ['a non-estimate listing estimated fields', { estimate: false }, 'estimatedFields'],
    ['an id that does not match provider:region:name', { id: 'aws:eu-west-1:m7i.xlarge' }, 'id'],
    ['an unknown architecture', { arch: 'riscv64' }, 'arch'],
  ])('rejects %s', (_case, patch, path) => {
    expect(issuePaths({ ...valid, ...patch })).toContain(path);
  });
});

describe('the other item schemas', () => {
  const provenance = { source: 'https://example.com/p', asOf: '2026-01-19', estimate: false };

  it('rejects a free storage tier but accepts free cross-zone transfer', () => {
    const tier = { id: 's', provider: 'aws', region: 'r', name: 'S3', kind: 'object', accessTier: 'hot', minStorageDays: 0, ...provenance };
    expect(StorageTierSchema.safeParse({ ...tier, usdPerGibMonth: 0 }).success).toBe(false);
    expect(StorageTierSchema.safeParse({ ...tier, usdPerGibMonth: 0.023 }).success).toBe(true);
    const transfer = { id: 't', provider: 'azure', region: 'r', kind: 'cross-zone', chargedEachDirection: false, ...provenance };
    expect(DataTransferPriceSchema.safeParse({ ...transfer, usdPerGib: 0 }).success).toBe(true);
    expect(DataTransferPriceSchema.safeParse({ ...transfer, usdPerGib: -0.01 }).success).toBe(false);
  });

  it('accepts only 1- and 3-year commitments with a discount ratio below 1', () => {
    const commitment = { id: 'c', provider: 'gcp', program: 'CUD', payment: 'no-upfront', appliesTo: 'N2', ...provenance };
    expect(CommitmentDiscountSchema.safeParse({ ...commitment, termYears: 3, discountRatio: 0.55 }).success).toBe(true);
    expect(CommitmentDiscountSchema.safeParse({ ...commitment, termYears: 2, discountRatio: 0.55 }).success).toBe(false);
    expect(CommitmentDiscountSchema.safeParse({ ...commitment, termYears: 1, discountRatio: 55 }).success).toBe(false);
  });

  it('rejects a catalog with a duplicate id or another currency', () => {
    const base = loadCatalog();
    const first = base.instanceTypes[0];
    if (first === undefined) throw new Error('bundled catalog has no instance types');
    expect(CatalogSchema.safeParse({ ...base, instanceTypes: [first, first] }).success).toBe(false);
    expect(CatalogSchema.safeParse({ ...base, currency: 'EUR' }).success).toBe(false);
  });
});
