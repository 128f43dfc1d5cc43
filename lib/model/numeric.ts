/**
 * Small numeric helpers shared by the model. Internal: not part of the public API.
 */

/**
 * Relative tolerance for "this quotient is really an integer": 1e-9 absorbs the rounding of a few
 * floating-point operations (e.g. 7 / 0.7 = 10.000000000000002) without hiding a real excess.
 */
const INTEGER_SNAP_RELATIVE = 1e-9;

/**
 * ⌈x⌉ that treats values within a relative 1e-9 above an integer as that integer, so a demand of
 * exactly 10 nodes computed as 10.000000000000002 does not become 11.
 * @param x - any finite number ≥ 0
 */
export function ceilWithTolerance(x: number): number {
  return Math.ceil(x - INTEGER_SNAP_RELATIVE * Math.max(1, Math.abs(x)));
}

/**
 * A number for explanations: whole numbers from 100 up, 3 significant figures below, thousands
 * separators, no locale (identical output everywhere). Display only: never feed the result back
 * into a calculation.
 * @example formatNumber(2531.25) //=> '2,531'; formatNumber(0.71875) //=> '0.719'
 */
export function formatNumber(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  const magnitude = Math.abs(x);
  if (magnitude >= 100) {
    const whole = String(Math.round(x));
    return magnitude >= 999.5 ? addThousandsSeparators(whole) : whole;
  }
  return Number.isInteger(x) ? String(x) : String(Number(x.toPrecision(3)));
}

/** '3600000' → '3,600,000'. */
export function addThousandsSeparators(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** ⌊x⌋ that treats values within a relative 1e-9 below an integer as that integer (see above). */
export function floorWithTolerance(x: number): number {
  return Math.floor(x + INTEGER_SNAP_RELATIVE * Math.max(1, Math.abs(x)));
}

/**
 * "1 worker", "3 workers", "2,048 nodes": a count with its noun, for explanations.
 * @example count(1, 'server') //=> '1 server'
 */
export function count(n: number, noun: string): string {
  return `${formatNumber(n)} ${n === 1 ? noun : `${noun}s`}`;
}
