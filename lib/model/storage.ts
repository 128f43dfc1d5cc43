/**
 * Retained data, its lifecycle tiers and backups, priced per month.
 *
 * Broker stages hold the pipeline's data. Producers compress batches and Kafka stores and moves
 * them as they are (compression.type=producer), so every byte count here and in the broker stage
 * is divided by the scenario's `compressionRatio`: one copy of a day's data is
 *
 *   ingest GiB/day = avg MiB/s × 86,400 ÷ 1024 ÷ compressionRatio
 *
 * Over the retention period R days (scenario `storage.retentionDays`, else the broker's own
 * retentionHours ÷ 24), data younger than `warmAfterDays` is hot (on the brokers' disks), then
 * warm until `coldAfterDays`, then cold:
 *
 *   warm GiB = ingest × warmDays                        (object storage, infrequent access)
 *   cold GiB = ingest × coldDays                        (object storage, cold)
 *
 * Hot data lives on the brokers' disks, and a disk is bought, not used: the bill is what each
 * broker provisions (`brokerDiskUsdPerMonth`), the same disks the broker stage sized its count on
 * (`brokerDiskPolicy` is the one definition of what they hold). Object storage keeps one logical
 * copy: its replication is inside the provider's price [assumption: Kafka tiered storage and S3
 * sinks write one copy].
 *
 * Backups (backup & restore DR), in the warm (infrequent-access) object tier of the DR region, as
 * one of two choices (`backupStorage`): periodic full copies of the retained data, or a continuous
 * object-store sink that writes each event once. Retrieval fees are not priced.
 */
import { formatNumber } from './numeric';
import { trafficAt } from './stages/plan';
import type { BrokerDisk, BrokerStageSpec, CatalogInstanceType, DrPolicy, StoragePolicy, StorageTierPrice } from './types';

const SECONDS_PER_DAY = 86_400;
const HOURS_PER_DAY = 24;
const MIB_PER_GIB = 1024;
/** 730 billed hours a month (cost.ts) ÷ 24. */
const DAYS_PER_MONTH = 730 / 24;
const KIB_PER_MIB = 1024;
/**
 * Size of one I/O operation as EBS counts sequential writes on SSD volumes: contiguous I/O is
 * merged and counted in units of up to 256 KiB (AWS, "Amazon EBS I/O characteristics and
 * monitoring", https://docs.aws.amazon.com/ebs/latest/userguide/ebs-io-characteristics.html).
 * Kafka appends to segment files, so its disk writes are sequential [assumption: the same unit for
 * GCP Hyperdisk and Azure Premium SSD v2, which publish no merge rule].
 */
const KIB_PER_SEQUENTIAL_IO = 256;

/**
 * What a broker's disks hold, the one definition the broker stage sizes on and pricing bills:
 * compressed bytes (÷ `compressionRatio`) of the part of retention kept locally (until
 * `warmAfterDays` moves it to object storage, else the whole retention).
 */
export interface BrokerDiskPolicy {
  compressionRatio: number;
  localRetentionHours: number;
}

/**
 * @param stage - parsed broker stage (its retentionHours is the default retention)
 * @param policy - the scenario's storage policy
 * @example brokerDiskPolicy({ retentionHours: 72, … }, { compressionRatio: 4, retentionDays: 30, warmAfterDays: 3 }) //=> { compressionRatio: 4, localRetentionHours: 72 }
 */
export function brokerDiskPolicy(stage: Pick<BrokerStageSpec, 'retentionHours'>, policy: StoragePolicy): BrokerDiskPolicy {
  const retentionDays = policy.retentionDays ?? stage.retentionHours / HOURS_PER_DAY;
  return {
    compressionRatio: policy.compressionRatio,
    localRetentionHours: Math.min(retentionDays, policy.warmAfterDays ?? Infinity) * HOURS_PER_DAY,
  };
}

/**
 * The disk of one broker on an instance type: its local NVMe/SSD when the type has one (i4i, i3en,
 * im4gn, Lsv3, …: instance storage, paid inside the instance price), else a network volume of the
 * stage's `diskGibPerBroker`.
 * @param writeMibPerSec - peak MiB/s this broker writes (its share of ingress × RF, compressed)
 */
export function brokerDisk(stage: Pick<BrokerStageSpec, 'diskGibPerBroker'>, instance: CatalogInstanceType, writeMibPerSec: number): BrokerDisk {
  const local = instance.localDisk;
  return local === undefined
    ? { kind: 'volume', sizeGib: stage.diskGibPerBroker, writeMibPerSec }
    : { kind: 'local', sizeGib: local.count * local.sizeGib, writeMibPerSec };
}

/**
 * Monthly price of one broker's disk as provisioned: a volume bills its size, plus IOPS and
 * throughput above what the tier includes (gp3: 3,000 IOPS and 125 MiB/s free, then per IOPS-month
 * and per MiB/s-month; GCP Hyperdisk and Azure Premium SSD v2 likewise; a tier without those
 * prices, such as pd-balanced whose performance scales with size, bills size only). Local disks
 * are in the instance price: 0.
 *
 *   IOPS needed = write MiB/s × 1024 ÷ 256 KiB per sequential I/O
 *   USD = size × USD/GiB-month + max(0, IOPS − included) × USD/IOPS-month
 *         + max(0, MiB/s − included) × USD/MiB/s-month
 *
 * @example brokerDiskUsdPerMonth({ kind: 'volume', sizeGib: 1000, writeMibPerSec: 200 }, gp3 at 0.08, 3,000 IOPS + 125 MiB/s free, 0.005 / 0.04) //=> 80 + 0 + 75 × 0.04 = 83
 */
export function brokerDiskUsdPerMonth(disk: BrokerDisk, tier: StorageTierPrice): number {
  if (disk.kind === 'local') return 0;
  const iops = (disk.writeMibPerSec * KIB_PER_MIB) / KIB_PER_SEQUENTIAL_IO;
  const extraIops = tier.usdPerIopsMonth === undefined ? 0 : Math.max(0, iops - (tier.includedIops ?? 0)) * tier.usdPerIopsMonth;
  const extraThroughput =
    tier.usdPerMibPerSecMonth === undefined ? 0 : Math.max(0, disk.writeMibPerSec - (tier.includedMibPerSec ?? 0)) * tier.usdPerMibPerSecMonth;
  return disk.sizeGib * tier.usdPerGibMonth + extraIops + extraThroughput;
}

export interface StorageTierPrices {
  hot: StorageTierPrice;
  warm: StorageTierPrice;
  cold: StorageTierPrice;
}

/**
 * The tiers a lifecycle uses: hot = block storage of the hot access tier, warm and cold = object
 * storage of those access tiers (backups use the warm one).
 * @returns the tiers, or a sentence naming the one the pricing lacks
 */
export function lifecycleTiers(tiers: readonly StorageTierPrice[]): StorageTierPrices | string {
  const find = (kind: StorageTierPrice['kind'], accessTier: StorageTierPrice['accessTier']) =>
    tiers.find((tier) => tier.kind === kind && tier.accessTier === accessTier);
  const hot = find('block', 'hot');
  const warm = find('object', 'warm');
  const cold = find('object', 'cold');
  if (hot === undefined) return 'The pricing has no hot block-storage tier.';
  if (warm === undefined) return 'The pricing has no warm object-storage tier.';
  if (cold === undefined) return 'The pricing has no cold object-storage tier.';
  return { hot, warm, cold };
}

export interface StageStorageMonth {
  /** One compressed copy of a day's ingest. */
  ingestGibPerDay: number;
  retentionDays: number;
  /** Data on the brokers' disks (every replica), and what those disks provision. */
  hotGib: number;
  provisionedHotGib: number;
  warmGib: number;
  coldGib: number;
  /** What the warm and cold tiers bill: stored GiB, or more when data leaves (is deleted at the end
   * of retention) before the tier's minimum storage duration. */
  billedWarmGib: number;
  billedColdGib: number;
  /** One copy of everything retained (what a backup or a DR replica holds). */
  dataGib: number;
  hotUsdPerMonth: number;
  warmUsdPerMonth: number;
  coldUsdPerMonth: number;
}

/**
 * A broker stage's retained data by tier and its monthly price (formulas: module comment). The hot
 * tier is billed as the brokers' provisioned disks: `brokers` × `brokerDiskUsdPerMonth` (0 when
 * the stage could not be sized this month, so no brokers are bought).
 * @param stage - parsed broker stage
 * @param demandMultiplier - the month's demand relative to the stage's inputs
 * @param brokers - the month's broker count and the disk of one, or null when unsized
 * @example 9 brokers with 1,000 GiB volumes at 0.10 USD/GiB-month → hot 900 USD/month
 */
export function stageStorage(
  stage: BrokerStageSpec,
  demandMultiplier: number,
  policy: StoragePolicy,
  tiers: StorageTierPrices,
  brokers: { nodes: number; disk: BrokerDisk } | null,
): StageStorageMonth {
  const ingestGibPerDay = (trafficAt(stage, demandMultiplier).avgMibPerSec * SECONDS_PER_DAY) / MIB_PER_GIB / policy.compressionRatio;
  const retentionDays = policy.retentionDays ?? stage.retentionHours / HOURS_PER_DAY;
  const days = lifecycleDays(retentionDays, policy);
  const warmGib = ingestGibPerDay * days.warm;
  const coldGib = ingestGibPerDay * days.cold;
  const billedWarmGib = ingestGibPerDay * billedDays(days.warm, tiers.warm);
  const billedColdGib = ingestGibPerDay * billedDays(days.cold, tiers.cold);
  return {
    ingestGibPerDay,
    retentionDays,
    hotGib: ingestGibPerDay * days.hot * stage.replicationFactor,
    provisionedHotGib: brokers === null ? 0 : brokers.nodes * brokers.disk.sizeGib,
    warmGib,
    coldGib,
    billedWarmGib,
    billedColdGib,
    dataGib: ingestGibPerDay * retentionDays,
    hotUsdPerMonth: brokers === null ? 0 : brokers.nodes * brokerDiskUsdPerMonth(brokers.disk, tiers.hot),
    warmUsdPerMonth: billedWarmGib * tiers.warm.usdPerGibMonth,
    coldUsdPerMonth: billedColdGib * tiers.cold.usdPerGibMonth,
  };
}

/** Days a day's data spends in each tier over the retention R: hot until warmAfterDays, warm until
 * coldAfterDays, cold until R. */
function lifecycleDays(retentionDays: number, policy: StoragePolicy): { hot: number; warm: number; cold: number } {
  const warmFrom = Math.min(retentionDays, policy.warmAfterDays ?? Infinity);
  const coldFrom = Math.min(retentionDays, Math.max(warmFrom, policy.coldAfterDays ?? Infinity));
  return { hot: warmFrom, warm: coldFrom - warmFrom, cold: retentionDays - coldFrom };
}

/**
 * Days a tier bills for data it holds `days` days: at least its minimum storage duration (S3
 * Standard-IA 30, Glacier Instant Retrieval 90, Deep Archive 180; GCS Nearline 30, Coldline 90,
 * Archive 365; Azure Cool 30, Cold 90, Archive 180 — deleting earlier is charged as if kept that
 * long: https://aws.amazon.com/s3/pricing/, https://cloud.google.com/storage/pricing#early-delete,
 * https://learn.microsoft.com/azure/storage/blobs/access-tiers-overview). A tier the data never
 * enters bills nothing.
 * @example billedDays(11, { minStorageDays: 30 }) //=> 30
 */
function billedDays(days: number, tier: StorageTierPrice): number {
  return days > 0 ? Math.max(days, tier.minStorageDays ?? 0) : 0;
}

/**
 * A lifecycle checked against the tiers' minimum storage durations, for one broker stage:
 * - moving data out of the warm tier into the cold one before the warm tier's minimum is an error
 *   (the provider bills the early move as a deletion; AWS S3 lifecycle rules also refuse
 *   transitions out of Standard-IA before 30 days) — on `storage.coldAfterDays`;
 * - a cold tier that, once its minimum is billed, costs more per GiB than keeping the data warm
 *   for the same days gets a warning (the plan says staying put is cheaper).
 * Deleting at the end of retention before a minimum is allowed and billed (`stageStorage`).
 * @returns field errors (path, message) and warnings
 */
export function lifecycleIssues(
  stage: Pick<BrokerStageSpec, 'name' | 'retentionHours'>,
  policy: StoragePolicy,
  tiers: StorageTierPrices,
): { errors: { path: string; message: string }[]; warnings: string[] } {
  const days = lifecycleDays(policy.retentionDays ?? stage.retentionHours / HOURS_PER_DAY, policy);
  const warmMinimum = tiers.warm.minStorageDays ?? 0;
  if (days.cold > 0 && days.warm > 0 && days.warm < warmMinimum) {
    return {
      errors: [
        {
          path: 'storage.coldAfterDays',
          message:
            `Cold tier after (days) moves ${stage.name}'s data out of ${tiers.warm.name} after ${formatNumber(days.warm)} days, ` +
            `before its ${warmMinimum}-day minimum storage duration: set it to at least warm tier after (days) + ${warmMinimum}, or leave it empty.`,
        },
      ],
      warnings: [],
    };
  }
  const warnings: string[] = [];
  const coldUsdPerGib = billedDays(days.cold, tiers.cold) * tiers.cold.usdPerGibMonth;
  const stayWarmUsdPerGib = days.cold * tiers.warm.usdPerGibMonth;
  if (days.cold > 0 && coldUsdPerGib > stayWarmUsdPerGib) {
    warnings.push(
      `${stage.name}: moving data to ${tiers.cold.name} for its last ${formatNumber(days.cold)} days bills its ` +
        `${tiers.cold.minStorageDays ?? 0}-day minimum and costs more than keeping it in ${tiers.warm.name} ` +
        `(${formatNumber(coldUsdPerGib / DAYS_PER_MONTH)} vs ${formatNumber(stayWarmUsdPerGib / DAYS_PER_MONTH)} USD per GiB ingested).`,
    );
  }
  return { errors: [], warnings };
}

/**
 * Stored backup volume and its monthly price, per backup mode (docs/model.md §13.3):
 *
 *   periodic-full  stored = data × backupRetentionDays × 24 ÷ backupIntervalHours
 *                  (a full copy every interval, each kept backupRetentionDays)
 *   continuous     stored = ingest/day × (R + backupRetentionDays),  R = data ÷ ingest/day
 *                  (an object-store sink writes each event once and keeps it for the data's
 *                  retention plus the restore window, so any point of the window restores with
 *                  its full retention)
 *
 * Each object is deleted after the days it is kept, so it bills at least the tier's minimum
 * storage duration (`billedDays`). R is the stages' combined retention (exact for one broker
 * stage; a weighted mean for several).
 * @param data - one copy of the retained data (GiB) and the day's ingest it is made of (GiB/day)
 * @example backupStorage({ dataGib: 1000, ingestGibPerDay: 100 }, { backupMode: 'periodic-full', backupIntervalHours: 24, backupRetentionDays: 7 }, a tier at 0.01 USD/GiB-month) //=> { backupGib: 7000, billedGib: 7000, usdPerMonth: 70 }
 */
export function backupStorage(
  data: { dataGib: number; ingestGibPerDay: number },
  policy: Pick<DrPolicy, 'backupMode' | 'backupIntervalHours' | 'backupRetentionDays'>,
  tier: StorageTierPrice,
): { backupGib: number; billedGib: number; usdPerMonth: number } {
  if (policy.backupMode === 'continuous') {
    const retentionDays = data.ingestGibPerDay > 0 ? data.dataGib / data.ingestGibPerDay : 0;
    const keptDays = retentionDays + policy.backupRetentionDays;
    const backupGib = data.ingestGibPerDay * keptDays;
    const billedGib = data.ingestGibPerDay * billedDays(keptDays, tier);
    return { backupGib, billedGib, usdPerMonth: billedGib * tier.usdPerGibMonth };
  }
  const copiesKept = HOURS_PER_DAY / policy.backupIntervalHours;
  const backupGib = data.dataGib * policy.backupRetentionDays * copiesKept;
  const billedGib = data.dataGib * billedDays(policy.backupRetentionDays, tier) * copiesKept;
  return { backupGib, billedGib, usdPerMonth: billedGib * tier.usdPerGibMonth };
}
