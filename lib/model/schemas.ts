/**
 * zod schemas for the capacity model's inputs: one schema per entity, shared by forms, server
 * actions, the API and the model itself (which parses its inputs, so a bad value never reaches
 * the arithmetic). Every message names the field in words a person understands; the issue path
 * carries the field key. Types are inferred in `types.ts`.
 *
 * Defaults are documented where they are declared, with their source or marked as an assumption.
 *
 * Uncertainty (issue 4): every numeric stage input here is a point value. Ranges (low / likely /
 * high) live in the scenario's `uncertainty` block, which `uncertainty.ts` samples into point
 * specs of exactly this shape, so the sizing models never see a range.
 */
import { z } from 'zod';
import { addThousandsSeparators } from './numeric';

// ---------------------------------------------------------------------------------------------
// Field builders: one place for bounds and messages, so every field reads the same way.

interface NumberBounds {
  /** Lower bound; exclusive when `minExclusive`. */
  min?: number;
  minExclusive?: boolean;
  /** Inclusive upper bound; required, so no input can carry 1e308 into the arithmetic. */
  max: number;
  int?: boolean;
}

/** 3600000 → '3,600,000' (whole numbers only; fractions print as they are). */
function formatBound(bound: number): string {
  return Number.isInteger(bound) ? addThousandsSeparators(String(bound)) : String(bound);
}

function describeBounds({ min, minExclusive, max }: NumberBounds): string {
  const lower =
    min === undefined ? '' : minExclusive ? `greater than ${formatBound(min)}` : `at least ${formatBound(min)}`;
  const upper = max === undefined ? '' : `at most ${formatBound(max)}`;
  return [lower, upper].filter(Boolean).join(' and ');
}

/** A finite number with bounds; every message starts with the field's label. */
function numberField(label: string, bounds: NumberBounds) {
  let field = z.number({
    error: (issue) =>
      issue.input === undefined ? `${label} is required.` : `${label} must be a number.`,
  });
  const rangeMessage = `${label} must be ${describeBounds(bounds)}.`;
  if (bounds.int) field = field.int({ error: `${label} must be a whole number.` });
  if (bounds.min !== undefined) {
    field = bounds.minExclusive
      ? field.gt(bounds.min, { error: rangeMessage })
      : field.gte(bounds.min, { error: rangeMessage });
  }
  return field.lte(bounds.max, { error: rangeMessage });
}

const positive = (label: string, max: number) =>
  numberField(label, { min: 0, minExclusive: true, max });
const nonNegative = (label: string, max: number) => numberField(label, { min: 0, max });
/** A ratio in (0, 1]; by house style its key ends in `Ratio`. */
const ratio = (label: string) => numberField(label, { min: 0, minExclusive: true, max: 1 });
const wholeNumber = (label: string, min: number, max: number) =>
  numberField(label, { min, max, int: true });

/**
 * Whether a text is free of U+0000. PostgreSQL's `text` and `jsonb` cannot store it (error 22021 /
 * 22P05), so every text input is checked here rather than failing in the database.
 * https://www.postgresql.org/docs/current/datatype-character.html
 */
export const hasNoNulCharacter = (text: string) => !text.includes('\u0000');

/** A record key (stage name, instance id): text without NUL characters. */
const recordKey = z.string().refine(hasNoNulCharacter, { error: 'Names must not contain NUL characters.' });

/**
 * The most events per second a stage may declare: 10⁹, ten times the largest published stream
 * (LinkedIn's Kafka, 7 trillion messages/day ≈ 8.1 × 10⁷/s, LinkedIn Engineering blog, 2019).
 */
export const MAX_EVENTS_PER_SEC = 1e9;

/** The largest magnitude of a range endpoint (same units as the field it replaces). */
const MAX_RANGE_MAGNITUDE = 1e9;

function textField(label: string, maxLength: number) {
  return z
    .string({
      error: (issue) =>
        issue.input === undefined ? `${label} is required.` : `${label} must be text.`,
    })
    .trim()
    .min(1, { error: `${label} must not be empty.` })
    .max(maxLength, { error: `${label} must be at most ${maxLength} characters.` })
    .refine(hasNoNulCharacter, { error: `${label} must not contain NUL characters.` });
}

/** ISO calendar month, `YYYY-MM`. Used for labels and dated step events only (no clock reads). */
export const IsoMonthSchema = z
  .string({ error: 'Month must be text in the form YYYY-MM.' })
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'Month must be in the form YYYY-MM, e.g. 2026-11.' });

// ---------------------------------------------------------------------------------------------
// Pieces shared by several stage kinds.

/**
 * What each node gives up before workers are packed onto it.
 * - `gke`: GKE's documented kube/system reservation (memory 25 % of the first 4 GiB, 20 % of the
 *   next 4, 10 % of the next 8, 6 % of the next 112, 2 % above 128, plus a 100 MiB eviction
 *   threshold; CPU 6 % of the first core, 1 % of the next, 0.5 % of the next 2, 0.25 % above 4).
 *   Source: https://cloud.google.com/kubernetes-engine/docs/concepts/plan-node-sizes
 * - `none`: plain VMs (the daemon figures below still apply).
 * `daemonVcpu` / `daemonMemoryGib`: per-node agents (logging, metrics, CNI); the defaults are an
 * [assumption] for a typical observability stack, to be overridden from measurements.
 */
function nodeOverheadSchema(defaults: {
  systemReserved: 'gke' | 'none';
  daemonVcpu: number;
  daemonMemoryGib: number;
}) {
  return z
    .object({
      systemReserved: z
        .enum(['gke', 'none'], { error: 'System reservation must be "gke" or "none".' })
        .default(defaults.systemReserved),
      daemonVcpu: nonNegative('Per-node daemon vCPU', 64).default(defaults.daemonVcpu),
      daemonMemoryGib: nonNegative('Per-node daemon memory (GiB)', 512).default(
        defaults.daemonMemoryGib,
      ),
    })
    .prefault({});
}

/**
 * Event traffic into a stage. Sizing uses the peak; storage uses the average.
 * `diurnalPeakFactor` (peak ÷ average) applies only when `peakEventsPerSec` is absent; its default
 * of 2 is an [assumption] for consumer-facing daily traffic.
 */
const trafficShape = {
  avgEventsPerSec: nonNegative('Average events per second', MAX_EVENTS_PER_SEC),
  peakEventsPerSec: nonNegative('Peak events per second', MAX_EVENTS_PER_SEC).optional(),
  diurnalPeakFactor: numberField('Diurnal peak factor', { min: 1, max: 100 }).default(2),
  eventSizeBytes: positive('Event size (bytes)', 100 * 1024 * 1024).default(1024),
};

function refinePeakAtLeastAverage(
  traffic: { avgEventsPerSec: number; peakEventsPerSec?: number | undefined },
  ctx: z.RefinementCtx,
) {
  if (traffic.peakEventsPerSec !== undefined && traffic.peakEventsPerSec < traffic.avgEventsPerSec) {
    ctx.addIssue({
      code: 'custom',
      path: ['peakEventsPerSec'],
      message: 'Peak events per second must be at least the average events per second.',
    });
  }
}

/**
 * High availability per stage. `spareNodes` nodes are added on top of demand (N+1 when 1) so the
 * stage survives losing that many nodes; `spreadAcrossZones` requires at least one node per zone
 * (brokers: an equal count per zone, for rack-aware replica placement).
 */
function haShape(defaults: { spareNodes: number; spreadAcrossZones: boolean }) {
  return {
    spareNodes: wholeNumber('Spare nodes', 0, 100).default(defaults.spareNodes),
    spreadAcrossZones: z
      .boolean({ error: 'Spread across zones must be true or false.' })
      .default(defaults.spreadAcrossZones),
  };
}

const stageName = textField('Stage name', 64);

// ---------------------------------------------------------------------------------------------
// Stage kinds.

/**
 * A Kafka-style message broker. One broker per node; the node type comes from the catalog.
 * Defaults and their sources:
 * - replicationFactor 3, the usual production setting (SCM kafka.py uses 3 for "strong" clusters).
 * - retentionHours 168 = Kafka's `log.retention.hours` default.
 * - partition write/read 10 MiB/s: Jun Rao (Confluent) says one partition "can usually" do tens
 *   of MB/s; 10 is the cautious end.
 * - maxPartitionReplicasPerBroker 4,000 (Confluent's ZooKeeper-era guidance).
 * - diskFillTargetRatio 0.6 (60–70 % fill is the common target; SCM uses 40 %).
 * - maxNetworkUtilizationRatio 0.7 ≈ 1 ÷ 1.4, SCM's 40 % network headroom for node recovery.
 * - CPU per MiB: 30 ms per MiB written by producers (`cpuMsPerMibWritten`), 40 ms per MiB read by
 *   consumers and follower fetches (`cpuMsPerMib`) — the figures of issue 11's practitioner review of
 *   SCM's Kafka model (inside SCM's 20–75 ms range); replication is counted once, as a read.
 * - hotRetentionMinutes 10: SCM's page-cache window (PT10M).
 * - brokerHeapGib 6: Confluent's production JVM heap recommendation.
 * - minBrokerVcpu 2 / minBrokerMemoryGib 12: SCM's hard floors for Kafka nodes.
 */
export const BrokerStageSchema = z
  .object({
    kind: z.literal('broker'),
    name: stageName,
    ...trafficShape,
    replicationFactor: wholeNumber('Replication factor', 1, 7).default(3),
    retentionHours: positive('Retention (hours)', 24 * 365 * 10).default(168),
    consumerGroups: wholeNumber('Consumer groups', 0, 1000).default(1),
    partitionWriteMibPerSec: positive('Per-partition write limit (MiB/s)', 10_000).default(10),
    partitionReadMibPerSec: positive('Per-partition read limit (MiB/s)', 10_000).default(10),
    maxPartitionReplicasPerBroker: wholeNumber('Max partition replicas per broker', 1, 1_000_000).default(4000),
    diskGibPerBroker: positive('Disk per broker (GiB)', 1_000_000).default(2048),
    diskFillTargetRatio: ratio('Disk fill target ratio').default(0.6),
    maxNetworkUtilizationRatio: ratio('Max network utilization ratio').default(0.7),
    maxUtilizationRatio: ratio('Max CPU utilization ratio').default(0.7),
    cpuMsPerMib: positive('CPU per MiB read (ms)', 10_000).default(40),
    cpuMsPerMibWritten: positive('CPU per MiB written (ms)', 10_000).default(30),
    hotRetentionMinutes: nonNegative('Hot (page-cache) retention (minutes)', 24 * 60).default(10),
    brokerHeapGib: nonNegative('Broker heap (GiB)', 1024).default(6),
    minBrokerVcpu: positive('Minimum broker vCPU', 1024).default(2),
    minBrokerMemoryGib: positive('Minimum broker memory (GiB)', 65536).default(12),
    nodeOverhead: nodeOverheadSchema({ systemReserved: 'none', daemonVcpu: 0.5, daemonMemoryGib: 1 }),
    ...haShape({ spareNodes: 1, spreadAcrossZones: true }),
  })
  .superRefine(refinePeakAtLeastAverage);

/**
 * A stream-processing stage (Flink task managers, Kafka consumers, scoring services) sized by
 * queueing. Each worker core is one server processing one event at a time; `cpuMsPerEvent` is the
 * mean CPU time of one event on one core.
 * Defaults: CVs of 1 mean Poisson arrivals and exponential service (exact M/M/c); the SLO default
 * p99 ≤ 1,000 ms and the 0.7 utilization ceiling are [assumptions] to be replaced per pipeline.
 * `routing` (issue 11): `per-worker` (default) — each worker is its own queue of `workerCores`
 * cores receiving its share of the events (a Kafka partition's consumer, a keyBy subtask, a pod
 * behind round-robin or hash load balancing); `pooled` — every core takes from one shared queue
 * (consumers pulling from one work queue: SQS, a Pub/Sub pull subscription, a JSQ balancer).
 */
export const StreamStageSchema = z
  .object({
    kind: z.literal('stream'),
    name: stageName,
    ...trafficShape,
    cpuMsPerEvent: positive('CPU time per event (ms)', 3_600_000),
    cpuMsPerEventCv: nonNegative('CPU time per event, coefficient of variation', 10).default(1),
    interArrivalCv: nonNegative('Inter-arrival time, coefficient of variation', 10).default(1),
    latencySloPercentile: numberField('Latency SLO percentile', { min: 50, max: 99.999 }).default(99),
    latencySloMs: positive('Latency SLO target (ms)', 86_400_000).default(1000),
    maxUtilizationRatio: ratio('Max utilization ratio').default(0.7),
    workerCores: wholeNumber('Worker cores', 1, 512).default(4),
    workerMemoryGib: positive('Worker memory (GiB)', 24_576).default(8),
    routing: z
      .enum(['per-worker', 'pooled'], { error: 'Routing must be "per-worker" or "pooled".' })
      .default('per-worker'),
    partitionReadMibPerSec: positive('Per-partition read limit (MiB/s)', 10_000).default(10),
    nodeOverhead: nodeOverheadSchema({ systemReserved: 'gke', daemonVcpu: 0.2, daemonMemoryGib: 0.5 }),
    ...haShape({ spareNodes: 1, spreadAcrossZones: true }),
  })
  .superRefine(refinePeakAtLeastAverage);

/**
 * A batch stage (Spark ETL) sized by window arithmetic. `maxUtilizationRatio` is the share of the
 * completion window the run may use (room for stragglers and retries; 0.8 is an [assumption]).
 * Batch clusters default to no spare node and a single zone (Spark retries lost tasks, and
 * cross-zone shuffle costs money).
 */
export const BatchStageSchema = z.object({
  kind: z.literal('batch'),
  name: stageName,
  dataVolumeGibPerRun: positive('Data volume per run (GiB)', 1e9),
  throughputGibPerCoreHour: positive('Throughput per core-hour (GiB)', 1e6),
  runsPerDay: positive('Runs per day', 1440).default(1),
  completionWindowHours: positive('Completion window (hours)', 24 * 31).default(4),
  maxUtilizationRatio: ratio('Max utilization ratio').default(0.8),
  workerCores: wholeNumber('Worker cores', 1, 512).default(8),
  workerMemoryGib: positive('Worker memory (GiB)', 24_576).default(32),
  nodeOverhead: nodeOverheadSchema({ systemReserved: 'gke', daemonVcpu: 0.2, daemonMemoryGib: 0.5 }),
  ...haShape({ spareNodes: 0, spreadAcrossZones: false }),
});

export const StageSchema = z.discriminatedUnion('kind', [BrokerStageSchema, StreamStageSchema, BatchStageSchema], {
  error: 'Stage kind must be "broker", "stream" or "batch".',
});

/**
 * A workload: a pipeline of stages, each with its own node group. `kind` labels the workload for
 * unit economics (per million events vs per TB) and must match its stages.
 */
export const WorkloadSpecSchema = z
  .object({
    kind: z.enum(['streaming', 'batch'], { error: 'Workload kind must be "streaming" or "batch".' }),
    stages: z
      .array(StageSchema, { error: 'Stages must be a list.' })
      .min(1, { error: 'A workload needs at least one stage.' })
      .max(20, { error: 'A workload may have at most 20 stages.' }),
  })
  .superRefine((workload, ctx) => {
    const seen = new Set<string>();
    workload.stages.forEach((stage, index) => {
      if (seen.has(stage.name)) {
        ctx.addIssue({
          code: 'custom',
          path: ['stages', index, 'name'],
          message: `Stage name "${stage.name}" is used twice; stage names must be unique.`,
        });
      }
      seen.add(stage.name);
    });
    const hasBatch = workload.stages.some((stage) => stage.kind === 'batch');
    const hasStreaming = workload.stages.some((stage) => stage.kind !== 'batch');
    if (workload.kind === 'batch' && !hasBatch) {
      ctx.addIssue({ code: 'custom', path: ['kind'], message: 'A batch workload needs at least one batch stage.' });
    }
    if (workload.kind === 'streaming' && !hasStreaming) {
      ctx.addIssue({
        code: 'custom',
        path: ['kind'],
        message: 'A streaming workload needs at least one broker or stream stage.',
      });
    }
  });

// ---------------------------------------------------------------------------------------------
// Scenario.

/**
 * A dated change in demand, e.g. "×3 traffic in November". `at` is a month index (0 = the
 * scenario's start month) or an ISO month. Without `durationMonths` the change is permanent.
 */
export const StepEventSchema = z.object({
  at: z.union([wholeNumber('Step event month index', 0, 1200), IsoMonthSchema], {
    error: 'Step event month must be a month index (0, 1, …) or a month like 2026-11.',
  }),
  multiplier: positive('Step event multiplier', 1000),
  durationMonths: wholeNumber('Step event duration (months)', 1, 1200).optional(),
  label: z
    .string()
    .trim()
    .max(120, { error: 'Step event label must be at most 120 characters.' })
    .refine(hasNoNulCharacter, { error: 'Step event label must not contain NUL characters.' })
    .optional(),
});

const stepEvents = z.array(StepEventSchema).max(120, { error: 'At most 120 step events.' }).default([]);

/**
 * Demand growth, applied as a multiplier to every stage's traffic or data volume, month by month.
 * - `flat`: no trend (step events only).
 * - `compound`: × (1 + monthlyGrowthRatio)^m.
 * - `linear`: × (1 + monthlyIncreaseRatio · m), i.e. a fixed share of month-0 demand added per
 *   month; a decline stops at zero.
 */
export const GrowthSchema = z
  .discriminatedUnion(
    'kind',
    [
      z.object({ kind: z.literal('flat'), stepEvents }),
      z.object({
        kind: z.literal('compound'),
        monthlyGrowthRatio: numberField('Monthly growth rate', { min: -0.5, max: 1 }),
        stepEvents,
      }),
      z.object({
        kind: z.literal('linear'),
        monthlyIncreaseRatio: numberField('Monthly linear increase', { min: -1, max: 10 }),
        stepEvents,
      }),
    ],
    { error: 'Growth kind must be "flat", "compound" or "linear".' },
  )
  .prefault({ kind: 'flat' });

/** How a stage's node type is chosen: the cheapest that fits, or a fixed catalog id. */
export const InstanceChoiceSchema = z
  .discriminatedUnion(
    'mode',
    [
      z.object({ mode: z.literal('cheapest') }),
      z.object({ mode: z.literal('fixed'), instanceType: textField('Instance type', 200) }),
    ],
    { error: 'Instance choice must be "cheapest" or "fixed".' },
  )
  .prefault({ mode: 'cheapest' });

export const ProviderSchema = z.enum(['aws', 'gcp', 'azure'], {
  error: 'Provider must be "aws", "gcp" or "azure".',
});
export const ArchSchema = z.enum(['x86_64', 'arm64'], { error: 'Architecture must be "x86_64" or "arm64".' });

/** Restricts which catalog entries may be chosen; an absent list means "any". */
export const CatalogFilterSchema = z
  .object({
    providers: z.array(ProviderSchema).min(1, { error: 'Providers filter must not be empty.' }).optional(),
    regions: z.array(textField('Region', 64)).min(1, { error: 'Regions filter must not be empty.' }).optional(),
    families: z.array(textField('Family', 64)).min(1, { error: 'Families filter must not be empty.' }).optional(),
    archs: z.array(ArchSchema).min(1, { error: 'Architectures filter must not be empty.' }).optional(),
  })
  .prefault({});

/** Per-stage overrides of SLO and headroom inputs, keyed by stage name. */
export const SloOverrideSchema = z.object({
  latencySloPercentile: numberField('Latency SLO percentile', { min: 50, max: 99.999 }).optional(),
  latencySloMs: positive('Latency SLO target (ms)', 86_400_000).optional(),
  maxUtilizationRatio: ratio('Max utilization ratio').optional(),
  completionWindowHours: positive('Completion window (hours)', 24 * 31).optional(),
});

// ---------------------------------------------------------------------------------------------
// Cost, spot, storage, network, DR and uncertainty (issue 4). Every block is optional with
// defaults, so scenarios stored before these fields existed parse to the same projection and a
// cost at all on-demand, no tiering, no DR and no uncertainty.

/** A ratio in [0, 1] (0 allowed, unlike `ratio`). */
const shareRatio = (label: string) => numberField(label, { min: 0, max: 1 });

/**
 * How compute is bought. Mirrors AWS Auto Scaling's mixed-instances policy (`OnDemandBaseCapacity`
 * + `OnDemandPercentageAboveBaseCapacity`, https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_InstancesDistribution.html):
 * a share of each spot-eligible stage's nodes stays on-demand (the base), and `spotShareRatio` of
 * the nodes above the base run on spot.
 * - `spotEligibility`: per-stage override of the default (stream and batch workers eligible,
 *   brokers not).
 * - `spotReplacementMinutes` 5: [assumption] time from an interruption to a ready replacement
 *   (AWS gives a 2-minute notice and Karpenter launches the replacement on the notice).
 * - `spotRiskToleranceRatio` 0.05: [assumption] the acceptable probability per month that spot
 *   interruptions exceed the buffer and leave a stage short of its SLO capacity.
 * - `commitment`: `p10-ladder` recommends a commitment covering the low (P10) path of committable
 *   (non-spot) compute; `offerId` picks a catalog offer, else the smallest discount of the term
 *   (typically the most flexible program).
 */
export const PurchaseMixSchema = z
  .object({
    onDemandBaseRatio: shareRatio('On-demand base ratio').default(0),
    spotShareRatio: shareRatio('Spot share ratio').default(0),
    spotEligibility: z.record(recordKey, z.boolean({ error: 'Spot eligibility must be true or false.' })).default({}),
    spotReplacementMinutes: nonNegative('Spot replacement time (minutes)', 24 * 60).default(5),
    spotRiskToleranceRatio: ratio('Spot risk tolerance ratio').default(0.05),
    commitment: z
      .object({
        coverage: z.enum(['none', 'p10-ladder'], { error: 'Commitment coverage must be "none" or "p10-ladder".' }).default('none'),
        termYears: z.union([z.literal(1), z.literal(3)], { error: 'Commitment term must be 1 or 3 years.' }).default(1),
        offerId: textField('Commitment offer id', 200).optional(),
      })
      .prefault({}),
  })
  .prefault({});

/**
 * Retained data and its lifecycle. Data younger than `warmAfterDays` is hot (broker disks), then
 * warm until `coldAfterDays`, then cold until `retentionDays` (default: the broker's own
 * retention). `compressionRatio` 1 = events are stored at their stated size [assumption].
 */
export const StoragePolicySchema = z
  .object({
    compressionRatio: numberField('Compression ratio', { min: 1, max: 100 }).default(1),
    retentionDays: positive('Retention (days)', 3650 * 3).optional(),
    warmAfterDays: nonNegative('Warm tier after (days)', 3650 * 3).optional(),
    coldAfterDays: nonNegative('Cold tier after (days)', 3650 * 3).optional(),
  })
  .prefault({})
  .superRefine((storage, ctx) => {
    if (storage.warmAfterDays !== undefined && storage.coldAfterDays !== undefined && storage.coldAfterDays < storage.warmAfterDays) {
      ctx.addIssue({ code: 'custom', path: ['coldAfterDays'], message: 'Cold tier after (days) must be at least warm tier after (days).' });
    }
  });

/**
 * Network topology inputs. `consumersInOtherZonesRatio` defaults to (zones − 1) ÷ zones (clients
 * spread evenly, leaders in a random zone); `fetchFromFollower` is Kafka KIP-392 rack-aware reads.
 * `internetEgressGibPerMonth` is at month 0 and grows with demand.
 */
export const NetworkTopologySchema = z
  .object({
    consumersInOtherZonesRatio: shareRatio('Consumers in other zones ratio').optional(),
    fetchFromFollower: z.boolean({ error: 'Fetch from follower must be true or false.' }).default(false),
    internetEgressGibPerMonth: nonNegative('Internet egress (GiB/month)', 1e12).default(0),
  })
  .prefault({});

export const DR_STRATEGIES = ['backup-restore', 'pilot-light', 'warm-standby', 'active-active'] as const;

/**
 * Disaster recovery to a second region. Defaults are [assumptions] to replace with measurements:
 * daily backups kept 7 days; restore at 1,000 GiB/h; 30 minutes to provision a cluster with IaC;
 * 10 minutes to scale a running standby out; 5 minutes to detect and fail over (DNS, clients);
 * 60 s of asynchronous replication lag (MirrorMaker 2); a warm standby at 25 % of production.
 * Backups (backup & restore): `periodic-full` — a full copy every `backupIntervalHours`, each kept
 * `backupRetentionDays`; `continuous` — an object-store sink (e.g. Kafka Connect's S3 sink) writes
 * every event once, flushing every `backupFlushMinutes` (10, an [assumption] for the sink's
 * rotation interval), and keeps each object for the data's retention + `backupRetentionDays`.
 * `destinationScope`: whether the DR region is on the same continent (the usual pairing, e.g.
 * us-east-1 → us-west-2; default) or another, which picks the inter-region transfer price.
 */
export const DrPolicySchema = z
  .object({
    strategy: z
      .enum(['none', ...DR_STRATEGIES, 'compare'], {
        error: 'DR strategy must be "none", "backup-restore", "pilot-light", "warm-standby", "active-active" or "compare".',
      })
      .default('none'),
    backupMode: z
      .enum(['periodic-full', 'continuous'], { error: 'Backup mode must be "periodic-full" or "continuous".' })
      .default('periodic-full'),
    backupIntervalHours: positive('Backup interval (hours)', 24 * 31).default(24),
    backupFlushMinutes: positive('Backup sink flush interval (minutes)', 24 * 60).default(10),
    backupRetentionDays: positive('Backup retention (days)', 3650).default(7),
    restoreThroughputGibPerHour: positive('Restore throughput (GiB/hour)', 1e9).default(1000),
    provisioningMinutes: nonNegative('Provisioning time (minutes)', 10_080).default(30),
    scaleOutMinutes: nonNegative('Scale-out time (minutes)', 10_080).default(10),
    failoverMinutes: nonNegative('Failover time (minutes)', 10_080).default(5),
    replicationLagSeconds: nonNegative('Replication lag (seconds)', 604_800).default(60),
    standbyCapacityRatio: ratio('Standby capacity ratio').default(0.25),
    destinationScope: z
      .enum(['same-continent', 'intercontinental'], { error: 'DR region must be "same-continent" or "intercontinental".' })
      .default('same-continent'),
    rtoTargetMinutes: nonNegative('RTO target (minutes)', 525_600).optional(),
    rpoTargetMinutes: nonNegative('RPO target (minutes)', 525_600).optional(),
  })
  .prefault({});

/** A range for an uncertain input: low ≤ likely ≤ high (same units as the field it replaces). */
export const RangeSchema = z
  .object({
    low: numberField('Range low', { min: -MAX_RANGE_MAGNITUDE, max: MAX_RANGE_MAGNITUDE }),
    likely: numberField('Range likely', { min: -MAX_RANGE_MAGNITUDE, max: MAX_RANGE_MAGNITUDE }),
    high: numberField('Range high', { min: -MAX_RANGE_MAGNITUDE, max: MAX_RANGE_MAGNITUDE }),
  })
  .superRefine((range, ctx) => {
    if (!(range.low <= range.likely && range.likely <= range.high)) {
      ctx.addIssue({ code: 'custom', path: ['likely'], message: 'A range needs low ≤ likely ≤ high.' });
    }
  });

/**
 * The most Monte Carlo samples a scenario may ask for. 20,000 give P10/P90 to about ±0.3
 * percentile points, far finer than the inputs' own ranges; each sample re-sizes every stage for
 * every month, so 100,000 took ~19 s of CPU on a 2-core machine (issue 10).
 */
export const MAX_MONTE_CARLO_SAMPLES = 20_000;

/**
 * Monte Carlo over ranges. `growthRatio` replaces the growth's rate (compound `monthlyGrowthRatio`
 * or linear `monthlyIncreaseRatio`); `stages` maps stage name → field name → range. 1,000 samples
 * give P10/P90 to about ±1 percentile point [assumption: enough for planning]; seed 1 by default.
 */
export const UncertaintySchema = z.object({
  samples: wholeNumber('Samples', 1, MAX_MONTE_CARLO_SAMPLES).default(1000),
  seed: wholeNumber('Seed', 0, 4_294_967_295).default(1),
  growthRatio: RangeSchema.optional(),
  stages: z.record(recordKey, z.record(recordKey, RangeSchema)).default({}),
});

/**
 * A scenario: how demand evolves and how nodes are chosen, plus (issue 4) how compute is bought,
 * storage lifecycle, network topology, DR and uncertainty. Unknown keys are stripped, and every
 * issue-4 block is optional with defaults, so older scenarios stay valid.
 */
export const ScenarioSpecSchema = z
  .object({
    horizonMonths: wholeNumber('Horizon (months)', 1, 60).default(36),
    startMonth: IsoMonthSchema,
    growth: GrowthSchema,
    instance: InstanceChoiceSchema,
    stageInstances: z.record(recordKey, InstanceChoiceSchema).default({}),
    catalogFilter: CatalogFilterSchema,
    zones: wholeNumber('Zones', 1, 6).default(3),
    sloOverrides: z.record(recordKey, SloOverrideSchema).default({}),
    purchase: PurchaseMixSchema,
    storage: StoragePolicySchema,
    network: NetworkTopologySchema,
    dr: DrPolicySchema,
    uncertainty: UncertaintySchema.optional(),
  })
  .superRefine((scenario, ctx) => {
    scenario.growth.stepEvents.forEach((event, index) => {
      if (typeof event.at === 'string' && event.at < scenario.startMonth) {
        ctx.addIssue({
          code: 'custom',
          path: ['growth', 'stepEvents', index, 'at'],
          message: `Step event month ${event.at} is before the start month ${scenario.startMonth}.`,
        });
      }
    });
  });

/**
 * One instance type of the price catalog (the real catalog lives in lib/catalog with this shape).
 * Loose: the catalog may carry more fields (spot, commitments) and the model passes them through.
 */
export const CatalogInstanceTypeSchema = z.looseObject({
  id: textField('Instance id', 200),
  provider: ProviderSchema,
  region: textField('Region', 64),
  name: textField('Instance name', 100),
  family: textField('Family', 64),
  arch: ArchSchema,
  vcpu: positive('vCPU', 4096),
  memoryGib: positive('Memory (GiB)', 65_536),
  networkGbps: positive('Network (Gbps)', 10_000),
  onDemandUsdPerHour: nonNegative('On-demand price (USD/hour)', 100_000),
  /** "Up to" burst network bandwidth (Gbps), ≥ `networkGbps`; absent when the provider states none. */
  networkBurstGbps: positive('Burst network (Gbps)', 10_000).optional(),
  /** Sustained throughput ceiling to network block storage (EBS baseline, PD per-VM, Azure uncached), MiB/s. */
  blockBandwidthMibPerSec: positive('Block storage bandwidth (MiB/s)', 1_000_000).optional(),
  /** Sustained IOPS ceiling to network block storage. */
  blockIops: positive('Block storage IOPS', 100_000_000).optional(),
  /** Instance-store disks (local NVMe/SSD); absent when the type has none. */
  localDisk: z
    .object({
      count: wholeNumber('Local disk count', 1, 64),
      sizeGib: positive('Local disk size (GiB)', 1_000_000),
      nvme: z.boolean({ error: 'Local disk NVMe must be true or false.' }),
    })
    .optional(),
});

/**
 * The instance types a projection may choose from (ids unique). Not the dated, priced catalog of
 * lib/catalog (`CatalogSchema` there): only the hardware the sizing reads.
 */
export const InstanceTypeListSchema = z
  .array(CatalogInstanceTypeSchema)
  .superRefine((catalog, ctx) => {
    const seen = new Set<string>();
    catalog.forEach((instance, index) => {
      if (seen.has(instance.id)) {
        ctx.addIssue({ code: 'custom', path: [index, 'id'], message: `Instance id "${instance.id}" appears twice.` });
      }
      seen.add(instance.id);
    });
  });

// ---------------------------------------------------------------------------------------------
// Pricing (issue 4): what `planScenario` prices a projection with. lib/catalog/pricing.ts builds
// it from the bundled catalog; tests use `testPricing`. Loose objects: catalog items carry
// provenance fields the model passes through.

export const PricedInstanceTypeSchema = CatalogInstanceTypeSchema.extend({
  spotDiscountRatio: numberField('Spot discount ratio', { min: 0, max: 1 }),
  spotInterruptionBand: wholeNumber('Spot interruption band', 0, 4),
});

/**
 * A storage price. Block tiers may bill provisioned performance above what the size includes
 * (gp3: 3,000 IOPS and 125 MiB/s included, then per IOPS-month and per MiB/s-month); object tiers
 * may bill retrieval per GiB and a minimum storage duration.
 */
export const StorageTierPriceSchema = z.looseObject({
  id: textField('Storage tier id', 200),
  name: textField('Storage tier name', 200),
  kind: z.enum(['block', 'object', 'snapshot'], { error: 'Storage kind must be "block", "object" or "snapshot".' }),
  accessTier: z.enum(['hot', 'warm', 'cold', 'archive'], { error: 'Access tier must be "hot", "warm", "cold" or "archive".' }),
  usdPerGibMonth: nonNegative('Storage price (USD/GiB-month)', 1000),
  /** Deleting or moving data earlier is billed as if it had stayed this long. */
  minStorageDays: wholeNumber('Minimum storage days', 0, 3650).optional(),
  retrievalUsdPerGib: nonNegative('Retrieval price (USD/GiB)', 100).optional(),
  includedIops: nonNegative('Included IOPS', 10_000_000).optional(),
  usdPerIopsMonth: nonNegative('Provisioned IOPS price (USD/IOPS-month)', 100).optional(),
  includedMibPerSec: nonNegative('Included throughput (MiB/s)', 1_000_000).optional(),
  usdPerMibPerSecMonth: nonNegative('Provisioned throughput price (USD/MiB/s-month)', 1000).optional(),
  maxIopsPerVolume: positive('Max IOPS per volume', 10_000_000).optional(),
  maxMibPerSecPerVolume: positive('Max throughput per volume (MiB/s)', 1_000_000).optional(),
  maxSizeGibPerVolume: positive('Max volume size (GiB)', 10_000_000).optional(),
});

export const TransferPriceSchema = z.looseObject({
  kind: z.enum(['cross-zone', 'inter-region', 'internet-egress'], {
    error: 'Transfer kind must be "cross-zone", "inter-region" or "internet-egress".',
  }),
  usdPerGib: nonNegative('Transfer price (USD/GiB)', 100),
  chargedEachDirection: z.boolean({ error: 'Charged each direction must be true or false.' }),
  /** Inter-region only: whether the price is for a destination on the same continent or another. */
  destinationScope: z.enum(['same-continent', 'intercontinental'], { error: 'Destination scope must be "same-continent" or "intercontinental".' }).optional(),
});

/**
 * A commitment offer. `appliesToFamilies` / `appliesToRegions` bound what usage it can cover
 * (absent: every family / region of the provider, e.g. an AWS Compute Savings Plan); a GCP
 * resource CUD or an EC2 Instance Savings Plan names its machine series or family.
 */
export const CommitmentOfferSchema = z.looseObject({
  id: textField('Commitment offer id', 200),
  program: textField('Commitment program', 200),
  termYears: z.union([z.literal(1), z.literal(3)], { error: 'Commitment term must be 1 or 3 years.' }),
  discountRatio: numberField('Commitment discount ratio', { min: 0, max: 1 }),
  appliesToFamilies: z.array(textField('Family', 64)).min(1).optional(),
  appliesToRegions: z.array(textField('Region', 64)).min(1).optional(),
});

export const PricingSchema = z.object({
  instances: z.array(PricedInstanceTypeSchema),
  storageTiers: z.array(StorageTierPriceSchema),
  dataTransfer: z.array(TransferPriceSchema),
  commitments: z.array(CommitmentOfferSchema),
});
