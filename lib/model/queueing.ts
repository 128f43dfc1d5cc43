/**
 * Queueing formulas: Erlang B and C, the exact M/M/c response-time distribution, the Allen–Cunneen
 * G/G/c approximation, and the fewest servers that meet a latency SLO and a utilization ceiling.
 *
 * Units: arrival rates per second, times in milliseconds, offered load in Erlangs
 * (A = arrivalRatePerSec × serviceTimeMs / 1000), utilization ρ = A / c.
 *
 * Response time = wait in queue + the event's own service time. Its distribution is built from two
 * parts, both closed form:
 * - the wait: an atom at 0 with probability 1 − P(wait), otherwise exponential with rate θ
 *   (exact for M/M/c, where θ = cμ − λ; an approximation for G/G/c);
 * - the service time: exponential (cv = 1), a shifted exponential (cv < 1) or a balanced-means
 *   two-phase hyperexponential (cv > 1), each matching the mean and coefficient of variation.
 * Percentiles are solved on the exact survival function of that mixture (bracketed regula falsi
 * with a bisection safeguard), never from a normal approximation.
 */
import { ModelInputError, UnstableQueueError } from './errors';
import { ceilWithTolerance, count, formatNumber } from './numeric';
import type {
  GeneralQueueInput,
  Infeasible,
  QueueInput,
  QueueMetrics,
  RequiredServersInput,
  RequiredServersResult,
  ServerConstraint,
} from './types';

/**
 * The largest server count `requiredServers` searches (one million cores in one stage). The search
 * is O(c), so this bounds its run time; beyond it the answer is `infeasible` with `model-limit`.
 */
export const MAX_SERVERS = 1_000_000;

// ---------------------------------------------------------------------------------------------
// Validation (direct callers may pass anything; the projection passes schema-checked values)

function requireFinite(name: string, value: number, min: number, minExclusive: boolean): void {
  const ok = Number.isFinite(value) && (minExclusive ? value > min : value >= min);
  if (!ok) {
    throw new ModelInputError('queue input', [
      { path: name, message: `${name} must be a finite number ${minExclusive ? '>' : '≥'} ${min} (got ${value}).` },
    ]);
  }
}

function requireServers(servers: number): void {
  if (!Number.isInteger(servers) || servers < 1) {
    throw new ModelInputError('queue input', [
      { path: 'servers', message: `servers must be a whole number ≥ 1 (got ${servers}).` },
    ]);
  }
}

// ---------------------------------------------------------------------------------------------
// Erlang B and C

/**
 * 1 / B(c, A) by the Erlang B recurrence in its inverse form, 1/B(k) = 1 + (k/A)·1/B(k−1) with
 * 1/B(0) = 1. Every term is positive, so there is no cancellation, and each step shrinks the
 * relative error carried from the last, which keeps it exact to ~1e-12 for c in the hundreds of
 * thousands. O(c) time, O(1) memory, no factorials. Returns Infinity when B underflows (C = 0).
 * Source: the Erlang B recursion, e.g. Iversen, Teletraffic Engineering and Network Planning
 * (DTU, 2015), chapter on Erlang's loss system.
 */
function inverseErlangB(servers: number, offeredLoad: number): number {
  const inverseLoad = 1 / offeredLoad;
  let inverseB = 1;
  for (let k = 1; k <= servers; k += 1) inverseB = 1 + k * inverseLoad * inverseB;
  return inverseB;
}

/**
 * Erlang C from Erlang B: C = B / (1 − ρ(1 − B)) = 1 / ((1 − ρ)/B + ρ), with ρ = A/c < 1.
 * Source: Kleinrock, Queueing Systems Vol. 1 (1975), §3.5 (M/M/m); Iversen (2015).
 */
function erlangCFromInverseB(servers: number, offeredLoad: number, inverseB: number): number {
  const rho = offeredLoad / servers;
  return 1 / ((1 - rho) * inverseB + rho);
}

/**
 * Probability that an arrival is blocked in an M/M/c/c loss system (Erlang B).
 *
 * @param servers - c, whole number ≥ 1
 * @param offeredLoad - A in Erlangs (≥ 0)
 * @returns B(c, A) in [0, 1]
 * @throws ModelInputError for a non-integer server count or a negative/non-finite load
 * @example erlangB(2, 1) //=> 0.2
 */
export function erlangB(servers: number, offeredLoad: number): number {
  requireServers(servers);
  requireFinite('offeredLoad', offeredLoad, 0, false);
  if (offeredLoad === 0) return 0;
  return 1 / inverseErlangB(servers, offeredLoad);
}

/**
 * Probability that an arriving event waits for a worker (Erlang C, M/M/c).
 *
 * Computed through the Erlang B recurrence B(k) = A·B(k−1) / (k + A·B(k−1)) (in inverse form),
 * then C = B / (1 − ρ + ρ·B), so it stays finite and exact to ~1e-12 for 100,000+ servers.
 * Source: Kleinrock, Queueing Systems Vol. 1 (1975), §3.5, the M/M/m system.
 *
 * @param servers - c, workers (whole number ≥ 1)
 * @param offeredLoad - A in Erlangs = arrivalRatePerSec × serviceTimeMs / 1000; must be < c
 * @returns P(wait), in [0, 1]
 * @throws UnstableQueueError when A ≥ c
 * @throws ModelInputError for a non-integer server count or a negative/non-finite load
 * @example erlangC(3, 2) //=> 0.4444… (4/9)
 */
export function erlangC(servers: number, offeredLoad: number): number {
  requireServers(servers);
  requireFinite('offeredLoad', offeredLoad, 0, false);
  if (offeredLoad >= servers) throw new UnstableQueueError(servers, offeredLoad);
  if (offeredLoad === 0) return 0;
  return erlangCFromInverseB(servers, offeredLoad, inverseErlangB(servers, offeredLoad));
}

// ---------------------------------------------------------------------------------------------
// Service-time and response-time distributions

/** One branch of a service-time mixture: with `probability`, `shiftMs` + Exp(`ratePerMs`). */
interface ServiceBranch {
  probability: number;
  shiftMs: number;
  /** Infinity for a deterministic branch. */
  ratePerMs: number;
}

/**
 * A two-moment service-time distribution with mean `meanMs` and coefficient of variation `cv`:
 * - cv = 1: exponential (exact M/M/c);
 * - cv < 1: shifted exponential, a constant meanMs·(1 − cv) plus an exponential with mean
 *   meanMs·cv (cv = 0 is deterministic). Its tail is heavier than a gamma/Erlang with the same
 *   moments, so percentiles err on the high (safe) side;
 * - cv > 1: two-phase hyperexponential with balanced means, p₁ = (1 + √((cv²−1)/(cv²+1)))/2,
 *   rates 2p₁/mean and 2p₂/mean. Source: Whitt, "Approximating a point process by a renewal
 *   process, I: two basic methods" (Operations Research 30(1), 1982), the balanced-means H2 fit.
 * The three agree at cv = 1, so the fit is continuous in cv.
 */
function serviceBranches(meanMs: number, cv: number): ServiceBranch[] {
  if (cv <= 1) return [{ probability: 1, shiftMs: meanMs * (1 - cv), ratePerMs: 1 / (meanMs * cv) }];
  const cv2 = cv * cv;
  const p1 = (1 + Math.sqrt((cv2 - 1) / (cv2 + 1))) / 2;
  const p2 = 1 - p1;
  return [
    { probability: p1, shiftMs: 0, ratePerMs: (2 * p1) / meanMs },
    { probability: p2, shiftMs: 0, ratePerMs: (2 * p2) / meanMs },
  ];
}

/**
 * P(X + Y > t) for independent X ~ Exp(a), Y ~ Exp(b) (the hypoexponential survival function).
 * With lo = min(a, b), hi = max(a, b) and φ(x) = (1 − e^(−x))/x:
 *   P(X + Y > t) = e^(−lo·t) · (1 + lo·t·φ((hi − lo)·t)).
 * This equals (b·e^(−at) − a·e^(−bt)) / (b − a) for a ≠ b and (1 + a·t)·e^(−at) for a = b (the
 * M/M/c special case cμ − λ = μ), without the cancellation the textbook form suffers near a = b.
 * Source: Ross, Introduction to Probability Models (12th ed., 2019), §5.2.4 (hypoexponential).
 * Rates are per ms; Infinity means "always 0" (φ(∞) = 0 then leaves e^(−lo·t)).
 */
function hypoexponentialSurvival(a: number, b: number, tMs: number): number {
  if (tMs <= 0) return 1;
  const lo = Math.min(a, b);
  const hi = Math.max(a, b);
  const loT = lo * tMs;
  // e^(−lo·t)·(1 + lo·t) underflows to 0 beyond lo·t ≈ 745; returning early also avoids ∞ · 0.
  if (loT > 800) return 0;
  const x = (hi - lo) * tMs;
  const phi = x === 0 ? 1 : -Math.expm1(-x) / x;
  return Math.exp(-loT) * (1 + loT * phi);
}

/** The response-time distribution: an optional exponential wait followed by the service time. */
interface ResponseTimeModel {
  waitProbability: number;
  /** θ, rate of the conditional wait (per ms); Infinity when waiting takes no time. */
  waitRatePerMs: number;
  service: ServiceBranch[];
  meanServiceMs: number;
}

/**
 * P(response > t) = (1 − P(wait))·P(S > t) + P(wait)·P(S + W > t), with W ~ Exp(θ) independent
 * of the event's own service time S (FCFS: a wait depends only on events ahead of it).
 * Source: Kleinrock (1975) Vol. 1 §3.5 for the M/M/m wait distribution
 * P(W > t) = C·e^(−(cμ−λ)t); the convolution with S follows from independence.
 */
function responseSurvival(model: ResponseTimeModel, tMs: number): number {
  let survival = 0;
  for (const branch of model.service) {
    const afterShift = tMs - branch.shiftMs;
    if (afterShift <= 0) {
      survival += branch.probability;
      continue;
    }
    const serviceOnly = Math.exp(-branch.ratePerMs * afterShift);
    const withWait =
      model.waitProbability === 0
        ? serviceOnly
        : hypoexponentialSurvival(branch.ratePerMs, model.waitRatePerMs, afterShift);
    survival += branch.probability * ((1 - model.waitProbability) * serviceOnly + model.waitProbability * withWait);
  }
  return survival;
}

/**
 * The time t with P(response > t) = 1 − percentile/100, solved on the exact survival function
 * (continuous, non-increasing): bracket by doubling from the mean, then the Illinois variant of
 * regula falsi (superlinear on smooth functions) with every third step a bisection (so steps and
 * atoms in the distribution still converge), to a relative bracket width of 1e-12.
 * Source: Dowell & Jarratt, "A modified regula falsi method for computing the root of an
 * equation", BIT 11 (1971).
 */
function responsePercentileMs(model: ResponseTimeModel, percentile: number): number {
  const tail = 1 - percentile / 100;
  const excess = (tMs: number) => responseSurvival(model, tMs) - tail;
  const meanResponseMs = model.meanServiceMs + (model.waitProbability === 0 ? 0 : model.waitProbability / model.waitRatePerMs);
  let lo = 0;
  let excessLo = 1 - tail;
  let hi = Math.max(meanResponseMs, Number.MIN_VALUE);
  let excessHi = excess(hi);
  while (excessHi > 0) {
    lo = hi;
    excessLo = excessHi;
    hi *= 2;
    excessHi = excess(hi);
  }
  let retained: 'lo' | 'hi' | undefined;
  for (let step = 0; hi - lo > 1e-12 * hi; step += 1) {
    const secant = (lo * excessHi - hi * excessLo) / (excessHi - excessLo);
    const t = step % 3 === 2 || !(secant > lo && secant < hi) ? lo + (hi - lo) / 2 : secant;
    if (t <= lo || t >= hi) break; // the bracket is down to adjacent floating-point numbers
    const excessT = excess(t);
    if (excessT > 0) {
      lo = t;
      excessLo = excessT;
      if (retained === 'hi') excessHi /= 2; // Illinois: halve the end kept twice in a row
      retained = 'hi';
    } else {
      hi = t;
      excessHi = excessT;
      if (retained === 'lo') excessLo /= 2;
      retained = 'lo';
    }
  }
  return hi;
}

// ---------------------------------------------------------------------------------------------
// Public queue metrics

function validateQueue(input: GeneralQueueInput): number {
  requireFinite('arrivalRatePerSec', input.arrivalRatePerSec, 0, false);
  requireFinite('serviceTimeMs', input.serviceTimeMs, 0, true);
  requireServers(input.servers);
  requireFinite('interArrivalCv', input.interArrivalCv, 0, false);
  requireFinite('serviceTimeCv', input.serviceTimeCv, 0, false);
  const offeredLoad = (input.arrivalRatePerSec * input.serviceTimeMs) / 1000;
  if (offeredLoad >= input.servers) throw new UnstableQueueError(input.servers, offeredLoad);
  return offeredLoad;
}

/**
 * Allen–Cunneen variability factor (ca² + cs²)/2: the G/G/c mean wait is the M/M/c mean wait times
 * this factor. Source: Allen, Probability, Statistics, and Queueing Theory (2nd ed., Academic Press, 1990), the
 * Allen–Cunneen approximation for GI/G/c;
 * Kingman's heavy-traffic formula is the c = 1 case.
 */
function variabilityFactor(interArrivalCv: number, serviceTimeCv: number): number {
  return (interArrivalCv * interArrivalCv + serviceTimeCv * serviceTimeCv) / 2;
}

/**
 * The response-time model of a queue given P(wait) = Erlang C. The conditional wait is exponential
 * with rate θ = (cμ − λ) / ((ca² + cs²)/2): exact for M/M/c (θ = cμ − λ), the Allen–Cunneen
 * approximation otherwise (mean wait C / (cμ − λ) · (ca² + cs²)/2).
 */
function buildResponseModel(
  input: GeneralQueueInput,
  offeredLoad: number,
  waitProbability: number,
): ResponseTimeModel {
  const spareCapacityPerMs = (input.servers - offeredLoad) / input.serviceTimeMs; // cμ − λ, per ms
  return {
    waitProbability,
    waitRatePerMs: spareCapacityPerMs / variabilityFactor(input.interArrivalCv, input.serviceTimeCv),
    service: serviceBranches(input.serviceTimeMs, input.serviceTimeCv),
    meanServiceMs: input.serviceTimeMs,
  };
}

/** Waiting and response-time figures of a queue at the requested percentiles. */
export interface ResponseTimeProfile {
  utilization: number;
  waitProbability: number;
  meanWaitMs: number;
  meanResponseMs: number;
  /** Response time at each requested percentile, in the order asked. */
  percentilesMs: number[];
}

/**
 * The queue `ggc` describes, evaluated at any set of percentiles with one Erlang C computation.
 * @param percentiles - each in (0, 100), e.g. [99, 99.9]
 * @throws UnstableQueueError when utilization ≥ 1
 * @throws ModelInputError for non-finite or out-of-range input
 */
export function responseTimeProfile(input: GeneralQueueInput, percentiles: readonly number[]): ResponseTimeProfile {
  for (const percentile of percentiles) {
    if (!(percentile > 0 && percentile < 100)) {
      throw new ModelInputError('queue input', [{ path: 'percentile', message: `percentile must be in (0, 100) (got ${percentile}).` }]);
    }
  }
  const offeredLoad = validateQueue(input);
  const waitProbability = offeredLoad === 0 ? 0 : erlangC(input.servers, offeredLoad);
  const model = buildResponseModel(input, offeredLoad, waitProbability);
  const meanWaitMs = waitProbability === 0 ? 0 : waitProbability / model.waitRatePerMs;
  return {
    utilization: offeredLoad / input.servers,
    waitProbability,
    meanWaitMs,
    meanResponseMs: meanWaitMs + input.serviceTimeMs,
    percentilesMs: percentiles.map((percentile) => responsePercentileMs(model, percentile)),
  };
}

function metricsOf(profile: ResponseTimeProfile): QueueMetrics {
  const [p50Ms = NaN, p95Ms = NaN, p99Ms = NaN] = profile.percentilesMs;
  return {
    utilization: profile.utilization,
    waitProbability: profile.waitProbability,
    meanWaitMs: profile.meanWaitMs,
    meanResponseMs: profile.meanResponseMs,
    p50Ms,
    p95Ms,
    p99Ms,
  };
}

const STANDARD_PERCENTILES = [50, 95, 99] as const;

/**
 * Steady-state metrics of an M/M/c queue (Poisson arrivals, exponential service, FCFS), exact.
 * Mean wait Wq = C(c, A) / (cμ − λ); P(wait > t) = C·e^(−(cμ−λ)t); percentiles of response time
 * (wait + service) from the exact distribution. Source: Kleinrock (1975) Vol. 1, §3.5.
 *
 * @param input - arrivalRatePerSec ≥ 0, serviceTimeMs > 0 (mean), servers (whole number ≥ 1)
 * @returns utilization, waitProbability, meanWaitMs, meanResponseMs, p50Ms, p95Ms, p99Ms
 * @throws UnstableQueueError when utilization ≥ 1
 * @throws ModelInputError for non-finite or out-of-range input
 * @example mmc({ arrivalRatePerSec: 800, serviceTimeMs: 1, servers: 1 }).p99Ms //=> 23.03 (= ln 100 / 0.2)
 */
export function mmc(input: QueueInput): QueueMetrics {
  return ggc({ ...input, interArrivalCv: 1, serviceTimeCv: 1 });
}

/**
 * Approximate steady-state metrics of a G/G/c queue from the first two moments of inter-arrival
 * and service times (Allen–Cunneen): P(wait) ≈ Erlang C, mean wait ≈ M/M/c mean wait ×
 * (ca² + cs²)/2, conditional wait exponential, service time fitted by mean and CV (see above).
 * With both CVs equal to 1 this is exactly `mmc`.
 *
 * Accuracy (literature and our simulation tests, docs/model.md): mean wait typically within
 * 10–20 % for ρ ≥ 0.7 and CVs up to about 2; worse at light load (ρ < 0.5) and for very bursty
 * arrivals, where P(wait) departs from Erlang C. Treat results as planning estimates.
 *
 * @param input - as `mmc`, plus interArrivalCv and serviceTimeCv (≥ 0; 1 = Poisson/exponential)
 * @throws UnstableQueueError when utilization ≥ 1
 * @throws ModelInputError for non-finite or out-of-range input
 * @example ggc({ arrivalRatePerSec: 800, serviceTimeMs: 1, servers: 1, interArrivalCv: 1, serviceTimeCv: 0 }).meanWaitMs //=> 2 (M/D/1: half the M/M/1 wait)
 */
export function ggc(input: GeneralQueueInput): QueueMetrics {
  return metricsOf(responseTimeProfile(input, STANDARD_PERCENTILES));
}

/**
 * Response time (wait + service) at any percentile, e.g. 99.9, for the queue `ggc` describes
 * (CVs default to 1: exact M/M/c).
 *
 * @param percentile - in (0, 100)
 * @returns milliseconds
 * @throws UnstableQueueError when utilization ≥ 1
 * @example responseTimePercentileMs({ arrivalRatePerSec: 800, serviceTimeMs: 1, servers: 1 }, 99.9) //=> 34.54 (= ln 1000 / 0.2)
 */
export function responseTimePercentileMs(
  input: QueueInput & { interArrivalCv?: number; serviceTimeCv?: number },
  percentile: number,
): number {
  const [percentileMs = NaN] = responseTimeProfile({ interArrivalCv: 1, serviceTimeCv: 1, ...input }, [percentile]).percentilesMs;
  return percentileMs;
}

// ---------------------------------------------------------------------------------------------
// Required servers

/** Tie order: when constraints need the same count, the earliest in this list is reported. */
const SERVER_CONSTRAINT_ORDER: readonly ServerConstraint[] = [
  'min-servers',
  'queue-stability',
  'utilization-ceiling',
  'latency-slo',
];

/** The server count and why, before any metrics are computed (see `requiredServers`). */
export type ServerSizing =
  | {
      kind: 'sized';
      servers: number;
      bindingConstraint: ServerConstraint;
      requirements: { constraint: ServerConstraint; servers: number }[];
    }
  | Infeasible<'latency-slo' | 'model-limit'>;

function validateRequiredServersInput(input: RequiredServersInput): void {
  requireFinite('arrivalRatePerSec', input.arrivalRatePerSec, 0, false);
  requireFinite('serviceTimeMs', input.serviceTimeMs, 0, true);
  requireFinite('interArrivalCv', input.interArrivalCv ?? 1, 0, false);
  requireFinite('serviceTimeCv', input.serviceTimeCv ?? 1, 0, false);
  requireFinite('latencySlo.targetMs', input.latencySlo.targetMs, 0, true);
  if (!(input.latencySlo.percentile >= 50 && input.latencySlo.percentile < 100)) {
    throw new ModelInputError('queue input', [
      { path: 'latencySlo.percentile', message: `latencySlo.percentile must be in [50, 100) (got ${input.latencySlo.percentile}).` },
    ]);
  }
  if (!(input.maxUtilizationRatio > 0 && input.maxUtilizationRatio <= 1)) {
    throw new ModelInputError('queue input', [
      { path: 'maxUtilizationRatio', message: `maxUtilizationRatio must be in (0, 1] (got ${input.maxUtilizationRatio}).` },
    ]);
  }
}

/**
 * The search behind `requiredServers`, without the metrics: for callers (the stream stage) that
 * round the count up further and evaluate latency there.
 *
 * Start at the stability floor and step c up one at a time, updating 1/B by one recurrence step
 * (O(1) each) and testing P(response > target) ≤ 1 − percentile/100 directly on the closed-form
 * survival function. That probability falls as c grows (P(wait) falls, the wait rate rises), so the
 * first c that passes is the fewest. O(c) overall.
 */
export function sizeServers(input: RequiredServersInput): ServerSizing {
  const setup = sizingSetup(input);
  if (setup.kind === 'infeasible') return setup;
  const { stabilityServers, utilizationServers } = setup;
  const sloServers = firstServersMeetingSlo(setup, Math.max(1, stabilityServers));
  if (typeof sloServers !== 'number') return sloServers;

  const requirements: { constraint: ServerConstraint; servers: number }[] = [
    { constraint: 'min-servers', servers: 1 },
    { constraint: 'queue-stability', servers: stabilityServers },
    { constraint: 'utilization-ceiling', servers: utilizationServers },
    { constraint: 'latency-slo', servers: sloServers },
  ];
  const servers = Math.max(...requirements.map((requirement) => requirement.servers));
  const bindingConstraint =
    SERVER_CONSTRAINT_ORDER.find((constraint) =>
      requirements.some((requirement) => requirement.constraint === constraint && requirement.servers === servers),
    ) ?? 'latency-slo';
  return { kind: 'sized', servers, bindingConstraint, requirements };
}

/**
 * Only the count of `sizeServers` (equal to its `servers`, tested), found faster for Monte Carlo:
 * the SLO search starts at the highest floor instead of the stability floor. P(response > target)
 * falls as c grows, so the first passing c from that floor is max(floors, the SLO's own count).
 * @returns the fewest servers, or why there is no such count
 */
export function fewestServers(input: RequiredServersInput): number | Infeasible<'latency-slo' | 'model-limit'> {
  const setup = sizingSetup(input);
  if (setup.kind === 'infeasible') return setup;
  return firstServersMeetingSlo(setup, Math.max(1, setup.stabilityServers, setup.utilizationServers));
}

interface SizingSetup {
  kind: 'setup';
  queue: GeneralQueueInput;
  offeredLoad: number;
  /** 1 − percentile/100: the allowed P(response > target). */
  tail: number;
  targetMs: number;
  stabilityServers: number;
  utilizationServers: number;
}

/** Validation, the floors, and the SLO check that no server count can pass. */
function sizingSetup(input: RequiredServersInput): SizingSetup | Infeasible<'latency-slo' | 'model-limit'> {
  validateRequiredServersInput(input);
  const { arrivalRatePerSec, serviceTimeMs, latencySlo, maxUtilizationRatio } = input;
  const queue: GeneralQueueInput = {
    arrivalRatePerSec,
    serviceTimeMs,
    servers: 1,
    interArrivalCv: input.interArrivalCv ?? 1,
    serviceTimeCv: input.serviceTimeCv ?? 1,
  };
  const offeredLoad = (arrivalRatePerSec * serviceTimeMs) / 1000;
  const tail = 1 - latencySlo.percentile / 100;

  const serviceOnly: ResponseTimeModel = {
    waitProbability: 0,
    waitRatePerMs: Infinity,
    service: serviceBranches(serviceTimeMs, queue.serviceTimeCv),
    meanServiceMs: serviceTimeMs,
  };
  if (responseSurvival(serviceOnly, latencySlo.targetMs) >= tail) {
    const pLabel = `p${latencySlo.percentile}`;
    return {
      kind: 'infeasible',
      bindingConstraint: 'latency-slo',
      reason:
        `Even with no queueing, ${pLabel} of the service time alone is ` +
        `${formatNumber(responsePercentileMs(serviceOnly, latencySlo.percentile))} ms, above the ` +
        `${formatNumber(latencySlo.targetMs)} ms target; more servers cannot help. Reduce the CPU time per ` +
        'event (or its variability) or relax the SLO.',
    };
  }

  const stabilityServers = offeredLoad === 0 ? 0 : Math.floor(offeredLoad) + 1;
  const utilizationServers = ceilWithTolerance(offeredLoad / maxUtilizationRatio);
  if (Math.max(stabilityServers, utilizationServers) > MAX_SERVERS) return modelLimit(offeredLoad);
  return { kind: 'setup', queue, offeredLoad, tail, targetMs: latencySlo.targetMs, stabilityServers, utilizationServers };
}

/** The first c ≥ `from` (from > offered load, or no load) with P(response > target) ≤ tail. */
function firstServersMeetingSlo(setup: SizingSetup, from: number): number | Infeasible<'model-limit'> {
  const { offeredLoad, tail, targetMs } = setup;
  if (offeredLoad === 0) return from;
  const queue = { ...setup.queue };
  let servers = from;
  let inverseB = inverseErlangB(servers, offeredLoad);
  for (;;) {
    queue.servers = servers;
    const model = buildResponseModel(queue, offeredLoad, erlangCFromInverseB(servers, offeredLoad, inverseB));
    if (responseSurvival(model, targetMs) <= tail) return servers;
    servers += 1;
    if (servers > MAX_SERVERS) return modelLimit(offeredLoad);
    inverseB = 1 + (servers / offeredLoad) * inverseB;
  }
}

// ---------------------------------------------------------------------------------------------
// Per-worker queues (a stream stage's `routing: 'per-worker'`)

/**
 * The inter-arrival CV of one of `workers` streams when each arrival is routed to a worker at
 * random (a key hash picks the partition, a load balancer picks a pod): Whitt's QNA splitting
 * formula, c² = c₀²/n + (1 − 1/n) (Whitt, "The Queueing Network Analyzer", Bell System Technical
 * Journal 62(9), 1983, §4.3). Poisson stays Poisson (c₀ = 1 → 1); bursty arrivals are smoothed
 * towards 1, smooth ones roughened towards 1.
 * @example splitInterArrivalCv(1, 4) //=> 1
 */
export function splitInterArrivalCv(interArrivalCv: number, workers: number): number {
  const share = 1 / workers;
  return Math.sqrt(share * interArrivalCv * interArrivalCv + 1 - share);
}

/** The queue one of `workers` workers is: λ ÷ n, its own cores, the split arrival CV. */
export function workerQueue(
  input: Pick<RequiredServersInput, 'arrivalRatePerSec' | 'serviceTimeMs' | 'interArrivalCv' | 'serviceTimeCv'>,
  workers: number,
  coresPerWorker: number,
): GeneralQueueInput {
  return {
    arrivalRatePerSec: input.arrivalRatePerSec / workers,
    serviceTimeMs: input.serviceTimeMs,
    servers: coresPerWorker,
    interArrivalCv: splitInterArrivalCv(input.interArrivalCv ?? 1, workers),
    serviceTimeCv: input.serviceTimeCv ?? 1,
  };
}

/** `sizeServers` for per-worker queues: every requirement is a worker count. */
export type WorkerQueueSizing =
  | {
      kind: 'sized';
      workers: number;
      bindingConstraint: ServerConstraint;
      requirements: { constraint: ServerConstraint; workers: number }[];
    }
  | Infeasible<'latency-slo' | 'model-limit'>;

/**
 * The fewest workers n when each worker is its own G/G/k queue (k = `coresPerWorker`) receiving
 * λ ÷ n at random (a Kafka partition's consumer, a pod behind round-robin or hash load balancing):
 * no worker takes another's queued events, so an idle core on one worker cannot help a backlog on
 * another. Constraints, in workers:
 *
 *   stability           n > A ÷ k                      → ⌊A ÷ k⌋ + 1
 *   utilization ceiling A ÷ (n·k) ≤ ceiling            → ⌈A ÷ (k × ceiling)⌉
 *   latency SLO         P(R > target) ≤ 1 − p/100 on one worker's queue (λ/n, k servers,
 *                       arrival CV split by `splitInterArrivalCv`, Allen–Cunneen as in §2.3)
 *
 * P(R > target) falls as n grows (each worker's load falls), so the SLO search gallops up from
 * the stability floor (doubling the step) and then bisects: O(k · log n).
 * Infeasible exactly when the pooled queue is: the service time alone misses the SLO.
 *
 * @example sizeWorkerQueues({ arrivalRatePerSec: 400, serviceTimeMs: 10, latencySlo: { percentile: 99, targetMs: 60 }, maxUtilizationRatio: 0.8 }, 2).workers //=> 4 (pooled: 6 cores = 3 workers)
 */
export function sizeWorkerQueues(input: RequiredServersInput, coresPerWorker: number): WorkerQueueSizing {
  requireServers(coresPerWorker);
  const setup = sizingSetup(input);
  if (setup.kind === 'infeasible') return setup;
  const stabilityWorkers = workerStabilityFloor(setup, coresPerWorker);
  const utilizationWorkers = workerUtilizationFloor(setup, coresPerWorker, input.maxUtilizationRatio);
  const sloWorkers = firstWorkersMeetingSlo(setup, coresPerWorker, Math.max(1, stabilityWorkers));
  if (typeof sloWorkers !== 'number') return sloWorkers;
  const requirements: { constraint: ServerConstraint; workers: number }[] = [
    { constraint: 'min-servers', workers: 1 },
    { constraint: 'queue-stability', workers: stabilityWorkers },
    { constraint: 'utilization-ceiling', workers: utilizationWorkers },
    { constraint: 'latency-slo', workers: sloWorkers },
  ];
  const workers = Math.max(...requirements.map((requirement) => requirement.workers));
  const bindingConstraint =
    SERVER_CONSTRAINT_ORDER.find((constraint) =>
      requirements.some((requirement) => requirement.constraint === constraint && requirement.workers === workers),
    ) ?? 'latency-slo';
  return { kind: 'sized', workers, bindingConstraint, requirements };
}

/**
 * Only the count of `sizeWorkerQueues` (equal to its `workers`, tested), for Monte Carlo: the SLO
 * search starts at the highest floor. No closures or spread objects on this path: it runs for
 * every sample, month and stream stage.
 */
export function fewestWorkerQueues(input: RequiredServersInput, coresPerWorker: number): number | Infeasible<'latency-slo' | 'model-limit'> {
  requireServers(coresPerWorker);
  const setup = sizingSetup(input);
  if (setup.kind === 'infeasible') return setup;
  const from = Math.max(1, workerStabilityFloor(setup, coresPerWorker), workerUtilizationFloor(setup, coresPerWorker, input.maxUtilizationRatio));
  return firstWorkersMeetingSlo(setup, coresPerWorker, from);
}

/** n > A ÷ k: ⌊A ÷ k⌋ + 1 workers (none without load). */
function workerStabilityFloor(setup: SizingSetup, coresPerWorker: number): number {
  return setup.offeredLoad === 0 ? 0 : Math.floor(setup.offeredLoad / coresPerWorker) + 1;
}

/** A ÷ (n·k) ≤ ceiling: ⌈A ÷ (k × ceiling)⌉ workers. */
function workerUtilizationFloor(setup: SizingSetup, coresPerWorker: number, maxUtilizationRatio: number): number {
  return ceilWithTolerance(setup.offeredLoad / (coresPerWorker * maxUtilizationRatio));
}

/** Whether one of `workers` per-worker queues meets the SLO. */
function workerQueueMeetsSlo(setup: SizingSetup, coresPerWorker: number, workers: number): boolean {
  const load = setup.offeredLoad / workers;
  const waitProbability = erlangCFromInverseB(coresPerWorker, load, inverseErlangB(coresPerWorker, load));
  const model = buildResponseModel(workerQueue(setup.queue, workers, coresPerWorker), load, waitProbability);
  return responseSurvival(model, setup.targetMs) <= setup.tail;
}

/** The first n ≥ `from` whose per-worker queue meets the SLO: gallop (doubling steps), then bisect. */
function firstWorkersMeetingSlo(setup: SizingSetup, coresPerWorker: number, from: number): number | Infeasible<'model-limit'> {
  if (setup.offeredLoad === 0 || workerQueueMeetsSlo(setup, coresPerWorker, from)) return from;
  const maxWorkers = Math.floor(MAX_SERVERS / coresPerWorker);
  let failing = from;
  let passing = 0;
  for (let step = 1; passing === 0; step *= 2) {
    const candidate = Math.min(failing + step, maxWorkers);
    if (workerQueueMeetsSlo(setup, coresPerWorker, candidate)) passing = candidate;
    else if (candidate === maxWorkers) return modelLimit(setup.offeredLoad);
    else failing = candidate;
  }
  while (passing - failing > 1) {
    const mid = failing + Math.floor((passing - failing) / 2);
    if (workerQueueMeetsSlo(setup, coresPerWorker, mid)) passing = mid;
    else failing = mid;
  }
  return passing;
}

function modelLimit(offeredLoad: number): Infeasible<'model-limit'> {
  return {
    kind: 'infeasible',
    bindingConstraint: 'model-limit',
    reason:
      `An offered load of ${formatNumber(offeredLoad)} Erlangs needs more than ${formatNumber(MAX_SERVERS)} ` +
      'servers in one stage, beyond what the model sizes; split the stage.',
  };
}

/**
 * The fewest servers c that keep (a) the queue stable (c > A), (b) utilization A/c at or below
 * the ceiling, and (c) the response time at the SLO percentile at or below the target, with the
 * constraint that set c, the servers each constraint alone needs, and the metrics at c.
 *
 * Infeasible (returned, not thrown) when even zero queueing misses the SLO — the service time
 * alone is too slow at that percentile, so no number of servers helps — or when more than
 * MAX_SERVERS would be needed.
 *
 * @param input - arrivalRatePerSec ≥ 0, serviceTimeMs > 0, CVs (default 1), latencySlo
 *   { percentile in [50, 100), targetMs > 0 }, maxUtilizationRatio in (0, 1]
 * @throws ModelInputError for non-finite or out-of-range input
 * @example requiredServers({ arrivalRatePerSec: 100, serviceTimeMs: 100, latencySlo: { percentile: 99, targetMs: 500 }, maxUtilizationRatio: 0.9 }).servers //=> 12 (utilization-bound; the SLO alone also needs 12)
 */
export function requiredServers(input: RequiredServersInput): RequiredServersResult {
  const sizing = sizeServers(input);
  if (sizing.kind === 'infeasible') return sizing;
  const { percentile, targetMs } = input.latencySlo;
  const profile = responseTimeProfile(
    {
      arrivalRatePerSec: input.arrivalRatePerSec,
      serviceTimeMs: input.serviceTimeMs,
      servers: sizing.servers,
      interArrivalCv: input.interArrivalCv ?? 1,
      serviceTimeCv: input.serviceTimeCv ?? 1,
    },
    [...STANDARD_PERCENTILES, percentile],
  );
  const latencyAtSloPercentileMs = profile.percentilesMs[STANDARD_PERCENTILES.length] ?? NaN;
  return {
    ...sizing,
    reason: describeServers(sizing, profile.utilization, input.maxUtilizationRatio, `p${percentile}`, targetMs, latencyAtSloPercentileMs),
    metrics: metricsOf(profile),
    latencyAtSloPercentileMs,
  };
}

function describeServers(
  sizing: Extract<ServerSizing, { kind: 'sized' }>,
  utilization: number,
  maxUtilizationRatio: number,
  pLabel: string,
  targetMs: number,
  latencyMs: number,
): string {
  const { servers } = sizing;
  const load = `${formatNumber(utilization * servers)} Erlangs`;
  const latency = `${pLabel} ${formatNumber(latencyMs)} ms (target ${formatNumber(targetMs)} ms)`;
  switch (sizing.bindingConstraint) {
    case 'min-servers':
      return `1 server: the minimum (offered load ${load}); ${latency}.`;
    case 'queue-stability':
      return `${count(servers, 'server')}: the fewest that keep the queue stable for ${load}; ${latency}.`;
    case 'utilization-ceiling':
      return `${count(servers, 'server')} keep utilization at or below ${formatNumber(maxUtilizationRatio)} for ${load}; ${latency}.`;
    case 'latency-slo':
      return `${count(servers, 'server')} are the fewest with ${pLabel} ≤ ${formatNumber(targetMs)} ms for ${load}; ${latency}, utilization ${formatNumber(utilization)}.`;
  }
}
