/**
 * Three example workloads with their scenarios, used to seed the demo database, in docs and in the
 * golden baseline. Each spec is parsed by the schemas when this module loads, so an example that
 * drifts from the schemas fails loudly. Keep names stable: the seed and the golden files key on them.
 *
 * The figures are realistic orders of magnitude, not measurements of any real system.
 */
import { ScenarioSpecSchema, WorkloadSpecSchema } from './schemas';
import type { ExampleWorkload, ScenarioSpecInput, WorkloadSpecInput } from './types';

interface ExampleWorkloadInput extends Omit<ExampleWorkload, 'spec' | 'scenarios'> {
  spec: WorkloadSpecInput;
  scenarios: { name: string; description: string; spec: ScenarioSpecInput }[];
}

function parseExample(example: ExampleWorkloadInput): ExampleWorkload {
  return {
    ...example,
    spec: WorkloadSpecSchema.parse(example.spec),
    scenarios: example.scenarios.map((scenario) => ({
      ...scenario,
      spec: ScenarioSpecSchema.parse(scenario.spec),
    })),
  };
}

/** Clickstream: 40k events/s average (2.5× at the evening peak), 1.2 KB events, three consumer groups. */
const clickstream: ExampleWorkloadInput = {
  name: 'Clickstream (Kafka → Flink)',
  description:
    'Web and app click events land in Kafka and are sessionized by Flink for real-time dashboards; ' +
    'an S3 sink and the recommendations team also read the topic.',
  team: 'Data Platform',
  tags: ['streaming', 'kafka', 'flink', 'clickstream'],
  spec: {
    kind: 'streaming',
    stages: [
      {
        kind: 'broker',
        name: 'kafka-clickstream',
        avgEventsPerSec: 40_000,
        diurnalPeakFactor: 2.5,
        eventSizeBytes: 1200,
        replicationFactor: 3,
        retentionHours: 72,
        consumerGroups: 3,
        diskGibPerBroker: 8000,
      },
      {
        kind: 'stream',
        name: 'flink-sessionize',
        avgEventsPerSec: 40_000,
        diurnalPeakFactor: 2.5,
        eventSizeBytes: 1200,
        cpuMsPerEvent: 0.35,
        cpuMsPerEventCv: 1.5,
        interArrivalCv: 1.3,
        latencySloPercentile: 99,
        latencySloMs: 250,
        maxUtilizationRatio: 0.7,
        workerCores: 4,
        workerMemoryGib: 16,
      },
    ],
  },
  scenarios: [
    {
      name: 'Steady 4 % monthly growth',
      description:
        'Traffic compounds at 4 % a month (1–7 % plausible) for three years; cheapest AWS us-east-1 ' +
        'nodes, Flink on 70 % spot above a 20 % on-demand base, a 1-year commitment ladder, 30 days ' +
        'of retention (3 on the brokers, then infrequent-access object storage) and the cheapest DR ' +
        'meeting RTO ≤ 60 min / RPO ≤ 5 min.',
      spec: {
        horizonMonths: 36,
        startMonth: '2026-01',
        growth: { kind: 'compound', monthlyGrowthRatio: 0.04 },
        instance: { mode: 'cheapest' },
        catalogFilter: { providers: ['aws'], regions: ['us-east-1'] },
        zones: 3,
        purchase: { onDemandBaseRatio: 0.2, spotShareRatio: 0.7, commitment: { coverage: 'p10-ladder', termYears: 1 } },
        // No cold tier: leaving S3 Standard-IA before its 30-day minimum is refused (docs/model.md §13.2).
        storage: { compressionRatio: 4, retentionDays: 30, warmAfterDays: 3 },
        network: { internetEgressGibPerMonth: 500 },
        dr: { strategy: 'compare', rtoTargetMinutes: 60, rpoTargetMinutes: 5 },
        uncertainty: {
          samples: 1000,
          seed: 1,
          growthRatio: { low: 0.01, likely: 0.04, high: 0.07 },
          stages: { 'flink-sessionize': { cpuMsPerEvent: { low: 0.3, likely: 0.35, high: 0.5 } } },
        },
      },
    },
    {
      name: 'App launch and holiday peaks',
      description:
        'Linear growth, a permanent 1.5× step when the mobile app launches in July, and 3× traffic ' +
        'during each November; brokers pinned to memory-optimized r7i nodes (more page cache per broker).',
      spec: {
        horizonMonths: 24,
        startMonth: '2026-01',
        growth: {
          kind: 'linear',
          monthlyIncreaseRatio: 0.03,
          stepEvents: [
            { at: 6, multiplier: 1.5, label: 'Mobile app launch' },
            { at: '2026-11', multiplier: 3, durationMonths: 1, label: 'Holiday sales 2026' },
            { at: '2027-11', multiplier: 3, durationMonths: 1, label: 'Holiday sales 2027' },
          ],
        },
        instance: { mode: 'cheapest' },
        // A type the bundled catalog has in us-east-1 (the demo-integrity test projects every
        // scenario on it); the bundled catalog had no i4i types when this was pinned.
        stageInstances: { 'kafka-clickstream': { mode: 'fixed', instanceType: 'aws:us-east-1:r7i.2xlarge' } },
        catalogFilter: { providers: ['aws'], regions: ['us-east-1'] },
        zones: 3,
      },
    },
  ],
};

/** Nightly ETL: 3 TiB per night in a 4-hour window, plus hourly compaction of the landing zone. */
const nightlyEtl: ExampleWorkloadInput = {
  name: 'Nightly Spark ETL',
  description:
    'Nightly Spark job that joins the day’s orders, payments and clickstream into the warehouse, ' +
    'plus an hourly compaction job on the landing zone.',
  team: 'Analytics Engineering',
  tags: ['batch', 'spark', 'etl'],
  spec: {
    kind: 'batch',
    stages: [
      {
        kind: 'batch',
        name: 'spark-nightly-etl',
        dataVolumeGibPerRun: 3072,
        throughputGibPerCoreHour: 20,
        runsPerDay: 1,
        completionWindowHours: 4,
        maxUtilizationRatio: 0.8,
        workerCores: 8,
        workerMemoryGib: 64,
      },
      {
        kind: 'batch',
        name: 'spark-hourly-compaction',
        dataVolumeGibPerRun: 40,
        throughputGibPerCoreHour: 60,
        runsPerDay: 24,
        completionWindowHours: 2,
        maxUtilizationRatio: 0.8,
        workerCores: 4,
        workerMemoryGib: 16,
      },
    ],
  },
  scenarios: [
    {
      name: '3 % monthly data growth',
      description: 'Data volume compounds at 3 % a month; cheapest GCP nodes, executors 80 % on spot.',
      spec: {
        horizonMonths: 36,
        startMonth: '2026-01',
        growth: { kind: 'compound', monthlyGrowthRatio: 0.03 },
        catalogFilter: { providers: ['gcp'] },
        zones: 1,
        purchase: { spotShareRatio: 0.8 },
      },
    },
    {
      name: 'Legacy warehouse migration',
      description: 'Flat volume until the legacy warehouse is migrated in month 6, which doubles it.',
      spec: {
        horizonMonths: 24,
        startMonth: '2026-01',
        growth: { kind: 'flat', stepEvents: [{ at: 6, multiplier: 2, label: 'Legacy warehouse migrated' }] },
        catalogFilter: { providers: ['gcp'] },
        zones: 1,
        sloOverrides: { 'spark-nightly-etl': { completionWindowHours: 3 } },
      },
    },
  ],
};

/**
 * Fraud scoring: a one-stage pipeline with a strict p99.9 latency SLO close to the service time's own
 * tail (6 ms mean, CV 0.6 → p99.9 of service alone ≈ 27.3 ms), so the SLO, not utilization, binds.
 */
const fraudScoring: ExampleWorkloadInput = {
  name: 'Fraud scoring stream',
  description:
    'Scores every card authorization with a gradient-boosted model before it is approved; ' +
    'flash sales drive 4× peaks.',
  team: 'Risk Engineering',
  tags: ['streaming', 'latency-critical', 'ml-inference'],
  spec: {
    kind: 'streaming',
    stages: [
      {
        kind: 'stream',
        name: 'fraud-scorer',
        avgEventsPerSec: 1500,
        peakEventsPerSec: 6000,
        eventSizeBytes: 2048,
        cpuMsPerEvent: 6,
        cpuMsPerEventCv: 0.6,
        interArrivalCv: 1.2,
        latencySloPercentile: 99.9,
        latencySloMs: 28,
        maxUtilizationRatio: 0.9,
        workerCores: 2,
        workerMemoryGib: 4,
      },
    ],
  },
  scenarios: [
    {
      name: 'Card volume growth',
      description:
        'Authorizations grow 2 % a month; cheapest node anywhere in the catalog; all four DR ' +
        'strategies compared against RTO ≤ 15 min / RPO ≤ 1 min.',
      spec: {
        horizonMonths: 24,
        startMonth: '2026-01',
        growth: { kind: 'compound', monthlyGrowthRatio: 0.02 },
        zones: 3,
        dr: { strategy: 'compare', rtoTargetMinutes: 15, rpoTargetMinutes: 1 },
      },
    },
    {
      name: 'EU market launch on Graviton',
      description:
        'Same growth plus a permanent 1.5× step at the EU launch; fixed c7g.2xlarge nodes and a lower ' +
        'utilization ceiling for launch headroom.',
      spec: {
        horizonMonths: 24,
        startMonth: '2026-01',
        growth: {
          kind: 'compound',
          monthlyGrowthRatio: 0.02,
          stepEvents: [{ at: '2026-09', multiplier: 1.5, label: 'EU launch' }],
        },
        instance: { mode: 'fixed', instanceType: 'aws:us-east-1:c7g.2xlarge' },
        zones: 3,
        sloOverrides: { 'fraud-scorer': { maxUtilizationRatio: 0.75 } },
      },
    },
  ],
};

/** The example workloads, in a stable order. */
export const exampleWorkloads: readonly ExampleWorkload[] = [clickstream, nightlyEtl, fraudScoring].map(
  parseExample,
);
