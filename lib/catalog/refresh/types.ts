import type { CatalogInstanceType, LocalDisk, Provider } from '../schema';

/**
 * What one provider price file says about one instance type in one region, in catalog units
 * (USD per hour, GiB, Gbps, MiB/s). A converter emits these; `applyInstanceUpdates` merges them
 * into the bundled data. Pure data, no IO.
 */
export type InstanceUpdate = {
  provider: Provider;
  region: string;
  name: string;
  /** Linux, shared tenancy, on-demand list price. */
  onDemandUsdPerHour: number;
  /** 1 − spot / on-demand, when the file has a spot price for the type. */
  spotDiscountRatio?: number;
  /** Specs the file states; required to add a type the catalog does not have yet. */
  specs?: InstanceSpecs;
  /** The file's public address (or the documented address of the dataset it is a copy of). */
  source: string;
  /** The date of the file's prices (publication or effective date), YYYY-MM-DD. */
  asOf: string;
};

export type InstanceSpecs = Pick<CatalogInstanceType, 'family' | 'arch' | 'vcpu' | 'memoryGib'> & {
  /** Sustained network bandwidth, when the file states a fixed figure (not "up to"). */
  networkGbps?: number;
  /** "Up to" network bandwidth. */
  networkBurstGbps?: number;
  /** Sustained block-storage bandwidth, when the file states a fixed figure. */
  blockBandwidthMibPerSec?: number;
  localDisk?: LocalDisk;
};

/** A price file's lines the converter could not use, so the report can say why nothing changed. */
export type ConversionResult = {
  updates: InstanceUpdate[];
  /** Human-readable reasons, one per skipped product family or malformed record kind (deduplicated). */
  skipped: string[];
};

/** 1 Mbps in MiB/s: 10^6 bits / 8 / 2^20. */
export const MIB_PER_SEC_PER_MBPS = 1e6 / 8 / 2 ** 20;
/** 1 GB (10^9 bytes) in GiB. */
export const GIB_PER_GB = 1e9 / 2 ** 30;
