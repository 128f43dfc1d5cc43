/**
 * Batch stage (Spark ETL), sized by window arithmetic.
 *
 *   core-hours per run = data volume per run (GiB) ÷ throughput per core-hour (GiB)
 *   effective window (h) = min(completion window, 24 ÷ runs per day)
 *   cores = core-hours per run ÷ (effective window × max utilization ratio)
 *   executors = ⌈cores ÷ executor cores⌉;  run time (h) = core-hours ÷ (executors × executor cores)
 *
 * The executor shape is chosen per instance type to pack its nodes (`executorShapeOn`): the stage's
 * `workerCores` / `workerMemoryGib` give the job's memory per core and the largest executor; the
 * executor size that puts the most cores on a node wins. Assumes the job scales linearly with
 * cores (no serial fraction, skew or shuffle bottleneck; see docs/model.md) and that a run must
 * finish before the next one starts. The ratio of run time to window is the stage's utilization;
 * the node group runs only its active hours per day.
 */
import { ceilWithTolerance, count, floorWithTolerance, formatNumber } from '../numeric';
import {
  allocatableResources,
  describeWorkerGroup,
  haPolicy,
  memoizeByInstance,
  nodesForDemand,
  type Packing,
  type WorkerGroup,
  type WorkerGroupSizing,
} from '../sizing';
import type { BatchStageMonth, BatchStageSpec, CatalogInstanceType } from '../types';
import type { MonthInputs, StagePlan } from './plan';

const HOURS_PER_DAY = 24;

/**
 * Below this share of a node group's allocatable CPU or memory in use, the plan flags the stage:
 * most of what is paid for idles. 70 % is issue 11's threshold [assumption].
 */
export const MIN_ALLOCATION_RATIO = 0.7;

/** An executor shape on one instance type and how many fit a node. */
export interface ExecutorShape {
  cores: number;
  memoryGib: number;
  packing: Packing;
}

/**
 * The executor shape that packs `instance` best. The job needs m = workerMemoryGib ÷ workerCores
 * GiB per core; executors of c cores get c × m GiB, for c from ⌈workerCores ÷ 2⌉ to workerCores
 * (at most the stated size; at least half of it, so executors keep roughly the per-executor JVM
 * overhead and broadcast copies the job was measured with [assumption]). Per node:
 *
 *   executors = min(⌊allocatable vCPU ÷ c⌋, ⌊allocatable GiB ÷ (c × m)⌋),  cores packed = executors × c
 *
 * The c packing the most cores wins; among equals the larger c (fewer JVMs). Spark's own guidance
 * is the same trade: "cores per executor" sized so executors tile the node's cores and memory
 * (Sandy Ryza, "How-to: Tune Your Apache Spark Jobs (Part 2)", Cloudera Engineering Blog, 2015).
 *
 * @returns the shape, or why not even the smallest executor fits
 * @example 8-core / 64 GiB executors on 47.73 vCPU / 369 GiB → 5 cores / 40 GiB, 9 per node (45 cores; 8 cores packs 40)
 */
export function executorShapeOn(instance: CatalogInstanceType, stage: Pick<BatchStageSpec, 'workerCores' | 'workerMemoryGib' | 'nodeOverhead'>): ExecutorShape | string {
  const allocatable = allocatableResources(instance, stage.nodeOverhead);
  const memoryPerCoreGib = stage.workerMemoryGib / stage.workerCores;
  let best: ExecutorShape | undefined;
  for (let cores = stage.workerCores; cores >= Math.ceil(stage.workerCores / 2); cores -= 1) {
    const memoryGib = cores * memoryPerCoreGib;
    const byCpu = Math.max(0, floorWithTolerance(allocatable.vcpu / cores));
    const byMemory = Math.max(0, floorWithTolerance(allocatable.memoryGib / memoryGib));
    const perNode = Math.min(byCpu, byMemory);
    if (perNode > 0 && (best === undefined || perNode * cores > best.packing.workersPerNode * best.cores)) {
      best = { cores, memoryGib, packing: { workersPerNode: perNode, boundBy: byCpu <= byMemory ? 'cpu' : 'memory', allocatable } };
    }
  }
  return (
    best ??
    `${instance.id} leaves ${allocatable.vcpu.toFixed(2)} vCPU / ${allocatable.memoryGib.toFixed(2)} GiB after overhead, ` +
      `less than one executor of ${Math.ceil(stage.workerCores / 2)} cores / ${formatNumber(Math.ceil(stage.workerCores / 2) * memoryPerCoreGib)} GiB`
  );
}

/**
 * The model of one batch stage over a projection: `planMonth` plans it at a demand multiplier
 * (which scales the data volume). Batch stages are always feasible in this model: more cores
 * shorten the run without limit.
 * @param stage - parsed batch stage (overrides already applied)
 * @param zones - zones the scenario spans
 */
export function batchStageModel(stage: BatchStageSpec, zones: number) {
  const shapeOn = memoizeByInstance((instance) => executorShapeOn(instance, stage));
  const ha = haPolicy(stage, zones, false);
  const planMonth = ({ demandMultiplier }: MonthInputs) => planBatchMonth(stage, demandMultiplier, shapeOn, ha);
  // Window arithmetic is cheap: the lean count is the plan itself.
  return { planMonth, countMonth: planMonth };
}

/** The cluster of one run on an executor shape: executors, run time and hours a day. */
function clusterOn(shape: ExecutorShape, cores: number, coreHoursPerRun: number, runsPerDay: number) {
  const executors = Math.max(1, ceilWithTolerance(cores / shape.cores));
  const runtimeHoursPerRun = coreHoursPerRun / (executors * shape.cores);
  return { executors, runtimeHoursPerRun, activeHoursPerDay: Math.min(HOURS_PER_DAY, runtimeHoursPerRun * runsPerDay) };
}

/** The flag for a node group that leaves more than 30 % of its CPU or memory idle, or null. */
function allocationFlag(sizing: WorkerGroupSizing, instance: CatalogInstanceType): string | null {
  const cpu = sizing.nodeCpuAllocationRatio;
  const memory = sizing.nodeMemoryAllocationRatio;
  if (cpu >= MIN_ALLOCATION_RATIO && memory >= MIN_ALLOCATION_RATIO) return null;
  const idle = cpu < memory ? 'CPU' : 'memory';
  return (
    `Allocation ${formatNumber(cpu * 100)} % of CPU and ${formatNumber(memory * 100)} % of memory on ${instance.name} ` +
    `(below ${formatNumber(MIN_ALLOCATION_RATIO * 100)} %): most of the ${idle} paid for idles; a smaller node or one with ` +
    `more ${idle === 'CPU' ? 'memory per vCPU' : 'vCPU per GiB'} would waste less.`
  );
}

function planBatchMonth(
  stage: BatchStageSpec,
  demandMultiplier: number,
  shapeOn: (instance: CatalogInstanceType) => ExecutorShape | string,
  ha: WorkerGroup['ha'],
): StagePlan {
  const dataVolumeGibPerRun = stage.dataVolumeGibPerRun * demandMultiplier;
  const coreHoursPerRun = dataVolumeGibPerRun / stage.throughputGibPerCoreHour;
  const runIntervalHours = HOURS_PER_DAY / stage.runsPerDay;
  const windowBinds = stage.completionWindowHours <= runIntervalHours;
  const effectiveWindowHours = windowBinds ? stage.completionWindowHours : runIntervalHours;
  const cores = coreHoursPerRun / (effectiveWindowHours * stage.maxUtilizationRatio);

  const windowText = windowBinds
    ? `the ${formatNumber(stage.completionWindowHours)} h completion window`
    : `the ${formatNumber(runIntervalHours)} h between runs (${formatNumber(stage.runsPerDay)} runs/day; shorter than the ${formatNumber(stage.completionWindowHours)} h window)`;

  return {
    nodesOn(instance) {
      const shape = shapeOn(instance);
      if (typeof shape === 'string') return shape;
      return nodesForDemand(clusterOn(shape, cores, coreHoursPerRun, stage.runsPerDay).executors / shape.packing.workersPerNode, ha);
    },
    activeHoursOn(instance) {
      const shape = shapeOn(instance);
      return typeof shape === 'string' ? 0 : clusterOn(shape, cores, coreHoursPerRun, stage.runsPerDay).activeHoursPerDay;
    },
    describe<T extends CatalogInstanceType>(instance: T): BatchStageMonth<T> {
      const shape = shapeOn(instance);
      if (typeof shape === 'string') throw new Error(`describe on an instance that does not fit: ${shape}`);
      const cluster = clusterOn(shape, cores, coreHoursPerRun, stage.runsPerDay);
      const group: WorkerGroup = {
        workerCores: shape.cores,
        workerMemoryGib: shape.memoryGib,
        packOn: () => shape.packing,
        ha,
        demands: [
          {
            constraint: windowBinds ? 'completion-window' : 'run-interval',
            workers: cluster.executors,
            detail:
              `${formatNumber(coreHoursPerRun)} core-hours per run in ${formatNumber(stage.maxUtilizationRatio)} of ` +
              `${windowText} → ${count(cores, 'core')} → ${count(cluster.executors, 'executor')}`,
          },
        ],
        workers: cluster.executors,
      };
      const nodeGroup = describeWorkerGroup(group, instance);
      const flag = allocationFlag(nodeGroup, instance);
      return {
        kind: 'sized',
        stageKind: 'batch',
        stageName: stage.name,
        demand: { dataVolumeGibPerRun, coreHoursPerRun, runsPerDay: stage.runsPerDay },
        workers: cluster.executors,
        nodes: nodeGroup.nodes,
        instance,
        workersPerNode: nodeGroup.workersPerNode,
        nodeGroupOnDemandUsdPerHour: nodeGroup.nodes * instance.onDemandUsdPerHour,
        utilizationRatio: cluster.runtimeHoursPerRun / effectiveWindowHours,
        nodeCpuAllocationRatio: nodeGroup.nodeCpuAllocationRatio,
        nodeMemoryAllocationRatio: nodeGroup.nodeMemoryAllocationRatio,
        activeHoursPerDay: cluster.activeHoursPerDay,
        bindingConstraint: nodeGroup.bindingConstraint,
        reason:
          `${nodeGroup.reason} Executors of ${count(shape.cores, 'core')} / ${formatNumber(shape.memoryGib)} GiB pack ` +
          `${shape.packing.workersPerNode} per node (at most ${stage.workerCores} cores, ${formatNumber(stage.workerMemoryGib / stage.workerCores)} GiB per core). ` +
          `Predicted run time ${formatNumber(cluster.runtimeHoursPerRun)} h of ${formatNumber(effectiveWindowHours)} h.` +
          (flag === null ? '' : ` ${flag}`),
        constraints: nodeGroup.constraints,
        latency: null,
        partitions: null,
        runtimeHoursPerRun: cluster.runtimeHoursPerRun,
        effectiveWindowHours,
        executor: { cores: shape.cores, memoryGib: shape.memoryGib, perNode: shape.packing.workersPerNode },
        allocationFlag: flag,
      };
    },
  };
}
