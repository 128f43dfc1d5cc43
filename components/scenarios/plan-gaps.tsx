import Link from "next/link";

import { formatCount } from "@/lib/format";
import type { PlanGap } from "@/lib/model/gaps";
import type { BindingConstraint } from "@/lib/model/types";

/** What a user can change when a stage cannot be sized for a given reason, and where in the scenario form. */
const FIXES: Record<BindingConstraint, { fix: string; field?: string }> = {
  "instance-catalog": { fix: "allow another instance type or family (or let Headroom pick the cheapest that fits)", field: "spec.instance.instanceType" },
  "instance-fit": { fix: "allow a larger instance type or another family", field: "spec.instance.instanceType" },
  "model-limit": { fix: "raise the node cap or split the stage: the load exceeds what one node group can serve", field: "spec.instance.instanceType" },
  "latency-slo": { fix: "relax the latency SLO (or its percentile) in the SLO overrides, or allow faster instances" },
  "queue-stability": { fix: "allow more or faster nodes, or relax the SLO in the SLO overrides" },
  "utilization-ceiling": { fix: "raise the utilization ceiling in the SLO overrides, or allow faster instances" },
  "min-servers": { fix: "lower the stage's minimum node count" },
  "completion-window": { fix: "widen the completion window in the SLO overrides, or allow faster instances" },
  "run-interval": { fix: "run less often, or allow faster instances" },
  "broker-disk": { fix: "shorten retention or allow instance types with more disk", field: "spec.instance.instanceType" },
  "broker-network-in": { fix: "allow instance types with more network bandwidth", field: "spec.instance.instanceType" },
  "broker-network-out": { fix: "allow instance types with more network bandwidth", field: "spec.instance.instanceType" },
  "broker-disk-throughput": { fix: "allow instance types with more block-storage bandwidth, or local-NVMe types", field: "spec.instance.instanceType" },
  "broker-cpu": { fix: "allow instance types with more vCPUs", field: "spec.instance.instanceType" },
  "broker-memory": { fix: "allow instance types with more memory", field: "spec.instance.instanceType" },
  "stream-network": { fix: "allow instance types with more network bandwidth", field: "spec.instance.instanceType" },
  "partition-replicas": { fix: "allow more brokers (raise the node cap) or fewer partitions per broker" },
  "replication-factor": { fix: "lower the replication factor or use more zones", field: "spec.zones" },
  "zone-spread": { fix: "use fewer zones or allow more nodes", field: "spec.zones" },
};

/** "kafka in 24 months" — one gap as the totals name it. */
function gapPhrase(gap: PlanGap): string {
  const months = gap.monthIndices.length;
  return `${gap.stageName} in ${formatCount(months, "month")}`;
}

/**
 * The note every total of an incomplete plan carries: "incomplete: excludes kafka in 24 months".
 * Null when the plan is complete.
 */
export function incompleteNote(gaps: readonly PlanGap[]): string | null {
  if (gaps.length === 0) return null;
  const byStage = new Map<string, PlanGap>();
  for (const gap of gaps) {
    const seen = byStage.get(gap.stageName);
    // One stage can be stopped by different constraints in different months: count its months once.
    byStage.set(gap.stageName, seen ? { ...seen, monthIndices: [...new Set([...seen.monthIndices, ...gap.monthIndices])] } : gap);
  }
  return `incomplete: excludes ${[...byStage.values()].map(gapPhrase).join(", ")}`;
}

/** The gaps restricted to the given months (0-based): what one month's total leaves out. */
export function gapsInMonths(gaps: readonly PlanGap[], monthIndices: readonly number[]): PlanGap[] {
  return gaps
    .map((gap) => ({ ...gap, monthIndices: gap.monthIndices.filter((index) => monthIndices.includes(index)) }))
    .filter((gap) => gap.monthIndices.length > 0);
}

/** Where to change a scenario so the gap closes: the form field, when one field decides it. */
function fixHref(editHref: string, field: string | undefined): string {
  return field ? `${editHref}#f-${field.replace(/[^a-zA-Z0-9_-]/g, "-")}` : editHref;
}

/**
 * The banner above an incomplete plan: per stage and binding constraint, how many months could not
 * be sized, why, and what to change (with a link to the field), so totals are never read as complete.
 */
export function PlanGapsBanner({ gaps, horizonMonths, editHref }: { gaps: readonly PlanGap[]; horizonMonths: number; editHref: string }) {
  if (gaps.length === 0) return null;
  return (
    <div role="alert" aria-labelledby="plan-gaps-heading" className="rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-900">
      <h2 id="plan-gaps-heading" className="font-semibold">
        This plan is incomplete: {incompleteNote(gaps)?.replace(/^incomplete: /, "")}. Its totals leave those stage-months out.
      </h2>
      <ul className="mt-2 grid gap-2">
        {gaps.map((gap) => {
          const { fix, field } = FIXES[gap.bindingConstraint];
          return (
            <li key={`${gap.stageName}-${gap.bindingConstraint}`}>
              <span className="font-medium">{gap.stageName}</span> cannot be sized in {formatCount(gap.monthIndices.length, "month")} of {horizonMonths} (from {gap.firstMonth}); binding
              constraint <code className="rounded bg-red-100 px-1">{gap.bindingConstraint}</code>: {gap.reason}{" "}
              <span className="font-medium">Fix: </span>
              <Link href={fixHref(editHref, field)} className="font-medium text-red-900 underline underline-offset-2">
                {fix}
              </Link>
              .
            </li>
          );
        })}
      </ul>
    </div>
  );
}
