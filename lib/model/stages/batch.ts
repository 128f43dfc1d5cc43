/**
 * Batch stage (Spark ETL), sized by window arithmetic.
 *
 *   core-hours per run = data volume per run (GiB) ÷ throughput per core-hour (GiB)
 *   effective window (h) = min(completion window, 24 ÷ runs per day)
 *   cores = core-hours per run ÷ (effective window × max utilization ratio)
 *   workers = ⌈cores ÷ worker cores⌉;  run time (h) = core-hours ÷ (workers × worker cores)
 *
 * Assumes the job scales linearly with cores (no serial fraction, skew or shuffle bottleneck; see
 * docs/model.md) and that a run must finish before the next one starts. The ratio of run time to
 * window is the stage's utilization; the node group runs only `activeHoursPerDay`.
 */
import { ceilWithTolerance, count, formatNumber } from '../numeric';
import { describeWorkerGroup, haPolicy, memoizeByInstance, packWorkers, workerGroupNodesOn, type WorkerGroup } from '../sizing';
import type { BatchStageMonth, BatchStageSpec, CatalogInstanceType } from '../types';
import type { MonthInputs, StagePlan } from './plan';

const HOURS_PER_DAY = 24;

/**
 * The model of one batch stage over a projection: `planMonth` plans it at a demand multiplier
 * (which scales the data volume). Batch stages are always feasible in this model: more cores
 * shorten the run without limit.
 * @param stage - parsed batch stage (overrides already applied)
 * @param zones - zones the scenario spans
 */
export function batchStageModel(stage: BatchStageSpec, zones: number) {
  const packOn = memoizeByInstance((instance) => packWorkers(instance, stage, stage.nodeOverhead));
  const ha = haPolicy(stage, zones, false);
  const planMonth = ({ demandMultiplier }: MonthInputs) => planBatchMonth(stage, demandMultiplier, packOn, ha);
  // Window arithmetic is cheap: the lean count is the plan itself.
  return { planMonth, countMonth: planMonth };
}

function planBatchMonth(
  stage: BatchStageSpec,
  demandMultiplier: number,
  packOn: WorkerGroup['packOn'],
  ha: WorkerGroup['ha'],
): StagePlan {
  const dataVolumeGibPerRun = stage.dataVolumeGibPerRun * demandMultiplier;
  const coreHoursPerRun = dataVolumeGibPerRun / stage.throughputGibPerCoreHour;
  const runIntervalHours = HOURS_PER_DAY / stage.runsPerDay;
  const windowBinds = stage.completionWindowHours <= runIntervalHours;
  const effectiveWindowHours = windowBinds ? stage.completionWindowHours : runIntervalHours;
  const cores = coreHoursPerRun / (effectiveWindowHours * stage.maxUtilizationRatio);
  const workers = Math.max(1, ceilWithTolerance(cores / stage.workerCores));
  const runtimeHoursPerRun = coreHoursPerRun / (workers * stage.workerCores);

  const windowText = windowBinds
    ? `the ${formatNumber(stage.completionWindowHours)} h completion window`
    : `the ${formatNumber(runIntervalHours)} h between runs (${formatNumber(stage.runsPerDay)} runs/day; shorter than the ${formatNumber(stage.completionWindowHours)} h window)`;
  const group: WorkerGroup = {
    workerCores: stage.workerCores,
    workerMemoryGib: stage.workerMemoryGib,
    packOn,
    ha,
    demands: [
      {
        constraint: windowBinds ? 'completion-window' : 'run-interval',
        workers,
        detail:
          `${formatNumber(coreHoursPerRun)} core-hours per run in ${formatNumber(stage.maxUtilizationRatio)} of ` +
          `${windowText} → ${count(cores, 'core')} → ${count(workers, 'worker')}`,
      },
    ],
    workers,
  };

  const activeHoursPerDay = Math.min(HOURS_PER_DAY, runtimeHoursPerRun * stage.runsPerDay);
  return {
    activeHoursPerDay,
    nodesOn: (instance) => workerGroupNodesOn(group, instance),
    describe<T extends CatalogInstanceType>(instance: T): BatchStageMonth<T> {
      const nodeGroup = describeWorkerGroup(group, instance);
      return {
        kind: 'sized',
        stageKind: 'batch',
        stageName: stage.name,
        demand: { dataVolumeGibPerRun, coreHoursPerRun, runsPerDay: stage.runsPerDay },
        workers,
        nodes: nodeGroup.nodes,
        instance,
        workersPerNode: nodeGroup.workersPerNode,
        nodeGroupOnDemandUsdPerHour: nodeGroup.nodes * instance.onDemandUsdPerHour,
        utilizationRatio: runtimeHoursPerRun / effectiveWindowHours,
        nodeCpuAllocationRatio: nodeGroup.nodeCpuAllocationRatio,
        nodeMemoryAllocationRatio: nodeGroup.nodeMemoryAllocationRatio,
        activeHoursPerDay,
        bindingConstraint: nodeGroup.bindingConstraint,
        reason: `${nodeGroup.reason} Predicted run time ${formatNumber(runtimeHoursPerRun)} h of ${formatNumber(effectiveWindowHours)} h.`,
        constraints: nodeGroup.constraints,
        latency: null,
        partitions: null,
        runtimeHoursPerRun,
        effectiveWindowHours,
      };
    },
  };
}
