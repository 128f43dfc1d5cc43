/**
 * Disaster recovery to a second region: the four strategies of AWS's "Disaster Recovery of
 * Workloads on AWS" whitepaper (https://docs.aws.amazon.com/whitepapers/latest/disaster-recovery-workloads-on-aws/introduction.html),
 * each with RTO and RPO derived from the scenario's parameters and a monthly cost.
 *
 * | strategy        | RTO (minutes)                                          | RPO (minutes)          | standby compute (on-demand)          |
 * |-----------------|--------------------------------------------------------|------------------------|--------------------------------------|
 * | backup-restore  | provisioning + data GiB ÷ restore GiB/h × 60 + failover | backupIntervalHours × 60 (periodic full) or backupFlushMinutes (continuous sink) | none: backups stored and copied      |
 * | pilot-light     | provisioning + failover                                | replication lag        | brokers holding the data (standbyDataNodes) |
 * | warm-standby    | scale-out + failover                                   | replication lag        | ⌈standbyCapacityRatio × nodes⌉ per stage (≥ pilot light) |
 * | active-active   | failover                                               | replication lag        | full production                      |
 *
 * Replicating strategies also pay the DR region's storage (all tiers, as production) and the
 * cross-region copy of the month's ingress (network.ts). Backup & restore pays backup storage
 * (storage.ts) and copying each backup's new data (the month's ingress, incrementally) to the DR
 * region at the inter-region price. RTO uses the
 * largest data size over the horizon (the worst month). The whitepaper's classes (hours / tens of
 * minutes / minutes / near zero) are what these defaults reproduce; they are not measurements.
 */
import { formatNumber } from './numeric';
import { transferUsd } from './network';
import { backupStorage } from './storage';
import { DR_STRATEGIES } from './schemas';
import type { BindingConstraint, BrokerStageMonth, DrPolicy, DrStrategy, StorageTierPrice, TransferPrice } from './types';

const MINUTES_PER_HOUR = 60;
const SECONDS_PER_MINUTE = 60;

/** What DR needs to know about one month of production. */
export interface DrMonthInput {
  /** Per stage: production nodes, the on-demand USD of one node for the month, and the nodes a
   * pilot light keeps running (brokers' floor; 0 for stateless stages). */
  stages: readonly { nodes: number; usdPerNodeMonth: number; pilotLightNodes: number }[];
  /** One copy of the retained data (GiB). */
  dataGib: number;
  /** One copy of a day's ingest (GiB/day): what a continuous backup sink writes. */
  ingestGibPerDay: number;
  /** Production storage (all tiers), USD/month: a replicating DR region holds the same. */
  storageUsdPerMonth: number;
  /** Ingress to replicate cross-region, GiB/month. */
  replicationGibPerMonth: number;
}

export interface DrOption {
  strategy: DrStrategy;
  rtoMinutes: number;
  rpoMinutes: number;
  usdPerMonth: number[];
  meanUsdPerMonth: number;
  /** Not dominated in (cost, RTO, RPO) by another strategy. */
  pareto: boolean;
  meetsTargets: boolean;
  explanation: string;
}

export type DrRecommendation =
  | { kind: 'meets'; strategy: DrStrategy; reason: string }
  | { kind: 'none-meets'; reason: string };

export interface DrAnalysis {
  targets: { rtoMinutes: number | null; rpoMinutes: number | null };
  options: DrOption[];
  /** The cheapest strategy meeting both targets, or why none does. */
  recommendation: DrRecommendation;
}

/** Constraints of a broker month that hold data, whatever the traffic: disk (no spare), partition
 * replicas, the replication factor and one per zone. CPU and network are traffic headroom. */
const DATA_HOLDING: ReadonlySet<BindingConstraint> = new Set(['broker-disk', 'partition-replicas', 'replication-factor', 'zone-spread']);

/**
 * Brokers a standby region needs to hold the mirrored data: the primary's own data-holding
 * requirements (same stage rules: disk at the fill target, partition replicas per broker, RF, one
 * per zone), not just RF brokers. The standby capacity ratio scales only the traffic part (CPU,
 * network), so a warm standby runs max(this, ⌈ratio × production nodes⌉).
 * @example a month whose network-out needs 12 brokers and disk 6 → 6 (the data), not RF 3
 */
export function standbyDataNodes(stage: Pick<BrokerStageMonth, 'constraints'>): number {
  return Math.max(0, ...stage.constraints.filter((constraint) => DATA_HOLDING.has(constraint.constraint)).map((constraint) => constraint.nodes));
}

function standbyCompute(month: DrMonthInput, nodesOf: (stage: DrMonthInput['stages'][number]) => number): number {
  return month.stages.reduce((sum, stage) => sum + nodesOf(stage) * stage.usdPerNodeMonth, 0);
}

function monthlyCost(strategy: DrStrategy, month: DrMonthInput, policy: DrPolicy, interRegion: TransferPrice, backupTier: StorageTierPrice): number {
  // Replication and incremental backup copies both move the month's ingress across regions once.
  const copyUsd = transferUsd(month.replicationGibPerMonth, interRegion);
  const replication = month.storageUsdPerMonth + copyUsd;
  switch (strategy) {
    case 'backup-restore':
      return backupStorage(month, policy, backupTier).usdPerMonth + copyUsd;
    case 'pilot-light':
      return standbyCompute(month, (stage) => stage.pilotLightNodes) + replication;
    case 'warm-standby':
      return standbyCompute(month, (stage) => Math.max(stage.pilotLightNodes, Math.ceil(policy.standbyCapacityRatio * stage.nodes))) + replication;
    case 'active-active':
      return standbyCompute(month, (stage) => stage.nodes) + replication;
  }
}

/**
 * RTO and RPO of a strategy, in minutes (table: module comment).
 * @param dataGib - one copy of the data to restore (backup & restore only)
 * @example recoveryMinutes('backup-restore', 2000, defaults) //=> { rtoMinutes: 155, rpoMinutes: 1440 } (30 + 120 + 5)
 */
export function recoveryMinutes(strategy: DrStrategy, dataGib: number, policy: DrPolicy): { rtoMinutes: number; rpoMinutes: number } {
  const lagMinutes = policy.replicationLagSeconds / SECONDS_PER_MINUTE;
  switch (strategy) {
    case 'backup-restore':
      return {
        rtoMinutes: policy.provisioningMinutes + (dataGib / policy.restoreThroughputGibPerHour) * MINUTES_PER_HOUR + policy.failoverMinutes,
        // A continuous sink loses what it has not flushed; periodic copies lose up to an interval.
        rpoMinutes: policy.backupMode === 'continuous' ? policy.backupFlushMinutes : policy.backupIntervalHours * MINUTES_PER_HOUR,
      };
    case 'pilot-light':
      return { rtoMinutes: policy.provisioningMinutes + policy.failoverMinutes, rpoMinutes: lagMinutes };
    case 'warm-standby':
      return { rtoMinutes: policy.scaleOutMinutes + policy.failoverMinutes, rpoMinutes: lagMinutes };
    case 'active-active':
      return { rtoMinutes: policy.failoverMinutes, rpoMinutes: lagMinutes };
  }
}

function describeBackups(policy: DrPolicy): string {
  return policy.backupMode === 'continuous'
    ? `a continuous object-store sink flushing every ${minutes(policy.backupFlushMinutes)}, kept ${formatNumber(policy.backupRetentionDays)} days beyond the retention`
    : `a full copy every ${formatNumber(policy.backupIntervalHours)} h, each kept ${formatNumber(policy.backupRetentionDays)} days`;
}

function dominates(a: DrOption, b: DrOption): boolean {
  const noWorse = a.meanUsdPerMonth <= b.meanUsdPerMonth && a.rtoMinutes <= b.rtoMinutes && a.rpoMinutes <= b.rpoMinutes;
  const better = a.meanUsdPerMonth < b.meanUsdPerMonth || a.rtoMinutes < b.rtoMinutes || a.rpoMinutes < b.rpoMinutes;
  return noWorse && better;
}

const minutes = (x: number) => `${formatNumber(x)} min`;

/**
 * Prices all four strategies over the horizon, marks the Pareto frontier of cost vs RTO/RPO, and
 * picks the cheapest meeting the targets (absent targets constrain nothing).
 * @param months - production per month
 * @param policy - DR parameters and targets
 * @param prices - the inter-region transfer price and the snapshot tier
 */
export function analyzeDr(
  months: readonly DrMonthInput[],
  policy: DrPolicy,
  prices: { interRegion: TransferPrice; backupTier: StorageTierPrice },
): DrAnalysis {
  const dataGib = Math.max(0, ...months.map((month) => month.dataGib));
  const rtoTarget = policy.rtoTargetMinutes ?? Infinity;
  const rpoTarget = policy.rpoTargetMinutes ?? Infinity;
  const unranked = DR_STRATEGIES.map((strategy) => {
    const usdPerMonth = months.map((month) => monthlyCost(strategy, month, policy, prices.interRegion, prices.backupTier));
    const { rtoMinutes, rpoMinutes } = recoveryMinutes(strategy, dataGib, policy);
    const meanUsdPerMonth = usdPerMonth.reduce((a, b) => a + b, 0) / Math.max(1, usdPerMonth.length);
    return {
      strategy,
      rtoMinutes,
      rpoMinutes,
      usdPerMonth,
      meanUsdPerMonth,
      pareto: true,
      meetsTargets: rtoMinutes <= rtoTarget && rpoMinutes <= rpoTarget,
      explanation:
        `RTO ${minutes(rtoMinutes)}, RPO ${minutes(rpoMinutes)}, ${formatNumber(meanUsdPerMonth)} USD/month on average` +
        (strategy === 'backup-restore' ? ` (${describeBackups(policy)}).` : '.'),
    };
  });
  const options = unranked.map((option) => ({ ...option, pareto: !unranked.some((other) => dominates(other, option)) }));
  const meeting = options.filter((option) => option.meetsTargets);
  const cheapest = meeting.reduce<DrOption | undefined>((best, option) => (best === undefined || option.meanUsdPerMonth < best.meanUsdPerMonth ? option : best), undefined);
  const targetText = `RTO ≤ ${policy.rtoTargetMinutes === undefined ? 'any' : minutes(policy.rtoTargetMinutes)} and RPO ≤ ${policy.rpoTargetMinutes === undefined ? 'any' : minutes(policy.rpoTargetMinutes)}`;
  const fastest = options.reduce((best, option) => (option.rtoMinutes + option.rpoMinutes < best.rtoMinutes + best.rpoMinutes ? option : best));
  return {
    targets: { rtoMinutes: policy.rtoTargetMinutes ?? null, rpoMinutes: policy.rpoTargetMinutes ?? null },
    options,
    recommendation:
      cheapest === undefined
        ? {
            kind: 'none-meets',
            reason: `No strategy meets ${targetText}: the fastest, ${fastest.strategy}, gives RTO ${minutes(fastest.rtoMinutes)} and RPO ${minutes(fastest.rpoMinutes)}. Shorten failover, replication lag or backup interval, or relax the targets.`,
          }
        : { kind: 'meets', strategy: cheapest.strategy, reason: `${cheapest.strategy} is the cheapest strategy meeting ${targetText}: ${cheapest.explanation}` },
  };
}
