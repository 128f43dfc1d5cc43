/**
 * The contract between the projection and the per-kind stage models. A stage model is built once
 * per projection (caching what depends only on the instance type, such as packing); for each month
 * it does the instance-independent work once (queueing, window arithmetic, broker demand) and
 * returns a plan. The projection asks the plan for the node count on every candidate instance
 * (cheap), picks one, and asks for the full explained result only for that instance.
 */
import type { BrokerDisk, CatalogInstanceType, InfeasibleStageMonth, StageMonth } from '../types';

/** What a stage model needs to plan one month. */
export interface MonthInputs {
  /** Demand relative to the stage's inputs this month. */
  demandMultiplier: number;
  /** The largest parallelism among the workload's stream stages (brokers give them partitions). */
  consumerParallelism: number;
}

export type SizedStageMonth<T extends CatalogInstanceType> = Exclude<StageMonth<T>, InfeasibleStageMonth>;

/** The counts of a month's plan, without explanations (what Monte Carlo needs). */
export interface StageCount {
  /** Parallel servers (stream stages): a floor for the partition count of the brokers they read. */
  parallelism?: number;
  /** Hours per day the node group runs on `instance` (24 for streaming; run time × runs for
   * batch, whose executor shape and so run time depend on the instance type). */
  activeHoursOn(instance: CatalogInstanceType): number;
  /** Node count on `instance`, or a sentence saying why the stage cannot run on it. */
  nodesOn(instance: CatalogInstanceType): number | string;
  /** Broker stages: one node's disk when `nodes` nodes run on `instance` (what each node adds to
   * the bill beyond its instance price). Absent for stages without disks of their own. */
  diskOn?(instance: CatalogInstanceType, nodes: number): BrokerDisk;
}

export interface StagePlan extends StageCount {
  /** The explained result on the chosen instance (one `nodesOn` accepted). */
  describe<T extends CatalogInstanceType>(instance: T): SizedStageMonth<T>;
}

/** Streaming node groups run around the clock. */
export const STREAMING_HOURS_PER_DAY = 24;

/** Bytes in a MiB (2^20), for event sizes → MiB/s. */
const BYTES_PER_MIB = 1_048_576;

export interface Traffic {
  avgEventsPerSec: number;
  peakEventsPerSec: number;
  avgMibPerSec: number;
  peakMibPerSec: number;
}

/**
 * A stage's traffic this month: the inputs × the demand multiplier. Peak is the given peak, or the
 * average × the diurnal peak factor when no peak is given.
 */
export function trafficAt(
  stage: { avgEventsPerSec: number; peakEventsPerSec?: number | undefined; diurnalPeakFactor: number; eventSizeBytes: number },
  demandMultiplier: number,
): Traffic {
  const avgEventsPerSec = stage.avgEventsPerSec * demandMultiplier;
  const peakEventsPerSec = (stage.peakEventsPerSec ?? stage.avgEventsPerSec * stage.diurnalPeakFactor) * demandMultiplier;
  return {
    avgEventsPerSec,
    peakEventsPerSec,
    avgMibPerSec: (avgEventsPerSec * stage.eventSizeBytes) / BYTES_PER_MIB,
    peakMibPerSec: (peakEventsPerSec * stage.eventSizeBytes) / BYTES_PER_MIB,
  };
}
