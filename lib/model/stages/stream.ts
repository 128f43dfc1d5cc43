/**
 * Stream-processing stage (Flink task managers, Kafka consumer services, scoring services), sized
 * by queueing at the peak event rate.
 *
 * Model: every worker core is one server of a G/G/c queue with a shared FCFS queue; the service
 * time is `cpuMsPerEvent` with coefficient of variation `cpuMsPerEventCv`; arrivals have
 * coefficient of variation `interArrivalCv`. Servers come from `sizeServers` (the search behind
 * `requiredServers`: stability, utilization ceiling, latency SLO), workers = ⌈servers ÷ worker
 * cores⌉, and latency is re-evaluated with the rounded-up server count. Partitions feeding the stage must number at least its parallelism and
 * at least peak MiB/s ÷ the per-partition read limit (Jun Rao, Confluent, "How to choose the
 * number of topics/partitions in a Kafka cluster").
 */
import { addStreamNetworkLimit, streamNodesWithNetwork } from '../hardware-limits';
import { ceilWithTolerance, count, formatNumber } from '../numeric';
import { fewestServers, responseTimeProfile, sizeServers } from '../queueing';
import { describeWorkerGroup, haPolicy, memoizeByInstance, packWorkers, workerGroupNodesOn, type WorkerDemand, type WorkerGroup } from '../sizing';
import type { CatalogInstanceType, Infeasible, InfeasibleStageMonth, ServerConstraint, StreamStageMonth, StreamStageSpec } from '../types';
import { STREAMING_HOURS_PER_DAY, trafficAt, type MonthInputs, type StageCount, type StagePlan } from './plan';

function describeServerDemand(
  constraint: ServerConstraint,
  servers: number,
  workers: number,
  stage: StreamStageSpec,
  offeredLoad: number,
): string {
  const load = `${formatNumber(offeredLoad)} Erlangs`;
  const toWorkers = `${count(servers, 'server')} → ${count(workers, 'worker')}`;
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
  const servers = fewestServers(sizingInput);
  if (typeof servers !== 'number') return infeasibleStream(stage, servers);
  const workers = ceilWithTolerance(servers / stage.workerCores);
  const group: WorkerGroup = { workerCores: stage.workerCores, workerMemoryGib: stage.workerMemoryGib, packOn, ha, demands: [], workers };
  return {
    parallelism: workers * stage.workerCores,
    activeHoursPerDay: STREAMING_HOURS_PER_DAY,
    // A method, not an arrow property: tsx (npm run bench) compiles with keepNames, which
    // re-names every arrow function each time it is created, and Monte Carlo creates this 36,000 times.
    nodesOn(instance) {
      return streamNodesWithNetwork(workerGroupNodesOn(group, instance), traffic.peakMibPerSec, instance, ha);
    },
  };
}

function planStreamMonth(
  stage: StreamStageSpec,
  demandMultiplier: number,
  packOn: WorkerGroup['packOn'],
  ha: WorkerGroup['ha'],
): StagePlan | InfeasibleStageMonth {
  const { traffic, sizingInput } = queueShapeAt(stage, demandMultiplier);
  const sizing = sizeServers(sizingInput);
  if (sizing.kind === 'infeasible') return infeasibleStream(stage, sizing);

  const offeredLoad = (traffic.peakEventsPerSec * stage.cpuMsPerEvent) / 1000;
  const toWorkers = (servers: number) => ceilWithTolerance(servers / stage.workerCores);
  const workers = toWorkers(sizing.servers);
  const servers = workers * stage.workerCores;
  const queue = { ...sizingInput, servers };
  const profile = responseTimeProfile(queue, [stage.latencySloPercentile, 99]);
  const [predictedMs = NaN, p99Ms = NaN] = profile.percentilesMs;
  const partitions = Math.max(servers, ceilWithTolerance(traffic.peakMibPerSec / stage.partitionReadMibPerSec));

  // The requirement requiredServers reported as binding goes first, so it stays binding when
  // rounding to workers or nodes makes others equal.
  const requirements = [...sizing.requirements]
    .filter((requirement) => requirement.servers > 0)
    .sort((a, b) => Number(b.constraint === sizing.bindingConstraint) - Number(a.constraint === sizing.bindingConstraint));
  const demands: WorkerDemand[] = requirements.map((requirement) => ({
    constraint: requirement.constraint,
    workers: toWorkers(requirement.servers),
    detail: describeServerDemand(requirement.constraint, requirement.servers, toWorkers(requirement.servers), stage, offeredLoad),
  }));
  const group: WorkerGroup = { workerCores: stage.workerCores, workerMemoryGib: stage.workerMemoryGib, packOn, ha, demands, workers };

  return {
    parallelism: servers,
    activeHoursPerDay: STREAMING_HOURS_PER_DAY,
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
          `${nodeGroup.reason} Predicted p${stage.latencySloPercentile} ${formatNumber(predictedMs)} ms ` +
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
