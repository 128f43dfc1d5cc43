/**
 * Uncertainty: any measured or estimated numeric input may be a range (low / likely / high).
 * Monte Carlo draws every range independently from a **triangular** distribution with a seeded
 * PRNG (mulberry32), sizes every stage for every month of every sample, and reports P10 / P50 /
 * P90. The same seed gives the same answer; point inputs give zero-width bands (every sample is
 * the likely case). Why triangular and not PERT or SCM's fitted beta: docs/decisions/004-monte-carlo-triangular.md.
 *
 * Each sample is sized on the instance types the likely projection chose for that stage and month
 * (a plan buys one instance type; uncertainty is about how many), through the same stage models as
 * `projectScenario` (`sizeOnInstances`), so nothing about queueing or sizing is re-implemented.
 */
import { ModelInputError, type InputIssue } from './errors';
import { demandMultipliers } from './growth';
import { sizeOnInstances, type SizingContext, type StageNodeCount } from './project';
import { GrowthSchema, StageSchema } from './schemas';
import type { CatalogInstanceType, GrowthSpec, Range, StageKind, StageSpec, UncertaintySpec } from './types';

/**
 * mulberry32, a 32-bit seeded PRNG with a 2^32 period (Tommy Ettinger, public domain:
 * https://gist.github.com/tommyettinger/46a874533244883189143505d203312c). Plenty for a few
 * thousand samples; not for cryptography.
 * @param seed - any integer; the same seed gives the same sequence
 * @returns a function giving uniforms in [0, 1)
 * @example const random = mulberry32(1); random() //=> 0.6270739405881613
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * The triangular distribution's inverse CDF (Johnson, Kotz & Balakrishnan, Continuous Univariate
 * Distributions, vol. 2; Wikipedia "Triangular distribution", generating variates):
 *   F(c) = (c − a) ÷ (b − a);  u < F(c): a + √(u (b − a)(c − a));  else b − √((1 − u)(b − a)(b − c))
 * with a = low, c = likely, b = high.
 * @param u - a uniform in [0, 1)
 * @returns a value in [low, high]; low when the range is a point
 * @example triangularQuantile(0.5, { low: 0, likely: 0, high: 2 }) //=> 0.5858 (2 − √2)
 */
export function triangularQuantile(u: number, { low, likely, high }: Range): number {
  const width = high - low;
  if (width === 0) return low;
  const modeCdf = (likely - low) / width;
  return u < modeCdf ? low + Math.sqrt(u * width * (likely - low)) : high - Math.sqrt((1 - u) * width * (high - likely));
}

/**
 * The q-quantile of sorted values by linear interpolation between order statistics (Hyndman &
 * Fan 1996, type 7 — the default of R and NumPy).
 * @example quantileOfSorted([1, 2, 3, 4], 0.5) //=> 2.5
 */
export function quantileOfSorted(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) return NaN;
  const position = (sorted.length - 1) * q;
  const lower = Math.floor(position);
  const below = sorted[lower] ?? NaN;
  const above = sorted[Math.min(sorted.length - 1, lower + 1)] ?? NaN;
  return below + (above - below) * (position - lower);
}

export interface Band {
  p10: number;
  p50: number;
  p90: number;
}

/** P10 / P50 / P90 of the values; NaN marks an infeasible sample and is left out. */
export function bandOf(values: ArrayLike<number>): Band {
  // A typed array sorts numerically with NaN last, so the numbers are a prefix.
  const sorted = Float64Array.from(values).sort();
  let count = sorted.length;
  while (count > 0 && Number.isNaN(sorted[count - 1])) count -= 1;
  const numbers = sorted.subarray(0, count);
  return { p10: quantileOfSorted(numbers, 0.1), p50: quantileOfSorted(numbers, 0.5), p90: quantileOfSorted(numbers, 0.9) };
}

/**
 * Stage fields that may be ranges: measured or estimated quantities that are not integers. SLO
 * targets, utilization ceilings and integer design choices (replication factor, worker cores,
 * spare nodes) are decisions, not uncertain measurements, so they stay points.
 */
export const UNCERTAIN_STAGE_FIELDS: Readonly<Record<StageKind, readonly string[]>> = {
  broker: ['avgEventsPerSec', 'peakEventsPerSec', 'diurnalPeakFactor', 'eventSizeBytes', 'retentionHours', 'partitionWriteMibPerSec', 'partitionReadMibPerSec', 'cpuMsPerMib', 'cpuMsPerMibWritten', 'hotRetentionMinutes'],
  stream: ['avgEventsPerSec', 'peakEventsPerSec', 'diurnalPeakFactor', 'eventSizeBytes', 'cpuMsPerEvent', 'cpuMsPerEventCv', 'interArrivalCv', 'partitionReadMibPerSec'],
  batch: ['dataVolumeGibPerRun', 'throughputGibPerCoreHour', 'runsPerDay'],
};

/**
 * Traffic fields: the events entering the pipeline. Every stage that carries the same events sees
 * the same draw, so one shared quantile per sample feeds all of them (comonotone: a sample at the
 * P80 of traffic is at the P80 in Kafka and in Flink alike). Independent draws per stage narrowed
 * the bands, because high traffic in one stage was averaged against low traffic in another.
 */
const TRAFFIC_FIELDS: ReadonlySet<string> = new Set(['avgEventsPerSec', 'peakEventsPerSec', 'dataVolumeGibPerRun']);

interface StageRange {
  stageIndex: number;
  field: string;
  range: Range;
}

/** Validated ranges, ready to sample. */
export interface UncertaintyPlan {
  samples: number;
  seed: number;
  stageRanges: StageRange[];
  growthRange: Range | undefined;
}

function boundIssues(path: string, parse: (value: number) => { success: boolean; error?: { issues: { message: string }[] } }, range: Range): InputIssue[] {
  return (['low', 'high'] as const).flatMap((end) => {
    const result = parse(range[end]);
    return result.success ? [] : (result.error?.issues ?? []).map((issue) => ({ path: `${path}.${end}`, message: issue.message }));
  });
}

/**
 * Checks the ranges against the workload and the fields' own schemas (both ends must be valid
 * values of the field, so every sample between them is).
 * @throws ModelInputError naming `uncertainty.…` paths for unknown stages, fields that cannot be
 *   ranges, ends out of the field's bounds, or a growth range without a growth rate
 */
export function prepareUncertainty(stages: readonly StageSpec[], growth: GrowthSpec, spec: UncertaintySpec): UncertaintyPlan {
  const issues: InputIssue[] = [];
  const stageRanges: StageRange[] = [];
  for (const [stageName, fields] of Object.entries(spec.stages)) {
    const stageIndex = stages.findIndex((stage) => stage.name === stageName);
    const stage = stages[stageIndex];
    if (stage === undefined) {
      issues.push({ path: `uncertainty.stages.${stageName}`, message: `Uncertainty ranges name stage "${stageName}", which the workload does not have.` });
      continue;
    }
    for (const [field, range] of Object.entries(fields)) {
      const path = `uncertainty.stages.${stageName}.${field}`;
      if (!UNCERTAIN_STAGE_FIELDS[stage.kind].includes(field)) {
        issues.push({ path, message: `"${field}" of ${stage.kind} stage "${stageName}" cannot be a range; allowed: ${UNCERTAIN_STAGE_FIELDS[stage.kind].join(', ')}.` });
        continue;
      }
      issues.push(...boundIssues(path, (value) => StageSchema.safeParse({ ...stage, [field]: value }), range));
      stageRanges.push({ stageIndex, field, range });
    }
  }
  if (spec.growthRatio !== undefined) {
    if (growth.kind === 'flat') {
      issues.push({ path: 'uncertainty.growthRatio', message: 'A growth rate range needs compound or linear growth.' });
    } else {
      const key = growth.kind === 'compound' ? 'monthlyGrowthRatio' : 'monthlyIncreaseRatio';
      issues.push(...boundIssues('uncertainty.growthRatio', (value) => GrowthSchema.safeParse({ ...growth, [key]: value }), spec.growthRatio));
    }
  }
  if (issues.length > 0) throw new ModelInputError('scenario', issues);
  return { samples: spec.samples, seed: spec.seed, stageRanges, growthRange: spec.growthRatio };
}

function growthWithRate(growth: GrowthSpec, rate: number): GrowthSpec {
  switch (growth.kind) {
    case 'flat':
      return growth;
    case 'compound':
      return { ...growth, monthlyGrowthRatio: rate };
    case 'linear':
      return { ...growth, monthlyIncreaseRatio: rate };
  }
}

/** One Monte Carlo sample: its inputs and the node counts they need. */
export interface MonteCarloSample {
  stages: StageSpec[];
  multipliers: number[];
  /** [month][stage]; NaN nodes when the sample cannot be sized. */
  counts: StageNodeCount[][];
}

export interface MonteCarloInput {
  stages: readonly StageSpec[];
  growth: GrowthSpec;
  startMonth: string;
  horizonMonths: number;
  /** The scenario's zones and storage policy. */
  context: SizingContext;
  plan: UncertaintyPlan;
  /** The likely projection's instance per month and stage. */
  instanceAt: (monthIndex: number, stageIndex: number) => CatalogInstanceType | undefined;
}

/**
 * Draws `plan.samples` samples and hands each to `visit` (in order, so callers can fill arrays).
 * Draw order is fixed — per sample: the growth rate, one traffic quantile shared by every traffic
 * range (`TRAFFIC_FIELDS`), then each other stage range in declaration order — so a seed
 * reproduces the samples exactly.
 */
export function runMonteCarlo(input: MonteCarloInput, visit: (sample: MonteCarloSample, sampleIndex: number) => void): void {
  const random = mulberry32(input.plan.seed);
  for (let sampleIndex = 0; sampleIndex < input.plan.samples; sampleIndex += 1) {
    const growth = input.plan.growthRange === undefined ? input.growth : growthWithRate(input.growth, triangularQuantile(random(), input.plan.growthRange));
    const stages = input.stages.map((stage) => ({ ...stage }));
    const trafficQuantile = random();
    for (const { stageIndex, field, range } of input.plan.stageRanges) {
      const stage = stages[stageIndex];
      const u = TRAFFIC_FIELDS.has(field) ? trafficQuantile : random();
      if (stage !== undefined) Object.assign(stage, { [field]: triangularQuantile(u, range) });
    }
    const multipliers = demandMultipliers(growth, input.startMonth, input.horizonMonths);
    visit({ stages, multipliers, counts: sizeOnInstances(stages, input.context, multipliers, input.instanceAt) }, sampleIndex);
  }
}
