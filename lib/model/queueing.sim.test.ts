/**
 * The queueing formulas against a seeded discrete-event simulation (lib/model/testing/des.ts).
 *
 * Each case simulates 20 batches of 50,000 arrivals after 20,000 warm-up arrivals, with a fixed
 * seed, and forms batch-means confidence intervals (Student's t, 19 degrees of freedom).
 * - M/M/c is exact: P(wait), mean wait, p95 and p99 of response time must fall inside the 99 %
 *   confidence interval.
 * - G/G/c is an approximation: the model must be within the stated relative tolerance of the
 *   simulated mean. The tolerances are the accuracy claims in docs/model.md.
 * Time units are ms with a 1 ms mean service time.
 */
import { describe, expect, it } from 'vitest';
import { ggc, mmc } from './queueing';
import { confidenceInterval, erlang, exponential, hyperexponential, simulateQueue, type Sampler } from './testing/des';

/** Student's t, 0.995 quantile, 19 degrees of freedom: a two-sided 99 % interval from 20 batches. */
const T_99_19DF = 2.861;
const SIMULATION = { batchSize: 50_000, batches: 20, warmup: 20_000 };

/** Exponential for cv = 1, balanced-means H2 above, Erlang-k (cv = 1/√k) below. */
function sampler(mean: number, cv: number): Sampler {
  if (cv === 1) return exponential(mean);
  if (cv > 1) return hyperexponential(mean, cv);
  return erlang(Math.round(1 / (cv * cv)), mean);
}

function simulate(servers: number, utilization: number, interArrivalCv: number, serviceTimeCv: number, seed: number) {
  const arrivalRatePerMs = (utilization * servers) / 1;
  const batches = simulateQueue({
    ...SIMULATION,
    servers,
    interArrival: sampler(1 / arrivalRatePerMs, interArrivalCv),
    service: sampler(1, serviceTimeCv),
    seed,
  });
  return {
    arrivalRatePerSec: arrivalRatePerMs * 1000,
    waitProbability: confidenceInterval(batches.map((batch) => batch.waitProbability), T_99_19DF),
    meanWaitMs: confidenceInterval(batches.map((batch) => batch.meanWait), T_99_19DF),
    p95Ms: confidenceInterval(batches.map((batch) => batch.p95Response), T_99_19DF),
    p99Ms: confidenceInterval(batches.map((batch) => batch.p99Response), T_99_19DF),
  };
}

describe('M/M/c: exact formulas inside the simulation’s 99 % confidence intervals', () => {
  it.each([
    { servers: 1, utilization: 0.8, seed: 11 },
    { servers: 4, utilization: 0.75, seed: 12 },
    { servers: 16, utilization: 0.9, seed: 13 },
    { servers: 50, utilization: 0.85, seed: 14 },
  ])('M/M/$servers at utilization $utilization', ({ servers, utilization, seed }) => {
    const simulated = simulate(servers, utilization, 1, 1, seed);
    const model = mmc({ arrivalRatePerSec: simulated.arrivalRatePerSec, serviceTimeMs: 1, servers });
    for (const metric of ['waitProbability', 'meanWaitMs', 'p95Ms', 'p99Ms'] as const) {
      const interval = simulated[metric];
      expect(model[metric], `${metric} ${model[metric]} in [${interval.low}, ${interval.high}]`).toBeGreaterThanOrEqual(interval.low);
      expect(model[metric], `${metric} ${model[metric]} in [${interval.low}, ${interval.high}]`).toBeLessThanOrEqual(interval.high);
    }
  });
});

describe('G/G/c: Allen–Cunneen within the stated tolerance of the simulation', () => {
  it.each([
    // Bursty service (H2): P(wait) ≈ Erlang C holds for Poisson arrivals; mean wait errs high.
    { label: 'bursty service, M/H2/8, cs = 2', servers: 8, utilization: 0.8, ca: 1, cs: 2, waitProbability: 0.05, meanWait: 0.2, p99: 0.05 },
    { label: 'bursty service, M/H2/8, cs = 1.5', servers: 8, utilization: 0.7, ca: 1, cs: 1.5, waitProbability: 0.05, meanWait: 0.2, p99: 0.05 },
    // Bursty arrivals: Erlang C underestimates P(wait) (here by ~19 %); percentiles stay close.
    { label: 'bursty arrivals, H2/M/4, ca = 1.5', servers: 4, utilization: 0.75, ca: 1.5, cs: 1, waitProbability: 0.25, meanWait: 0.15, p99: 0.1 },
    // Low-variance service (Erlang-4): the shifted-exponential fit has a heavier tail, so p99 errs high.
    { label: 'low-variance service, M/E4/8, cs = 0.5', servers: 8, utilization: 0.85, ca: 1, cs: 0.5, waitProbability: 0.05, meanWait: 0.1, p99: 0.1 },
    { label: 'low-variance service, M/E4/2, cs = 0.5', servers: 2, utilization: 0.6, ca: 1, cs: 0.5, waitProbability: 0.05, meanWait: 0.1, p99: 0.1 },
    // Smooth arrivals and service: Erlang C overestimates P(wait) badly; everything errs high.
    { label: 'low variance everywhere, E4/E4/4', servers: 4, utilization: 0.8, ca: 0.5, cs: 0.5, waitProbability: 0.6, meanWait: 0.35, p99: 0.12 },
  ])('$label: P(wait) ±$waitProbability, mean wait ±$meanWait, p99 ±$p99 (relative)', (c) => {
    const simulated = simulate(c.servers, c.utilization, c.ca, c.cs, 21);
    const model = ggc({ arrivalRatePerSec: simulated.arrivalRatePerSec, serviceTimeMs: 1, servers: c.servers, interArrivalCv: c.ca, serviceTimeCv: c.cs });
    const relativeError = (modelValue: number, simulatedMean: number) => Math.abs(modelValue / simulatedMean - 1);
    expect(relativeError(model.waitProbability, simulated.waitProbability.mean)).toBeLessThanOrEqual(c.waitProbability);
    expect(relativeError(model.meanWaitMs, simulated.meanWaitMs.mean)).toBeLessThanOrEqual(c.meanWait);
    expect(relativeError(model.p95Ms, simulated.p95Ms.mean)).toBeLessThanOrEqual(c.p99);
    expect(relativeError(model.p99Ms, simulated.p99Ms.mean)).toBeLessThanOrEqual(c.p99);
  });

  it('errs on the safe side for low-variance service: p99 is never below the simulation by more than 2 %', () => {
    for (const servers of [2, 8]) {
      const simulated = simulate(servers, 0.8, 1, 0.5, 31);
      const model = ggc({ arrivalRatePerSec: simulated.arrivalRatePerSec, serviceTimeMs: 1, servers, interArrivalCv: 1, serviceTimeCv: 0.5 });
      expect(model.p99Ms).toBeGreaterThanOrEqual(simulated.p99Ms.mean * 0.98);
    }
  });
});
