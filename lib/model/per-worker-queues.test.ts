/**
 * Stream-stage routing (issue 11, item 6): per-worker queues against closed forms derived here by
 * hand (M/M/2) and a small discrete-event simulation of n workers behind random routing.
 * docs/model.md §3.1.1 and §9.4.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { projectScenario } from './project';
import { fewestWorkerQueues, sizeServers, sizeWorkerQueues, splitInterArrivalCv } from './queueing';
import { testCatalog } from './test-catalog';
import { createRng } from './testing/des';

/**
 * P(R > t) of M/M/2 by hand: C = 2ρ²/(1 + ρ) (Erlang C for two servers), wait rate δ = 2μ − λ,
 * response = service + (with probability C) an Exp(δ) wait, the hypoexponential convolution.
 */
function mm2Survival(arrivalPerMs: number, serviceMs: number, tMs: number): number {
  const mu = 1 / serviceMs;
  const rho = arrivalPerMs / (2 * mu);
  const c = (2 * rho * rho) / (1 + rho);
  const delta = 2 * mu - arrivalPerMs;
  const convolved =
    Math.abs(delta - mu) < 1e-12
      ? (1 + mu * tMs) * Math.exp(-mu * tMs)
      : (delta * Math.exp(-mu * tMs) - mu * Math.exp(-delta * tMs)) / (delta - mu);
  return (1 - c) * Math.exp(-mu * tMs) + c * convolved;
}

const example = { arrivalRatePerSec: 400, serviceTimeMs: 10, latencySlo: { percentile: 99, targetMs: 60 }, maxUtilizationRatio: 0.8 };

describe('per-worker queues: the §9.4 example by hand', () => {
  it('3 workers of 2 cores miss p99 ≤ 60 ms (P = 0.0278), 4 meet it (P = 0.00744); pooled, 6 cores = 3 workers suffice', () => {
    // n = 3: λ' = 400/3 per s, ρ = 2/3, C = 8/15, δ = 0.2 − 0.1333 per ms.
    expect(mm2Survival(0.4 / 3, 10, 60)).toBeCloseTo(0.02782, 4);
    // n = 4: λ' = 100 per s, ρ = 1/2, C = 1/3, δ = μ (the special case): (2/3)e^−6 + (1/3)·7e^−6.
    expect(mm2Survival(0.1, 10, 60)).toBeCloseTo((2 / 3) * Math.exp(-6) + (7 / 3) * Math.exp(-6), 12);
    expect(mm2Survival(0.1, 10, 60)).toBeCloseTo(0.007436, 5);

    expect(sizeWorkerQueues(example, 2)).toEqual({
      kind: 'sized',
      workers: 4,
      bindingConstraint: 'latency-slo',
      requirements: [
        { constraint: 'min-servers', workers: 1 },
        { constraint: 'queue-stability', workers: 3 }, // 2 workers × 2 cores = 4 = A: unstable
        { constraint: 'utilization-ceiling', workers: 3 }, // ⌈4 ÷ (2 × 0.8)⌉ = ⌈2.5⌉
        { constraint: 'latency-slo', workers: 4 },
      ],
    });
    expect(sizeServers(example)).toMatchObject({ kind: 'sized', servers: 6 });
  });

  it('a simulation of 4 workers × 2 cores behind random routing gives P(R > 60 ms) ≈ 0.0074, and 3 workers ≈ 0.028', () => {
    expect(simulatedTail(4, 2, 0.4, 10, 60, 1_500_000, 11)).toBeCloseTo(0.00744, 3);
    expect(simulatedTail(3, 2, 0.4, 10, 60, 1_500_000, 12)).toBeCloseTo(0.0278, 2);
    // The same 6 cores pooled (M/M/6 at A = 4) are far inside the SLO: docs §9.1 gives P = 0.00318.
    expect(simulatedTail(1, 6, 0.4, 10, 60, 1_500_000, 13)).toBeCloseTo(0.00318, 3);
  });

  it('the stream stage sizes 4 workers per-worker (the default) on 3 nodes, 3 workers pooled on 2', () => {
    const stage = (routing?: 'pooled' | 'per-worker') => ({
      kind: 'stream' as const,
      name: 'worked-example',
      avgEventsPerSec: 200,
      peakEventsPerSec: 400,
      cpuMsPerEvent: 10,
      latencySloPercentile: 99,
      latencySloMs: 60,
      maxUtilizationRatio: 0.8,
      workerCores: 2,
      workerMemoryGib: 4,
      ...(routing === undefined ? {} : { routing }),
    });
    const project = (routing?: 'pooled' | 'per-worker') =>
      projectScenario(
        { kind: 'streaming', stages: [stage(routing)] },
        { startMonth: '2026-01', horizonMonths: 1, instance: { mode: 'fixed', instanceType: 'aws:us-east-1:m7i.2xlarge' }, zones: 2 },
        testCatalog,
      ).months[0]?.stages[0];
    // 4 workers, 3 per node → 2 + 1 spare = 3 nodes; partitions ≥ 8 cores.
    expect(project()).toMatchObject({ kind: 'sized', workers: 4, servers: 8, nodes: 3, partitions: 8, bindingConstraint: 'latency-slo' });
    const perWorker = project('per-worker');
    expect(perWorker?.kind === 'sized' && perWorker.latency?.predictedMs).toBeCloseTo(p99OfMm2(0.1, 10), 6);
    expect(project('pooled')).toMatchObject({ kind: 'sized', workers: 3, nodes: 2 });
  });
});

describe('per-worker queues: properties', () => {
  it('random routing keeps Poisson arrivals Poisson and smooths bursty ones towards CV 1', () => {
    expect(splitInterArrivalCv(1, 7)).toBe(1);
    expect(splitInterArrivalCv(2, 1)).toBeCloseTo(2, 12);
    expect(splitInterArrivalCv(2, 4)).toBeCloseTo(Math.sqrt(4 / 4 + 3 / 4), 12);
  });

  it('the lean count equals the sizing, the sized count meets the SLO and one fewer does not, and never below the pooled count', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 20_000, noNaN: true }),
        fc.double({ min: 0.05, max: 50, noNaN: true }),
        fc.integer({ min: 1, max: 16 }),
        fc.double({ min: 0.3, max: 2, noNaN: true }),
        fc.double({ min: 0.3, max: 2, noNaN: true }),
        (arrivalRatePerSec, serviceTimeMs, coresPerWorker, interArrivalCv, serviceTimeCv) => {
          const input = {
            arrivalRatePerSec,
            serviceTimeMs,
            interArrivalCv,
            serviceTimeCv,
            latencySlo: { percentile: 99, targetMs: serviceTimeMs * 8 },
            maxUtilizationRatio: 0.9,
          };
          const sizing = sizeWorkerQueues(input, coresPerWorker);
          const pooled = sizeServers(input);
          if (sizing.kind === 'infeasible') {
            expect(pooled.kind).toBe('infeasible');
            return;
          }
          expect(fewestWorkerQueues(input, coresPerWorker)).toBe(sizing.workers);
          if (pooled.kind === 'sized') expect(sizing.workers * coresPerWorker).toBeGreaterThanOrEqual(pooled.servers - (coresPerWorker - 1));
        },
      ),
      { numRuns: 200 },
    );
  });
});

/** p99 of M/M/2 by bisection on `mm2Survival` (independent of the model's root finder). */
function p99OfMm2(arrivalPerMs: number, serviceMs: number): number {
  let lo = 0;
  let hi = 1000;
  for (let i = 0; i < 200; i += 1) {
    const mid = (lo + hi) / 2;
    if (mm2Survival(arrivalPerMs, serviceMs, mid) > 0.01) lo = mid;
    else hi = mid;
  }
  return hi;
}

/**
 * Share of events whose response exceeds `targetMs` when Poisson arrivals (rate per ms) are routed
 * uniformly at random to `workers` FCFS queues of `cores` servers each, exponential service.
 */
function simulatedTail(workers: number, cores: number, arrivalPerMs: number, serviceMs: number, targetMs: number, events: number, seed: number): number {
  const rng = createRng(seed);
  const freeAt = Array.from({ length: workers }, () => new Float64Array(cores));
  let clock = 0;
  let late = 0;
  const warmup = 50_000;
  for (let i = 0; i < warmup + events; i += 1) {
    clock += -Math.log(rng()) / arrivalPerMs;
    const worker = freeAt[Math.floor(rng() * workers)] as Float64Array;
    let earliest = 0;
    for (let core = 1; core < cores; core += 1) if ((worker[core] ?? 0) < (worker[earliest] ?? 0)) earliest = core;
    const start = Math.max(clock, worker[earliest] ?? 0);
    const done = start - serviceMs * Math.log(rng());
    worker[earliest] = done;
    if (i >= warmup && done - clock > targetMs) late += 1;
  }
  return late / events;
}
