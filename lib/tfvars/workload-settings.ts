/** Workload settings of an export: Flink jobs, Spark jobs and stream autoscaling from the queueing model. */
import { ceilWithTolerance, formatNumber } from "@/lib/model/numeric";

import type { StageCut } from "./cut";
import { why } from "./provenance";
import { num, obj, type TfValue } from "./values";

export function streamJobs(cuts: readonly StageCut[]): TfValue {
  return obj(
    cuts.flatMap((cut) => {
      const { stage, sized } = cut;
      if (stage.kind !== "stream" || sized.stageKind !== "stream") return [];
      return [
        [
          stage.name,
          obj([
            ["parallelism", num(sized.servers, `${sized.workers} task managers × ${stage.workerCores} slots; ${why(cut)}`)],
            ["taskmanager_count", num(sized.workers)],
            ["taskmanager_slots", num(stage.workerCores)],
            ["taskmanager_memory_gib", num(stage.workerMemoryGib)],
            ["source_partitions", num(sized.partitions, "at least the parallelism, so every slot reads")],
          ]),
        ] as const,
      ];
    }),
  );
}

export function batchJobs(cuts: readonly StageCut[]): TfValue {
  return obj(
    cuts.flatMap((cut) => {
      const { stage, sized } = cut;
      if (stage.kind !== "batch" || sized.stageKind !== "batch") return [];
      return [
        [
          stage.name,
          obj([
            ["executor_count", num(sized.workers, `${why(cut)}; runs ${formatNumber(sized.runtimeHoursPerRun)} h of a ${formatNumber(sized.effectiveWindowHours)} h window`)],
            ["executor_cores", num(sized.executor.cores, `chosen to pack ${sized.instance.name} (${sized.executor.perNode} per node)`)],
            ["executor_memory_gib", num(sized.executor.memoryGib)],
            ["runs_per_day", num(stage.runsPerDay)],
            ["completion_window_hours", num(stage.completionWindowHours)],
          ]),
        ] as const,
      ];
    }),
  );
}

/**
 * HPA / KEDA settings of stream stages: target CPU = the stage's utilization ceiling (the ρ the
 * queueing model sized to), replicas between the point's fewest and peak workers (+ the P90), and
 * a KEDA lag threshold = the events one replica processes at its share of the peak within the
 * latency SLO (more lag per replica than that and events wait past the SLO).
 */
export function autoscaling(cuts: readonly StageCut[]): TfValue {
  return obj(
    cuts.flatMap((cut) => {
      const { stage, sized } = cut;
      if (stage.kind !== "stream" || sized.stageKind !== "stream") return [];
      const lowestNodes = cut.lowest.onDemandNodes + cut.lowest.spotNodes;
      const minReplicas = Math.max(1, Math.min(sized.workers, lowestNodes * sized.workersPerNode));
      const lag = ceilWithTolerance((sized.demand.peakEventsPerSec / sized.workers) * (stage.latencySloMs / 1000));
      return [
        [
          stage.name,
          obj([
            ["min_replicas", num(minReplicas, "workers the fewest nodes of the point's months host")],
            ["max_replicas", num(sized.workers + cut.p90ExtraNodes * sized.workersPerNode, cut.p90ExtraNodes > 0 ? "peak workers + the P90 nodes' workers" : "peak workers")],
            ["target_cpu_utilization_percent", num(Math.round(stage.maxUtilizationRatio * 100), "the utilization ceiling the queueing model sized to")],
            ["keda_lag_threshold", num(Math.max(1, lag), `${formatNumber(sized.demand.peakEventsPerSec / sized.workers)} events/s per replica at peak × ${formatNumber(stage.latencySloMs)} ms SLO`)],
          ]),
        ] as const,
      ];
    }),
  );
}
