import type { CatalogInstanceType } from './schema';

/**
 * What replacing a catalog's instance types with an imported list takes away, so an import that
 * would leave scenarios unsizeable (a header-only file, a one-region extract) is stopped and
 * confirmed first (issue 16). Pure.
 */
export type CatalogShrinkage = {
  currentCount: number;
  incomingCount: number;
  /** `provider:region` pairs that have instance types today and none after the import, sorted. */
  regionsEmptied: string[];
  /** An import that leaves no instance type at all: refused outright (every scenario would be unsizeable). */
  empties: boolean;
  /** Needs an explicit confirmation: fewer than {@link KEEP_AT_LEAST} of today's types, or a region emptied. */
  drastic: boolean;
};

/** The share of today's instance types below which an import counts as drastic. */
export const KEEP_AT_LEAST = 0.5;

type Placed = Pick<CatalogInstanceType, 'provider' | 'region'>;

const regionsOf = (types: readonly Placed[]) => new Set(types.map((t) => `${t.provider}:${t.region}`));

/**
 * @example catalogShrinkage(twoRegions, oneRegion) //=> { …, regionsEmptied: ["aws:eu-west-1"], drastic: true }
 */
export function catalogShrinkage(current: readonly Placed[], incoming: readonly Placed[]): CatalogShrinkage {
  const kept = regionsOf(incoming);
  const regionsEmptied = [...regionsOf(current)].filter((region) => !kept.has(region)).sort();
  const empties = incoming.length === 0;
  return {
    currentCount: current.length,
    incomingCount: incoming.length,
    regionsEmptied,
    empties,
    drastic: empties || incoming.length < KEEP_AT_LEAST * current.length || regionsEmptied.length > 0,
  };
}

/** One sentence for the import form: what would go, in counts and regions. */
export function describeShrinkage(shrinkage: CatalogShrinkage): string {
  const { currentCount, incomingCount, regionsEmptied } = shrinkage;
  const counts = `The file has ${incomingCount.toLocaleString('en-US')} instance types; the current catalog has ${currentCount.toLocaleString('en-US')}.`;
  if (regionsEmptied.length === 0) return counts;
  const shown = regionsEmptied.slice(0, 5).join(', ');
  const more = regionsEmptied.length > 5 ? ` and ${regionsEmptied.length - 5} more` : '';
  return `${counts} It has none in ${regionsEmptied.length === 1 ? 'region' : `${regionsEmptied.length} regions`} ${shown}${more}: scenarios priced there could no longer be sized.`;
}
