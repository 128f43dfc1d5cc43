/**
 * The planner: `projectScenario(workload, scenario, catalog)` sizes every stage of a workload for
 * every month of a scenario's horizon and picks each stage's instance type.
 *
 * Per month: demand multiplier (growth.ts) → each stage's model (stages/*.ts) does its
 * instance-independent work once → every eligible instance type is asked for its node count →
 * the cheapest (or the fixed type) is chosen → the chosen result is explained. Stream stages are
 * planned first so broker stages can give them enough partitions.
 */
import { ModelInputError } from './errors';
import { demandMultipliers, eventsBeyondHorizon, monthLabel } from './growth';
import { CatalogSchema, ScenarioSpecSchema, WorkloadSpecSchema } from './schemas';
import { chooseCheapest, filterCatalog } from './sizing';
import { batchStageModel } from './stages/batch';
import { brokerStageModel } from './stages/broker';
import type { MonthInputs, StageCount, StagePlan } from './stages/plan';
import { streamStageModel } from './stages/stream';
import type {
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
  zones: number,
  hardware: ProjectionHardwareOptions = {},
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
      return { kind: stage.kind, ...brokerStageModel(stage, zones, hardware.blockUsdPerGibMonth) };
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

/** Node count and running hours of one stage in one month; NaN nodes when it cannot be sized. */
export interface StageNodeCount {
  nodes: number;
  activeHoursPerDay: number;
}

/**
 * The lean path behind Monte Carlo (`uncertainty.ts`): node counts of parsed stages on given
 * instance types, month by month, without choosing instances or writing explanations. Uses the
 * same stage models as `projectScenario`, so a sample's count equals the projection's count for
 * the same inputs and instance (tested).
 * @param stages - parsed stages, overrides applied
 * @param zones - zones the scenario spans
 * @param multipliers - demand multiplier per month
 * @param instanceAt - the instance of a stage in a month, or undefined when it had none
 * @returns [month][stage] node counts
 */
export function sizeOnInstances(
  stages: readonly StageSpec[],
  zones: number,
  multipliers: readonly number[],
  instanceAt: (monthIndex: number, stageIndex: number) => CatalogInstanceType | undefined,
): StageNodeCount[][] {
  const models = stages.map((stage) => stageModel(stage, zones));
  return multipliers.map((demandMultiplier, monthIndex) =>
    planMonthStages(models, demandMultiplier, (model, inputs) => model.countMonth(inputs)).map((plan, stageIndex) => {
      const instance = instanceAt(monthIndex, stageIndex);
      const nodes = 'nodesOn' in plan && instance !== undefined ? plan.nodesOn(instance) : NaN;
      return { nodes: typeof nodes === 'number' ? nodes : NaN, activeHoursPerDay: 'nodesOn' in plan ? plan.activeHoursPerDay : 0 };
    }),
  );
}

/**
 * Prices the projection may use to choose instance types: the hot block tier's USD per GiB-month
 * lets a broker compare a local-disk type with a network-volume type (hardware-limits.ts). Without
 * it the choice compares node prices only.
 */
export interface ProjectionHardwareOptions {
  blockUsdPerGibMonth?: number;
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

function sizeStage<T extends CatalogInstanceType>(
  stage: StageSpec,
  plan: StagePlan | InfeasibleStageMonth,
  candidates: { kind: 'candidates'; instances: readonly T[] } | InfeasibleReason,
): StageMonth<T> {
  const identity = { stageName: stage.name, stageKind: stage.kind };
  if ('kind' in plan) return plan;
  if (candidates.kind === 'infeasible') return { ...candidates, ...identity };
  const choice = chooseCheapest(
    candidates.instances,
    (instance) => plan.nodesOn(instance),
    plan.extraUsdPerHourOn && ((instance) => plan.extraUsdPerHourOn?.(instance) ?? 0),
  );
  if ('misfits' in choice) {
    return {
      kind: 'infeasible',
      ...identity,
      bindingConstraint: 'instance-fit',
      reason: `None of the ${choice.misfits.length} eligible instance types can host this stage; for example, ${choice.misfits[0]}.`,
    };
  }
  return plan.describe(choice.instance);
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
 * @returns the month-by-month projection
 * @throws ModelInputError when the workload, scenario or catalog fails its schema
 * @example projectScenario(exampleWorkloads[2].spec, exampleWorkloads[2].scenarios[0].spec, testCatalog).months[0].stages[0].nodes //=> 8 (fraud scorer, p99.9-bound)
 */
export function projectScenario<T extends CatalogInstanceType>(
  workload: WorkloadSpecInput,
  scenario: ScenarioSpecInput,
  catalog: readonly T[],
  hardware: ProjectionHardwareOptions = {},
): Projection<T> {
  const parsedWorkload = WorkloadSpecSchema.safeParse(workload);
  if (!parsedWorkload.success) throw ModelInputError.fromZod('workload', parsedWorkload.error);
  const parsedScenario = ScenarioSpecSchema.safeParse(scenario);
  if (!parsedScenario.success) throw ModelInputError.fromZod('scenario', parsedScenario.error);
  const parsedCatalog = CatalogSchema.safeParse(catalog);
  if (!parsedCatalog.success) throw ModelInputError.fromZod('catalog', parsedCatalog.error);
  const spec = parsedScenario.data;

  const warnings: string[] = [];
  const stages = applyOverrides(parsedWorkload.data.stages, spec, warnings);
  for (const event of eventsBeyondHorizon(spec.growth, spec.startMonth, spec.horizonMonths)) {
    warnings.push(`Step event${event.label ? ` "${event.label}"` : ''} at ${event.at} starts after the ${spec.horizonMonths}-month horizon and has no effect.`);
  }
  const eligible = filterCatalog(catalog, spec.catalogFilter);
  const entries = stages.map((stage) => ({
    stage,
    candidates: candidatesFor(spec.stageInstances[stage.name] ?? spec.instance, eligible, catalog.length),
  }));
  const models = stages.map((stage) => stageModel(stage, spec.zones, hardware));

  const months = demandMultipliers(spec.growth, spec.startMonth, spec.horizonMonths).map(
    (demandMultiplier, monthIndex): MonthProjection<T> => {
      const plans = planMonthStages(models, demandMultiplier, (model, inputs) => model.planMonth(inputs));
      return {
        monthIndex,
        month: monthLabel(spec.startMonth, monthIndex),
        demandMultiplier,
        stages: entries.map((entry, index) => {
          const plan = plans[index];
          if (plan === undefined) throw new Error('one plan per stage');
          return sizeStage(entry.stage, plan, entry.candidates);
        }),
      };
    },
  );

  return {
    startMonth: spec.startMonth,
    horizonMonths: spec.horizonMonths,
    stageNames: stages.map((stage) => stage.name),
    months,
    feasible: months.every((month) => month.stages.every((stage) => stage.kind === 'sized')),
    warnings,
  };
}
