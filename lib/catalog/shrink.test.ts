import { describe, expect, it } from 'vitest';

import { catalogShrinkage, describeShrinkage } from './shrink';

const at = (provider: 'aws' | 'gcp' | 'azure', region: string, n: number) => Array.from({ length: n }, () => ({ provider, region }));

describe('what an instance-type import takes away', () => {
  const today = [...at('aws', 'us-east-1', 10), ...at('aws', 'eu-west-1', 6), ...at('gcp', 'us-central1', 4)];

  it('is nothing drastic when every region keeps types and at least half remain', () => {
    const incoming = [...at('aws', 'us-east-1', 5), ...at('aws', 'eu-west-1', 3), ...at('gcp', 'us-central1', 2)];
    expect(catalogShrinkage(today, incoming)).toEqual({ currentCount: 20, incomingCount: 10, regionsEmptied: [], empties: false, drastic: false });
  });

  it('is drastic below half of today, even with every region kept', () => {
    const incoming = [...at('aws', 'us-east-1', 5), ...at('aws', 'eu-west-1', 3), ...at('gcp', 'us-central1', 1)];
    expect(catalogShrinkage(today, incoming)).toMatchObject({ incomingCount: 9, regionsEmptied: [], drastic: true });
  });

  it('is drastic when a region loses every type, even when the count grows', () => {
    const incoming = [...at('aws', 'us-east-1', 30)];
    const shrinkage = catalogShrinkage(today, incoming);
    expect(shrinkage).toMatchObject({ regionsEmptied: ['aws:eu-west-1', 'gcp:us-central1'], empties: false, drastic: true });
    expect(describeShrinkage(shrinkage)).toBe(
      'The file has 30 instance types; the current catalog has 20. It has none in 2 regions aws:eu-west-1, gcp:us-central1: scenarios priced there could no longer be sized.',
    );
  });

  it('empties the catalog with a header-only file', () => {
    expect(catalogShrinkage(today, [])).toMatchObject({ incomingCount: 0, empties: true, drastic: true });
  });
});
