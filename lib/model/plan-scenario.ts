/**
 * The planner with prices: `planScenario(workload, scenario, pricing)` runs the capacity
 * projection and prices it month by month — compute by purchase option (spot with its buffer and
 * risk, a commitment ladder), storage tiers, network, DR — with unit economics and, when the
 * scenario has ranges, P10/P50/P90 bands from Monte Carlo. One result per month with a breakdown
 * by component; docs/model.md §11–17.
 */
import { candidateOffers, commitmentLadder, costWithCommitment, offerCovers, type CommitmentLadder } from './commitments';
import { nodeGroupUsdPerMonth, nodeHoursPerMonth, usdPerMillionEvents, usdPerTbProcessed } from './cost';
import { analyzeDr, standbyDataNodes, type DrAnalysis, type DrMonthInput } from './dr';
import { ModelInputError } from './errors';
import { planGaps, type PlanGap } from './gaps';
import { stageNetwork, transferPrices, transferUsd, type TransferPrices } from './network';
import { applyOverrides, projectScenario, type StageNodeCount } from './project';
import { PricingSchema, ScenarioSpecSchema, WorkloadSpecSchema } from './schemas';
import { planSpotStage, type SpotStageMonth } from './spot';
import { trafficAt } from './stages/plan';
import { brokerDiskUsdPerMonth, lifecycleIssues, lifecycleTiers, stageStorage, type StorageTierPrices } from './storage';
import { bandOf, prepareUncertainty, runMonteCarlo, type Band } from './uncertainty';
import type {
  BrokerDisk,
  CommitmentOffer,
  DrStrategy,
  PricedInstanceType,
  PricingInput,
  Projection,
  ScenarioSpec,
  ScenarioSpecInput,
  StageSpec,
  WorkloadSpecInput,
} from './types';

/** One stage in one month, priced. Infeasible stages are priced at zero (the projection says why). */
export interface PricedStageMonth {
  stageName: string;
  /** Null when the stage could not be sized this month. */
  spot: SpotStageMonth | null;
  /** Nodes bought (SLO-sized nodes + spot buffer). */
  nodes: number;
  /** On-demand + spot compute before commitments. */
  computeUsdPerMonth: number;
  /** The on-demand part, which commitments may cover (on-demand-equivalent USD). */
  committableUsdPerMonth: number;
  storageUsdPerMonth: number;
  crossZoneUsdPerMonth: number;
}

/** The month's cost by component; `totalUsdPerMonth` is their sum. */
export interface CostBreakdown {
  computeOnDemandUsdPerMonth: number;
  computeSpotUsdPerMonth: number;
  computeCommittedUsdPerMonth: number;
  storageUsdPerMonth: number;
  networkUsdPerMonth: number;
  drUsdPerMonth: number;
  totalUsdPerMonth: number;
}

export interface PlannedMonth {
  monthIndex: number;
  month: string;
  demandMultiplier: number;
  stages: PricedStageMonth[];
  breakdown: CostBreakdown;
  /** Compute if every SLO-sized node were on-demand (the spot and commitment baseline). */
  allOnDemandComputeUsdPerMonth: number;
  /** Streaming: per million events entering the pipeline; batch: per TB processed. */
  unitCost: { usdPerMillionEvents: number | null; usdPerTbProcessed: number | null };
}

export interface UncertaintyBands {
  samples: number;
  /** Null when the scenario has no ranges (one sample: the likely case). */
  seed: number | null;
  /** Samples in which some stage could not be sized in some month (left out of the bands). */
  infeasibleSampleRatio: number;
  months: { monthIndex: number; totalUsdPerMonth: Band; stages: { stageName: string; nodes: Band; computeUsdPerMonth: Band }[] }[];
}

export interface ScenarioPlan<T extends PricedInstanceType = PricedInstanceType> {
  projection: Projection<T>;
  months: PlannedMonth[];
  /** Stages whose spot share breaks the SLO at the stated risk (priced on-demand), with why. */
  spotFlags: string[];
  commitments: CommitmentLadder | null;
  /** The DR strategy priced into `drUsdPerMonth` (null: none chosen, or none meets the targets). */
  drStrategy: DrStrategy | null;
  dr: DrAnalysis | null;
  /** Always present: zero-width (the likely case) when the scenario has no ranges. */
  uncertainty: UncertaintyBands;
  totals: { usd: number; allOnDemandComputeUsd: number; spotSavingsUsd: number; commitmentSavingUsd: number };
  /** Stages unsized in some month: every total above excludes them there (empty: complete). */
  gaps: PlanGap[];
  warnings: string[];
}

interface Prices {
  tiers: StorageTierPrices;
  transfer: TransferPrices;
  /** Commitment offers to choose among by expected saving (null: no commitment asked for). */
  offers: CommitmentOffer[] | null;
}

function resolvePrices(pricing: PricingInput, spec: ScenarioSpec): Prices {
  const tiers = lifecycleTiers(pricing.storageTiers);
  if (typeof tiers === 'string') throw new ModelInputError('pricing', [{ path: 'storageTiers', message: tiers }]);
  const transfer = transferPrices(pricing.dataTransfer, spec.dr.destinationScope);
  if (typeof transfer === 'string') throw new ModelInputError('pricing', [{ path: 'dataTransfer', message: transfer }]);
  const { commitment } = spec.purchase;
  if (commitment.coverage === 'none') return { tiers, transfer, offers: null };
  const offers = candidateOffers(pricing.commitments, commitment.termYears, commitment.offerId);
  if (typeof offers === 'string') throw new ModelInputError('scenario', [{ path: 'purchase.commitment.offerId', message: offers }]);
  return { tiers, transfer, offers };
}

/** A stage's nodes in a month and, for brokers, one node's disk (null when unsized). */
type NodesWithDisk = { nodes: number; disk?: BrokerDisk | undefined } | null;

/**
 * Storage and cross-zone network of one stage at a demand multiplier (brokers hold the data; their
 * disks are billed as provisioned per broker, so the month's broker count comes in).
 */
function dataCosts(stage: StageSpec, demandMultiplier: number, spec: ScenarioSpec, prices: Prices, sized: NodesWithDisk) {
  if (stage.kind !== 'broker') return { storageUsd: 0, crossZoneUsd: 0, dataGib: 0, ingestGibPerDay: 0, ingressGib: 0 };
  const brokers = sized?.disk === undefined || Number.isNaN(sized.nodes) ? null : { nodes: sized.nodes, disk: sized.disk };
  const storage = stageStorage(stage, demandMultiplier, spec.storage, prices.tiers, brokers);
  const network = stageNetwork(stage, demandMultiplier, spec.zones, spec.storage.compressionRatio, spec.network, prices.transfer.crossZone);
  return {
    storageUsd: storage.hotUsdPerMonth + storage.warmUsdPerMonth + storage.coldUsdPerMonth,
    crossZoneUsd: network.crossZoneUsdPerMonth,
    dataGib: storage.dataGib,
    ingestGibPerDay: storage.ingestGibPerDay,
    ingressGib: network.ingressGibPerMonth,
  };
}

/**
 * Storage + cross-zone + internet egress of all stages at a demand multiplier. Object storage,
 * network and egress are linear in the multiplier and the brokers' disks depend only on the
 * broker count and disk, so for a stage whose inputs are the same in every sample (`fixed[i]`) the
 * multiplier-1 figures are computed once and scaled — the Monte Carlo hot path.
 */
function dataUsdPerMonthFor(likelyStages: readonly StageSpec[], spec: ScenarioSpec, prices: Prices, fixed: readonly boolean[]) {
  const egressPerUnit = transferUsd(spec.network.internetEgressGibPerMonth, prices.transfer.internetEgress);
  const perUnit = likelyStages.map((stage) => {
    if (stage.kind !== 'broker') return 0;
    const costs = dataCosts(stage, 1, spec, prices, null); // no brokers: object tiers and network only
    return costs.storageUsd + costs.crossZoneUsd;
  });
  return (stages: readonly StageSpec[], demandMultiplier: number, sizedAt: (stageIndex: number) => NodesWithDisk): number =>
    stages.reduce((sum, stage, stageIndex) => {
      const sized = sizedAt(stageIndex);
      if (fixed[stageIndex] !== true) {
        const costs = dataCosts(stage, demandMultiplier, spec, prices, sized);
        return sum + costs.storageUsd + costs.crossZoneUsd;
      }
      const disksUsd = sized?.disk === undefined || Number.isNaN(sized.nodes) ? 0 : sized.nodes * brokerDiskUsdPerMonth(sized.disk, prices.tiers.hot);
      return sum + (perUnit[stageIndex] ?? 0) * demandMultiplier + disksUsd;
    }, egressPerUnit * demandMultiplier);
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

/**
 * Whether a node group runs every hour of the day, so its spend is part of the hourly floor a
 * savings plan or CUD commitment can always absorb (a batch cluster running 3 h a day is not).
 */
const runsEveryHour = (activeHoursPerDay: number) => activeHoursPerDay >= 24;

/** The strategy priced into the breakdown: the one asked for, or with 'compare' the recommended one. */
function chosenDrStrategy(asked: ScenarioSpec['dr']['strategy'], dr: DrAnalysis | null): DrStrategy | null {
  if (dr === null || asked === 'none') return null;
  if (asked !== 'compare') return asked;
  return dr.recommendation.kind === 'meets' ? dr.recommendation.strategy : null;
}

/** [index] of a per-month or per-stage series built to the horizon's length. */
function seriesAt<S>(series: readonly S[], index: number): S {
  const item = series[index];
  if (item === undefined) throw new Error(`series index ${index} out of range`);
  return item;
}

/**
 * Plans and prices a scenario (see the module comment and docs/model.md §11–17).
 *
 * @param workload - the pipeline (WorkloadSpecSchema input)
 * @param scenario - growth, purchase mix, storage, network, DR and uncertainty (ScenarioSpecSchema input)
 * @param pricing - instances with spot terms, storage tiers, transfer prices, commitment offers
 *   (`pricingFor` in lib/catalog/pricing.ts, or `testPricing`)
 * @returns one priced month per month of the horizon, the spot, commitment, DR and uncertainty analyses
 * @throws ModelInputError when an input fails its schema, the pricing lacks a needed price, or a
 *   range names an unknown stage or field
 * @example planScenario(exampleWorkloads[0].spec, exampleWorkloads[0].scenarios[0].spec, testPricing).months[0].breakdown.totalUsdPerMonth
 */
export function planScenario<T extends PricedInstanceType>(
  workload: WorkloadSpecInput,
  scenario: ScenarioSpecInput,
  pricing: PricingInput<T>,
): ScenarioPlan<T> {
  const parsedPricing = PricingSchema.safeParse(pricing);
  if (!parsedPricing.success) throw ModelInputError.fromZod('pricing', parsedPricing.error);
  const blockTier = lifecycleTiers(pricing.storageTiers);
  const projection = projectScenario(workload, scenario, pricing.instances, { blockStorage: typeof blockTier === 'string' ? undefined : blockTier.hot });
  const spec = ScenarioSpecSchema.parse(scenario);
  const stages = applyOverrides(WorkloadSpecSchema.parse(workload).stages, spec, []);
  const prices = resolvePrices(pricing, spec);
  const lifecycle = stages.flatMap((stage) => (stage.kind === 'broker' ? [lifecycleIssues(stage, spec.storage, prices.tiers)] : []));
  const lifecycleErrors = lifecycle.flatMap((issues) => issues.errors);
  if (lifecycleErrors.length > 0) throw new ModelInputError('scenario', lifecycleErrors);
  const isStreaming = stages.some((stage) => stage.kind !== 'batch');

  const spotFlags: string[] = [];
  const likely = projection.months.map((month) => {
    const priced = month.stages.map((stageMonth, stageIndex): PricedStageMonth & { dr: DrMonthInput['stages'][number]; dataGib: number; ingestGibPerDay: number; ingressGib: number } => {
      const stage = stages[stageIndex];
      if (stage === undefined) throw new Error('one stage spec per projected stage');
      const data = dataCosts(stage, month.demandMultiplier, spec, prices, stageMonth.kind === 'sized' ? { nodes: stageMonth.nodes, disk: stageMonth.stageKind === 'broker' ? stageMonth.disk : undefined } : null);
      const common = { stageName: stage.name, storageUsdPerMonth: data.storageUsd, crossZoneUsdPerMonth: data.crossZoneUsd, dataGib: data.dataGib, ingestGibPerDay: data.ingestGibPerDay, ingressGib: data.ingressGib };
      if (stageMonth.kind !== 'sized') {
        return { ...common, spot: null, nodes: 0, computeUsdPerMonth: 0, committableUsdPerMonth: 0, dr: { nodes: 0, usdPerNodeMonth: 0, pilotLightNodes: 0 } };
      }
      const spot = planSpotStage({ stage, nodes: stageMonth.nodes, instance: stageMonth.instance, activeHoursPerDay: stageMonth.activeHoursPerDay, zones: spec.zones, mix: spec.purchase });
      if (spot.kind === 'flagged') spotFlags.push(`${month.month} ${stage.name}: ${spot.reason}`);
      return {
        ...common,
        spot,
        nodes: spot.totalNodes,
        computeUsdPerMonth: spot.onDemandUsdPerMonth + spot.spotUsdPerMonth,
        committableUsdPerMonth: spot.onDemandUsdPerMonth,
        dr: {
          nodes: stageMonth.nodes,
          usdPerNodeMonth: nodeGroupUsdPerMonth(1, stageMonth.instance.onDemandUsdPerHour, stageMonth.activeHoursPerDay),
          pilotLightNodes: stageMonth.stageKind === 'broker' ? standbyDataNodes(stageMonth) : 0,
        },
      };
    });
    return { month, priced };
  });

  // DR: all four strategies priced; the chosen (or recommended) one goes into the breakdown.
  const drMonths: DrMonthInput[] = likely.map(({ priced }) => ({
    stages: priced.map((stage) => stage.dr),
    dataGib: sum(priced.map((stage) => stage.dataGib)),
    ingestGibPerDay: sum(priced.map((stage) => stage.ingestGibPerDay)),
    storageUsdPerMonth: sum(priced.map((stage) => stage.storageUsdPerMonth)),
    replicationGibPerMonth: sum(priced.map((stage) => stage.ingressGib)),
  }));
  const dr = spec.dr.strategy === 'none' ? null : analyzeDr(drMonths, spec.dr, { interRegion: prices.transfer.interRegion, backupTier: prices.tiers.warm });
  const drStrategy = chosenDrStrategy(spec.dr.strategy, dr);
  const drUsd = (monthIndex: number) => dr?.options.find((option) => option.strategy === drStrategy)?.usdPerMonth[monthIndex] ?? 0;

  // Uncertainty: per-sample compute at the likely plan's rate per node-hour, data costs recomputed.
  const horizon = projection.months.length;
  const samples = spec.uncertainty?.samples ?? 1;
  const stageNodes = stages.map(() => Array.from({ length: horizon }, () => new Float64Array(samples)));
  const stageCompute = stages.map(() => Array.from({ length: horizon }, () => new Float64Array(samples)));
  const stageCommittable = stages.map(() => Array.from({ length: horizon }, () => new Float64Array(samples)));
  // The hourly floor of committable spend: only node groups running every hour of the day count.
  const stageFloor = stages.map(() => Array.from({ length: horizon }, () => new Float64Array(samples)));
  const otherUsd = Array.from({ length: horizon }, () => new Float64Array(samples));
  const rates = likely.map(({ month, priced }) =>
    priced.map((stage, stageIndex) => {
      const sized = month.stages[stageIndex];
      const hours = sized?.kind === 'sized' ? sized.nodes * nodeHoursPerMonth(sized.activeHoursPerDay) : 0;
      return hours > 0 ? { compute: stage.computeUsdPerMonth / hours, committable: stage.committableUsdPerMonth / hours } : { compute: 0, committable: 0 };
    }),
  );
  const uncertaintyPlan = spec.uncertainty === undefined ? undefined : prepareUncertainty(stages, spec.growth, spec.uncertainty);
  const ranged = new Set(uncertaintyPlan?.stageRanges.map((range) => range.stageIndex) ?? []);
  const dataUsdPerMonth = dataUsdPerMonthFor(stages, spec, prices, stages.map((_, stageIndex) => !ranged.has(stageIndex)));
  const drUsdByMonth = projection.months.map((_, monthIndex) => drUsd(monthIndex));
  let infeasibleSamples = 0;
  const record = (sampleIndex: number, sampleStages: readonly StageSpec[], multipliers: readonly number[], nodesAt: (m: number, s: number) => StageNodeCount) => {
    let infeasible = false;
    multipliers.forEach((multiplier, monthIndex) => {
      sampleStages.forEach((_, stageIndex) => {
        const { nodes, activeHoursPerDay } = nodesAt(monthIndex, stageIndex);
        const rate = rates[monthIndex]?.[stageIndex] ?? { compute: 0, committable: 0 };
        const hours = nodes * nodeHoursPerMonth(activeHoursPerDay);
        infeasible ||= Number.isNaN(nodes);
        seriesAt(seriesAt(stageNodes, stageIndex), monthIndex)[sampleIndex] = nodes;
        seriesAt(seriesAt(stageCompute, stageIndex), monthIndex)[sampleIndex] = hours * rate.compute;
        seriesAt(seriesAt(stageCommittable, stageIndex), monthIndex)[sampleIndex] = hours * rate.committable;
        seriesAt(seriesAt(stageFloor, stageIndex), monthIndex)[sampleIndex] = runsEveryHour(activeHoursPerDay) ? hours * rate.committable : 0;
      });
      seriesAt(otherUsd, monthIndex)[sampleIndex] = dataUsdPerMonth(sampleStages, multiplier, (s) => nodesAt(monthIndex, s)) + (drUsdByMonth[monthIndex] ?? 0);
    });
    if (infeasible) infeasibleSamples += 1;
  };
  if (spec.uncertainty === undefined) {
    record(0, stages, projection.months.map((month) => month.demandMultiplier), (m, s) => {
      const sized = projection.months[m]?.stages[s];
      if (sized?.kind !== 'sized') return { nodes: NaN, activeHoursPerDay: 0 };
      return { nodes: sized.nodes, activeHoursPerDay: sized.activeHoursPerDay, disk: sized.stageKind === 'broker' ? sized.disk : undefined };
    });
  } else {
    runMonteCarlo(
      {
        stages,
        growth: spec.growth,
        startMonth: spec.startMonth,
        horizonMonths: spec.horizonMonths,
        context: { zones: spec.zones, storage: spec.storage },
        plan: uncertaintyPlan ?? prepareUncertainty(stages, spec.growth, spec.uncertainty),
        instanceAt: (m, s) => {
          const sized = projection.months[m]?.stages[s];
          return sized?.kind === 'sized' ? sized.instance : undefined;
        },
      },
      (sample, sampleIndex) => record(sampleIndex, sample.stages, sample.multipliers, (m, s) => sample.counts[m]?.[s] ?? { nodes: NaN, activeHoursPerDay: 0 }),
    );
  }

  // Commitment ladder on the P10 path of the hourly floor of committable compute (§16.1): a
  // savings plan or CUD is an hourly commitment, so only usage present in every hour can absorb it.
  // Each candidate offer covers only the stages whose instance it applies to (§16.2); the one with
  // the largest expected saving on the likely path is kept.
  const likelyCommittable = likely.map(({ priced }) => sum(priced.map((stage) => stage.committableUsdPerMonth)));
  const stageInstance = stages.map((_, stageIndex) => {
    for (const month of projection.months) {
      const sized = month.stages[stageIndex];
      if (sized?.kind === 'sized') return sized.instance;
    }
    return undefined;
  });
  const coveredSeries = (series: readonly (readonly Float64Array[])[], covered: readonly boolean[]) =>
    Array.from({ length: horizon }, (_, monthIndex) => {
      const total = new Float64Array(samples);
      series.forEach((perStage, stageIndex) => {
        if (!covered[stageIndex]) return;
        const values = seriesAt(perStage, monthIndex);
        for (let i = 0; i < samples; i += 1) total[i] = (total[i] ?? 0) + (values[i] ?? 0);
      });
      return total;
    });
  const ladders = (prices.offers ?? []).map((offer) => {
    const covered = stageInstance.map((instance) => instance !== undefined && offerCovers(offer, instance));
    const coveredLikely = (runsAllDay: boolean) =>
      likely.map(({ month, priced }) =>
        sum(priced.map((stage, stageIndex) => {
          const sized = month.stages[stageIndex];
          const counts = covered[stageIndex] === true && sized?.kind === 'sized' && (!runsAllDay || runsEveryHour(sized.activeHoursPerDay));
          return counts ? stage.committableUsdPerMonth : 0;
        })),
      );
    const floor = coveredSeries(stageFloor, covered);
    const likelyFloor = coveredLikely(true);
    const ladder = commitmentLadder({
      p10UsdPerMonth: floor.map((values) => bandOf(values).p10),
      likelyUsdPerMonth: coveredLikely(false),
      stressPaths:
        spec.uncertainty === undefined
          ? { label: 'growth stops: month-0 hourly floor held flat', paths: [likelyFloor.map(() => likelyFloor[0] ?? 0)] }
          : { label: `${samples} Monte Carlo samples (hourly floor)`, paths: Array.from({ length: samples }, (_, i) => floor.map((values) => values[i] ?? 0)) },
      offer,
    });
    return { ladder, committable: coveredSeries(stageCommittable, covered) };
  });
  const best = ladders.reduce<(typeof ladders)[number] | undefined>((kept, candidate) => (kept === undefined || candidate.ladder.savingUsd > kept.ladder.savingUsd ? candidate : kept), undefined);
  const commitments = best?.ladder ?? null;
  const committable = best?.committable ?? coveredSeries(stageCommittable, stages.map(() => false));
  const committedAt = (monthIndex: number) => commitments?.months[monthIndex]?.committedUsdPerMonth ?? 0;
  const discount = commitments?.offer.discountRatio ?? 0;

  const months: PlannedMonth[] = likely.map(({ month, priced }, monthIndex) => {
    const computeCommittable = likelyCommittable[monthIndex] ?? 0;
    const committed = committedAt(monthIndex);
    const storageUsd = sum(priced.map((stage) => stage.storageUsdPerMonth));
    const networkUsd = sum(priced.map((stage) => stage.crossZoneUsdPerMonth)) + transferUsd(spec.network.internetEgressGibPerMonth * month.demandMultiplier, prices.transfer.internetEgress);
    const breakdown = {
      computeOnDemandUsdPerMonth: Math.max(0, computeCommittable - committed),
      computeSpotUsdPerMonth: sum(priced.map((stage) => stage.spot?.spotUsdPerMonth ?? 0)),
      computeCommittedUsdPerMonth: committed * (1 - discount),
      storageUsdPerMonth: storageUsd,
      networkUsdPerMonth: networkUsd,
      drUsdPerMonth: drUsd(monthIndex),
    };
    const totalUsdPerMonth = sum(Object.values(breakdown));
    const entry = stages.find((stage) => stage.kind !== 'batch');
    const eventsPerSec = entry?.kind === 'broker' || entry?.kind === 'stream' ? trafficAt(entry, month.demandMultiplier).avgEventsPerSec : 0;
    const gibPerDay = sum(stages.map((stage) => (stage.kind === 'batch' ? stage.dataVolumeGibPerRun * stage.runsPerDay * month.demandMultiplier : 0)));
    return {
      monthIndex,
      month: month.month,
      demandMultiplier: month.demandMultiplier,
      stages: priced.map(({ stageName, spot, nodes, computeUsdPerMonth, committableUsdPerMonth, storageUsdPerMonth, crossZoneUsdPerMonth }) => ({
        stageName, spot, nodes, computeUsdPerMonth, committableUsdPerMonth, storageUsdPerMonth, crossZoneUsdPerMonth,
      })),
      breakdown: { ...breakdown, totalUsdPerMonth },
      allOnDemandComputeUsdPerMonth: sum(priced.map((stage) => stage.spot?.allOnDemandUsdPerMonth ?? 0)),
      unitCost: {
        usdPerMillionEvents: isStreaming ? usdPerMillionEvents(totalUsdPerMonth, eventsPerSec) : null,
        usdPerTbProcessed: isStreaming ? null : usdPerTbProcessed(totalUsdPerMonth, gibPerDay),
      },
    };
  });

  const uncertainty: UncertaintyBands = {
    samples,
    seed: spec.uncertainty?.seed ?? null,
    infeasibleSampleRatio: infeasibleSamples / samples,
    months: months.map((month, monthIndex) => {
      // Per sample: compute before commitments, with the committable part re-priced under the ladder.
      const committed = committedAt(monthIndex);
      const usage = seriesAt(committable, monthIndex);
      const totals = Float64Array.from(seriesAt(otherUsd, monthIndex), (other, i) => other - (usage[i] ?? 0) + costWithCommitment(usage[i] ?? 0, committed, discount));
      for (const perStage of stageCompute) {
        const compute = seriesAt(perStage, monthIndex);
        for (let i = 0; i < samples; i += 1) totals[i] = (totals[i] ?? 0) + (compute[i] ?? 0);
      }
      return {
        monthIndex,
        totalUsdPerMonth: bandOf(totals),
        stages: stages.map((stage, s) => ({
          stageName: stage.name,
          nodes: bandOf(stageNodes[s]?.[monthIndex] ?? []),
          computeUsdPerMonth: bandOf(stageCompute[s]?.[monthIndex] ?? []),
        })),
      };
    }),
  };

  const allOnDemandComputeUsd = sum(months.map((month) => month.allOnDemandComputeUsdPerMonth));
  return {
    projection,
    months,
    spotFlags,
    commitments,
    drStrategy,
    dr,
    uncertainty,
    totals: {
      usd: sum(months.map((month) => month.breakdown.totalUsdPerMonth)),
      allOnDemandComputeUsd,
      spotSavingsUsd: sum(likely.flatMap(({ priced }) => priced.map((stage) => stage.spot?.savingsUsdPerMonth ?? 0))),
      commitmentSavingUsd: commitments?.savingUsd ?? 0,
    },
    gaps: planGaps(projection),
    warnings: [...projection.warnings, ...lifecycle.flatMap((issues) => issues.warnings)],
  };
}
