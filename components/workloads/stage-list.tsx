import { Badge } from "@/components/ui/badge";
import { formatCompact, formatInteger } from "@/lib/format";
import type { StageSpec } from "@/lib/model/types";

type Figure = { label: string; value: string };

/** The inputs that define a stage's size, with their units; the rest keep their defaults. */
function stageFigures(stage: StageSpec): Figure[] {
  switch (stage.kind) {
    case "broker":
      return [
        { label: "Average events/s", value: formatCompact(stage.avgEventsPerSec) },
        { label: "Event size", value: `${formatInteger(stage.eventSizeBytes)} B` },
        { label: "Replication factor", value: String(stage.replicationFactor) },
        { label: "Retention", value: `${formatInteger(stage.retentionHours)} h` },
        { label: "Consumer groups", value: String(stage.consumerGroups) },
      ];
    case "stream":
      return [
        { label: "Average events/s", value: formatCompact(stage.avgEventsPerSec) },
        { label: "CPU per event", value: `${stage.cpuMsPerEvent} ms (CV ${stage.cpuMsPerEventCv})` },
        { label: "Latency SLO", value: `p${stage.latencySloPercentile} ≤ ${formatInteger(stage.latencySloMs)} ms` },
        { label: "Max utilization", value: `${Math.round(stage.maxUtilizationRatio * 100)} %` },
        { label: "Worker", value: `${stage.workerCores} cores, ${stage.workerMemoryGib} GiB` },
        { label: "Queue routing", value: stage.routing === "pooled" ? "Pooled (one shared queue)" : "Per worker" },
      ];
    case "batch":
      return [
        { label: "Data per run", value: `${formatInteger(stage.dataVolumeGibPerRun)} GiB` },
        { label: "Throughput", value: `${stage.throughputGibPerCoreHour} GiB per core-hour` },
        { label: "Runs per day", value: String(stage.runsPerDay) },
        { label: "Completion window", value: `${stage.completionWindowHours} h` },
        { label: "Worker", value: `${stage.workerCores} cores, ${stage.workerMemoryGib} GiB` },
      ];
  }
}

const KIND_LABEL: Record<StageSpec["kind"], string> = { broker: "Message broker", stream: "Stream processing", batch: "Batch" };

/** A workload's pipeline, stage by stage, in order. */
export function StageList({ stages }: { stages: StageSpec[] }) {
  return (
    <ol className="flex flex-col gap-3">
      {stages.map((stage, index) => (
        <li key={stage.name} className="rounded-md border border-slate-200 px-4 py-3">
          <div className="mb-2 flex items-center gap-2">
            <span className="text-xs font-semibold text-slate-500">{index + 1}</span>
            <h3 className="font-mono text-sm font-semibold text-slate-900">{stage.name}</h3>
            <Badge tone="info">{KIND_LABEL[stage.kind]}</Badge>
          </div>
          <dl className="grid grid-cols-2 gap-x-6 gap-y-1 text-sm sm:grid-cols-3 lg:grid-cols-5">
            {stageFigures(stage).map((figure) => (
              <div key={figure.label}>
                <dt className="text-xs text-slate-500">{figure.label}</dt>
                <dd className="tabular-nums text-slate-900">{figure.value}</dd>
              </div>
            ))}
          </dl>
        </li>
      ))}
    </ol>
  );
}
