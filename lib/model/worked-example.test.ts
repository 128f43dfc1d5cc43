/**
 * The worked example of docs/model.md §9.1, number by number, so the page cannot drift from the
 * code. (§9.2 and §9.3 are checked in stages/broker.test.ts and stages/batch.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { projectScenario } from './project';
import { erlangB, erlangC, mmc, requiredServers } from './queueing';
import { testCatalog } from './test-catalog';

describe('docs/model.md §9.1: a stream stage, by hand', () => {
  it('steps 3–6: Erlang B and C, the special case at c = 5, and 6 servers meeting p99 ≤ 60 ms', () => {
    expect(erlangB(5, 4)).toBeCloseTo(0.19907, 5);
    expect(erlangC(5, 4)).toBeCloseTo(0.55411, 5);
    expect(mmc({ arrivalRatePerSec: 400, serviceTimeMs: 10, servers: 5 }).p99Ms).toBeCloseTo(60.8, 1);
    expect(erlangB(6, 4)).toBeCloseTo(0.11716, 5);
    expect(erlangC(6, 4)).toBeCloseTo(0.28476, 5);
    const atSix = mmc({ arrivalRatePerSec: 400, serviceTimeMs: 10, servers: 6 });
    expect(atSix.p99Ms).toBeCloseTo(48.5, 1);
    expect(atSix.meanWaitMs).toBeCloseTo(1.42, 2);
    expect(
      requiredServers({ arrivalRatePerSec: 400, serviceTimeMs: 10, latencySlo: { percentile: 99, targetMs: 60 }, maxUtilizationRatio: 0.8 }),
    ).toMatchObject({ kind: 'sized', servers: 6, bindingConstraint: 'latency-slo' });
  });

  it('steps 7–9 (pooled routing): 3 workers, 3 per m7i.2xlarge (CPU-bound), 2 nodes, 6 partitions', () => {
    const projection = projectScenario(
      {
        kind: 'streaming',
        stages: [
          {
            kind: 'stream',
            name: 'worked-example',
            avgEventsPerSec: 200,
            peakEventsPerSec: 400,
            cpuMsPerEvent: 10,
            latencySloPercentile: 99,
            latencySloMs: 60,
            maxUtilizationRatio: 0.8,
            workerCores: 2,
            workerMemoryGib: 4,
            routing: 'pooled',
          },
        ],
      },
      { startMonth: '2026-01', horizonMonths: 1, instance: { mode: 'fixed', instanceType: 'aws:us-east-1:m7i.2xlarge' }, zones: 2 },
      testCatalog,
    );
    const stage = projection.months[0]?.stages[0];
    expect(stage).toMatchObject({
      kind: 'sized',
      servers: 6,
      workers: 3,
      workersPerNode: 3,
      nodes: 2,
      partitions: 6,
      bindingConstraint: 'latency-slo',
      utilizationRatio: expect.closeTo(4 / 6, 12),
      nodeGroupOnDemandUsdPerHour: expect.closeTo(0.832, 12),
      latency: { percentile: 99, targetMs: 60, meetsSlo: true, predictedMs: expect.closeTo(48.54, 2) },
    });
    expect(stage?.kind === 'sized' && stage.reason).toBe(
      '6 servers → 3 workers are the fewest with p99 ≤ 60 ms at 4 Erlangs; 3 workers of 2 vCPU / 4 GiB, 3 per ' +
        'm7i.2xlarge (cpu-bound) → 1 node (+1 spare node (N+1), spread over 2 zones) = 2 nodes. One pooled queue over every core. Predicted p99 ' +
        '48.5 ms (SLO 60 ms), utilization 0.667.',
    );
  });
});
