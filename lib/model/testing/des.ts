/**
 * TESTS ONLY. A small seeded discrete-event simulator of a FCFS G/G/c queue, used to check the
 * queueing formulas against an independent method. Not part of the model or its public API.
 *
 * FCFS with c identical servers needs no event list: each arrival takes the server that frees up
 * first (Kiefer & Wolfowitz, "On the theory of queues with many servers", Trans. AMS 78, 1955), so
 * a min-heap of server free times is the whole state.
 */

/** A seeded uniform generator on (0, 1). */
export type Rng = () => number;

/**
 * xoshiro128** (Blackman & Vigna, https://prng.di.unimi.it/), seeded through splitmix32; two 32-bit
 * outputs make one 53-bit double in (0, 1). Deterministic for a seed.
 */
export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  const splitmix32 = () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = splitmix32();
  let b = splitmix32();
  let c = splitmix32();
  let d = splitmix32();
  const next = () => {
    const result = Math.imul(rotl(Math.imul(b, 5) >>> 0, 7), 9) >>> 0;
    const t = (b << 9) >>> 0;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d, 11);
    return result;
  };
  return () => {
    const high = next() >>> 5; // 27 bits
    const low = next() >>> 6; // 26 bits
    return (high * 67108864 + low + 0.5) / 9007199254740992; // (0, 1)
  };
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

/** Draws one positive duration. */
export type Sampler = (rng: Rng) => number;

export const exponential = (mean: number): Sampler => (rng) => -mean * Math.log(rng());

/** Erlang-k with the given mean: coefficient of variation 1/√k. */
export const erlang =
  (k: number, mean: number): Sampler =>
  (rng) => {
    let product = 1;
    for (let i = 0; i < k; i += 1) product *= rng();
    return (-mean / k) * Math.log(product);
  };

/** Two-phase hyperexponential with balanced means (the usual fit for cv > 1). */
export const hyperexponential = (mean: number, cv: number): Sampler => {
  const cv2 = cv * cv;
  const p1 = (1 + Math.sqrt((cv2 - 1) / (cv2 + 1))) / 2;
  const mean1 = mean / (2 * p1);
  const mean2 = mean / (2 * (1 - p1));
  return (rng) => (rng() < p1 ? -mean1 * Math.log(rng()) : -mean2 * Math.log(rng()));
};

export interface SimulationInput {
  servers: number;
  interArrival: Sampler;
  service: Sampler;
  /** Customers per batch (batch means). */
  batchSize: number;
  batches: number;
  /** Customers discarded first, so the queue starts near steady state. */
  warmup: number;
  seed: number;
}

export interface BatchStatistics {
  waitProbability: number;
  meanWait: number;
  p95Response: number;
  p99Response: number;
}

/** Simulates the queue and returns one set of statistics per batch. */
export function simulateQueue(input: SimulationInput): BatchStatistics[] {
  const rng = createRng(input.seed);
  const freeAt = new Float64Array(input.servers); // a binary min-heap of server free times
  const responses = new Float64Array(input.batchSize);
  const batches: BatchStatistics[] = [];
  let clock = 0;

  const serveNext = (): { wait: number; response: number } => {
    clock += input.interArrival(rng);
    const service = input.service(rng);
    const earliest = freeAt[0] ?? 0;
    const start = Math.max(clock, earliest);
    siftDownRoot(freeAt, start + service);
    return { wait: start - clock, response: start - clock + service };
  };

  for (let i = 0; i < input.warmup; i += 1) serveNext();
  for (let batch = 0; batch < input.batches; batch += 1) {
    let waited = 0;
    let totalWait = 0;
    for (let i = 0; i < input.batchSize; i += 1) {
      const { wait, response } = serveNext();
      if (wait > 0) waited += 1;
      totalWait += wait;
      responses[i] = response;
    }
    responses.sort();
    batches.push({
      waitProbability: waited / input.batchSize,
      meanWait: totalWait / input.batchSize,
      p95Response: quantileOfSorted(responses, 0.95),
      p99Response: quantileOfSorted(responses, 0.99),
    });
  }
  return batches;
}

/** Replaces the heap's root and restores the heap property. */
function siftDownRoot(heap: Float64Array, value: number): void {
  let index = 0;
  for (;;) {
    const left = 2 * index + 1;
    if (left >= heap.length) break;
    const right = left + 1;
    const child = right < heap.length && (heap[right] ?? Infinity) < (heap[left] ?? Infinity) ? right : left;
    if ((heap[child] ?? Infinity) >= value) break;
    heap[index] = heap[child] ?? Infinity;
    index = child;
  }
  heap[index] = value;
}

function quantileOfSorted(sorted: Float64Array, q: number): number {
  return sorted[Math.ceil(q * sorted.length) - 1] ?? NaN;
}

/**
 * Batch-means confidence interval: mean ± t · s / √n. `tQuantile` is Student's t for n − 1
 * degrees of freedom, e.g. 2.861 for a two-sided 99 % interval with 20 batches.
 */
export function confidenceInterval(values: readonly number[], tQuantile: number): { mean: number; low: number; high: number } {
  const n = values.length;
  const mean = values.reduce((sum, value) => sum + value, 0) / n;
  const variance = values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (n - 1);
  const halfWidth = (tQuantile * Math.sqrt(variance)) / Math.sqrt(n);
  return { mean, low: mean - halfWidth, high: mean + halfWidth };
}
