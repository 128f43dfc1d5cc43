import type { WorkloadSpec } from "@/lib/model/types";

/**
 * The headline traffic of a workload, stored in `WorkloadProfile.peakEventsPerSec` so lists can
 * sort by it: the highest peak events/s of its event stages (broker and stream).
 *
 * The maximum, not the sum: the stages of one pipeline usually carry the same events one after
 * the other (Kafka, then the Flink job reading it), so a sum would count them twice. A stage's
 * peak is its `peakEventsPerSec`, or `avgEventsPerSec × diurnalPeakFactor` when absent, as the
 * model reads it (lib/model/schemas.ts, `trafficShape`).
 *
 * @param spec - a parsed WorkloadSpec (defaults applied)
 * @returns events per second, or null for a workload without event stages (batch only)
 * @example workloadPeakEventsPerSec({ kind: "streaming", stages: [{ kind: "stream", avgEventsPerSec: 1500, peakEventsPerSec: 6000, … }] }) //=> 6000
 */
export function workloadPeakEventsPerSec(spec: WorkloadSpec): number | null {
  let peak: number | null = null;
  for (const stage of spec.stages) {
    if (stage.kind === "batch") continue;
    const stagePeak = stage.peakEventsPerSec ?? stage.avgEventsPerSec * stage.diurnalPeakFactor;
    peak = peak === null ? stagePeak : Math.max(peak, stagePeak);
  }
  return peak;
}
