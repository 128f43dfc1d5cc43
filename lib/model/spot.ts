/**
 * Spot capacity with interruption risk, per stage and month.
 *
 * Split (AWS Auto Scaling mixed-instances policy: OnDemandBaseCapacity, then a percentage above
 * the base, https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_InstancesDistribution.html):
 *
 *   base (on-demand)  = ⌈onDemandBaseRatio × N⌉
 *   spot              = ⌊spotShareRatio × (N − base)⌋
 *
 * N is the node count the capacity model sized for the SLO (queueing, HA spares included). Spot
 * nodes can be reclaimed. The band's rate p is the share of instances interrupted in a month of
 * running (AWS Spot Advisor "frequency of interruption"); a node that runs h hours is interrupted
 * with probability q = 1 − (1 − p)^(h ÷ 730) (a constant hazard per node-hour run), so the
 * exposure is the window the nodes actually live:
 *
 *   streaming (24 h a day)  window = the month: q = p, risk budget = spotRiskToleranceRatio
 *   batch (a run of h h)    window = one run:   q = 1 − (1 − p)^(h ÷ 730),
 *                           risk budget per run = 1 − (1 − tolerance)^(1 ÷ runs per month)
 *
 * Reclaims are correlated within a capacity pool, so a window's interruptions are assumed to land
 * at once [assumption, conservative]. The stage's own spare nodes (N+1) already cover losing that
 * many nodes, so they count towards the tolerated losses instead of being stacked under a
 * separate buffer for the same risk. With s = the stage's spare nodes, buy e extra spot nodes:
 *
 *   e = the smallest e ≥ 0 with P(Binomial(S + e, q) > e + s) ≤ risk budget
 *   residual risk = that probability (per month: 1 − (1 − per-run)^(runs per month) for batch);
 *   a shortfall lasts until replacements are ready, so expected short minutes per month ≈
 *   residual risk per month × spotReplacementMinutes
 *
 * Losing up to e + s of the S + e spot nodes leaves N − s, the demand the stage was sized for. When
 * the extra nodes would exceed the spot nodes they protect (e > S), the spot share cannot meet the
 * SLO at the stated risk: the stage is flagged with the reason and priced on-demand, never
 * silently. When the buffer makes spot cost more than all on-demand, that is reported.
 */
import { nodeGroupUsdPerMonth, nodeUsdPerHour } from './cost';
import { ceilWithTolerance, floorWithTolerance, formatNumber } from './numeric';
import { haPolicy, nodesForFloor } from './sizing';
import type { PricedInstanceType, PurchaseMix, StageSpec } from './types';

/**
 * Monthly interruption rate assumed per Spot Advisor band (share of instances interrupted per
 * month): the upper edge of bands 0–3 (<5, 5–10, 10–15, 15–20 %); band 4 (>20 %) has no upper
 * edge, 0.25 is an [assumption]. Bands: https://spot-bid-advisor.s3.amazonaws.com/spot-advisor-data.json
 * (`ranges`), recorded in shared/reference/domain-anchors.md §4.
 */
export const INTERRUPTION_RATE_BY_BAND: readonly number[] = [0.05, 0.1, 0.15, 0.2, 0.25];

/**
 * Whether a stage may run on spot: stateless stream and batch workers may (Flink restores from
 * checkpoints, Spark retries lost tasks); brokers hold replicated state and stay on-demand or
 * committed. `overrides` (stage name → boolean) wins.
 */
export function isSpotEligible(stage: Pick<StageSpec, 'kind' | 'name'>, overrides: Readonly<Record<string, boolean>>): boolean {
  return overrides[stage.name] ?? stage.kind !== 'broker';
}

/**
 * P(X > k) for X ~ Binomial(n, p), summed in log space so large n does not underflow.
 * @param n - trials (integer ≥ 0)
 * @param p - success probability, 0..1
 * @param k - threshold (integer)
 * @returns the upper tail probability, in [0, 1]
 * @example binomialTailAbove(2, 0.1, 1) //=> 0.01
 */
export function binomialTailAbove(n: number, p: number, k: number): number {
  if (k < 0) return 1;
  if (k >= n || p <= 0) return 0;
  if (p >= 1) return 1;
  const logRatio = Math.log(p) - Math.log1p(-p);
  let logPmf = n * Math.log1p(-p);
  let cdf = Math.exp(logPmf);
  for (let i = 0; i < k; i += 1) {
    logPmf += Math.log((n - i) / (i + 1)) + logRatio;
    cdf += Math.exp(logPmf);
  }
  return Math.min(1, Math.max(0, 1 - cdf));
}

export interface SpotStageMonth {
  /** `spot`: priced with spot; `on-demand`: not eligible or no spot share; `flagged`: the share
   * breaks the SLO at the stated risk and is priced on-demand instead. */
  kind: 'on-demand' | 'spot' | 'flagged';
  /** N, the SLO-sized count without spot. */
  sizedNodes: number;
  onDemandNodes: number;
  /** Spot nodes including the buffer. */
  spotNodes: number;
  /** Extra spot nodes bought beyond N (the stage's spare nodes count towards the tolerated losses). */
  bufferNodes: number;
  /** onDemandNodes + spotNodes. */
  totalNodes: number;
  interruptionRatePerMonthRatio: number;
  residualRiskRatio: number;
  expectedShortMinutesPerMonth: number;
  allOnDemandUsdPerMonth: number;
  onDemandUsdPerMonth: number;
  spotUsdPerMonth: number;
  /** allOnDemand − (onDemand + spot); negative when the buffer costs more than spot saves. */
  savingsUsdPerMonth: number;
  reason: string;
}

export interface SpotStageInput {
  stage: StageSpec;
  /** SLO-sized nodes (HA included). */
  nodes: number;
  instance: PricedInstanceType;
  activeHoursPerDay: number;
  zones: number;
  mix: PurchaseMix;
}

/** Hours in the billing month (8,760 ÷ 12), the unit of the Spot Advisor's monthly rate. */
const HOURS_PER_MONTH = 730;
const HOURS_PER_DAY = 24;

/**
 * The window spot nodes live through and its risk: the month for groups that run all day; one run
 * for batch groups that run part of the day (their nodes are launched per run).
 * @param monthlyRate - p, the share of instances interrupted in a month of running
 * @returns q (probability one node is interrupted in the window), the risk budget per window and
 *   the number of windows in a month
 * @example exposureWindow(0.2, 4, 1, 0.05).interruptionRatio //=> 0.0012220 (= 1 − 0.8^(4/730))
 */
export function exposureWindow(monthlyRate: number, activeHoursPerDay: number, runsPerDay: number, toleranceRatio: number) {
  if (activeHoursPerDay >= HOURS_PER_DAY) {
    return { hours: HOURS_PER_MONTH, interruptionRatio: monthlyRate, riskBudgetRatio: toleranceRatio, windowsPerMonth: 1 };
  }
  const hours = activeHoursPerDay / runsPerDay;
  const windowsPerMonth = (runsPerDay * HOURS_PER_MONTH) / HOURS_PER_DAY;
  return {
    hours,
    interruptionRatio: -Math.expm1((hours / HOURS_PER_MONTH) * Math.log1p(-monthlyRate)),
    riskBudgetRatio: -Math.expm1(Math.log1p(-toleranceRatio) / windowsPerMonth),
    windowsPerMonth,
  };
}

/**
 * The fewest extra spot nodes e with P(Binomial(S + e, q) > e + spare) ≤ budget, or the risk at
 * e = S when even that is not enough.
 */
function bufferFor(spot: number, spare: number, rate: number, budget: number): { buffer: number; risk: number } | { risk: number } {
  for (let buffer = 0; buffer <= spot; buffer += 1) {
    const risk = binomialTailAbove(spot + buffer, rate, buffer + spare);
    if (risk <= budget) return { buffer, risk };
  }
  return { risk: binomialTailAbove(2 * spot, rate, spot + spare) };
}

/** A per-window probability as a probability per month of `windows` independent windows. */
function perMonth(riskPerWindow: number, windows: number): number {
  return windows === 1 ? riskPerWindow : -Math.expm1(windows * Math.log1p(-riskPerWindow));
}

/**
 * The purchase split of one stage in one month, its cost and risk (formulas: module comment).
 * @returns the split, with a sentence saying why; never throws for valid input
 */
export function planSpotStage({ stage, nodes, instance, activeHoursPerDay, zones, mix }: SpotStageInput): SpotStageMonth {
  const rate = INTERRUPTION_RATE_BY_BAND[instance.spotInterruptionBand];
  if (rate === undefined) throw new Error(`spot interruption band ${instance.spotInterruptionBand} is not 0–4 (the pricing schema checks this)`);
  const odUsdPerHour = nodeUsdPerHour(instance, 'on-demand');
  const allOnDemandUsdPerMonth = nodeGroupUsdPerMonth(nodes, odUsdPerHour, activeHoursPerDay);
  const onDemandOnly = (kind: 'on-demand' | 'flagged', reason: string, residualRiskRatio = 0): SpotStageMonth => ({
    kind,
    sizedNodes: nodes,
    onDemandNodes: nodes,
    spotNodes: 0,
    bufferNodes: 0,
    totalNodes: nodes,
    interruptionRatePerMonthRatio: rate,
    residualRiskRatio,
    expectedShortMinutesPerMonth: 0,
    allOnDemandUsdPerMonth,
    onDemandUsdPerMonth: allOnDemandUsdPerMonth,
    spotUsdPerMonth: 0,
    savingsUsdPerMonth: 0,
    reason,
  });
  if (!isSpotEligible(stage, mix.spotEligibility)) {
    return onDemandOnly('on-demand', `${stage.kind} stage "${stage.name}" holds state and stays on-demand (override with spotEligibility).`);
  }
  const base = Math.min(nodes, ceilWithTolerance(mix.onDemandBaseRatio * nodes));
  const spot = floorWithTolerance(mix.spotShareRatio * (nodes - base));
  if (spot === 0) return onDemandOnly('on-demand', `No node above the on-demand base of ${base} is on spot.`);

  const runsPerDay = stage.kind === 'batch' ? stage.runsPerDay : 1;
  const window = exposureWindow(rate, activeHoursPerDay, runsPerDay, mix.spotRiskToleranceRatio);
  const spare = Math.min(stage.spareNodes, nodes);
  const sized = bufferFor(spot, spare, window.interruptionRatio, window.riskBudgetRatio);
  const band = `band ${instance.spotInterruptionBand} (${formatNumber(rate * 100)} % interrupted a month)`;
  const exposure =
    window.windowsPerMonth === 1
      ? ''
      : ` over runs of ${formatNumber(window.hours)} h (${formatNumber(window.interruptionRatio * 100)} % each)`;
  if (!('buffer' in sized)) {
    return onDemandOnly(
      'flagged',
      `${spot} spot nodes in ${band}${exposure} cannot keep the SLO at a monthly risk of ${formatNumber(mix.spotRiskToleranceRatio)}: ` +
        `the buffer would need more nodes than it protects. Priced on-demand; lower the spot share, choose a lower band or accept more risk.`,
      perMonth(sized.risk, window.windowsPerMonth),
    );
  }
  const residualRiskRatio = perMonth(sized.risk, window.windowsPerMonth);
  const ha = haPolicy(stage, zones, stage.kind === 'broker');
  const totalNodes = nodesForFloor(nodes + sized.buffer, ha);
  const spotNodes = spot + sized.buffer;
  const onDemandNodes = totalNodes - spotNodes;
  const onDemandUsdPerMonth = nodeGroupUsdPerMonth(onDemandNodes, odUsdPerHour, activeHoursPerDay);
  const spotUsdPerMonth = nodeGroupUsdPerMonth(spotNodes, nodeUsdPerHour(instance, 'spot'), activeHoursPerDay);
  const savingsUsdPerMonth = allOnDemandUsdPerMonth - onDemandUsdPerMonth - spotUsdPerMonth;
  const verdict =
    savingsUsdPerMonth < 0
      ? ` The buffer costs more than spot saves (${formatNumber(-savingsUsdPerMonth)} USD/month more than all on-demand).`
      : '';
  return {
    kind: 'spot',
    sizedNodes: nodes,
    onDemandNodes,
    spotNodes,
    bufferNodes: sized.buffer,
    totalNodes,
    interruptionRatePerMonthRatio: rate,
    residualRiskRatio,
    expectedShortMinutesPerMonth: residualRiskRatio * mix.spotReplacementMinutes,
    allOnDemandUsdPerMonth,
    onDemandUsdPerMonth,
    spotUsdPerMonth,
    savingsUsdPerMonth,
    reason:
      `${spot} of ${nodes} nodes on spot in ${band}${exposure}, +${sized.buffer} spot buffer` +
      (spare > 0 ? ` (the ${spare} spare node${spare === 1 ? '' : 's'} already in ${nodes} count towards it)` : '') +
      ` so losing ${sized.buffer + spare} still leaves the ${nodes - spare} the demand needs; ` +
      `P(more reclaimed in a month) = ${formatNumber(residualRiskRatio)}.${verdict}`,
  };
}
