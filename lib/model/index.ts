/**
 * Headroom's capacity model: pure, deterministic TypeScript that turns a workload (a pipeline of
 * broker, stream and batch stages) and a scenario (growth, horizon, instance choice) into a
 * month-by-month capacity projection, then (`planScenario`) prices it: compute by purchase option
 * (spot with interruption risk, a commitment ladder), storage tiers, network, DR strategies, unit
 * economics and P10/P50/P90 bands from Monte Carlo. No I/O, no framework imports, no clock or randomness: the
 * server runs it in actions and route handlers, the browser for instant what-if previews.
 *
 * Every formula, its source, units and limits: docs/model.md.
 *
 * @example
 * import { exampleWorkloads, projectScenario, testCatalog } from '@/lib/model';
 * const [clickstream] = exampleWorkloads;
 * const projection = projectScenario(clickstream.spec, clickstream.scenarios[0].spec, testCatalog);
 * projection.months[0].stages[0]; // { kind: 'sized', nodes: 9, bindingConstraint: 'broker-disk', reason: '…' }
 */

// The planner, and the planner with prices (issue 4).
export { projectScenario } from './project';
export {
  planScenario,
  type CostBreakdown,
  type PlannedMonth,
  type PricedStageMonth,
  type ScenarioPlan,
  type UncertaintyBands,
} from './plan-scenario';

export { planGaps, type PlanGap } from './gaps';

// Cost, spot, commitments, storage, network, DR and uncertainty building blocks.
export { HOURS_PER_MONTH, nodeGroupUsdPerMonth, nodeHoursPerMonth, nodeUsdPerHour, usdPerMillionEvents, usdPerTbProcessed, type PurchaseOption } from './cost';
export { binomialTailAbove, INTERRUPTION_RATE_BY_BAND, isSpotEligible, planSpotStage, type SpotStageMonth } from './spot';
export { candidateOffers, commitmentLadder, offerCovers, type CommitmentLadder, type CommitmentLadderMonth } from './commitments';
export { backupStorage, stageStorage, type StageStorageMonth } from './storage';
export { stageNetwork, transferUsd, type StageNetworkMonth } from './network';
export { analyzeDr, recoveryMinutes, type DrAnalysis, type DrMonthInput, type DrOption, type DrRecommendation } from './dr';
export { bandOf, mulberry32, triangularQuantile, UNCERTAIN_STAGE_FIELDS, type Band } from './uncertainty';

// Queueing: Erlang B/C, exact M/M/c, Allen–Cunneen G/G/c, the fewest servers for an SLO.
export {
  erlangB,
  erlangC,
  ggc,
  MAX_SERVERS,
  mmc,
  requiredServers,
  responseTimePercentileMs,
  responseTimeProfile,
  type ResponseTimeProfile,
} from './queueing';

// Growth over the horizon.
export { demandMultipliers, monthIndexOf, monthLabel } from './growth';

// Node sizing building blocks (per-node overhead, packing, instance filtering).
export { allocatableResources, filterCatalog, packWorkers, type Allocatable, type Packing } from './sizing';

// Input schemas (zod 4), shared with forms, actions and the API.
export {
  BatchStageSchema,
  BrokerStageSchema,
  CatalogInstanceTypeSchema,
  InstanceTypeListSchema,
  DrPolicySchema,
  GrowthSchema,
  NetworkTopologySchema,
  PricingSchema,
  PurchaseMixSchema,
  RangeSchema,
  StoragePolicySchema,
  UncertaintySchema,
  InstanceChoiceSchema,
  IsoMonthSchema,
  MAX_MONTE_CARLO_SAMPLES,
  ScenarioSpecSchema,
  StageSchema,
  StepEventSchema,
  StreamStageSchema,
  WorkloadSpecSchema,
} from './schemas';

// The model's version: stored plans computed by another version are recomputed.
export { MODEL_VERSION } from './version';

// Typed errors (invalid input, unstable queue); infeasible outcomes are values, not errors.
export { ModelInputError, UnstableQueueError, type InputIssue } from './errors';

// Example workloads (demo seed, docs, golden baseline) and the TEST catalog (not real prices).
export { exampleWorkloads } from './examples';
export { testCatalog } from './test-catalog';
export { testPricing } from './test-pricing';

export type * from './types';
