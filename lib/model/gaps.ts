/**
 * Where a plan is incomplete: the stages that could not be sized in some month, grouped by the
 * constraint that stopped them. A plan with gaps must never present a total as complete, because
 * an infeasible stage contributes no compute to it (lists, pages, exports and tfvars all say so).
 */
import type { BindingConstraint, CatalogInstanceType, Projection } from './types';

/** One stage's unsized months for one binding constraint. */
export interface PlanGap {
  stageName: string;
  bindingConstraint: BindingConstraint;
  /** The first month's reason (the same constraint usually says the same thing every month). */
  reason: string;
  /** Months (0-based indices into the horizon) in which the stage could not be sized. */
  monthIndices: number[];
  /** ISO 'YYYY-MM' of the first such month. */
  firstMonth: string;
}

/**
 * The gaps of a projection, in stage order then by first month; empty when every stage is sized
 * in every month.
 *
 * @example planGaps(projection) //=> [{ stageName: 'kafka', bindingConstraint: 'instance-catalog', monthIndices: [0, 1, …], firstMonth: '2026-01', reason: '…' }]
 */
export function planGaps<T extends CatalogInstanceType>(projection: Projection<T>): PlanGap[] {
  const gaps = new Map<string, PlanGap>();
  for (const month of projection.months) {
    for (const stage of month.stages) {
      if (stage.kind !== 'infeasible') continue;
      const key = `${stage.stageName}\u0000${stage.bindingConstraint}`;
      const gap = gaps.get(key);
      if (gap) gap.monthIndices.push(month.monthIndex);
      else gaps.set(key, { stageName: stage.stageName, bindingConstraint: stage.bindingConstraint, reason: stage.reason, monthIndices: [month.monthIndex], firstMonth: month.month });
    }
  }
  const order = new Map(projection.stageNames.map((name, index) => [name, index]));
  return [...gaps.values()].sort((a, b) => (order.get(a.stageName) ?? 0) - (order.get(b.stageName) ?? 0) || (a.monthIndices[0] ?? 0) - (b.monthIndices[0] ?? 0));
}
