/**
 * `npm run bench`: timings of the capacity model's hot paths against the targets in issues 3 and 4.
 * Prints median, p95 and ops/s per case and PASS/FAIL against the target (on the median).
 * Timings depend on the machine and its load; compare figures only within one run.
 */
import { erlangC } from '../lib/model/queueing';
import { exampleWorkloads } from '../lib/model/examples';
import { planScenario } from '../lib/model/plan-scenario';
import { projectScenario } from '../lib/model/project';
import { testPricing } from '../lib/model/test-pricing';
import { syntheticCatalog } from './synthetic-catalog';

interface Case {
  name: string;
  targetMedianMs: number;
  /** Minimum number of timed runs, and the minimum time to keep sampling. */
  iterations: number;
  run: () => unknown;
}

/** Keeps results alive so the engine cannot drop the work as dead code. */
let sink: unknown;

function quantile(sorted: readonly number[], q: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[index] ?? NaN;
}

function measure(benchCase: Case): { medianMs: number; p95Ms: number; opsPerSec: number; samples: number } {
  const warmupUntil = performance.now() + 300;
  while (performance.now() < warmupUntil) sink = benchCase.run();
  const samples: number[] = [];
  const minUntil = performance.now() + 1000;
  while (samples.length < benchCase.iterations || performance.now() < minUntil) {
    const start = performance.now();
    sink = benchCase.run();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const totalMs = samples.reduce((sum, sample) => sum + sample, 0);
  return { medianMs: quantile(samples, 0.5), p95Ms: quantile(samples, 0.95), opsPerSec: (samples.length / totalMs) * 1000, samples: samples.length };
}

const clickstream = exampleWorkloads[0];
const steadyGrowth = clickstream?.scenarios[0];
if (clickstream === undefined || steadyGrowth === undefined) throw new Error('example workload missing');
const catalog200 = syntheticCatalog(200);
const scenario36Months = { ...steadyGrowth.spec, horizonMonths: 36, catalogFilter: {} };
// The example's own ranges (growth 1–7 %, Flink CPU per event 0.3–0.5 ms), spot, commitments and DR.
const monteCarlo1000 = { ...steadyGrowth.spec, horizonMonths: 36, uncertainty: { ...steadyGrowth.spec.uncertainty, samples: 1000 } };

const cases: Case[] = [
  { name: 'erlangC(100000 servers, A = 99000)', targetMedianMs: 1, iterations: 500, run: () => erlangC(100_000, 99_000) },
  {
    name: 'projectScenario(clickstream, 36 months, 200 instance types)',
    targetMedianMs: 5,
    iterations: 200,
    run: () => projectScenario(clickstream.spec, scenario36Months, catalog200),
  },
  {
    name: 'planScenario(clickstream, Monte Carlo 1,000 samples × 36 months, all cost lines)',
    targetMedianMs: 200,
    iterations: 10,
    run: () => planScenario(clickstream.spec, monteCarlo1000, testPricing),
  },
];

let failed = false;
console.log(`node ${process.version}, ${process.platform}/${process.arch}`);
for (const benchCase of cases) {
  const result = measure(benchCase);
  const pass = result.medianMs < benchCase.targetMedianMs;
  failed ||= !pass;
  console.log(
    `${pass ? 'PASS' : 'FAIL'}  ${benchCase.name}: median ${result.medianMs.toFixed(3)} ms, ` +
      `p95 ${result.p95Ms.toFixed(3)} ms, ${Math.round(result.opsPerSec).toLocaleString('en-US')} ops/s ` +
      `(${result.samples} runs; target median < ${benchCase.targetMedianMs} ms)`,
  );
}
if (sink === undefined) console.log('(no result)');
process.exitCode = failed ? 1 : 0;
