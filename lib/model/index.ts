/**
 * Headroom's capacity model: pure, deterministic TypeScript that turns a workload (a pipeline of
 * broker, stream and batch stages) and a scenario (growth, horizon, instance choice) into a
 * month-by-month capacity projection. No I/O, no framework imports, no clock or randomness: the
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

// The planner.
export { projectScenario } from './project';

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
  CatalogSchema,
  GrowthSchema,
  InstanceChoiceSchema,
  IsoMonthSchema,
  ScenarioSpecSchema,
  StageSchema,
  StepEventSchema,
  StreamStageSchema,
  WorkloadSpecSchema,
} from './schemas';

// Typed errors (invalid input, unstable queue); infeasible outcomes are values, not errors.
export { ModelInputError, UnstableQueueError, type InputIssue } from './errors';

// Example workloads (demo seed, docs, golden baseline) and the TEST catalog (not real prices).
export { exampleWorkloads } from './examples';
export { testCatalog } from './test-catalog';

export type * from './types';
