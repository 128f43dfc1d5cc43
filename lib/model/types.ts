/**
 * Inputs and outputs of the capacity model. Units are in every field name (`…PerSec`, `…Ms`,
 * `…Gib`, `…UsdPerHour`); ratios in 0..1 end in `Ratio`. Input types are inferred from the zod
 * schemas in `schemas.ts`: `…Input` is what callers may pass (defaults optional), the plain name is
 * the parsed value the model works with.
 *
 * Outcomes that cannot be sized (an SLO no number of servers can meet, a worker that fits no
 * instance type) are values of kind `'infeasible'` with a reason and the binding constraint, not
 * exceptions; exceptions are for invalid input and programmer errors (see `errors.ts`).
 */
import type { z } from 'zod';
import type {
  CommitmentOfferSchema,
  DR_STRATEGIES,
  DrPolicySchema,
  NetworkTopologySchema,
  PurchaseMixSchema,
  RangeSchema,
  StoragePolicySchema,
  StorageTierPriceSchema,
  TransferPriceSchema,
  UncertaintySchema,
  BatchStageSchema,
  BrokerStageSchema,
  CatalogFilterSchema,
  GrowthSchema,
  InstanceChoiceSchema,
  ScenarioSpecSchema,
  SloOverrideSchema,
  StageSchema,
  StepEventSchema,
  StreamStageSchema,
  WorkloadSpecSchema,
} from './schemas';

// ---------------------------------------------------------------------------------------------
// Inputs

export type WorkloadSpec = z.output<typeof WorkloadSpecSchema>;
export type WorkloadSpecInput = z.input<typeof WorkloadSpecSchema>;
export type StageSpec = z.output<typeof StageSchema>;
export type StageSpecInput = z.input<typeof StageSchema>;
export type StageKind = StageSpec['kind'];
export type BrokerStageSpec = z.output<typeof BrokerStageSchema>;
export type StreamStageSpec = z.output<typeof StreamStageSchema>;
export type BatchStageSpec = z.output<typeof BatchStageSchema>;

export type ScenarioSpec = z.output<typeof ScenarioSpecSchema>;
export type ScenarioSpecInput = z.input<typeof ScenarioSpecSchema>;
export type GrowthSpec = z.output<typeof GrowthSchema>;
export type StepEvent = z.output<typeof StepEventSchema>;
export type InstanceChoice = z.output<typeof InstanceChoiceSchema>;
export type CatalogFilter = z.output<typeof CatalogFilterSchema>;
export type SloOverride = z.output<typeof SloOverrideSchema>;

/**
 * One instance type of the price catalog. The catalog module (lib/catalog) produces this shape and
 * may add fields (spot prices, commitment discounts); the model accepts and returns them untouched.
 */
export interface CatalogInstanceType {
  /** Globally unique, e.g. 'aws:us-east-1:m7i.xlarge'. */
  id: string;
  provider: 'aws' | 'gcp' | 'azure';
  region: string;
  /** The provider's name, e.g. 'm7i.xlarge'. */
  name: string;
  family: string;
  arch: 'x86_64' | 'arm64';
  vcpu: number;
  memoryGib: number;
  /** Sustained (baseline) network bandwidth, not the burst figure. */
  networkGbps: number;
  onDemandUsdPerHour: number;
  /** Instance-store disks (local NVMe/SSD); absent when the type has none. Brokers use them
   * instead of network volumes. */
  localDisk?: { count: number; sizeGib: number; nvme: boolean } | undefined;
  /** Sustained throughput ceiling to network block storage, MiB/s (hardware-limits.ts caps broker disk writes with it). */
  blockBandwidthMibPerSec?: number | undefined;
}

/**
 * The disk one broker writes to: a network volume of `sizeGib` (billed as provisioned), or the
 * instance's own local storage (paid inside the instance price). `writeMibPerSec` is the peak this
 * broker writes (its share of ingress × RF, compressed).
 */
export interface BrokerDisk {
  kind: 'volume' | 'local';
  sizeGib: number;
  writeMibPerSec: number;
}

/** An example workload with its scenarios, as seeded into the demo database. */
export interface ExampleWorkload {
  name: string;
  description: string;
  team: string;
  tags: string[];
  spec: WorkloadSpec;
  scenarios: { name: string; description: string; spec: ScenarioSpec }[];
}

// ---------------------------------------------------------------------------------------------
// Queueing

/** An M/M/c queue: Poisson arrivals, exponential service, `servers` identical servers, FCFS. */
export interface QueueInput {
  arrivalRatePerSec: number;
  /** Mean service time of one event on one server. */
  serviceTimeMs: number;
  servers: number;
}

/**
 * A G/G/c queue described by two moments: the coefficients of variation (standard deviation ÷
 * mean) of inter-arrival and service times. 1 and 1 is exactly M/M/c.
 */
export interface GeneralQueueInput extends QueueInput {
  interArrivalCv: number;
  serviceTimeCv: number;
}

/** Steady-state performance of a queue. Response time = wait in queue + own service time. */
export interface QueueMetrics {
  /** ρ = λ·S / c, in [0, 1). */
  utilization: number;
  /** P(an arrival waits) — Erlang C for M/M/c. */
  waitProbability: number;
  meanWaitMs: number;
  meanResponseMs: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
}

/** A latency objective: `percentile` (e.g. 99 for p99) of response time ≤ `targetMs`. */
export interface LatencySlo {
  percentile: number;
  targetMs: number;
}

export interface RequiredServersInput {
  arrivalRatePerSec: number;
  serviceTimeMs: number;
  /** Defaults to 1 (Poisson arrivals). */
  interArrivalCv?: number;
  /** Defaults to 1 (exponential service). */
  serviceTimeCv?: number;
  latencySlo: LatencySlo;
  /** Ceiling on ρ, in (0, 1]; 1 means "stability only". */
  maxUtilizationRatio: number;
}

/** Why a server count is what it is. */
export type ServerConstraint = 'min-servers' | 'queue-stability' | 'utilization-ceiling' | 'latency-slo';

export interface Infeasible<C extends string = BindingConstraint> {
  kind: 'infeasible';
  reason: string;
  bindingConstraint: C;
}

export type RequiredServersResult =
  | {
      kind: 'sized';
      servers: number;
      bindingConstraint: ServerConstraint;
      reason: string;
      /** Servers each constraint alone would need; `servers` is their maximum. */
      requirements: { constraint: ServerConstraint; servers: number }[];
      metrics: QueueMetrics;
      /** Response time at the SLO percentile with `servers` servers. */
      latencyAtSloPercentileMs: number;
    }
  | Infeasible<'latency-slo' | 'model-limit'>;

// ---------------------------------------------------------------------------------------------
// Projection

/**
 * The constraint that set a stage's node count (or made it infeasible).
 * - queueing: `min-servers`, `queue-stability`, `utilization-ceiling`, `latency-slo`
 * - batch: `completion-window` (the SLA) or `run-interval` (the next run starts first)
 * - broker: `broker-disk`, `broker-network-in`, `broker-network-out`, `broker-cpu`,
 *   `broker-memory` (page cache), `partition-replicas` (replicas per broker), `replication-factor`
 * - HA: `zone-spread` (at least one node, or an equal count, per zone)
 * - infeasible only: `instance-fit` (nothing in the catalog can host the worker or broker),
 *   `instance-catalog` (a fixed type that is not in the filtered catalog), `model-limit`
 *   (beyond what the model computes, e.g. more than a million servers in one stage)
 */
export type BindingConstraint =
  | ServerConstraint
  | 'completion-window'
  | 'run-interval'
  | 'broker-disk'
  | 'broker-disk-throughput'
  | 'broker-network-in'
  | 'broker-network-out'
  | 'broker-cpu'
  | 'broker-memory'
  | 'partition-replicas'
  | 'replication-factor'
  | 'zone-spread'
  | 'stream-network'
  | 'instance-fit'
  | 'instance-catalog'
  | 'model-limit';

/** The node count one constraint alone would require (HA spare and zone rules included). */
export interface ConstraintRequirement {
  constraint: BindingConstraint;
  nodes: number;
  detail: string;
}

/** Predicted latency against the stage's SLO (stream stages). */
export interface LatencyCheck {
  percentile: number;
  predictedMs: number;
  targetMs: number;
  meetsSlo: boolean;
  p99Ms: number;
}

interface SizedStageBase<T extends CatalogInstanceType> {
  kind: 'sized';
  stageName: string;
  /** Processing workers (stream), executors (batch) or brokers (broker; one per node). */
  workers: number;
  nodes: number;
  instance: T;
  workersPerNode: number;
  /** nodes × the instance's on-demand price; the basis of the "cheapest" choice. */
  nodeGroupOnDemandUsdPerHour: number;
  /** The busy ratio the stage's ceiling applies to (ρ for stream, window share for batch, the
   * highest resource ratio for brokers). */
  utilizationRatio: number;
  /** Requested ÷ allocatable across the node group (after per-node overhead). */
  nodeCpuAllocationRatio: number;
  nodeMemoryAllocationRatio: number;
  /** Hours per day the node group must run (24 for streaming; run time × runs for batch). */
  activeHoursPerDay: number;
  bindingConstraint: BindingConstraint;
  reason: string;
  /** Every constraint considered; `nodes` is their maximum and the binding one attains it. */
  constraints: ConstraintRequirement[];
  latency: LatencyCheck | null;
  /** Partition count the stage needs (broker: per topic set; stream: ≥ its parallelism). */
  partitions: number | null;
}

export interface StreamStageMonth<T extends CatalogInstanceType = CatalogInstanceType>
  extends SizedStageBase<T> {
  stageKind: 'stream';
  demand: { avgEventsPerSec: number; peakEventsPerSec: number; peakMibPerSec: number; offeredLoadErlangs: number };
  /** Parallel processing slots = workers × worker cores. */
  servers: number;
  waitProbability: number;
  latency: LatencyCheck;
  partitions: number;
}

export interface BrokerStageMonth<T extends CatalogInstanceType = CatalogInstanceType>
  extends SizedStageBase<T> {
  stageKind: 'broker';
  demand: {
    avgEventsPerSec: number;
    peakEventsPerSec: number;
    /** As produced (uncompressed); the figures below are what brokers store and move, ÷ compression. */
    peakIngressMibPerSec: number;
    compressionRatio: number;
    networkInMibPerSec: number;
    networkOutMibPerSec: number;
    retainedGib: number;
    pageCacheGib: number;
    cpuCores: number;
  };
  partitions: number;
  partitionReplicas: number;
  /** One broker's disk: a network volume (billed as provisioned) or the instance's local storage. */
  disk: BrokerDisk;
  latency: null;
}

export interface BatchStageMonth<T extends CatalogInstanceType = CatalogInstanceType>
  extends SizedStageBase<T> {
  stageKind: 'batch';
  demand: { dataVolumeGibPerRun: number; coreHoursPerRun: number; runsPerDay: number };
  /** Predicted run time with the sized cluster, and the window it must fit. */
  runtimeHoursPerRun: number;
  effectiveWindowHours: number;
  /** The executor shape chosen to pack the instance type (cores, memory, executors per node). */
  executor: { cores: number; memoryGib: number; perNode: number };
  /** Set when the node group's CPU or memory allocation is below 70 %: what is wasted, and why. */
  allocationFlag: string | null;
  latency: null;
  partitions: null;
}

export interface InfeasibleStageMonth extends Infeasible {
  stageName: string;
  stageKind: StageKind;
}

export type StageMonth<T extends CatalogInstanceType = CatalogInstanceType> =
  | StreamStageMonth<T>
  | BrokerStageMonth<T>
  | BatchStageMonth<T>
  | InfeasibleStageMonth;

export interface MonthProjection<T extends CatalogInstanceType = CatalogInstanceType> {
  /** 0 = the scenario's start month. */
  monthIndex: number;
  /** ISO 'YYYY-MM' label. */
  month: string;
  /** Demand relative to the workload's inputs (1 = as specified). */
  demandMultiplier: number;
  /** One entry per workload stage, in workload order. */
  stages: StageMonth<T>[];
}

export interface Projection<T extends CatalogInstanceType = CatalogInstanceType> {
  startMonth: string;
  horizonMonths: number;
  stageNames: string[];
  months: MonthProjection<T>[];
  /** False when any stage in any month is infeasible. */
  feasible: boolean;
  /** Inputs that were accepted but had no effect (unknown stage names, events past the horizon). */
  warnings: string[];
}

// ---------------------------------------------------------------------------------------------
// Pricing (issue 4)

export type PurchaseMix = z.output<typeof PurchaseMixSchema>;
export type StoragePolicy = z.output<typeof StoragePolicySchema>;
export type NetworkTopology = z.output<typeof NetworkTopologySchema>;
export type DrPolicy = z.output<typeof DrPolicySchema>;
export type DrStrategy = (typeof DR_STRATEGIES)[number];
export type Range = z.output<typeof RangeSchema>;
export type UncertaintySpec = z.output<typeof UncertaintySchema>;

/** An instance type with its spot terms (lib/catalog's instance types have this shape). */
export interface PricedInstanceType extends CatalogInstanceType {
  /** spot price = on-demand × (1 − ratio). */
  spotDiscountRatio: number;
  /** AWS Spot Advisor band: 0 <5 %, 1 5–10 %, 2 10–15 %, 3 15–20 %, 4 >20 % interrupted per month. */
  spotInterruptionBand: number;
}

export type StorageTierPrice = z.output<typeof StorageTierPriceSchema>;
export type TransferPrice = z.output<typeof TransferPriceSchema>;
export type CommitmentOffer = z.output<typeof CommitmentOfferSchema>;

/**
 * Everything `planScenario` prices with, for one provider and region: structurally what
 * lib/catalog holds (`pricingFor` in lib/catalog/pricing.ts builds it), so the model never imports
 * catalog data.
 */
export interface PricingInput<T extends PricedInstanceType = PricedInstanceType> {
  instances: readonly T[];
  storageTiers: readonly StorageTierPrice[];
  dataTransfer: readonly TransferPrice[];
  commitments: readonly CommitmentOffer[];
}
