/**
 * The planner: `projectScenario(workload, scenario, catalog)` sizes every stage of a workload for
 * every month of a scenario's horizon and picks each stage's instance type.
 *
 * Per month: demand multiplier (growth.ts) → each stage's model (stages/*.ts) does its
 * instance-independent work once (stream stages first, so broker stages can give them enough
 * partitions). Per stage, once for the horizon: every eligible instance type is asked for its node
 * count in every month, and the type with the lowest total cost of ownership over the horizon
 * (sizing.ts `chooseForHorizon`; or the fixed type) is kept → each month's result is explained on
 * it. The stage scales out on one type; it does not flip type month to month.
 */
import { ModelInputError } from './errors';
import { demandMultipliers, eventsBeyondHorizon, growthWarnings, monthLabel } from './growth';
import { InstanceTypeListSchema, ScenarioSpecSchema, WorkloadSpecSchema } from './schemas';
import { nodeGroupUsdPerMonth } from './cost';
import { chooseForHorizon, filterCatalog, type HorizonMonth } from './sizing';
import { brokerDiskPolicy, brokerDiskUsdPerMonth } from './storage';
import { batchStageModel } from './stages/batch';
import { brokerStageModel } from './stages/broker';
import type { MonthInputs, StageCount, StagePlan } from './stages/plan';
import { streamStageModel } from './stages/stream';
import type {
  BrokerDisk,
  CatalogInstanceType,
  InfeasibleStageMonth,
  InstanceChoice,
  MonthProjection,
  Projection,
  ScenarioSpec,
  ScenarioSpecInput,
  SloOverride,
  StageMonth,
  StageSpec,
  StoragePolicy,
  StorageTierPrice,
  WorkloadSpecInput,
} from './types';

/** Which override fields each stage kind uses. */
const OVERRIDABLE: Record<StageSpec['kind'], readonly (keyof SloOverride)[]> = {
  broker: ['maxUtilizationRatio'],
  stream: ['latencySloPercentile', 'latencySloMs', 'maxUtilizationRatio'],
  batch: ['completionWindowHours', 'maxUtilizationRatio'],
};

/** Applies the scenario's per-stage SLO overrides; unknown stages and fields become warnings. */
export function applyOverrides(stages: readonly StageSpec[], scenario: ScenarioSpec, warnings: string[]): StageSpec[] {
  const names = new Set(stages.map((stage) => stage.name));
  for (const name of Object.keys(scenario.sloOverrides)) {
    if (!names.has(name)) warnings.push(`SLO override for unknown stage "${name}" was ignored.`);
  }
  for (const name of Object.keys(scenario.stageInstances)) {
    if (!names.has(name)) warnings.push(`Instance choice for unknown stage "${name}" was ignored.`);
  }
  return stages.map((stage) => {
    const override = scenario.sloOverrides[stage.name];
    if (override === undefined) return stage;
    const allowed = OVERRIDABLE[stage.kind];
    const applied: Partial<SloOverride> = {};
    for (const [key, value] of Object.entries(override) as [keyof SloOverride, number | undefined][]) {
      if (value === undefined) continue;
      if (allowed.includes(key)) applied[key] = value;
      else warnings.push(`Override "${key}" does not apply to ${stage.kind} stage "${stage.name}" and was ignored.`);
    }
    return { ...stage, ...applied };
  });
}

/** The stage model for a stage's kind, tagged so stream stages can be planned first. */
function stageModel(
  stage: StageSpec,
  { zones, storage }: SizingContext,
): {
  kind: StageSpec['kind'];
  planMonth: (inputs: MonthInputs) => StagePlan | InfeasibleStageMonth;
  countMonth: (inputs: MonthInputs) => StageCount | InfeasibleStageMonth;
} {
  switch (stage.kind) {
    case 'stream':
      return { kind: stage.kind, ...streamStageModel(stage, zones) };
    case 'batch':
      return { kind: stage.kind, ...batchStageModel(stage, zones) };
    case 'broker':
      return { kind: stage.kind, ...brokerStageModel(stage, zones, brokerDiskPolicy(stage, storage)) };
  }
}

type StageModel = ReturnType<typeof stageModel>;

/**
 * Plans every stage for one month: stream stages first, because their parallelism is a floor on
 * the brokers' partition count.
 */
function planMonthStages<P extends StageCount>(
  models: readonly StageModel[],
  demandMultiplier: number,
  plan: (model: StageModel, inputs: MonthInputs) => P | InfeasibleStageMonth,
): (P | InfeasibleStageMonth)[] {
  const streamPlans = models.map((model) =>
    model.kind === 'stream' ? plan(model, { demandMultiplier, consumerParallelism: 0 }) : undefined,
  );
  const consumerParallelism = Math.max(0, ...streamPlans.map((stagePlan) => (stagePlan !== undefined && 'nodesOn' in stagePlan ? (stagePlan.parallelism ?? 0) : 0)));
  return models.map((model, index) => streamPlans[index] ?? plan(model, { demandMultiplier, consumerParallelism }));
}

/** What every stage model of a projection shares: the zones, and the storage policy brokers'
 * disks follow (compression, local retention). */
export interface SizingContext {
  zones: number;
  storage: StoragePolicy;
}

/** Node count and running hours of one stage in one month; NaN nodes when it cannot be sized. */
export interface StageNodeCount {
  nodes: number;
  activeHoursPerDay: number;
  /** Broker stages: one node's disk (what storage pricing bills per broker). */
  disk?: BrokerDisk | undefined;
}

/**
 * The lean path behind Monte Carlo (`uncertainty.ts`): node counts of parsed stages on given
 * instance types, month by month, without choosing instances or writing explanations. Uses the
 * same stage models as `projectScenario`, so a sample's count equals the projection's count for
 * the same inputs and instance (tested).
 * @param stages - parsed stages, overrides applied
 * @param context - the scenario's zones and storage policy
 * @param multipliers - demand multiplier per month
 * @param instanceAt - the instance of a stage in a month, or undefined when it had none
 * @returns [month][stage] node counts
 */
export function sizeOnInstances(
  stages: readonly StageSpec[],
  context: SizingContext,
  multipliers: readonly number[],
  instanceAt: (monthIndex: number, stageIndex: number) => CatalogInstanceType | undefined,
): StageNodeCount[][] {
  const models = stages.map((stage) => stageModel(stage, context));
  return multipliers.map((demandMultiplier, monthIndex) =>
    planMonthStages(models, demandMultiplier, (model, inputs) => model.countMonth(inputs)).map((plan, stageIndex) => {
      const instance = instanceAt(monthIndex, stageIndex);
      if (!('nodesOn' in plan) || instance === undefined) return { nodes: NaN, activeHoursPerDay: 0 };
      const nodes = plan.nodesOn(instance);
      if (typeof nodes === 'string') return { nodes: NaN, activeHoursPerDay: plan.activeHoursOn(instance) };
      return { nodes, activeHoursPerDay: plan.activeHoursOn(instance), disk: plan.diskOn?.(instance, nodes) };
    }),
  );
}

type InfeasibleReason = Pick<InfeasibleStageMonth, 'kind' | 'reason' | 'bindingConstraint'>;

/** The instance types a stage may use, or why there are none. */
function candidatesFor<T extends CatalogInstanceType>(
  choice: InstanceChoice,
  eligible: readonly T[],
  catalogSize: number,
): { kind: 'candidates'; instances: readonly T[] } | InfeasibleReason {
  if (choice.mode === 'fixed') {
    const fixed = eligible.find((instance) => instance.id === choice.instanceType);
    return fixed !== undefined
      ? { kind: 'candidates', instances: [fixed] }
      : {
          kind: 'infeasible',
          bindingConstraint: 'instance-catalog',
          reason: `Instance type "${choice.instanceType}" is not in the catalog, or the scenario's filter excludes it.`,
        };
  }
  return eligible.length > 0
    ? { kind: 'candidates', instances: eligible }
    : {
        kind: 'infeasible',
        bindingConstraint: 'instance-catalog',
        reason: `No instance type in the catalog (${catalogSize} types) matches the scenario's filter.`,
      };
}

/** Optional prices the horizon choice adds to compute: a broker's provisioned disk per node. */
export interface ProjectionOptions {
  /** The block-storage tier broker volumes are billed at (storage.ts `brokerDiskUsdPerMonth`). */
  blockStorage?: StorageTierPrice | undefined;
}

type StageChoice<T extends CatalogInstanceType> = { kind: 'chosen'; instance: T } | InfeasibleReason;

/**
 * The stage's instance for the whole horizon (`chooseForHorizon`): TCO = Σ months of nodes × the
 * on-demand price × hours run + each broker's provisioned disk.
 */
function chooseStageInstance<T extends CatalogInstanceType>(
  plans: readonly (StagePlan | InfeasibleStageMonth)[],
  candidates: { kind: 'candidates'; instances: readonly T[] } | InfeasibleReason,
  options: ProjectionOptions,
): StageChoice<T> {
  if (candidates.kind === 'infeasible') return candidates;
  const { blockStorage } = options;
  const months = plans.map((plan): HorizonMonth<T> | null =>
    'kind' in plan
      ? null
      : {
          nodesOn: (instance) => plan.nodesOn(instance),
          usdOn: (instance, nodes) =>
            nodeGroupUsdPerMonth(nodes, instance.onDemandUsdPerHour, plan.activeHoursOn(instance)) +
            (blockStorage === undefined || plan.diskOn === undefined ? 0 : nodes * brokerDiskUsdPerMonth(plan.diskOn(instance, nodes), blockStorage)),
        },
  );
  const choice = chooseForHorizon(candidates.instances, months);
  if ('misfits' in choice) {
    return {
      kind: 'infeasible',
      bindingConstraint: 'instance-fit',
      reason: `None of the ${choice.misfits.length} eligible instance types can host this stage; for example, ${choice.misfits[0]}.`,
    };
  }
  return { kind: 'chosen', instance: choice.instance };
}

function sizeStage<T extends CatalogInstanceType>(stage: StageSpec, plan: StagePlan | InfeasibleStageMonth, choice: StageChoice<T>): StageMonth<T> {
  const identity = { stageName: stage.name, stageKind: stage.kind };
  if ('kind' in plan) return plan;
  if (choice.kind === 'infeasible') return { ...choice, ...identity };
  const nodes = plan.nodesOn(choice.instance);
  if (typeof nodes === 'string') {
    return {
      kind: 'infeasible',
      ...identity,
      bindingConstraint: 'instance-fit',
      reason: `${choice.instance.name}, the type chosen for the horizon, cannot host this stage this month: ${nodes}.`,
    };
  }
  return plan.describe(choice.instance);
}

/** One warning per batch stage whose nodes are less than 70 % allocated in some month (first such month, and how many). */
function allocationWarnings(months: readonly MonthProjection<CatalogInstanceType>[]): string[] {
  const flagged = new Map<string, { month: string; flag: string; months: number }>();
  for (const month of months) {
    for (const stage of month.stages) {
      if (stage.kind !== 'sized' || stage.stageKind !== 'batch' || stage.allocationFlag === null) continue;
      const first = flagged.get(stage.stageName);
      if (first === undefined) flagged.set(stage.stageName, { month: month.month, flag: stage.allocationFlag, months: 1 });
      else first.months += 1;
    }
  }
  return [...flagged].map(
    ([stageName, first]) => `${stageName}, ${first.month}${first.months > 1 ? ` (and ${first.months - 1} more months)` : ''}: ${first.flag}`,
  );
}

/**
 * Projects a workload under a scenario: for each month of the horizon and each stage, the demand,
 * workers, nodes, chosen instance type, utilization, predicted latency against the SLO, partitions
 * and the binding constraint with its reason. A stage that cannot be sized in some month gets an
 * `{ kind: 'infeasible', reason, bindingConstraint }` entry for that month instead of an exception.
 *
 * Deterministic and pure. Inputs are parsed with the zod schemas (defaults applied); extra catalog
 * fields are kept, and the chosen instance is returned as the caller's object.
 *
 * @param workload - the pipeline (WorkloadSpecSchema input)
 * @param scenario - growth, horizon, instance choice and overrides (ScenarioSpecSchema input)
 * @param catalog - instance types to choose from (e.g. lib/catalog, or `testCatalog`)
 * @param options - the block-storage price, so the horizon choice counts brokers' disks
 * @returns the month-by-month projection
 * @throws ModelInputError when the workload, scenario or catalog fails its schema
 * @example projectScenario(exampleWorkloads[2].spec, exampleWorkloads[2].scenarios[0].spec, testCatalog).months[0].stages[0].nodes //=> 8 (fraud scorer, p99.9-bound)
 */
export function projectScenario<T extends CatalogInstanceType>(
  workload: WorkloadSpecInput,
  scenario: ScenarioSpecInput,
  catalog: readonly T[],
  options: ProjectionOptions = {},
): Projection<T> {
  const parsedWorkload = WorkloadSpecSchema.safeParse(workload);
  if (!parsedWorkload.success) throw ModelInputError.fromZod('workload', parsedWorkload.error);
  const parsedScenario = ScenarioSpecSchema.safeParse(scenario);
  if (!parsedScenario.success) throw ModelInputError.fromZod('scenario', parsedScenario.error);
  const parsedCatalog = InstanceTypeListSchema.safeParse(catalog);
  if (!parsedCatalog.success) throw ModelInputError.fromZod('catalog', parsedCatalog.error);
  const spec = parsedScenario.data;

  const warnings: string[] = [];
  const stages = applyOverrides(parsedWorkload.data.stages, spec, warnings);
  for (const event of eventsBeyondHorizon(spec.growth, spec.startMonth, spec.horizonMonths)) {
    warnings.push(`Step event${event.label ? ` "${event.label}"` : ''} at ${event.at} starts after the ${spec.horizonMonths}-month horizon and has no effect.`);
  }
  warnings.push(...growthWarnings(spec.growth));
  const eligible = filterCatalog(catalog, spec.catalogFilter);
  const entries = stages.map((stage) => ({
    stage,
    candidates: candidatesFor(spec.stageInstances[stage.name] ?? spec.instance, eligible, catalog.length),
  }));
  const models = stages.map((stage) => stageModel(stage, { zones: spec.zones, storage: spec.storage }));

  const multipliers = demandMultipliers(spec.growth, spec.startMonth, spec.horizonMonths);
  const plans = multipliers.map((demandMultiplier) => planMonthStages(models, demandMultiplier, (model, inputs) => model.planMonth(inputs)));
  const planAt = (monthIndex: number, stageIndex: number) => {
    const plan = plans[monthIndex]?.[stageIndex];
    if (plan === undefined) throw new Error('one plan per stage and month');
    return plan;
  };
  const choices = entries.map((entry, stageIndex) =>
    chooseStageInstance(plans.map((_, monthIndex) => planAt(monthIndex, stageIndex)), entry.candidates, options),
  );
  const months = multipliers.map(
    (demandMultiplier, monthIndex): MonthProjection<T> => ({
      monthIndex,
      month: monthLabel(spec.startMonth, monthIndex),
      demandMultiplier,
      stages: entries.map((entry, stageIndex) => {
        const choice = choices[stageIndex];
        if (choice === undefined) throw new Error('one choice per stage');
        return sizeStage(entry.stage, planAt(monthIndex, stageIndex), choice);
      }),
    }),
  );

  warnings.push(...allocationWarnings(months));
  return {
    startMonth: spec.startMonth,
    horizonMonths: spec.horizonMonths,
    stageNames: stages.map((stage) => stage.name),
    months,
    feasible: months.every((month) => month.stages.every((stage) => stage.kind === 'sized')),
    warnings,
  };
}
