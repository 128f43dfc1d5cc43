import { z } from 'zod';

import { diffCatalogs, type PriceChange } from '../diff';
import { parseCatalog } from '../load';
import { type CatalogInstanceType, CatalogInstanceTypeSchema, type InstanceEstimableField, type Provider, ProviderSchema } from '../schema';
import type { InstanceUpdate } from './types';

/**
 * Merges converted price-file records into the bundled per-provider data files and reports what
 * changed. Pure and deterministic: the same files and updates give the same output, item order is
 * kept, and added types go after the existing ones sorted by id.
 */

/** One bundled data file (`lib/catalog/data/<provider>.json`) as plain JSON. */
export type ProviderFile = {
  provider: Provider;
  instanceTypes: CatalogInstanceType[];
  storageTiers: Record<string, unknown>[];
  dataTransfer: Record<string, unknown>[];
  commitments: Record<string, unknown>[];
};

export type RefreshReport = {
  /** Items whose figures or provenance were replaced. */
  updated: number;
  /** New sizes of families the catalog already has, in regions it already has. */
  added: string[];
  /** Records not applied, with the reason (grouped: "region xx-1 not in the catalog: 37 types"). */
  notApplied: string[];
  /** Every price that moved, from `diffCatalogs`. */
  priceChanges: PriceChange[];
};

/** Spot terms for a type the catalog did not have: the same prior as the bundled AWS data (docs/catalog.md). */
const SPOT_PRIOR = { spotDiscountRatio: 0.6, spotInterruptionBand: 1 } as const;

/**
 * @param files - the current data files, one per provider
 * @param updates - converter output for any providers
 * @param version - the manifest version of the current data (for validation and the diff)
 * @returns the new files (validated against the catalog schema) and the report
 * @throws CatalogValidationError when the merged data would break the schema (a converter bug)
 */
export function applyInstanceUpdates(
  files: readonly ProviderFile[],
  updates: readonly InstanceUpdate[],
  version: string,
): { files: ProviderFile[]; report: RefreshReport } {
  const byId = new Map<string, InstanceUpdate>();
  for (const update of updates) byId.set(`${update.provider}:${update.region}:${update.name}`, update);

  let updated = 0;
  const notApplied = new Map<string, number>();
  const count = (reason: string) => notApplied.set(reason, (notApplied.get(reason) ?? 0) + 1);
  const next = files.map((file) => {
    const instanceTypes = file.instanceTypes.map((item) => {
      const update = byId.get(item.id);
      if (!update) return item;
      byId.delete(item.id);
      const merged = mergeUpdate(item, update);
      if (JSON.stringify(merged) !== JSON.stringify(item)) updated += 1;
      return merged;
    });
    return { ...file, instanceTypes };
  });

  const added: CatalogInstanceType[] = [];
  for (const [id, update] of [...byId.entries()].sort(([a], [b]) => a.localeCompare(b, 'en'))) {
    const file = next.find((candidate) => candidate.provider === update.provider);
    const regions = new Set(file?.instanceTypes.map((item) => item.region));
    const families = new Set(file?.instanceTypes.map((item) => item.family));
    if (!file || !regions.has(update.region)) count(`${update.provider} region ${update.region} is not in the catalog (add its storage and transfer prices first)`);
    else if (!update.specs) count(`${update.provider}: the file has no specs for types the catalog lacks`);
    else if (!families.has(update.specs.family)) count(`${update.provider}: family not in the catalog (add it deliberately)`);
    else if (update.specs.networkGbps === undefined && update.specs.networkBurstGbps === undefined) count(`${update.provider}: no network figure for a new type`);
    else {
      const item = newInstanceType(id, update);
      file.instanceTypes.push(item);
      added.push(item);
    }
  }

  const manifest = { version, currency: 'USD' };
  const before = parseCatalog({ manifest, providerFiles: files });
  const after = parseCatalog({ manifest, providerFiles: next });
  return {
    files: next,
    report: {
      updated,
      added: added.map((item) => item.id),
      notApplied: [...notApplied.entries()].map(([reason, n]) => `${reason}: ${n} type${n === 1 ? '' : 's'}`),
      priceChanges: diffCatalogs(before, after),
    },
  };
}

function mergeUpdate(item: CatalogInstanceType, update: InstanceUpdate): CatalogInstanceType {
  const confirmed = new Set<InstanceEstimableField>(['onDemandUsdPerHour']);
  const specs = update.specs;
  const hardware: Partial<CatalogInstanceType> = {};
  if (update.spotDiscountRatio !== undefined) confirmed.add('spotDiscountRatio');
  if (specs?.networkGbps !== undefined) {
    hardware.networkGbps = specs.networkGbps;
    confirmed.add('networkGbps');
  }
  if (specs?.networkBurstGbps !== undefined && specs.networkBurstGbps >= (specs.networkGbps ?? item.networkGbps)) {
    hardware.networkBurstGbps = specs.networkBurstGbps;
    confirmed.add('networkBurstGbps');
  }
  if (specs?.blockBandwidthMibPerSec !== undefined) {
    hardware.blockBandwidthMibPerSec = specs.blockBandwidthMibPerSec;
    confirmed.add('blockBandwidthMibPerSec');
  }
  if (specs?.localDisk !== undefined) {
    hardware.localDisk = specs.localDisk;
    confirmed.add('localDisk');
  }
  const estimatedFields = item.estimatedFields.filter((field) => !confirmed.has(field));
  const figures = { ...item, ...hardware, onDemandUsdPerHour: update.onDemandUsdPerHour, spotDiscountRatio: update.spotDiscountRatio ?? item.spotDiscountRatio };
  const unchanged =
    JSON.stringify(figures) === JSON.stringify(item) && item.source === update.source && item.asOf === update.asOf && estimatedFields.length === item.estimatedFields.length;
  if (unchanged) return item;
  const refreshed = `On-demand${update.spotDiscountRatio !== undefined ? ' and spot' : ''} price refreshed from ${update.source} (${update.asOf}).`;
  const note = estimatedFields.length > 0 ? `${refreshed} Still estimated: ${estimatedFields.join(', ')}. ${stripRefreshed(item.note)}`.trim() : refreshed;
  return {
    ...item,
    ...hardware,
    onDemandUsdPerHour: update.onDemandUsdPerHour,
    ...(update.spotDiscountRatio !== undefined ? { spotDiscountRatio: update.spotDiscountRatio } : {}),
    source: update.source,
    asOf: update.asOf,
    estimate: estimatedFields.length > 0,
    estimatedFields,
    note,
  };
}

/** Drops an earlier refresh sentence and "Still estimated" list, so repeated refreshes do not pile them up. */
function stripRefreshed(note: string | undefined): string {
  return (note ?? '').replace(/^On-demand( and spot)? price refreshed from \S+ \(\d{4}-\d{2}-\d{2}\)\.( Still estimated: [^.]*\.)? ?/, '');
}

function newInstanceType(id: string, update: InstanceUpdate): CatalogInstanceType {
  const specs = update.specs;
  if (!specs) throw new Error(`No specs for ${id}.`);
  const networkGbps = specs.networkGbps ?? specs.networkBurstGbps;
  if (networkGbps === undefined) throw new Error(`No network figure for ${id}.`);
  const estimatedFields: InstanceEstimableField[] = [
    ...(specs.networkGbps === undefined ? (['networkGbps'] as const) : []),
    'spotDiscountRatio',
    'spotInterruptionBand',
  ];
  return {
    id,
    provider: update.provider,
    region: update.region,
    name: update.name,
    family: specs.family,
    arch: specs.arch,
    vcpu: specs.vcpu,
    memoryGib: specs.memoryGib,
    networkGbps,
    ...(specs.networkBurstGbps !== undefined ? { networkBurstGbps: specs.networkBurstGbps } : {}),
    ...(specs.blockBandwidthMibPerSec !== undefined ? { blockBandwidthMibPerSec: specs.blockBandwidthMibPerSec } : {}),
    ...(specs.localDisk !== undefined ? { localDisk: specs.localDisk } : {}),
    onDemandUsdPerHour: update.onDemandUsdPerHour,
    ...SPOT_PRIOR,
    source: update.source,
    asOf: update.asOf,
    estimate: true,
    estimatedFields,
    note:
      `Added from ${update.source} (${update.asOf}).` +
      (specs.networkGbps === undefined ? ' Network: the "up to" figure, no published baseline.' : '') +
      ' Spot 0.6 / band 1: a prior, not Spot Advisor data.',
  };
}

const ProviderFileSchema = z.object({
  provider: ProviderSchema,
  instanceTypes: z.array(CatalogInstanceTypeSchema),
  storageTiers: z.array(z.record(z.string(), z.unknown())),
  dataTransfer: z.array(z.record(z.string(), z.unknown())),
  commitments: z.array(z.record(z.string(), z.unknown())),
});

/**
 * A bundled data file read as JSON, with its instance types validated (keys come back in schema order).
 *
 * @throws ZodError when the file is not a provider data file
 */
export function parseProviderFile(json: unknown): ProviderFile {
  return ProviderFileSchema.parse(json);
}
