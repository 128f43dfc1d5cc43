/**
 * docs/model.md §13–14: storage tiers, backups and network of one broker stage, by hand.
 * 10 MiB/s average (10,240 events/s of 1 KiB), RF 3, 2 consumer groups, 3 zones, compression 2,
 * retention 30 days with warm after 1 day and cold after 7; TEST prices.
 */
import { describe, expect, it } from 'vitest';
import { BrokerStageSchema, NetworkTopologySchema, StoragePolicySchema } from './schemas';
import { planScenario } from './plan-scenario';
import { brokerDiskPolicy, brokerDiskUsdPerMonth, lifecycleIssues, lifecycleTiers, stageStorage, backupStorage } from './storage';
import type { StorageTierPrice } from './types';
import { stageNetwork, transferPrices, transferUsd } from './network';
import { testPricing } from './test-pricing';

const stage = BrokerStageSchema.parse({ kind: 'broker', name: 'kafka', avgEventsPerSec: 10_240, eventSizeBytes: 1024, replicationFactor: 3, consumerGroups: 2 });
const policy = StoragePolicySchema.parse({ compressionRatio: 2, retentionDays: 30, warmAfterDays: 1, coldAfterDays: 7 });
const tiers = lifecycleTiers(testPricing.storageTiers);
const transfer = transferPrices(testPricing.dataTransfer, 'same-continent');
if (typeof tiers === 'string' || typeof transfer === 'string') throw new Error('test pricing is incomplete');

/** Six brokers, each with a 2,048 GiB volume (the stage default) writing 5 MiB/s. */
const sixBrokers = { nodes: 6, disk: { kind: 'volume', sizeGib: 2048, writeMibPerSec: 5 } } as const;

describe('storage tiers by lifecycle', () => {
  it('ingest 421.875 GiB/day; hot 1 day × RF 3 on disks bought per broker, warm 6 days, cold 23 days', () => {
    const storage = stageStorage(stage, 1, policy, tiers, sixBrokers);
    expect(storage.ingestGibPerDay).toBeCloseTo(421.875, 9);
    expect(storage.hotGib).toBeCloseTo(1265.625, 9);
    expect(storage.provisionedHotGib).toBe(12_288); // 6 × 2,048
    expect(storage.warmGib).toBeCloseTo(2531.25, 9);
    expect(storage.coldGib).toBeCloseTo(9703.125, 9);
    expect(storage.dataGib).toBeCloseTo(12_656.25, 9);
    expect(storage.hotUsdPerMonth).toBeCloseTo(1228.8, 9); // 12,288 GiB × 0.10, not 1,265.625 used × 0.10
    expect(storage.warmUsdPerMonth).toBeCloseTo(25.3125, 9);
    expect(storage.coldUsdPerMonth).toBeCloseTo(38.8125, 9);
  });

  it('brokers on local NVMe and unsized months buy no volumes', () => {
    expect(stageStorage(stage, 1, policy, tiers, { nodes: 3, disk: { kind: 'local', sizeGib: 1875, writeMibPerSec: 10 } }).hotUsdPerMonth).toBe(0);
    expect(stageStorage(stage, 1, policy, tiers, null)).toMatchObject({ hotUsdPerMonth: 0, provisionedHotGib: 0 });
  });

  it('without lifecycle days everything is hot for the broker’s own retention, and growth scales it', () => {
    const storage = stageStorage({ ...stage, retentionHours: 48 }, 2, StoragePolicySchema.parse({}), tiers, sixBrokers);
    expect(storage).toMatchObject({ retentionDays: 2, warmGib: 0, coldGib: 0 });
    expect(storage.hotGib).toBeCloseTo(20 * 86_400 / 1024 * 2 * 3, 9);
  });

  it('backups: 12,656.25 GiB × 7 daily copies = 88,593.75 GiB at 0.01 = 885.94 USD/month', () => {
    const backup = backupStorage({ dataGib: 12_656.25, ingestGibPerDay: 421.875 }, { backupMode: 'periodic-full', backupIntervalHours: 24, backupRetentionDays: 7 }, tiers.warm);
    expect(backup.backupGib).toBeCloseTo(88_593.75, 9);
    expect(backup.usdPerMonth).toBeCloseTo(885.9375, 9);
  });

  it('continuous backups write each day once and keep it retention + 7 days: 421.875 × 37 = 15,609.38 GiB = 156.09 USD/month', () => {
    const backup = backupStorage({ dataGib: 12_656.25, ingestGibPerDay: 421.875 }, { backupMode: 'continuous', backupIntervalHours: 24, backupRetentionDays: 7 }, tiers.warm);
    expect(backup.backupGib).toBeCloseTo(421.875 * 37, 9);
    expect(backup.usdPerMonth).toBeCloseTo(156.09375, 9);
  });
});

/** A gp3-shaped TEST tier: 0.08 USD/GiB-month, 3,000 IOPS and 125 MiB/s included, then 0.005 per IOPS-month and 0.04 per MiB/s-month. */
const gp3Like: StorageTierPrice = {
  id: 'test:gp3', name: 'TEST gp3-like', kind: 'block', accessTier: 'hot', usdPerGibMonth: 0.08,
  includedIops: 3000, usdPerIopsMonth: 0.005, includedMibPerSec: 125, usdPerMibPerSecMonth: 0.04,
};

describe('broker disks billed as provisioned (docs/model.md §13.1)', () => {
  it('a 1,000 GiB volume: size only below the free baseline, then throughput, then IOPS', () => {
    const volume = (writeMibPerSec: number) => ({ kind: 'volume', sizeGib: 1000, writeMibPerSec }) as const;
    expect(brokerDiskUsdPerMonth(volume(100), gp3Like)).toBeCloseTo(80, 12); // 400 IOPS, 100 MiB/s: inside 3,000 / 125
    expect(brokerDiskUsdPerMonth(volume(200), gp3Like)).toBeCloseTo(83, 12); // 80 + (200 − 125) × 0.04
    // 1,000 MiB/s × 1024 ÷ 256 KiB = 4,000 IOPS: 80 + 1,000 × 0.005 + 875 × 0.04 = 80 + 5 + 35
    expect(brokerDiskUsdPerMonth(volume(1000), gp3Like)).toBeCloseTo(120, 12);
    // A tier whose performance comes with size (pd-balanced) bills size only.
    expect(brokerDiskUsdPerMonth(volume(1000), { ...gp3Like, usdPerIopsMonth: undefined, usdPerMibPerSecMonth: undefined })).toBeCloseTo(80, 12);
  });

  it('the disks hold compressed bytes of the local part of retention', () => {
    expect(brokerDiskPolicy(stage, policy)).toEqual({ compressionRatio: 2, localRetentionHours: 24 }); // warm after 1 day
    expect(brokerDiskPolicy({ retentionHours: 72 }, StoragePolicySchema.parse({ compressionRatio: 4 }))).toEqual({ compressionRatio: 4, localRetentionHours: 72 });
  });
});

/** TEST tiers with S3-like minimum storage durations: warm 30 days, cold 90. */
const withMinimums = { ...tiers, warm: { ...tiers.warm, minStorageDays: 30 }, cold: { ...tiers.cold, minStorageDays: 90 } };
const lifecycle = (retentionDays: number, warmAfterDays: number, coldAfterDays?: number) =>
  StoragePolicySchema.parse({ compressionRatio: 2, retentionDays, warmAfterDays, coldAfterDays });

describe('minimum storage durations (docs/model.md §13.2)', () => {
  it('data deleted from a tier before its minimum is billed for the minimum', () => {
    // Warm from day 1 to the end of a 30-day retention: 29 days stored, 30 billed → 421.875 × 30 × 0.01
    const warmOnly = stageStorage(stage, 1, lifecycle(30, 1), withMinimums, sixBrokers);
    expect(warmOnly.warmGib).toBeCloseTo(421.875 * 29, 9);
    expect(warmOnly.billedWarmGib).toBeCloseTo(12_656.25, 9);
    expect(warmOnly.warmUsdPerMonth).toBeCloseTo(126.5625, 9);
    // Retention 120, warm 1 → 31 (30 days, at the minimum), cold 89 days billed 90 → 421.875 × 90 × 0.004
    const tiered = stageStorage(stage, 1, lifecycle(120, 1, 31), withMinimums, sixBrokers);
    expect(tiered.billedWarmGib).toBeCloseTo(421.875 * 30, 9);
    expect(tiered.coldUsdPerMonth).toBeCloseTo(151.875, 9);
    expect(lifecycleIssues(stage, lifecycle(120, 1, 31), withMinimums)).toEqual({ errors: [], warnings: [] });
  });

  it('moving data out of the warm tier before its minimum is a field error on coldAfterDays', () => {
    expect(lifecycleIssues(stage, lifecycle(30, 1, 7), withMinimums).errors).toEqual([
      {
        path: 'storage.coldAfterDays',
        message: "Cold tier after (days) moves kafka's data out of TEST object storage, infrequent access after 6 days, before its 30-day minimum storage duration: set it to at least warm tier after (days) + 30, or leave it empty.",
      },
    ]);
    const scenario = { startMonth: '2026-01', horizonMonths: 1, storage: { compressionRatio: 2, retentionDays: 30, warmAfterDays: 1, coldAfterDays: 7 } };
    const pricing = { ...testPricing, storageTiers: testPricing.storageTiers.map((tier) => (tier.accessTier === 'warm' && tier.kind === 'object' ? { ...tier, minStorageDays: 30 } : tier)) };
    expect(() => planScenario({ kind: 'streaming', stages: [stage] }, scenario, pricing)).toThrow(/storage\.coldAfterDays: Cold tier after \(days\) moves/);
  });

  it('a cold tier dearer than staying warm once its minimum counts is reported', () => {
    // Retention 40: cold holds 9 days but bills 90 × 0.004 = 0.36 USD·day/GiB-month vs 9 × 0.01 = 0.09 warm;
    // per GiB: 0.36 ÷ (730 ÷ 24) = 0.0118 vs 0.09 ÷ 30.42 = 0.00296 USD.
    expect(lifecycleIssues(stage, lifecycle(40, 1, 31), withMinimums).warnings).toEqual([
      'kafka: moving data to TEST object storage, cold for its last 9 days bills its 90-day minimum and costs more than keeping it in TEST object storage, infrequent access (0.0118 vs 0.00296 USD per GiB ingested).',
    ]);
  });

  it('backups kept less than the tier minimum bill the minimum: 1,000 GiB daily for 7 days at a 30-day tier = 30,000 GiB billed', () => {
    const backup = backupStorage({ dataGib: 1000, ingestGibPerDay: 1000 }, { backupMode: 'periodic-full', backupIntervalHours: 24, backupRetentionDays: 7 }, withMinimums.warm);
    expect(backup.backupGib).toBe(7000);
    expect(backup.billedGib).toBe(30_000);
    expect(backup.usdPerMonth).toBeCloseTo(300, 9);
  });

  it('continuous backups kept less than the minimum bill it too: 100 GiB/day of 1-day data kept 1 + 7 days → 30 days billed', () => {
    // Each object lives 8 days in a 30-day tier: 800 GiB stored, 3,000 GiB billed at 0.01 = 30 USD/month.
    const backup = backupStorage({ dataGib: 100, ingestGibPerDay: 100 }, { backupMode: 'continuous', backupIntervalHours: 24, backupRetentionDays: 7 }, withMinimums.warm);
    expect(backup.backupGib).toBeCloseTo(800, 9);
    expect(backup.billedGib).toBeCloseTo(3000, 9);
    expect(backup.usdPerMonth).toBeCloseTo(30, 9);
  });
});

describe('network from the topology', () => {
  it('12,832 GiB/month in; producers 2/3, two follower copies, 2 groups × 2/3 → 51,328 GiB cross-zone = 1,026.56 USD', () => {
    const network = stageNetwork(stage, 1, 3, 2, NetworkTopologySchema.parse({}), transfer.crossZone);
    expect(network.ingressGibPerMonth).toBeCloseTo(12_832.03125, 6);
    expect(network.producerCrossZoneGib).toBeCloseTo(8554.6875, 6);
    expect(network.replicationCrossZoneGib).toBeCloseTo(25_664.0625, 6);
    expect(network.consumerCrossZoneGib).toBeCloseTo(17_109.375, 6);
    expect(network.crossZoneUsdPerMonth).toBeCloseTo(1026.5625, 6); // 0.01 each direction
  });

  it('fetch-from-follower removes consumer cross-zone reads when every zone has a replica', () => {
    const network = stageNetwork(stage, 1, 3, 2, NetworkTopologySchema.parse({ fetchFromFollower: true }), transfer.crossZone);
    expect(network.consumerCrossZoneGib).toBe(0);
    expect(network.crossZoneUsdPerMonth).toBeCloseTo(684.375, 6);
    const twoReplicas = stageNetwork({ ...stage, replicationFactor: 2 }, 1, 4, 2, NetworkTopologySchema.parse({ fetchFromFollower: true }), transfer.crossZone);
    expect(twoReplicas.consumerCrossZoneGib).toBeCloseTo(12_832.03125 * 2 * 0.5, 6);
  });

  it('one zone has no cross-zone traffic; a stated consumer ratio replaces the default', () => {
    expect(stageNetwork(stage, 1, 1, 2, NetworkTopologySchema.parse({}), transfer.crossZone).crossZoneUsdPerMonth).toBe(0);
    const stated = stageNetwork(stage, 1, 3, 2, NetworkTopologySchema.parse({ consumersInOtherZonesRatio: 0 }), transfer.crossZone);
    expect(stated.consumerCrossZoneGib).toBe(0);
  });

  it('prices inter-region and egress once, cross-zone on both sides', () => {
    expect(transferUsd(100, transfer.interRegion)).toBeCloseTo(2, 12);
    expect(transferUsd(100, transfer.internetEgress)).toBeCloseTo(9, 12);
    expect(transferUsd(100, transfer.crossZone)).toBeCloseTo(2, 12);
  });

  it('prices DR replication at the continent pair: 12,832.03 GiB a month is 256.64 USD same-continent, 641.60 intercontinental', () => {
    const scoped = [
      ...testPricing.dataTransfer.filter((price) => price.kind !== 'inter-region'),
      { kind: 'inter-region' as const, usdPerGib: 0.02, chargedEachDirection: false, destinationScope: 'same-continent' as const },
      { kind: 'inter-region' as const, usdPerGib: 0.05, chargedEachDirection: false, destinationScope: 'intercontinental' as const },
    ];
    const same = transferPrices(scoped, 'same-continent');
    const far = transferPrices(scoped, 'intercontinental');
    if (typeof same === 'string' || typeof far === 'string') throw new Error('scoped prices missing');
    // I = 10 MiB/s × 2,628,000 s ÷ 1024 ÷ compression 2 (§14).
    const ingressGib = (10 * 2_628_000) / 1024 / 2;
    expect(transferUsd(ingressGib, same.interRegion)).toBeCloseTo(12_832.03125 * 0.02, 9);
    expect(transferUsd(ingressGib, far.interRegion)).toBeCloseTo(641.6015625, 9);
    // An unscoped price applies to either destination; a missing scope is named.
    expect(transfer.interRegion.usdPerGib).toBe(0.02);
    expect(transferPrices(scoped.filter((price) => price.destinationScope !== 'intercontinental'), 'intercontinental')).toBe(
      'The pricing has no inter-region transfer price to a region on another continent.',
    );
  });

  it('says which price the pricing lacks', () => {
    expect(transferPrices([], 'same-continent')).toBe('The pricing has no cross-zone transfer price.');
    expect(lifecycleTiers([])).toBe('The pricing has no hot block-storage tier.');
  });
});
