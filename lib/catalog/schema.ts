import { z } from 'zod';

/**
 * Zod schemas for every kind of catalog item. One schema per entity, shared by the bundled loader,
 * the CSV importer and (later) the database seed and FinOps override forms.
 *
 * Every item carries its provenance: `source` (the public page or dataset it came from), `asOf`
 * (the date of that source, not the date it was copied), and `estimate` + `note` when a figure
 * could not be confirmed from a dated source. Money is USD; figures are stored exactly as the
 * source gives them (no rounding in data).
 */

export const ProviderSchema = z.enum(['aws', 'gcp', 'azure']);
export type Provider = z.infer<typeof ProviderSchema>;

export const ArchSchema = z.enum(['x86_64', 'arm64']);
export type Arch = z.infer<typeof ArchSchema>;

const NameSchema = z.string().trim().min(1, 'Required.');

const SourceUrlSchema = z.url({
  protocol: /^https$/,
  error: 'Source must be an https:// link to the public page or dataset the figure came from.',
});

const AsOfSchema = z.iso.date({ error: 'As-of date must be an ISO date (YYYY-MM-DD).' });

const UsdPositiveSchema = z
  .number({ error: 'Must be a number.' })
  .positive('Must be a price above zero.')
  .finite();

const NonNegativeSchema = z.number({ error: 'Must be a number.' }).min(0, 'Must not be negative.').finite();
const PositiveSchema = z.number({ error: 'Must be a number.' }).positive('Must be above zero.').finite();

/** A 0..1 ratio (`Ratio` suffix, house style); 1 would mean "free", which no discount is. */
const DiscountRatioSchema = z
  .number({ error: 'Must be a number.' })
  .min(0, 'Must be a ratio from 0 to below 1 (0.6 means 60% off).')
  .lt(1, 'Must be a ratio from 0 to below 1 (0.6 means 60% off).');

/**
 * Spot interruption-frequency band, AWS Spot Instance Advisor style: the share of instances
 * interrupted per month. Source: the `ranges` of https://spot-bid-advisor.s3.amazonaws.com/spot-advisor-data.json
 * as recorded in shared/reference/domain-anchors.md §4.
 */
export const SPOT_INTERRUPTION_BANDS = [
  { band: 0, label: '<5%' },
  { band: 1, label: '5–10%' },
  { band: 2, label: '10–15%' },
  { band: 3, label: '15–20%' },
  { band: 4, label: '>20%' },
] as const;

export const SpotInterruptionBandSchema = z
  .number({ error: 'Must be a whole number from 0 to 4.' })
  .int('Must be a whole number from 0 to 4.')
  .min(0, 'Must be a whole number from 0 to 4.')
  .max(4, 'Must be a whole number from 0 to 4.');

/** Fields of an instance type that may individually be estimates. */
export const InstanceEstimableFieldSchema = z.enum([
  'onDemandUsdPerHour',
  'networkGbps',
  'spotDiscountRatio',
  'spotInterruptionBand',
  'networkBurstGbps',
  'blockBandwidthMibPerSec',
  'blockIops',
  'localDisk',
]);
export type InstanceEstimableField = z.infer<typeof InstanceEstimableFieldSchema>;

export const LocalDiskSchema = z.object({
  count: z.number({ error: 'Must be a number.' }).int('Must be a whole number of disks.').min(1, 'Must be at least 1.').max(64),
  sizeGib: z.number({ error: 'Must be a number.' }).positive('Must be above zero.').finite(),
  nvme: z.boolean({ error: 'Must be true or false.' }),
});
export type LocalDisk = z.infer<typeof LocalDiskSchema>;

const provenanceShape = {
  source: SourceUrlSchema,
  asOf: AsOfSchema,
  estimate: z.boolean({ error: 'Must be true or false.' }),
  note: z.string().trim().min(1).optional(),
};

/** An estimate must say why in `note`; the UI shows it next to the figure. */
function requireNoteForEstimate(item: { estimate: boolean; note?: string | undefined }, ctx: z.RefinementCtx) {
  if (item.estimate && item.note === undefined) {
    ctx.addIssue({ code: 'custom', path: ['note'], message: 'An estimate needs a note saying what it is based on.' });
  }
}

export const CatalogInstanceTypeSchema = z
  .object({
    /** `${provider}:${region}:${name}`, e.g. 'aws:us-east-1:m7i.xlarge'. */
    id: NameSchema,
    provider: ProviderSchema,
    region: NameSchema,
    name: NameSchema,
    family: NameSchema,
    arch: ArchSchema,
    vcpu: z.number({ error: 'Must be a number.' }).int('Must be a whole number of vCPUs.').positive('Must be at least 1.'),
    memoryGib: z.number({ error: 'Must be a number.' }).positive('Must be above zero.').finite(),
    /** Sustained baseline where the provider publishes one; an "up to" figure is listed in `estimatedFields`. */
    networkGbps: z.number({ error: 'Must be a number.' }).positive('Must be above zero.').finite(),
    /** "Up to" burst network bandwidth (Gbps), at least `networkGbps`; absent when the source states none. */
    networkBurstGbps: z.number({ error: 'Must be a number.' }).positive('Must be above zero.').finite().optional(),
    /**
     * Sustained throughput ceiling to network block storage (EBS baseline, Azure max uncached disk
     * throughput), MiB/s. 1 Mbps = 10^6 / 8 / 2^20 MiB/s; 1 MB/s = 10^6 / 2^20 MiB/s.
     */
    blockBandwidthMibPerSec: z.number({ error: 'Must be a number.' }).positive('Must be above zero.').finite().optional(),
    /** Sustained IOPS ceiling to network block storage. */
    blockIops: z.number({ error: 'Must be a number.' }).int('Must be a whole number.').positive('Must be above zero.').optional(),
    /** Instance-store disks (local NVMe/SSD), absent when the type has none. Sizes in GiB (1 GB = 10^9 / 2^30 GiB). */
    localDisk: LocalDiskSchema.optional(),
    /** Linux, shared tenancy, list price. */
    onDemandUsdPerHour: UsdPositiveSchema,
    /** Typical spot price discount versus on-demand: spot = onDemand × (1 − ratio). */
    spotDiscountRatio: DiscountRatioSchema,
    spotInterruptionBand: SpotInterruptionBandSchema,
    ...provenanceShape,
    estimatedFields: z.array(InstanceEstimableFieldSchema),
  })
  .superRefine((item, ctx) => {
    const expectedId = `${item.provider}:${item.region}:${item.name}`;
    if (item.id !== expectedId) {
      ctx.addIssue({ code: 'custom', path: ['id'], message: `Id must be "${expectedId}" (provider:region:name).` });
    }
    if (item.estimate !== item.estimatedFields.length > 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['estimatedFields'],
        message: 'List the estimated fields when estimate is true, and none when it is false.',
      });
    }
    if (item.networkBurstGbps !== undefined && item.networkBurstGbps < item.networkGbps) {
      ctx.addIssue({ code: 'custom', path: ['networkBurstGbps'], message: 'Burst network bandwidth must be at least the baseline.' });
    }
    if (new Set(item.estimatedFields).size !== item.estimatedFields.length) {
      ctx.addIssue({ code: 'custom', path: ['estimatedFields'], message: 'Each estimated field may be listed once.' });
    }
    requireNoteForEstimate(item, ctx);
  });
export type CatalogInstanceType = z.infer<typeof CatalogInstanceTypeSchema>;

export const StorageKindSchema = z.enum(['block', 'object', 'snapshot']);
/** Lifecycle position used to split retained data into hot / warm / cold tiers (issue #4). */
export const AccessTierSchema = z.enum(['hot', 'warm', 'cold', 'archive']);

export const StorageTierSchema = z
  .object({
    id: NameSchema,
    provider: ProviderSchema,
    region: NameSchema,
    name: NameSchema,
    kind: StorageKindSchema,
    accessTier: AccessTierSchema,
    usdPerGibMonth: UsdPositiveSchema,
    /** Minimum billed storage duration; deleting earlier is charged as if kept this long. */
    minStorageDays: z.number().int().min(0),
    /** Object tiers: price per GiB read back (standard retrieval). */
    retrievalUsdPerGib: NonNegativeSchema.optional(),
    /** Block tiers: performance included in the GiB price, then billed per provisioned unit-month. */
    includedIops: NonNegativeSchema.optional(),
    usdPerIopsMonth: NonNegativeSchema.optional(),
    includedMibPerSec: NonNegativeSchema.optional(),
    usdPerMibPerSecMonth: NonNegativeSchema.optional(),
    /** Block tiers: per-volume ceilings. */
    maxIopsPerVolume: PositiveSchema.optional(),
    maxMibPerSecPerVolume: PositiveSchema.optional(),
    maxSizeGibPerVolume: PositiveSchema.optional(),
    ...provenanceShape,
  })
  .superRefine(requireNoteForEstimate);
export type StorageTier = z.infer<typeof StorageTierSchema>;

export const DataTransferKindSchema = z.enum(['cross-zone', 'inter-region', 'internet-egress']);

export const DataTransferPriceSchema = z
  .object({
    id: NameSchema,
    provider: ProviderSchema,
    /** The region the traffic leaves from. */
    region: NameSchema,
    kind: DataTransferKindSchema,
    /** Zero is a real price here (Azure does not charge for cross-zone traffic). */
    usdPerGib: z.number({ error: 'Must be a number.' }).min(0, 'Must not be negative.').finite(),
    /** True when both the sending and the receiving side pay `usdPerGib` (AWS cross-AZ). */
    chargedEachDirection: z.boolean(),
    /**
     * Inter-region only: the destination the price is for, a region on the same continent or on
     * another (GCP and Azure price the continent pair; AWS prices by source region, so its two
     * rates are equal). Absent: the price applies to any destination.
     */
    destinationScope: z.enum(['same-continent', 'intercontinental']).optional(),
    ...provenanceShape,
  })
  .superRefine(requireNoteForEstimate)
  .superRefine((item, ctx) => {
    if (item.destinationScope !== undefined && item.kind !== 'inter-region') {
      ctx.addIssue({ code: 'custom', path: ['destinationScope'], message: 'Only inter-region prices have a destination scope.' });
    }
  });
export type DataTransferPrice = z.infer<typeof DataTransferPriceSchema>;

export const CommitmentPaymentSchema = z.enum(['no-upfront', 'partial-upfront', 'all-upfront']);

export const CommitmentDiscountSchema = z
  .object({
    id: NameSchema,
    provider: ProviderSchema,
    program: NameSchema,
    termYears: z.union([z.literal(1), z.literal(3)]),
    payment: CommitmentPaymentSchema,
    /** Effective discount versus on-demand over the term: committed = onDemand × (1 − ratio). */
    discountRatio: DiscountRatioSchema,
    appliesTo: NameSchema,
    /** The families (GCP machine series) the offer can cover; absent = every family of the provider. */
    appliesToFamilies: z.array(NameSchema).min(1).optional(),
    /** The regions the offer can cover; absent = every region. */
    appliesToRegions: z.array(NameSchema).min(1).optional(),
    ...provenanceShape,
  })
  .superRefine(requireNoteForEstimate);
export type CommitmentDiscount = z.infer<typeof CommitmentDiscountSchema>;

/** Catalog versions are `YYYY-MM-DD.n`; a projection records the version it was priced with. */
export const CatalogVersionSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}\.\d+$/, 'Catalog version must look like 2026-11-25.1.');

export const CatalogSchema = z
  .object({
    version: CatalogVersionSchema,
    currency: z.literal('USD'),
    instanceTypes: z.array(CatalogInstanceTypeSchema),
    storageTiers: z.array(StorageTierSchema),
    dataTransfer: z.array(DataTransferPriceSchema),
    commitments: z.array(CommitmentDiscountSchema),
  })
  .superRefine((catalog, ctx) => {
    const sections = ['instanceTypes', 'storageTiers', 'dataTransfer', 'commitments'] as const;
    for (const section of sections) {
      const seen = new Set<string>();
      catalog[section].forEach((item, index) => {
        if (seen.has(item.id)) {
          ctx.addIssue({ code: 'custom', path: [section, index, 'id'], message: `Duplicate id "${item.id}".` });
        }
        seen.add(item.id);
      });
    }
  });
export type Catalog = z.infer<typeof CatalogSchema>;
