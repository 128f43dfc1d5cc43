/**
 * Stream-processing stage (Flink task managers, Kafka consumer services, scoring services), sized
 * by queueing at the peak event rate.
 *
 * Model: the service time is `cpuMsPerEvent` with coefficient of variation `cpuMsPerEventCv`;
 * arrivals have coefficient of variation `interArrivalCv`. The queue topology is the stage's
 * `routing`:
 * - `per-worker` (default): each worker is its own G/G/k queue (k = worker cores) receiving λ ÷ n;
 *   `sizeWorkerQueues` finds the fewest workers n whose own queue meets the SLO.
 * - `pooled`: every core is one server of one shared FCFS G/G/c queue; servers come from
 *   `sizeServers`, workers = ⌈servers ÷ worker cores⌉, latency re-evaluated at the rounded count. Partitions feeding the stage must number at least its parallelism and
 * at least peak MiB/s ÷ the per-partition read limit (Jun Rao, Confluent, "How to choose the
 * number of topics/partitions in a Kafka cluster").
 */
import { addStreamNetworkLimit, streamNodesWithNetwork } from '../hardware-limits';
import { ceilWithTolerance, count, formatNumber } from '../numeric';
import { fewestServers, fewestWorkerQueues, responseTimeProfile, sizeServers, sizeWorkerQueues, workerQueue } from '../queueing';
import { describeWorkerGroup, haPolicy, memoizeByInstance, packWorkers, workerGroupNodesOn, type WorkerDemand, type WorkerGroup } from '../sizing';
import type { CatalogInstanceType, GeneralQueueInput, Infeasible, InfeasibleStageMonth, ServerConstraint, StreamStageMonth, StreamStageSpec } from '../types';
import { STREAMING_HOURS_PER_DAY, trafficAt, type MonthInputs, type StageCount, type StagePlan } from './plan';

function describeServerDemand(
  constraint: ServerConstraint,
  servers: number | null,
  workers: number,
  stage: StreamStageSpec,
  offeredLoad: number,
): string {
  const load =
    servers === null
      ? `${formatNumber(offeredLoad)} Erlangs split over per-worker queues of ${count(stage.workerCores, 'core')}`
      : `${formatNumber(offeredLoad)} Erlangs`;
  const toWorkers = servers === null ? count(workers, 'worker') : `${count(servers, 'server')} → ${count(workers, 'worker')}`;
  switch (constraint) {
    case 'min-servers':
      return `${toWorkers}: the minimum`;
    case 'queue-stability':
      return `${toWorkers}: the fewest that keep the queue stable at ${load}`;
    case 'utilization-ceiling':
      return `${toWorkers} keep utilization ≤ ${formatNumber(stage.maxUtilizationRatio)} at ${load}`;
    case 'latency-slo':
      return `${toWorkers} are the fewest with p${stage.latencySloPercentile} ≤ ${formatNumber(stage.latencySloMs)} ms at ${load}`;
  }
}

function describeRouting(stage: StreamStageSpec, workers: number): string {
  return stage.routing === 'per-worker'
    ? `Per-worker queues: each worker's ${count(stage.workerCores, 'core')} serve 1/${formatNumber(workers)} of the events.`
    : 'One pooled queue over every core.';
}

/**
 * The model of one stream stage over a projection: `planMonth` plans it at a demand multiplier, or
 * explains why it cannot meet its SLO at any size. Plans carry the stage's parallelism.
 * @param stage - parsed stream stage (SLO overrides already applied)
 * @param zones - zones the scenario spans
 */
export function streamStageModel(stage: StreamStageSpec, zones: number) {
  const packOn = memoizeByInstance((instance) => packWorkers(instance, stage, stage.nodeOverhead));
  const ha = haPolicy(stage, zones, false);
  return {
    planMonth: ({ demandMultiplier }: MonthInputs) => planStreamMonth(stage, demandMultiplier, packOn, ha),
    countMonth: ({ demandMultiplier }: MonthInputs) => countStreamMonth(stage, demandMultiplier, packOn, ha),
  };
}

/** The queue a stream stage is this month: peak arrivals, CPU time per event and their CVs. */
function queueShapeAt(stage: StreamStageSpec, demandMultiplier: number) {
  const traffic = trafficAt(stage, demandMultiplier);
  const sizingInput = {
    arrivalRatePerSec: traffic.peakEventsPerSec,
    serviceTimeMs: stage.cpuMsPerEvent,
    interArrivalCv: stage.interArrivalCv,
    serviceTimeCv: stage.cpuMsPerEventCv,
    latencySlo: { percentile: stage.latencySloPercentile, targetMs: stage.latencySloMs },
    maxUtilizationRatio: stage.maxUtilizationRatio,
  };
  return { traffic, sizingInput };
}

function infeasibleStream(stage: StreamStageSpec, sizing: Infeasible<'latency-slo' | 'model-limit'>): InfeasibleStageMonth {
  return { kind: 'infeasible', stageName: stage.name, stageKind: 'stream', reason: sizing.reason, bindingConstraint: sizing.bindingConstraint };
}

/** The lean plan: the same count as `planStreamMonth` (tested), no latency profile or text. */
function countStreamMonth(
  stage: StreamStageSpec,
  demandMultiplier: number,
  packOn: WorkerGroup['packOn'],
  ha: WorkerGroup['ha'],
): StageCount | InfeasibleStageMonth {
  const { traffic, sizingInput } = queueShapeAt(stage, demandMultiplier);
  const workers = fewestWorkers(stage, sizingInput);
  if (typeof workers !== 'number') return infeasibleStream(stage, workers);
  const group: WorkerGroup = { workerCores: stage.workerCores, workerMemoryGib: stage.workerMemoryGib, packOn, ha, demands: [], workers };
  return {
    parallelism: workers * stage.workerCores,
    activeHoursOn() {
      return STREAMING_HOURS_PER_DAY;
    },
    // A method, not an arrow property: tsx (npm run bench) compiles with keepNames, which
    // re-names every arrow function each time it is created, and Monte Carlo creates this 36,000 times.
    nodesOn(instance) {
      return streamNodesWithNetwork(workerGroupNodesOn(group, instance), traffic.peakMibPerSec, instance, ha);
    },
  };
}

type SizingInput = ReturnType<typeof queueShapeAt>['sizingInput'];

/** The lean worker count under the stage's routing (equal to `sizeWorkers(...).workers`, tested). */
function fewestWorkers(stage: StreamStageSpec, sizingInput: SizingInput): number | Infeasible<'latency-slo' | 'model-limit'> {
  if (stage.routing === 'per-worker') return fewestWorkerQueues(sizingInput, stage.workerCores);
  const servers = fewestServers(sizingInput);
  return typeof servers === 'number' ? ceilWithTolerance(servers / stage.workerCores) : servers;
}

interface WorkerSizing {
  kind: 'sized';
  workers: number;
  bindingConstraint: ServerConstraint;
  /** Each constraint's workers, and (pooled) the servers it asked for before rounding to workers. */
  requirements: { constraint: ServerConstraint; workers: number; servers: number | null }[];
  /** The queue whose latency is reported: the pooled queue, or one worker's own queue. */
  queue: GeneralQueueInput;
}

/** Workers for the SLO under the stage's routing (per-worker queues, or one pooled queue). */
function sizeWorkers(stage: StreamStageSpec, sizingInput: SizingInput): WorkerSizing | Infeasible<'latency-slo' | 'model-limit'> {
  const k = stage.workerCores;
  if (stage.routing === 'per-worker') {
    const sizing = sizeWorkerQueues(sizingInput, k);
    if (sizing.kind === 'infeasible') return sizing;
    return {
      ...sizing,
      requirements: sizing.requirements.map((requirement) => ({ ...requirement, servers: null })),
      queue: workerQueue(sizingInput, sizing.workers, k),
    };
  }
  const sizing = sizeServers(sizingInput);
  if (sizing.kind === 'infeasible') return sizing;
  const workers = ceilWithTolerance(sizing.servers / k);
  return {
    kind: 'sized',
    workers,
    bindingConstraint: sizing.bindingConstraint,
    requirements: sizing.requirements.map((requirement) => ({ ...requirement, workers: ceilWithTolerance(requirement.servers / k) })),
    queue: { ...sizingInput, servers: workers * k },
  };
}

function planStreamMonth(
  stage: StreamStageSpec,
  demandMultiplier: number,
  packOn: WorkerGroup['packOn'],
  ha: WorkerGroup['ha'],
): StagePlan | InfeasibleStageMonth {
  const { traffic, sizingInput } = queueShapeAt(stage, demandMultiplier);
  const sizing = sizeWorkers(stage, sizingInput);
  if (sizing.kind === 'infeasible') return infeasibleStream(stage, sizing);

  const offeredLoad = (traffic.peakEventsPerSec * stage.cpuMsPerEvent) / 1000;
  const workers = sizing.workers;
  const servers = workers * stage.workerCores;
  const profile = responseTimeProfile(sizing.queue, [stage.latencySloPercentile, 99]);
  const [predictedMs = NaN, p99Ms = NaN] = profile.percentilesMs;
  const partitions = Math.max(servers, ceilWithTolerance(traffic.peakMibPerSec / stage.partitionReadMibPerSec));

  // The requirement requiredServers reported as binding goes first, so it stays binding when
  // rounding to workers or nodes makes others equal.
  const requirements = [...sizing.requirements]
    .filter((requirement) => requirement.workers > 0)
    .sort((a, b) => Number(b.constraint === sizing.bindingConstraint) - Number(a.constraint === sizing.bindingConstraint));
  const demands: WorkerDemand[] = requirements.map((requirement) => ({
    constraint: requirement.constraint,
    workers: requirement.workers,
    detail: describeServerDemand(requirement.constraint, requirement.servers, requirement.workers, stage, offeredLoad),
  }));
  const group: WorkerGroup = { workerCores: stage.workerCores, workerMemoryGib: stage.workerMemoryGib, packOn, ha, demands, workers };

  return {
    parallelism: servers,
    activeHoursOn() {
      return STREAMING_HOURS_PER_DAY;
    },
    nodesOn: (instance) => streamNodesWithNetwork(workerGroupNodesOn(group, instance), traffic.peakMibPerSec, instance, ha),
    describe<T extends CatalogInstanceType>(instance: T): StreamStageMonth<T> {
      const nodeGroup = addStreamNetworkLimit(describeWorkerGroup(group, instance), traffic.peakMibPerSec, instance, ha);
      return {
        kind: 'sized',
        stageKind: 'stream',
        stageName: stage.name,
        demand: {
          avgEventsPerSec: traffic.avgEventsPerSec,
          peakEventsPerSec: traffic.peakEventsPerSec,
          peakMibPerSec: traffic.peakMibPerSec,
          offeredLoadErlangs: offeredLoad,
        },
        servers,
        workers,
        nodes: nodeGroup.nodes,
        instance,
        workersPerNode: nodeGroup.workersPerNode,
        nodeGroupOnDemandUsdPerHour: nodeGroup.nodes * instance.onDemandUsdPerHour,
        utilizationRatio: profile.utilization,
        nodeCpuAllocationRatio: nodeGroup.nodeCpuAllocationRatio,
        nodeMemoryAllocationRatio: nodeGroup.nodeMemoryAllocationRatio,
        activeHoursPerDay: STREAMING_HOURS_PER_DAY,
        bindingConstraint: nodeGroup.bindingConstraint,
        reason:
          `${nodeGroup.reason} ${describeRouting(stage, workers)} Predicted p${stage.latencySloPercentile} ${formatNumber(predictedMs)} ms ` +
          `(SLO ${formatNumber(stage.latencySloMs)} ms), utilization ${formatNumber(profile.utilization)}.`,
        constraints: nodeGroup.constraints,
        waitProbability: profile.waitProbability,
        latency: {
          percentile: stage.latencySloPercentile,
          predictedMs,
          targetMs: stage.latencySloMs,
          // 1e-9 absorbs the bisection width when the SLO is met exactly.
          meetsSlo: predictedMs <= stage.latencySloMs * (1 + 1e-9),
          p99Ms,
        },
        partitions,
      };
    },
  };
}
