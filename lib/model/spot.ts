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
 * nodes can be reclaimed; p = the monthly interruption rate of the instance's band (upper edge).
 * Reclaims are correlated within a capacity pool, so we assume a month's interruptions can land
 * at once [assumption, conservative]. A buffer of L extra spot nodes is added so that losing up to
 * L of the S + L spot nodes still leaves N nodes — the sized capacity, so the SLO holds by the
 * model's own queueing and sizing, which are not duplicated here:
 *
 *   L = the smallest L ≥ ⌈p × (S + L)⌉ (the expected interrupted share) with
 *       P(Binomial(S + L, p) > L) ≤ spotRiskToleranceRatio
 *   residual risk = P(Binomial(S + L, p) > L) per month; a shortfall lasts until replacements are
 *   ready, so expected short minutes per month ≈ residual risk × spotReplacementMinutes
 *
 * When the buffer would exceed the spot nodes it protects (L > S), the spot share cannot meet the
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

/** The smallest buffer meeting the expected share and the risk tolerance, or undefined past S. */
function bufferFor(spot: number, rate: number, tolerance: number): { buffer: number; risk: number } | { risk: number } {
  let buffer = ceilWithTolerance(rate * spot);
  for (; buffer <= spot; buffer += 1) {
    if (buffer < rate * (spot + buffer)) continue;
    const risk = binomialTailAbove(spot + buffer, rate, buffer);
    if (risk <= tolerance) return { buffer, risk };
  }
  return { risk: binomialTailAbove(2 * spot, rate, spot) };
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

  const sized = bufferFor(spot, rate, mix.spotRiskToleranceRatio);
  const band = `band ${instance.spotInterruptionBand} (${formatNumber(rate * 100)} % interrupted a month)`;
  if (!('buffer' in sized)) {
    return onDemandOnly(
      'flagged',
      `${spot} spot nodes in ${band} cannot keep the SLO at a monthly risk of ${formatNumber(mix.spotRiskToleranceRatio)}: ` +
        `the buffer would need more nodes than it protects. Priced on-demand; lower the spot share, choose a lower band or accept more risk.`,
      sized.risk,
    );
  }
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
    residualRiskRatio: sized.risk,
    expectedShortMinutesPerMonth: sized.risk * mix.spotReplacementMinutes,
    allOnDemandUsdPerMonth,
    onDemandUsdPerMonth,
    spotUsdPerMonth,
    savingsUsdPerMonth,
    reason:
      `${spot} of ${nodes} nodes on spot in ${band}, +${sized.buffer} spot buffer so losing ${sized.buffer} still leaves ${nodes}; ` +
      `P(more reclaimed in a month) = ${formatNumber(sized.risk)}.${verdict}`,
  };
}
