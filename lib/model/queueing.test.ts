import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ModelInputError, UnstableQueueError } from './errors';
import { erlangB, erlangC, ggc, mmc, requiredServers, responseTimePercentileMs, responseTimeProfile } from './queueing';

/**
 * Erlang C by an independent method: the defining sum
 *   C = T / (Σ_{k<c} A^k/k! + T),  T = A^c/c! · c/(c − A),
 * evaluated in log space relative to the k = c term, summing ln(j/A) downward from c (the terms
 * that matter are near k = c, where those logs are small, so no large cancellation).
 */
function erlangCByLogSum(servers: number, offeredLoad: number): number {
  let logRatio = 0; // ln( (A^k/k!) / (A^c/c!) ) = Σ_{j=k+1..c} ln(j/A), for k = c−1, c−2, …
  let sumBelow = 0;
  for (let k = servers - 1; k >= 0; k -= 1) {
    logRatio += Math.log1p((k + 1 - offeredLoad) / offeredLoad); // ln((k+1)/A)
    const term = Math.exp(logRatio);
    sumBelow += term;
    if (k < offeredLoad && term < 1e-20 * sumBelow) break; // past the mode, the rest is negligible
  }
  const top = servers / (servers - offeredLoad);
  return top / (sumBelow + top);
}

/** Erlang C exactly, as a ratio of BigInts, for integer A (the defining sum multiplied by c!). */
function erlangCExact(servers: number, offeredLoad: number): number {
  const a = BigInt(offeredLoad);
  const c = BigInt(servers);
  // Σ_{k<c} A^k · c!/k!  and  A^c · c/(c − A), all over c! (which cancels).
  let sumBelow = 0n;
  let falling = 1n; // c!/k! for k = c
  const powers: bigint[] = [1n];
  for (let k = 1; k <= servers; k += 1) powers.push((powers[k - 1] ?? 1n) * a);
  for (let k = servers - 1; k >= 0; k -= 1) {
    falling *= BigInt(k + 1);
    sumBelow += (powers[k] ?? 0n) * falling;
  }
  const numerator = (powers[servers] ?? 0n) * c; // × 1/(c − A)
  const denominator = sumBelow * (c - a) + numerator;
  // Keep 25 significant digits of the quotient whatever its magnitude.
  const shift = denominator.toString().length - numerator.toString().length + 25;
  return Number((numerator * 10n ** BigInt(shift)) / denominator) * 10 ** -shift;
}

/** P(X + Y > t), X ~ Exp(a), Y ~ Exp(b): the textbook forms (Ross, §5.2.4), for comparison. */
function hypoexponentialSurvivalTextbook(a: number, b: number, t: number): number {
  return a === b ? (1 + a * t) * Math.exp(-a * t) : (b * Math.exp(-a * t) - a * Math.exp(-b * t)) / (b - a);
}

describe('erlangB and erlangC: published values', () => {
  it.each([
    // The standard Erlang B traffic table, 1 % grade of service (offered Erlangs for N circuits,
    // two decimals), as reproduced in telephony texts and traffic calculators.
    { circuits: 5, erlangs: 1.36 },
    { circuits: 10, erlangs: 4.46 },
    { circuits: 20, erlangs: 12.03 },
    { circuits: 50, erlangs: 37.9 },
    { circuits: 100, erlangs: 84.06 },
  ])('Erlang B table: $circuits circuits carry $erlangs Erlangs at 1 % blocking', ({ circuits, erlangs }) => {
    expect(erlangB(circuits, erlangs)).toBeGreaterThan(0.0095);
    expect(erlangB(circuits, erlangs)).toBeLessThan(0.0105);
  });

  it('Erlang B: 10 Erlangs need 18 circuits for ≤ 1 % blocking (17 give 1.3 %), from the same table', () => {
    expect(erlangB(18, 10)).toBeLessThan(0.01);
    expect(erlangB(17, 10)).toBeGreaterThan(0.01);
  });

  it('erlangC(3, 2) = 4/9, from Erlang\'s formula by hand (2³/3! · 3 / (1 + 2 + 2 + 8)= 4/9)', () => {
    expect(erlangC(3, 2)).toBeCloseTo(4 / 9, 15);
  });

  it('M/M/1: P(wait) = ρ (Kleinrock 1975, Vol. 1, §3.2)', () => {
    for (const rho of [0.1, 0.5, 0.8, 0.99]) expect(erlangC(1, rho)).toBeCloseTo(rho, 14);
  });

  it('M/M/2: P(wait) = 2ρ²/(1 + ρ) (Gross, Shortle, Thompson & Harris, Fundamentals of Queueing Theory, 4th ed., §2.3)', () => {
    for (const rho of [0.2, 0.5, 0.9]) expect(erlangC(2, 2 * rho)).toBeCloseTo((2 * rho * rho) / (1 + rho), 14);
  });

  it.each([
    // 100 calls per 30 min, 3 min handling time → A = 10 Erlangs; target answer time 0.33 min.
    // Source: rodrigo-arenas/pyworkforce, pyworkforce/queuing/tests/test_erlang.py (the Call
    // Centre Helper "Erlang C formula made simple" example): 14 agents → P(wait) 0.174, service
    // level 0.888; 15 agents → 0.102, 0.941 (three decimals).
    { agents: 14, waitProbability: 0.174, serviceLevel: 0.888 },
    { agents: 15, waitProbability: 0.102, serviceLevel: 0.941 },
  ])('call-centre example: $agents agents for 10 Erlangs', ({ agents, waitProbability, serviceLevel }) => {
    const c = erlangC(agents, 10);
    expect(c).toBeCloseTo(waitProbability, 3);
    // Service level = P(wait ≤ t) = 1 − C·e^(−(c − A)·t / AHT) (the M/M/c wait distribution).
    expect(1 - c * Math.exp((-(agents - 10) * 0.33) / 3)).toBeCloseTo(serviceLevel, 3);
  });

  it('matches the exact rational value (BigInt) to 1e-13 for integer loads up to c = 300', () => {
    for (const [servers, load] of [
      [10, 8],
      [50, 40],
      [120, 110],
      [300, 280],
      [300, 150],
    ] as const) {
      const exact = erlangCExact(servers, load);
      expect(Math.abs(erlangC(servers, load) - exact) / exact).toBeLessThan(1e-13);
    }
  });

  it.each([
    [1_000, 950],
    [10_000, 9_900],
    [100_000, 99_000],
    [100_000, 99_900],
    [100_000, 99_999.5],
    [100_000, 90_000],
    [100_000, 99_500.25],
  ])('erlangC(%i, %f) agrees with an independent log-space sum to 1e-9 relative', (servers, load) => {
    const reference = erlangCByLogSum(servers, load);
    const value = erlangC(servers, load);
    expect(Number.isFinite(value)).toBe(true);
    expect(Math.abs(value - reference) / reference).toBeLessThan(1e-9);
  });

  it('is 0 with no load and finite (0) when B underflows', () => {
    expect(erlangC(5, 0)).toBe(0);
    expect(erlangC(100_000, 10)).toBe(0);
  });
});

describe('mmc: exact M/M/c metrics', () => {
  it('M/M/1 matches its closed forms: Wq = ρ/(μ − λ), response ~ Exp(μ − λ) (Kleinrock 1975, §3.2)', () => {
    // λ = 800/s, S = 1 ms → μ − λ = 0.2 per ms.
    const metrics = mmc({ arrivalRatePerSec: 800, serviceTimeMs: 1, servers: 1 });
    expect(metrics.utilization).toBeCloseTo(0.8, 14);
    expect(metrics.waitProbability).toBeCloseTo(0.8, 14);
    expect(metrics.meanWaitMs).toBeCloseTo(4, 12);
    expect(metrics.meanResponseMs).toBeCloseTo(5, 12);
    expect(metrics.p50Ms).toBeCloseTo(Math.log(2) / 0.2, 9);
    expect(metrics.p95Ms).toBeCloseTo(Math.log(20) / 0.2, 9);
    expect(metrics.p99Ms).toBeCloseTo(Math.log(100) / 0.2, 9);
  });

  it('M/M/2 at cμ − λ = μ (the special case of the response-time distribution): (1 + μt)e^(−μt) branch', () => {
    // c = 2, A = 1: C = 1/3; P(R > t) = (2/3)e^(−μt) + (1/3)(1 + μt)e^(−μt), μ = 1/1000 per ms.
    const metrics = mmc({ arrivalRatePerSec: 1, serviceTimeMs: 1000, servers: 2 });
    expect(metrics.waitProbability).toBeCloseTo(1 / 3, 14);
    expect(metrics.meanWaitMs).toBeCloseTo(1000 / 3, 9); // Wq = C/(cμ − λ) = (1/3)/(1/1000)
    for (const [percentile, value] of [
      [50, metrics.p50Ms],
      [95, metrics.p95Ms],
      [99, metrics.p99Ms],
    ] as const) {
      const mu = 1 / 1000;
      const survival = (2 / 3) * Math.exp(-mu * value) + (1 / 3) * (1 + mu * value) * Math.exp(-mu * value);
      expect(survival).toBeCloseTo(1 - percentile / 100, 10);
    }
  });

  it.each([
    { servers: 3, arrivalRatePerSec: 2, serviceTimeMs: 1000 },
    { servers: 10, arrivalRatePerSec: 9.5, serviceTimeMs: 1000 },
    { servers: 40, arrivalRatePerSec: 30_000, serviceTimeMs: 1 },
    { servers: 2, arrivalRatePerSec: 1.000001, serviceTimeMs: 1000 }, // cμ − λ within 1e-6 of μ
  ])('percentiles solve the exact distribution P(R > t) = (1 − C)e^(−μt) + C·P(S + W > t) ($servers servers)', (queue) => {
    const metrics = mmc(queue);
    const mu = 1 / queue.serviceTimeMs;
    const delta = queue.servers * mu - queue.arrivalRatePerSec / 1000;
    const c = metrics.waitProbability;
    for (const [percentile, value] of [
      [50, metrics.p50Ms],
      [95, metrics.p95Ms],
      [99, metrics.p99Ms],
    ] as const) {
      const survival = (1 - c) * Math.exp(-mu * value) + c * hypoexponentialSurvivalTextbook(mu, delta, value);
      expect(survival).toBeCloseTo(1 - percentile / 100, 7);
    }
  });

  it('is continuous through cμ − λ = μ (no cancellation near the special case)', () => {
    const at = mmc({ arrivalRatePerSec: 1, serviceTimeMs: 1000, servers: 2 }).p99Ms;
    const near = mmc({ arrivalRatePerSec: 1 + 1e-9, serviceTimeMs: 1000, servers: 2 }).p99Ms;
    expect(Math.abs(near - at) / at).toBeLessThan(1e-8);
  });

  it('responseTimePercentileMs gives any percentile, e.g. M/M/1 p99.9 = ln(1000)/(μ − λ)', () => {
    expect(responseTimePercentileMs({ arrivalRatePerSec: 800, serviceTimeMs: 1, servers: 1 }, 99.9)).toBeCloseTo(
      Math.log(1000) / 0.2,
      9,
    );
  });

  it('with no load the response time is the service time alone', () => {
    const metrics = mmc({ arrivalRatePerSec: 0, serviceTimeMs: 10, servers: 3 });
    expect(metrics.waitProbability).toBe(0);
    expect(metrics.meanWaitMs).toBe(0);
    expect(metrics.p99Ms).toBeCloseTo(10 * Math.log(100), 9);
  });
});

describe('ggc: Allen–Cunneen G/G/c', () => {
  it('equals mmc exactly when both coefficients of variation are 1', () => {
    const queue = { arrivalRatePerSec: 700, serviceTimeMs: 10, servers: 9 };
    expect(ggc({ ...queue, interArrivalCv: 1, serviceTimeCv: 1 })).toEqual(mmc(queue));
  });

  it('M/D/1 mean wait is half the M/M/1 wait (Pollaczek–Khinchine; Kleinrock 1975, ch. 5, M/G/1)', () => {
    const metrics = ggc({ arrivalRatePerSec: 800, serviceTimeMs: 1, servers: 1, interArrivalCv: 1, serviceTimeCv: 0 });
    expect(metrics.meanWaitMs).toBeCloseTo(2, 12);
  });

  it('M/G/1 mean wait is exact for any service CV (Pollaczek–Khinchine: Wq = ρS(1 + cs²) / (2(1 − ρ)))', () => {
    for (const cs of [0.3, 1.7, 3]) {
      const metrics = ggc({ arrivalRatePerSec: 500, serviceTimeMs: 1, servers: 1, interArrivalCv: 1, serviceTimeCv: cs });
      expect(metrics.meanWaitMs).toBeCloseTo((0.5 * (1 + cs * cs)) / (2 * 0.5), 12);
    }
  });

  it('is continuous in the service CV across 1 (the three service-time fits agree at cv = 1)', () => {
    const queue = { arrivalRatePerSec: 700, serviceTimeMs: 10, servers: 9, interArrivalCv: 1 };
    const exact = ggc({ ...queue, serviceTimeCv: 1 }).p99Ms;
    for (const cv of [1 - 1e-7, 1 + 1e-7]) {
      expect(Math.abs(ggc({ ...queue, serviceTimeCv: cv }).p99Ms - exact) / exact).toBeLessThan(1e-5);
    }
  });

  it('deterministic service and no variability at all: response time is the service time', () => {
    const metrics = ggc({ arrivalRatePerSec: 500, serviceTimeMs: 4, servers: 3, interArrivalCv: 0, serviceTimeCv: 0 });
    expect(metrics.meanWaitMs).toBe(0);
    expect(metrics.p50Ms).toBeCloseTo(4, 9);
    expect(metrics.p99Ms).toBeCloseTo(4, 9);
  });

  it('responseTimeProfile evaluates several percentiles at once, matching single calls', () => {
    const queue = { arrivalRatePerSec: 300, serviceTimeMs: 20, servers: 8, interArrivalCv: 1.4, serviceTimeCv: 0.7 };
    const profile = responseTimeProfile(queue, [99.9, 50]);
    expect(profile.percentilesMs[0]).toBe(responseTimePercentileMs(queue, 99.9));
    expect(profile.percentilesMs[1]).toBe(ggc(queue).p50Ms);
  });
});

describe('errors', () => {
  it('an unstable queue is a typed error that says so, never NaN or Infinity', () => {
    expect(() => erlangC(10, 10)).toThrow(UnstableQueueError);
    expect(() => mmc({ arrivalRatePerSec: 1000, serviceTimeMs: 10, servers: 9 })).toThrow(/Unstable queue: utilization 1\.111/);
    try {
      ggc({ arrivalRatePerSec: 1000, serviceTimeMs: 10, servers: 10, interArrivalCv: 2, serviceTimeCv: 2 });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(UnstableQueueError);
      expect((error as UnstableQueueError).utilization).toBe(1);
      expect((error as UnstableQueueError).servers).toBe(10);
    }
  });

  it.each([
    () => erlangC(2.5, 1),
    () => erlangC(0, 0),
    () => erlangB(3, -1),
    () => erlangC(3, Number.NaN),
    () => mmc({ arrivalRatePerSec: Infinity, serviceTimeMs: 1, servers: 1 }),
    () => mmc({ arrivalRatePerSec: 1, serviceTimeMs: 0, servers: 1 }),
    () => responseTimePercentileMs({ arrivalRatePerSec: 1, serviceTimeMs: 1, servers: 1 }, 100),
    () => requiredServers({ arrivalRatePerSec: 1, serviceTimeMs: 1, latencySlo: { percentile: 99, targetMs: 10 }, maxUtilizationRatio: 1.5 }),
  ])('invalid input is a ModelInputError (case %#)', (call) => {
    expect(call).toThrow(ModelInputError);
  });
});

describe('requiredServers', () => {
  const slo = { percentile: 99, targetMs: 500 };

  it('reports the utilization ceiling when it binds, with every requirement', () => {
    const result = requiredServers({ arrivalRatePerSec: 100, serviceTimeMs: 100, latencySlo: slo, maxUtilizationRatio: 0.9 });
    expect(result).toMatchObject({
      kind: 'sized',
      servers: 12,
      bindingConstraint: 'utilization-ceiling',
      requirements: [
        { constraint: 'min-servers', servers: 1 },
        { constraint: 'queue-stability', servers: 11 },
        { constraint: 'utilization-ceiling', servers: 12 },
        { constraint: 'latency-slo', servers: 12 },
      ],
    });
  });

  it('reports the latency SLO when it needs more servers than the ceiling', () => {
    const result = requiredServers({ arrivalRatePerSec: 100, serviceTimeMs: 100, latencySlo: { percentile: 99, targetMs: 480 }, maxUtilizationRatio: 0.9 });
    if (result.kind !== 'sized') throw new Error(result.reason);
    expect(result.bindingConstraint).toBe('latency-slo');
    expect(result.latencyAtSloPercentileMs).toBeLessThanOrEqual(480);
    const fewer = responseTimePercentileMs({ arrivalRatePerSec: 100, serviceTimeMs: 100, servers: result.servers - 1 }, 99);
    expect(fewer).toBeGreaterThan(480);
    expect(result.reason).toMatch(/fewest with p99 ≤ 480 ms/);
  });

  it('an integer quotient at the ceiling is not rounded up (7 Erlangs at 0.7 → 10 servers)', () => {
    const result = requiredServers({ arrivalRatePerSec: 70, serviceTimeMs: 100, latencySlo: { percentile: 99, targetMs: 10_000 }, maxUtilizationRatio: 0.7 });
    expect(result.kind === 'sized' && result.servers).toBe(10);
  });

  it('is infeasible, not an exception, when the service time alone misses the SLO', () => {
    // Exponential 100 ms service: p99 of service alone = 100 · ln 100 ≈ 461 ms > 400 ms.
    const result = requiredServers({ arrivalRatePerSec: 1, serviceTimeMs: 100, latencySlo: { percentile: 99, targetMs: 400 }, maxUtilizationRatio: 0.9 });
    expect(result).toMatchObject({ kind: 'infeasible', bindingConstraint: 'latency-slo' });
    expect(result.kind === 'infeasible' && result.reason).toMatch(/service time alone is 461 ms.*more servers cannot help/);
  });

  it('needs one server for zero load', () => {
    const result = requiredServers({ arrivalRatePerSec: 0, serviceTimeMs: 5, latencySlo: slo, maxUtilizationRatio: 0.5 });
    expect(result).toMatchObject({ kind: 'sized', servers: 1, bindingConstraint: 'min-servers' });
  });

  it('is infeasible with model-limit beyond a million servers', () => {
    const result = requiredServers({ arrivalRatePerSec: 1e9, serviceTimeMs: 10, latencySlo: slo, maxUtilizationRatio: 0.9 });
    expect(result).toMatchObject({ kind: 'infeasible', bindingConstraint: 'model-limit' });
  });
});

describe('properties', () => {
  const load = fc.double({ min: 0.01, max: 500, noNaN: true });

  it('more servers never raise waiting (P(wait), mean wait, p99)', () => {
    fc.assert(
      fc.property(load, fc.integer({ min: 0, max: 50 }), fc.double({ min: 0, max: 3, noNaN: true }), (offered, extra, cv) => {
        const servers = Math.floor(offered) + 1 + extra;
        const queue = { arrivalRatePerSec: offered * 100, serviceTimeMs: 10, interArrivalCv: cv, serviceTimeCv: 3 - cv };
        const fewer = ggc({ ...queue, servers });
        const more = ggc({ ...queue, servers: servers + 1 });
        expect(erlangC(servers + 1, offered)).toBeLessThanOrEqual(erlangC(servers, offered));
        expect(more.waitProbability).toBeLessThanOrEqual(fewer.waitProbability);
        expect(more.meanWaitMs).toBeLessThanOrEqual(fewer.meanWaitMs);
        expect(more.p99Ms).toBeLessThanOrEqual(fewer.p99Ms * (1 + 1e-12));
      }),
    );
  });

  it('outputs are finite, in range and ordered for any stable queue', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2000 }),
        fc.double({ min: 0, max: 0.999_999, noNaN: true }),
        fc.double({ min: 1e-3, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 10, noNaN: true }),
        fc.double({ min: 0, max: 10, noNaN: true }),
        (servers, rho, serviceTimeMs, interArrivalCv, serviceTimeCv) => {
          const metrics = ggc({ arrivalRatePerSec: ((rho * servers) / serviceTimeMs) * 1000, serviceTimeMs, servers, interArrivalCv, serviceTimeCv });
          for (const value of Object.values(metrics)) expect(Number.isFinite(value)).toBe(true);
          expect(metrics.waitProbability).toBeGreaterThanOrEqual(0);
          expect(metrics.waitProbability).toBeLessThanOrEqual(1);
          // (1e-9: equal percentiles of an atom, solved separately, may differ in the last bits.)
          expect(metrics.p50Ms).toBeLessThanOrEqual(metrics.p95Ms * (1 + 1e-9));
          expect(metrics.p95Ms).toBeLessThanOrEqual(metrics.p99Ms * (1 + 1e-9));
          expect(metrics.meanResponseMs).toBeGreaterThanOrEqual(serviceTimeMs * (1 - 1e-12));
        },
      ),
    );
  });

  it('more load never lowers the server count', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 20_000, noNaN: true }),
        fc.double({ min: 1, max: 3, noNaN: true }),
        fc.double({ min: 0, max: 3, noNaN: true }),
        fc.double({ min: 0, max: 3, noNaN: true }),
        fc.double({ min: 0.3, max: 1, noNaN: true }),
        fc.constantFrom(90, 99, 99.9),
        (arrivalRatePerSec, factor, interArrivalCv, serviceTimeCv, maxUtilizationRatio, percentile) => {
          const input = { serviceTimeMs: 5, interArrivalCv, serviceTimeCv, maxUtilizationRatio, latencySlo: { percentile, targetMs: 250 } };
          const low = requiredServers({ ...input, arrivalRatePerSec });
          const high = requiredServers({ ...input, arrivalRatePerSec: arrivalRatePerSec * factor });
          if (low.kind === 'sized' && high.kind === 'sized') expect(high.servers).toBeGreaterThanOrEqual(low.servers);
          else expect(low.kind).toBe(high.kind); // infeasibility here depends on the service time only
        },
      ),
    );
  });

  it('the count is minimal: one server fewer breaks stability, the ceiling or the SLO', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 5000, noNaN: true }),
        fc.double({ min: 0, max: 2, noNaN: true }),
        fc.double({ min: 0, max: 2, noNaN: true }),
        fc.double({ min: 0.5, max: 1, noNaN: true }),
        fc.double({ min: 60, max: 2000, noNaN: true }),
        (arrivalRatePerSec, interArrivalCv, serviceTimeCv, maxUtilizationRatio, targetMs) => {
          const input = { arrivalRatePerSec, serviceTimeMs: 10, interArrivalCv, serviceTimeCv, maxUtilizationRatio, latencySlo: { percentile: 99, targetMs } };
          const result = requiredServers(input);
          if (result.kind !== 'sized') return;
          expect(result.latencyAtSloPercentileMs).toBeLessThanOrEqual(targetMs * (1 + 1e-9));
          expect(result.metrics.utilization).toBeLessThanOrEqual(maxUtilizationRatio * (1 + 1e-9));
          const fewer = result.servers - 1;
          const offered = arrivalRatePerSec / 100;
          if (fewer < 1 || offered >= fewer || offered / fewer > maxUtilizationRatio) return;
          expect(responseTimePercentileMs({ ...input, servers: fewer }, 99)).toBeGreaterThan(targetMs * (1 - 1e-9));
        },
      ),
    );
  });
});
