/**
 * From workers to nodes: per-node overhead, packing identical workers onto an instance type by CPU
 * and memory, high-availability minimums, and choosing the instance type.
 *
 * Each pipeline stage has its own node group of one instance type. Its workers are identical, so
 * packing is exact: a node holds ⌊allocatable vCPU ÷ worker cores⌋ or ⌊allocatable memory ÷
 * worker memory⌋ workers, whichever is smaller.
 */
import { ceilWithTolerance, count, floorWithTolerance } from './numeric';
import type {
  BindingConstraint,
  CatalogFilter,
  CatalogInstanceType,
  ConstraintRequirement,
  StageSpec,
} from './types';

export type NodeOverhead = StageSpec['nodeOverhead'];

/** Tiers of GKE's kube/system reservation: [size of the tier, share reserved within it]. */
type ReservationTiers = readonly (readonly [size: number, share: number])[];

/**
 * GKE memory reservation: 25 % of the first 4 GiB, 20 % of the next 4, 10 % of the next 8, 6 % of
 * the next 112, 2 % above 128 GiB. Source: GKE "Plan node sizes", allocatable resources,
 * https://cloud.google.com/kubernetes-engine/docs/concepts/plan-node-sizes
 */
const GKE_MEMORY_TIERS_GIB: ReservationTiers = [
  [4, 0.25],
  [4, 0.2],
  [8, 0.1],
  [112, 0.06],
  [Infinity, 0.02],
];
/** GKE CPU reservation: 6 % of the first core, 1 % of the next, 0.5 % of the next 2, 0.25 % above 4 (same source). */
const GKE_CPU_TIERS_VCPU: ReservationTiers = [
  [1, 0.06],
  [1, 0.01],
  [2, 0.005],
  [Infinity, 0.0025],
];
/** GKE's kubelet hard-eviction threshold, 100 MiB, also held back from pods (same source). */
const GKE_EVICTION_THRESHOLD_GIB = 100 / 1024;

function tieredReservation(amount: number, tiers: ReservationTiers): number {
  let reserved = 0;
  let remaining = amount;
  for (const [size, share] of tiers) {
    const inTier = Math.min(remaining, size);
    reserved += inTier * share;
    remaining -= inTier;
    if (remaining <= 0) break;
  }
  return reserved;
}

export interface Allocatable {
  vcpu: number;
  memoryGib: number;
}

/**
 * vCPU and memory left for workers on one node after the system reservation (GKE's tiers, or
 * none) and per-node daemons. May be ≤ 0 for tiny nodes; callers treat that as "does not fit".
 * @example allocatableResources({ vcpu: 4, memoryGib: 16 }, { systemReserved: 'gke', daemonVcpu: 0, daemonMemoryGib: 0 }) //=> { vcpu: 3.92, memoryGib: 13.3023… }
 */
export function allocatableResources(
  instance: Pick<CatalogInstanceType, 'vcpu' | 'memoryGib'>,
  overhead: NodeOverhead,
): Allocatable {
  const systemVcpu = overhead.systemReserved === 'gke' ? tieredReservation(instance.vcpu, GKE_CPU_TIERS_VCPU) : 0;
  const systemMemoryGib =
    overhead.systemReserved === 'gke'
      ? tieredReservation(instance.memoryGib, GKE_MEMORY_TIERS_GIB) + GKE_EVICTION_THRESHOLD_GIB
      : 0;
  return {
    vcpu: instance.vcpu - systemVcpu - overhead.daemonVcpu,
    memoryGib: instance.memoryGib - systemMemoryGib - overhead.daemonMemoryGib,
  };
}

export interface WorkerShape {
  workerCores: number;
  workerMemoryGib: number;
}

export interface Packing {
  workersPerNode: number;
  /** The resource that limits workers per node (`cpu` on a tie). */
  boundBy: 'cpu' | 'memory';
  allocatable: Allocatable;
}

/**
 * How many identical workers fit on one node, by CPU and memory after overhead; a string saying
 * why when none fits.
 */
export function packWorkers(
  instance: CatalogInstanceType,
  worker: WorkerShape,
  overhead: NodeOverhead,
): Packing | string {
  const allocatable = allocatableResources(instance, overhead);
  const byCpu = Math.max(0, floorWithTolerance(allocatable.vcpu / worker.workerCores));
  const byMemory = Math.max(0, floorWithTolerance(allocatable.memoryGib / worker.workerMemoryGib));
  const workersPerNode = Math.min(byCpu, byMemory);
  if (workersPerNode === 0) {
    return (
      `${instance.id} leaves ${allocatable.vcpu.toFixed(2)} vCPU / ${allocatable.memoryGib.toFixed(2)} GiB ` +
      `after overhead, less than one worker (${worker.workerCores} vCPU / ${worker.workerMemoryGib} GiB)`
    );
  }
  return { workersPerNode, boundBy: byCpu <= byMemory ? 'cpu' : 'memory', allocatable };
}

/**
 * Caches a per-instance computation for the life of one stage model (all months of a projection),
 * keyed by the catalog object. Packing and per-node capacity do not change month to month.
 */
export function memoizeByInstance<R>(compute: (instance: CatalogInstanceType) => R): (instance: CatalogInstanceType) => R {
  const cache = new WeakMap<CatalogInstanceType, R>();
  return (instance) => {
    const cached = cache.get(instance);
    if (cached !== undefined) return cached;
    const computed = compute(instance);
    cache.set(instance, computed);
    return computed;
  };
}

/** High-availability rules of one node group. */
export interface HaPolicy {
  /** Nodes added on top of demand (1 = N+1). */
  spareNodes: number;
  /** Zones the group spans (1 when not spread). */
  zones: number;
  /** Round up to an equal count per zone (brokers, for rack-aware replica placement). */
  equalPerZone: boolean;
}

export function haPolicy(
  stage: { spareNodes: number; spreadAcrossZones: boolean },
  zones: number,
  equalPerZone: boolean,
): HaPolicy {
  return { spareNodes: stage.spareNodes, zones: stage.spreadAcrossZones ? zones : 1, equalPerZone };
}

/** Applies the zone rules (≥ 1 node per zone; an equal count per zone when required). */
function applyZoneRules(nodes: number, ha: HaPolicy): number {
  const atLeastOnePerZone = Math.max(nodes, ha.zones);
  return ha.equalPerZone ? Math.ceil(atLeastOnePerZone / ha.zones) * ha.zones : atLeastOnePerZone;
}

/**
 * Final node count for a demand of `demandNodes` (fractional allowed): ⌈demand⌉ + spare, then the
 * zone rules. Monotone in demand, so the maximum over constraints equals the count for the largest.
 */
export function nodesForDemand(demandNodes: number, ha: HaPolicy): number {
  return applyZoneRules(ceilWithTolerance(demandNodes) + ha.spareNodes, ha);
}

/** A floor that is not demand (e.g. brokers ≥ replication factor): zone rules only, no spare. */
export function nodesForFloor(floorNodes: number, ha: HaPolicy): number {
  return applyZoneRules(floorNodes, ha);
}

/** The zone-spread requirement, or nothing for a single-zone group. */
export function zoneSpreadRequirement(ha: HaPolicy): ConstraintRequirement[] {
  if (ha.zones <= 1) return [];
  return [
    {
      constraint: 'zone-spread',
      nodes: applyZoneRules(ha.zones, ha),
      detail: `at least one node in each of ${ha.zones} zones`,
    },
  ];
}

/**
 * The largest requirement and the constraint that sets it: the first in list order among equals,
 * so callers list constraints in the order they should be reported.
 */
export function bindingRequirement(requirements: readonly ConstraintRequirement[]): {
  nodes: number;
  bindingConstraint: BindingConstraint;
  detail: string;
} {
  let best: ConstraintRequirement | undefined;
  for (const requirement of requirements) {
    if (best === undefined || requirement.nodes > best.nodes) best = requirement;
  }
  if (best === undefined) throw new Error('bindingRequirement needs at least one requirement');
  return { nodes: best.nodes, bindingConstraint: best.constraint, detail: best.detail };
}

/** A short explanation of the HA adjustments between demand and the final count. */
export function describeHa(ha: HaPolicy): string {
  const parts: string[] = [];
  if (ha.spareNodes > 0) parts.push(ha.spareNodes === 1 ? '+1 spare node (N+1)' : `+${ha.spareNodes} spare nodes`);
  if (ha.zones > 1) parts.push(ha.equalPerZone ? `an equal count in each of ${ha.zones} zones` : `spread over ${ha.zones} zones`);
  return parts.length === 0 ? '' : ` (${parts.join(', ')})`;
}

// ---------------------------------------------------------------------------------------------
// Instance choice

/** Catalog entries allowed by the scenario's filter (absent lists allow everything). */
export function filterCatalog<T extends CatalogInstanceType>(catalog: readonly T[], filter: CatalogFilter): T[] {
  return catalog.filter(
    (instance) =>
      (filter.providers === undefined || filter.providers.includes(instance.provider)) &&
      (filter.regions === undefined || filter.regions.includes(instance.region)) &&
      (filter.families === undefined || filter.families.includes(instance.family)) &&
      (filter.archs === undefined || filter.archs.includes(instance.arch)),
  );
}

/** One month of a stage, as the horizon choice sees it. */
export interface HorizonMonth<T extends CatalogInstanceType> {
  /** Node count on `instance`, or a sentence saying why the stage cannot run there. */
  nodesOn(instance: T): number | string;
  /** What `nodes` nodes of `instance` cost this month (compute for the hours run, plus anything
   * billed per node, such as a broker's provisioned disk). */
  usdOn(instance: T, nodes: number): number;
}

/**
 * The instance type a stage keeps for the whole horizon: the one that fits the most months, then
 * has the lowest total cost of ownership over the horizon (Σ months of compute + per-node costs),
 * then the fewest node-months, then the smaller id. A stage then scales out on that type as
 * demand grows; it never flips type month to month (each flip of a broker type would be a
 * migration of its data). Months whose plan is already infeasible (null) do not count.
 * Source of the rule: SCM `capacity_planner.py` ranks whole plans by total annual cost; a type
 * change is an explicit migration, not a monthly re-pick.
 *
 * @returns the chosen instance and the months it cannot host, or every candidate's first misfit
 *   when none fits any month
 * @example two months, a: 4 then 4 nodes at 1 USD, b: 2 then 6 nodes at 1 USD → a (8 node-months each; a wins on id)
 */
export function chooseForHorizon<T extends CatalogInstanceType>(
  candidates: readonly T[],
  months: readonly (HorizonMonth<T> | null)[],
): { instance: T; misfitMonths: number } | { misfits: string[] } {
  let best: { instance: T; misfitMonths: number; usd: number; nodeMonths: number } | undefined;
  const misfits: string[] = [];
  const sized = months.filter((month): month is HorizonMonth<T> => month !== null);
  for (const instance of candidates) {
    let misfitMonths = 0;
    let usd = 0;
    let nodeMonths = 0;
    let firstMisfit: string | undefined;
    for (const month of sized) {
      const nodes = month.nodesOn(instance);
      if (typeof nodes === 'string') {
        misfitMonths += 1;
        firstMisfit ??= nodes;
        continue;
      }
      usd += month.usdOn(instance, nodes);
      nodeMonths += nodes;
    }
    if (firstMisfit !== undefined) misfits.push(firstMisfit);
    if (sized.length > 0 && misfitMonths === sized.length) continue;
    const candidate = { instance, misfitMonths, usd, nodeMonths };
    if (best === undefined || isBetterForHorizon(candidate, best)) best = candidate;
  }
  return best === undefined ? { misfits } : { instance: best.instance, misfitMonths: best.misfitMonths };
}

function isBetterForHorizon(
  a: { instance: CatalogInstanceType; misfitMonths: number; usd: number; nodeMonths: number },
  b: { instance: CatalogInstanceType; misfitMonths: number; usd: number; nodeMonths: number },
): boolean {
  if (a.misfitMonths !== b.misfitMonths) return a.misfitMonths < b.misfitMonths;
  if (a.usd !== b.usd) return a.usd < b.usd;
  if (a.nodeMonths !== b.nodeMonths) return a.nodeMonths < b.nodeMonths;
  return a.instance.id < b.instance.id;
}

// ---------------------------------------------------------------------------------------------
// Worker node groups (stream and batch stages)

/** Workers one constraint alone would need, with its explanation. */
export interface WorkerDemand {
  constraint: BindingConstraint;
  workers: number;
  detail: string;
}

/** A node group of identical workers: the stage's worker shape, HA rules and demands. */
export interface WorkerGroup extends WorkerShape {
  /** `packWorkers` for this worker shape and overhead, memoized per instance. */
  packOn: (instance: CatalogInstanceType) => Packing | string;
  ha: HaPolicy;
  /** Listed in reporting order: among equal node counts the first is reported as binding. */
  demands: WorkerDemand[];
  /** The largest demand; what the group is sized for. */
  workers: number;
}

/** Nodes the group needs on `instance`, or why its workers do not fit there. Cheap. */
export function workerGroupNodesOn(group: WorkerGroup, instance: CatalogInstanceType): number | string {
  const packing = group.packOn(instance);
  if (typeof packing === 'string') return packing;
  return nodesForDemand(group.workers / packing.workersPerNode, group.ha);
}

export interface WorkerGroupSizing {
  nodes: number;
  workersPerNode: number;
  bindingConstraint: BindingConstraint;
  constraints: ConstraintRequirement[];
  /** "<binding detail>; W workers … → N nodes (HA)". */
  reason: string;
  nodeCpuAllocationRatio: number;
  nodeMemoryAllocationRatio: number;
}

/**
 * The explained sizing of a worker group on the chosen instance: every demand turned into nodes,
 * the binding one, and how workers pack. Call only with an instance `workerGroupNodesOn` accepted.
 */
export function describeWorkerGroup(group: WorkerGroup, instance: CatalogInstanceType): WorkerGroupSizing {
  const packing = group.packOn(instance);
  if (typeof packing === 'string') throw new Error(`describeWorkerGroup on an instance that does not fit: ${packing}`);
  const constraints: ConstraintRequirement[] = [
    ...group.demands.map((demand) => ({
      constraint: demand.constraint,
      nodes: nodesForDemand(demand.workers / packing.workersPerNode, group.ha),
      detail: demand.detail,
    })),
    ...zoneSpreadRequirement(group.ha),
  ];
  const binding = bindingRequirement(constraints);
  const baseNodes = ceilWithTolerance(group.workers / packing.workersPerNode);
  return {
    nodes: binding.nodes,
    workersPerNode: packing.workersPerNode,
    bindingConstraint: binding.bindingConstraint,
    constraints,
    reason:
      `${binding.detail}; ${count(group.workers, 'worker')} of ${group.workerCores} vCPU / ${group.workerMemoryGib} GiB, ` +
      `${packing.workersPerNode} per ${instance.name} (${packing.boundBy}-bound) → ${count(baseNodes, 'node')}` +
      `${describeHa(group.ha)} = ${count(binding.nodes, 'node')}.`,
    nodeCpuAllocationRatio: (group.workers * group.workerCores) / (binding.nodes * packing.allocatable.vcpu),
    nodeMemoryAllocationRatio: (group.workers * group.workerMemoryGib) / (binding.nodes * packing.allocatable.memoryGib),
  };
}
