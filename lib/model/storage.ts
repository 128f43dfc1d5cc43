/**
 * Retained data, its lifecycle tiers and backups, priced per month.
 *
 * Broker stages hold the pipeline's data. One copy of a day's data, after compression:
 *
 *   ingest GiB/day = avg MiB/s × 86,400 ÷ 1024 ÷ compressionRatio
 *
 * Over the retention period R days (scenario `storage.retentionDays`, else the broker's own
 * retentionHours ÷ 24), data younger than `warmAfterDays` is hot, then warm until `coldAfterDays`,
 * then cold:
 *
 *   hot GiB  = ingest × hotDays × replicationFactor    (broker disks: block storage, every replica)
 *   warm GiB = ingest × warmDays                        (object storage, infrequent access)
 *   cold GiB = ingest × coldDays                        (object storage, cold)
 *
 * i.e. retained = ingress × retention × replication ÷ compression on the broker disks (SCM
 * kafka.py: state = write × retention × RF). Object storage keeps one logical copy: its
 * replication is inside the provider's price [assumption: Kafka tiered storage and S3 sinks
 * write one copy]. Hot data is priced as stored; the disks' fill headroom (diskFillTargetRatio)
 * is not priced.
 *
 * Backups (backup & restore DR): full copies of one copy of the retained data, one every
 * backupIntervalHours, each kept backupRetentionDays, in the warm (infrequent-access) object tier
 * of the DR region:
 *
 *   backup GiB = data GiB × backupRetentionDays × 24 ÷ backupIntervalHours
 *
 * i.e. size × frequency × retention. Full copies are an upper bound [assumption]: incremental
 * backups store only what changed. Retrieval fees and minimum storage durations are not priced.
 */
import { trafficAt } from './stages/plan';
import type { BrokerStageSpec, DrPolicy, StoragePolicy, StorageTierPrice } from './types';

const SECONDS_PER_DAY = 86_400;
const HOURS_PER_DAY = 24;
const MIB_PER_GIB = 1024;

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
  hotGib: number;
  warmGib: number;
  coldGib: number;
  /** One copy of everything retained (what a backup or a DR replica holds). */
  dataGib: number;
  hotUsdPerMonth: number;
  warmUsdPerMonth: number;
  coldUsdPerMonth: number;
}

/**
 * A broker stage's retained data by tier and its monthly price (formulas: module comment).
 * @param stage - parsed broker stage
 * @param demandMultiplier - the month's demand relative to the stage's inputs
 * @example hot 10 MiB/s × 1 day × RF 3 = 2,531.25 GiB at 0.10 USD/GiB-month = 253.13 USD/month
 */
export function stageStorage(
  stage: BrokerStageSpec,
  demandMultiplier: number,
  policy: StoragePolicy,
  tiers: StorageTierPrices,
): StageStorageMonth {
  const ingestGibPerDay = (trafficAt(stage, demandMultiplier).avgMibPerSec * SECONDS_PER_DAY) / MIB_PER_GIB / policy.compressionRatio;
  const retentionDays = policy.retentionDays ?? stage.retentionHours / HOURS_PER_DAY;
  const warmFrom = Math.min(retentionDays, policy.warmAfterDays ?? Infinity);
  const coldFrom = Math.min(retentionDays, Math.max(warmFrom, policy.coldAfterDays ?? Infinity));
  const hotGib = ingestGibPerDay * warmFrom * stage.replicationFactor;
  const warmGib = ingestGibPerDay * (coldFrom - warmFrom);
  const coldGib = ingestGibPerDay * (retentionDays - coldFrom);
  return {
    ingestGibPerDay,
    retentionDays,
    hotGib,
    warmGib,
    coldGib,
    dataGib: ingestGibPerDay * retentionDays,
    hotUsdPerMonth: hotGib * tiers.hot.usdPerGibMonth,
    warmUsdPerMonth: warmGib * tiers.warm.usdPerGibMonth,
    coldUsdPerMonth: coldGib * tiers.cold.usdPerGibMonth,
  };
}

/**
 * Stored backup volume and its monthly price: full copies every interval, kept for the retention.
 * @param dataGib - one copy of the retained data
 * @example backupStorage(1000, { backupIntervalHours: 24, backupRetentionDays: 7 }, a tier at 0.01 USD/GiB-month) //=> { backupGib: 7000, usdPerMonth: 70 }
 */
export function backupStorage(
  dataGib: number,
  policy: Pick<DrPolicy, 'backupIntervalHours' | 'backupRetentionDays'>,
  tier: StorageTierPrice,
): { backupGib: number; usdPerMonth: number } {
  const backupGib = (dataGib * policy.backupRetentionDays * HOURS_PER_DAY) / policy.backupIntervalHours;
  return { backupGib, usdPerMonth: backupGib * tier.usdPerGibMonth };
}
