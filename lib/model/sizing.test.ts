import { describe, expect, it } from 'vitest';
import { allocatableResources, bindingRequirement, chooseForHorizon, filterCatalog, nodesForDemand, packWorkers, type HaPolicy } from './sizing';
import { testCatalog } from './test-catalog';
import type { CatalogInstanceType } from './types';

const instance = (overrides: Partial<CatalogInstanceType>): CatalogInstanceType => ({
  id: 'aws:test:x',
  provider: 'aws',
  region: 'test',
  name: 'x',
  family: 'x',
  arch: 'x86_64',
  vcpu: 4,
  memoryGib: 16,
  networkGbps: 10,
  onDemandUsdPerHour: 1,
  ...overrides,
});
const noDaemons = { daemonVcpu: 0, daemonMemoryGib: 0 } as const;

describe('allocatableResources (GKE reservation tiers)', () => {
  it('4 vCPU / 16 GiB: CPU 6 % + 1 % + 2 × 0.5 % = 0.08 reserved; memory 1 + 0.8 + 0.8 GiB + 100 MiB eviction', () => {
    const allocatable = allocatableResources(instance({}), { systemReserved: 'gke', ...noDaemons });
    expect(allocatable.vcpu).toBeCloseTo(3.92, 12);
    expect(allocatable.memoryGib).toBeCloseTo(16 - 2.6 - 100 / 1024, 12);
  });

  it('32 vCPU / 256 GiB uses every tier: CPU 0.08 + 28 × 0.25 %; memory 2.6 + 112 × 6 % + 128 × 2 %', () => {
    const allocatable = allocatableResources(instance({ vcpu: 32, memoryGib: 256 }), { systemReserved: 'gke', ...noDaemons });
    expect(allocatable.vcpu).toBeCloseTo(32 - 0.08 - 28 * 0.0025, 12);
    expect(allocatable.memoryGib).toBeCloseTo(256 - (2.6 + 6.72 + 2.56) - 100 / 1024, 12);
  });

  it('plain VMs lose only the daemons', () => {
    expect(allocatableResources(instance({}), { systemReserved: 'none', daemonVcpu: 0.5, daemonMemoryGib: 1 })).toEqual({ vcpu: 3.5, memoryGib: 15 });
  });
});

describe('packWorkers', () => {
  const overhead = { systemReserved: 'none', daemonVcpu: 0.5, daemonMemoryGib: 1 } as const;

  it('is bound by CPU or memory, whichever fits fewer workers', () => {
    expect(packWorkers(instance({ vcpu: 16, memoryGib: 64 }), { workerCores: 4, workerMemoryGib: 8 }, overhead)).toMatchObject({ workersPerNode: 3, boundBy: 'cpu' });
    expect(packWorkers(instance({ vcpu: 16, memoryGib: 64 }), { workerCores: 2, workerMemoryGib: 16 }, overhead)).toMatchObject({ workersPerNode: 3, boundBy: 'memory' });
  });

  it('explains why a worker does not fit', () => {
    expect(packWorkers(instance({ vcpu: 4, memoryGib: 16 }), { workerCores: 4, workerMemoryGib: 8 }, overhead)).toMatch(/less than one worker/);
  });
});

describe('HA rules', () => {
  const ha = (overrides: Partial<HaPolicy>): HaPolicy => ({ spareNodes: 1, zones: 3, equalPerZone: false, ...overrides });

  it.each([
    [4.2, ha({}), 6], // ⌈4.2⌉ + 1
    [0.5, ha({}), 3], // one per zone
    [4.2, ha({ equalPerZone: true }), 6],
    [5.2, ha({ equalPerZone: true }), 9], // 6 + 1 → 3 per zone
    [5.2, ha({ spareNodes: 0, zones: 1 }), 6],
    [10.000000000000002, ha({ spareNodes: 0, zones: 1 }), 10], // floating noise is not a node
  ])('demand %f nodes with %o → %i nodes', (demand, policy, nodes) => {
    expect(nodesForDemand(demand, policy)).toBe(nodes);
  });

  it('reports the first of equal requirements as binding', () => {
    expect(
      bindingRequirement([
        { constraint: 'broker-disk', nodes: 6, detail: 'disk' },
        { constraint: 'broker-network-out', nodes: 9, detail: 'out' },
        { constraint: 'zone-spread', nodes: 9, detail: 'zones' },
      ]),
    ).toEqual({ nodes: 9, bindingConstraint: 'broker-network-out', detail: 'out' });
  });
});

describe('instance choice', () => {
  it('filters by provider, region, family and architecture', () => {
    const arm = filterCatalog(testCatalog, { providers: ['aws'], archs: ['arm64'] });
    expect(arm.map((entry) => entry.name)).toEqual(['c7g.xlarge', 'c7g.2xlarge', 'c7g.4xlarge']);
    expect(filterCatalog(testCatalog, {})).toHaveLength(testCatalog.length);
  });

  it('keeps one type for the horizon: fewest misfit months, then lowest TCO, then fewer node-months, then the smaller id', () => {
    const a = instance({ id: 'b', onDemandUsdPerHour: 1 });
    const b = instance({ id: 'a', onDemandUsdPerHour: 2 });
    const c = instance({ id: 'c', onDemandUsdPerHour: 0.5 });
    // Month 0: a 4 nodes, b 2, c too small; month 1: a 6, b 2, c 1. USD = nodes × price (one unit per node-hour).
    const counts = [new Map<CatalogInstanceType, number | string>([[a, 4], [b, 2], [c, 'too small']]), new Map<CatalogInstanceType, number | string>([[a, 6], [b, 2], [c, 1]])];
    const months = counts.map((count) => ({ nodesOn: (entry: CatalogInstanceType) => count.get(entry) ?? 'unknown', usdOn: (entry: CatalogInstanceType, nodes: number) => nodes * entry.onDemandUsdPerHour }));
    // a: 4 + 6 = 10 USD, b: 4 + 4 = 8 USD → b (c misfits month 0, so it loses although month 1 costs 0.5)
    expect(chooseForHorizon([a, b, c], months)).toEqual({ instance: b, misfitMonths: 0 });
    // Equal TCO: fewer node-months wins (b2 at 2 USD: 2 + 2 nodes = 8 USD vs a at 1 USD: 4 + 4 nodes = 8 USD)
    const even = [0, 1].map(() => ({ nodesOn: (entry: CatalogInstanceType) => (entry === a ? 4 : 2), usdOn: (entry: CatalogInstanceType, nodes: number) => nodes * entry.onDemandUsdPerHour }));
    expect(chooseForHorizon([a, b], even)).toMatchObject({ instance: b });
    expect(chooseForHorizon([a, instance({ id: 'a', onDemandUsdPerHour: 1 })], [{ nodesOn: () => 3, usdOn: (_, nodes) => nodes }])).toMatchObject({ instance: { id: 'a' } });
    // Nothing fits any month: every candidate's first reason; only c fits some month → c, with one misfit month.
    expect(chooseForHorizon([c], [{ nodesOn: () => 'too small', usdOn: () => 0 }])).toEqual({ misfits: ['too small'] });
    expect(chooseForHorizon([a, c], [{ nodesOn: (entry) => (entry === c ? 1 : 'too small'), usdOn: () => 0 }, { nodesOn: () => 'too small', usdOn: () => 0 }])).toEqual({ instance: c, misfitMonths: 1 });
  });
});
