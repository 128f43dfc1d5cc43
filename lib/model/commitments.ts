/**
 * The commitment ladder: how much compute to commit (reserved instances, savings plans,
 * committed-use discounts), month by month, so the commitment covers the low (P10) path of the
 * projection and on-demand/spot covers the rest.
 *
 * Amounts are on-demand-equivalent USD per month of committable compute (the nodes not on spot),
 * the unit of a spend-based savings plan. A purchase at month m runs for the term (12 or 36
 * months). Greedy ladder: at each month buy
 *
 *   buy(m) = max(0, min over k in [m, m + term) ∩ horizon of (P10(k) − committed(k)))
 *
 * so the committed level never exceeds the P10 path in any month of the term it will still be
 * paid for (within the horizon). Then per month, for a usage path u:
 *
 *   cost = committed × (1 − d) + max(0, u − committed)        (d = the offer's discount ratio)
 *   saving = u − cost;   stranded = max(0, committed − u) × (1 − d)   (paid for, unused)
 *
 * Stranded-commitment risk is evaluated on lower paths: the Monte Carlo samples when the scenario
 * has ranges, else "growth stops" (month-0 usage held flat).
 */
import type { CommitmentOffer } from './types';

export interface CommitmentLadderMonth {
  monthIndex: number;
  /** Committable compute on the P10 path (on-demand-equivalent USD/month). */
  p10UsdPerMonth: number;
  /** Bought this month (on-demand-equivalent USD/month, for the term). */
  purchasedUsdPerMonth: number;
  /** In force this month (on-demand-equivalent USD/month). */
  committedUsdPerMonth: number;
  /** Paid for the commitment this month: committed × (1 − discount). */
  commitmentCostUsdPerMonth: number;
}

export interface CommitmentLadder {
  offer: CommitmentOffer;
  termMonths: number;
  months: CommitmentLadderMonth[];
  /** Saving versus on-demand over the horizon on the likely path. */
  savingUsd: number;
  /** Stranded (paid, unused) over the horizon on the likely path. */
  strandedUsd: number;
  /** Over the lower paths: the share with any stranding, and the mean and worst stranded USD. */
  stress: { label: string; paths: number; strandedProbabilityRatio: number; meanStrandedUsd: number; maxStrandedUsd: number };
  /** Payments after the horizon for purchases whose term outlives it. */
  beyondHorizonUsd: number;
}

const MONTHS_PER_YEAR = 12;

/**
 * The offers to consider: the given id, else every offer of the term. `planScenario` prices the
 * ladder under each and keeps the largest expected saving (not "the smallest discount of the
 * term": a deeper family-bound discount that covers nothing saves nothing).
 * @returns the candidates (at least one), or a sentence saying why there are none
 */
export function candidateOffers(offers: readonly CommitmentOffer[], termYears: 1 | 3, offerId: string | undefined): CommitmentOffer[] | string {
  if (offerId !== undefined) {
    const offer = offers.find((candidate) => candidate.id === offerId);
    return offer === undefined ? `Commitment offer "${offerId}" is not in the pricing.` : [offer];
  }
  const ofTerm = offers.filter((offer) => offer.termYears === termYears);
  return ofTerm.length === 0 ? `The pricing has no ${termYears}-year commitment offer.` : ofTerm;
}

/**
 * Whether an offer can cover usage of an instance type: its family and region are within the
 * offer's `appliesToFamilies` / `appliesToRegions` (absent: all). E.g. an EC2 Instance Savings Plan
 * for m7i covers m7i.* in its region only; a GCP C4A resource CUD never covers n2; an AWS Compute
 * Savings Plan (no scope) covers everything of the provider.
 * @example offerCovers({ appliesToFamilies: ['c4a'], … }, { family: 'n2', region: 'us-central1' }) //=> false
 */
export function offerCovers(offer: Pick<CommitmentOffer, 'appliesToFamilies' | 'appliesToRegions'>, instance: { family: string; region: string }): boolean {
  return (offer.appliesToFamilies?.includes(instance.family) ?? true) && (offer.appliesToRegions?.includes(instance.region) ?? true);
}

/** Cost of committable usage `usage` with `committed` in force: committed × (1 − d) + overflow. */
export function costWithCommitment(usage: number, committed: number, discountRatio: number): number {
  return committed * (1 - discountRatio) + Math.max(0, usage - committed);
}

function strandedOn(path: readonly number[], committed: readonly number[], discountRatio: number): number {
  return path.reduce((sum, usage, index) => sum + Math.max(0, (committed[index] ?? 0) - usage) * (1 - discountRatio), 0);
}

/**
 * Recommends the ladder and prices it (formulas: module comment).
 * @param p10UsdPerMonth - committable compute on the P10 path, per month (on-demand USD/month)
 * @param likelyUsdPerMonth - the same on the likely path
 * @param stressPaths - lower paths to test for stranding, with a label saying what they are
 * @param offer - the commitment offer
 * @example commitmentLadder({ p10UsdPerMonth: [100, 100], likelyUsdPerMonth: [100, 120], stressPaths: { label: 'flat', paths: [[100, 100]] }, offer: { termYears: 1, discountRatio: 0.3, … } }).savingUsd //=> 60
 */
export function commitmentLadder({
  p10UsdPerMonth,
  likelyUsdPerMonth,
  stressPaths,
  offer,
}: {
  p10UsdPerMonth: readonly number[];
  likelyUsdPerMonth: readonly number[];
  stressPaths: { label: string; paths: readonly (readonly number[])[] };
  offer: CommitmentOffer;
}): CommitmentLadder {
  const horizon = p10UsdPerMonth.length;
  const termMonths = offer.termYears * MONTHS_PER_YEAR;
  const committed = new Array<number>(horizon).fill(0);
  const purchased = new Array<number>(horizon).fill(0);
  let beyondHorizonUsd = 0;
  for (let month = 0; month < horizon; month += 1) {
    const end = Math.min(horizon, month + termMonths);
    let headroom = Infinity;
    for (let k = month; k < end; k += 1) headroom = Math.min(headroom, (p10UsdPerMonth[k] ?? 0) - (committed[k] ?? 0));
    const buy = Math.max(0, headroom);
    if (buy === 0) continue;
    purchased[month] = buy;
    for (let k = month; k < end; k += 1) committed[k] = (committed[k] ?? 0) + buy;
    beyondHorizonUsd += buy * (1 - offer.discountRatio) * (month + termMonths - end);
  }
  const d = offer.discountRatio;
  const months = p10UsdPerMonth.map((p10, monthIndex) => {
    const level = committed[monthIndex] ?? 0;
    return {
      monthIndex,
      p10UsdPerMonth: p10,
      purchasedUsdPerMonth: purchased[monthIndex] ?? 0,
      committedUsdPerMonth: level,
      commitmentCostUsdPerMonth: level * (1 - d),
    };
  });
  const savingUsd = likelyUsdPerMonth.reduce(
    (sum, usage, index) => sum + usage - costWithCommitment(usage, committed[index] ?? 0, d),
    0,
  );
  const stranded = stressPaths.paths.map((path) => strandedOn(path, committed, d));
  return {
    offer,
    termMonths,
    months,
    savingUsd,
    strandedUsd: strandedOn(likelyUsdPerMonth, committed, d),
    stress: {
      label: stressPaths.label,
      paths: stranded.length,
      strandedProbabilityRatio: stranded.length === 0 ? 0 : stranded.filter((usd) => usd > 0).length / stranded.length,
      meanStrandedUsd: stranded.length === 0 ? 0 : stranded.reduce((a, b) => a + b, 0) / stranded.length,
      maxStrandedUsd: Math.max(0, ...stranded),
    },
    beyondHorizonUsd,
  };
}
