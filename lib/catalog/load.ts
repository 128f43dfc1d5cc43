import { z } from 'zod';

import awsData from './data/aws.json';
import azureData from './data/azure.json';
import gcpData from './data/gcp.json';
import manifest from './data/manifest.json';
import {
  type Arch,
  type Catalog,
  CatalogSchema,
  type CatalogInstanceType,
  type CommitmentDiscount,
  type DataTransferPrice,
  type Provider,
  ProviderSchema,
  type StorageTier,
} from './schema';

/**
 * The bundled catalog: JSON imported at build time and validated with zod, so it works on the
 * server and in the browser alike (no fs). Pure apart from a module-level memo of the parse.
 */

/** Thrown when bundled or supplied catalog data breaks the schema: a programmer error, not user input. */
export class CatalogValidationError extends Error {
  override readonly name = 'CatalogValidationError';
  constructor(readonly issues: z.core.$ZodIssue[]) {
    super(`Catalog data is invalid:\n${z.prettifyError(new z.ZodError(issues))}`);
  }
}

const ProviderFileSchema = z.object({
  provider: ProviderSchema,
  instanceTypes: z.array(z.unknown()),
  storageTiers: z.array(z.unknown()),
  dataTransfer: z.array(z.unknown()),
  commitments: z.array(z.unknown()),
});

/**
 * Merges per-provider files into one catalog and validates it.
 *
 * @param input - `{ version, currency }` plus one file per provider; every item must belong to its file's provider
 * @returns the validated catalog
 * @throws CatalogValidationError when any item breaks the schema or sits in another provider's file
 * @example parseCatalog({ manifest: { version: '2026-11-25.1', currency: 'USD' }, providerFiles: [] }).instanceTypes //=> []
 */
export function parseCatalog(input: { manifest: unknown; providerFiles: readonly unknown[] }): Catalog {
  const files = z.array(ProviderFileSchema).safeParse(input.providerFiles);
  if (!files.success) throw new CatalogValidationError(files.error.issues);
  const manifestParsed = z.object({ version: z.unknown(), currency: z.unknown() }).safeParse(input.manifest);
  if (!manifestParsed.success) throw new CatalogValidationError(manifestParsed.error.issues);

  const misfiled: z.core.$ZodIssue[] = [];
  const merged = { instanceTypes: [] as unknown[], storageTiers: [] as unknown[], dataTransfer: [] as unknown[], commitments: [] as unknown[] };
  for (const file of files.data) {
    for (const section of ['instanceTypes', 'storageTiers', 'dataTransfer', 'commitments'] as const) {
      file[section].forEach((item, index) => {
        const provider = z.object({ provider: z.unknown() }).safeParse(item);
        if (provider.success && provider.data.provider !== file.provider) {
          misfiled.push({
            code: 'custom',
            path: [file.provider, section, index, 'provider'],
            message: `Item in the ${file.provider} file names provider "${String(provider.data.provider)}".`,
            input: item,
          });
        }
        merged[section].push(item);
      });
    }
  }
  if (misfiled.length > 0) throw new CatalogValidationError(misfiled);

  const parsed = CatalogSchema.safeParse({ ...manifestParsed.data, ...merged });
  if (!parsed.success) throw new CatalogValidationError(parsed.error.issues);
  return parsed.data;
}

let bundled: Catalog | undefined;

/**
 * The catalog shipped in `lib/catalog/data/`, parsed once.
 *
 * @throws CatalogValidationError if the bundled data is broken (caught by the catalog tests)
 */
export function loadCatalog(): Catalog {
  bundled ??= parseCatalog({ manifest, providerFiles: [awsData, gcpData, azureData] });
  return bundled;
}

export type InstanceTypeFilter = {
  provider?: Provider;
  region?: string;
  family?: string;
  arch?: Arch;
  minVcpu?: number;
  minMemoryGib?: number;
};

/**
 * Instance types matching every given criterion, in catalog order.
 *
 * @param filter - omitted fields do not filter; `minVcpu` and `minMemoryGib` are inclusive lower bounds
 * @param catalog - defaults to the bundled catalog; tests and FinOps overrides pass their own
 * @example findInstanceTypes({ provider: 'aws', region: 'us-east-1', family: 'm7g' }).length //=> 8
 */
export function findInstanceTypes(filter: InstanceTypeFilter, catalog: Catalog = loadCatalog()): CatalogInstanceType[] {
  return catalog.instanceTypes.filter(
    (item) =>
      (filter.provider === undefined || item.provider === filter.provider) &&
      (filter.region === undefined || item.region === filter.region) &&
      (filter.family === undefined || item.family === filter.family) &&
      (filter.arch === undefined || item.arch === filter.arch) &&
      (filter.minVcpu === undefined || item.vcpu >= filter.minVcpu) &&
      (filter.minMemoryGib === undefined || item.memoryGib >= filter.minMemoryGib),
  );
}

/**
 * One instance type by id.
 *
 * @param id - e.g. 'aws:us-east-1:m7i.xlarge'
 * @returns the item, or undefined when the catalog has no such id
 */
export function getInstanceType(id: string, catalog: Catalog = loadCatalog()): CatalogInstanceType | undefined {
  return catalog.instanceTypes.find((item) => item.id === id);
}

type RegionFilter = { provider: Provider; region?: string };

/** Storage tiers (block, object, snapshot) of a provider, optionally one region. */
export function findStorageTiers(filter: RegionFilter, catalog: Catalog = loadCatalog()): StorageTier[] {
  return catalog.storageTiers.filter((item) => matchesRegion(item, filter));
}

/** Data-transfer prices of a provider, keyed by the region the traffic leaves from. */
export function findDataTransferPrices(filter: RegionFilter, catalog: Catalog = loadCatalog()): DataTransferPrice[] {
  return catalog.dataTransfer.filter((item) => matchesRegion(item, filter));
}

/** Commitment programs (reserved instances, savings plans, committed-use discounts) of a provider. */
export function findCommitments(filter: { provider: Provider }, catalog: Catalog = loadCatalog()): CommitmentDiscount[] {
  return catalog.commitments.filter((item) => item.provider === filter.provider);
}

function matchesRegion(item: { provider: Provider; region: string }, filter: RegionFilter): boolean {
  return item.provider === filter.provider && (filter.region === undefined || item.region === filter.region);
}
