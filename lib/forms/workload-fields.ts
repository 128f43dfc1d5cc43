/**
 * The inputs of each stage kind as the workload form shows them: label, unit, and help that says
 * what the input means and how to measure it (docs/model.md §3, §7). Keys are the model's own
 * (lib/model/schemas.ts), so the model's schema validates the form directly; the defaults shown
 * for a new stage are the schema's defaults.
 */
import { BatchStageSchema, BrokerStageSchema, StreamStageSchema } from "@/lib/model/schemas";
import type { StageKind, StageSpec } from "@/lib/model/types";

import type { FieldSpec } from "./form-values";

const stageName: FieldSpec = {
  name: "name",
  label: "Stage name",
  help: "Unique within the workload, e.g. the Kafka cluster or job name. Scenarios refer to stages by this name.",
  type: "text",
};

const traffic: FieldSpec[] = [
  {
    name: "avgEventsPerSec",
    label: "Average events per second",
    unit: "events/s",
    help: "Mean arrival rate over a day. Measure it from the topic's or job's input rate (e.g. Kafka BytesInPerSec ÷ event size, averaged over 24 h).",
    type: "number",
  },
  {
    name: "peakEventsPerSec",
    label: "Peak events per second",
    unit: "events/s",
    help: "The busiest sustained rate (e.g. the highest 5-minute average of the week). Sizing uses the peak. Leave empty to use average × diurnal peak factor.",
    type: "number",
    optional: true,
  },
  {
    name: "diurnalPeakFactor",
    label: "Diurnal peak factor",
    unit: "× average",
    help: "Peak ÷ average, used only when peak events/s is empty. 2 is a typical consumer-facing daily cycle (an assumption).",
    type: "number",
  },
  {
    name: "eventSizeBytes",
    label: "Event size",
    unit: "bytes",
    help: "Mean serialized size of one event as written to the broker (bytes in ÷ events in).",
    type: "number",
  },
];

const nodeOverhead: FieldSpec[] = [
  {
    name: "nodeOverhead.systemReserved",
    label: "System reservation",
    help: "What each node gives up to the platform: GKE's documented kube/system reservation, or none for plain VMs.",
    type: "select",
    options: [
      { value: "gke", label: "Kubernetes (GKE reservation)" },
      { value: "none", label: "None (plain VMs)" },
    ],
    advanced: true,
  },
  {
    name: "nodeOverhead.daemonVcpu",
    label: "Per-node daemon vCPU",
    unit: "vCPU",
    help: "CPU taken by per-node agents (logging, metrics, CNI). Read it from the DaemonSets' requests.",
    type: "number",
    advanced: true,
  },
  {
    name: "nodeOverhead.daemonMemoryGib",
    label: "Per-node daemon memory",
    unit: "GiB",
    help: "Memory taken by per-node agents. Read it from the DaemonSets' requests.",
    type: "number",
    advanced: true,
  },
];

const ha: FieldSpec[] = [
  {
    name: "spareNodes",
    label: "Spare nodes",
    unit: "nodes",
    help: "Nodes added on top of demand so the stage survives losing that many (1 = N+1).",
    type: "number",
    step: "1",
    advanced: true,
  },
  {
    name: "spreadAcrossZones",
    label: "Spread across zones",
    help: "At least one node per zone (brokers: an equal count per zone, for rack-aware replica placement).",
    type: "checkbox",
    advanced: true,
  },
];

const maxUtilization = (help: string): FieldSpec => ({
  name: "maxUtilizationRatio",
  label: "Max utilization",
  unit: "ratio 0–1",
  help,
  type: "number",
});

const workerShape = (cores: string, memory: string): FieldSpec[] => [
  { name: "workerCores", label: "Worker cores", unit: "cores", help: cores, type: "number", step: "1" },
  { name: "workerMemoryGib", label: "Worker memory", unit: "GiB", help: memory, type: "number" },
];

const partitionRead: FieldSpec = {
  name: "partitionReadMibPerSec",
  label: "Per-partition read limit",
  unit: "MiB/s",
  help: "What one consumer can read from one partition; 10 MiB/s is the cautious end of Confluent's guidance. Measure with a consumer benchmark.",
  type: "number",
  advanced: true,
};

const brokerFields: FieldSpec[] = [
  stageName,
  ...traffic,
  { name: "replicationFactor", label: "Replication factor", unit: "copies", help: "Copies of each partition (Kafka replication.factor); 3 is the usual production setting.", type: "number", step: "1" },
  { name: "retentionHours", label: "Retention", unit: "hours", help: "How long the broker keeps data (log.retention.hours; Kafka's default is 168 = 7 days).", type: "number" },
  { name: "consumerGroups", label: "Consumer groups", unit: "groups", help: "Independent readers of the topic; each reads every event once (kafka-consumer-groups --list).", type: "number", step: "1" },
  { name: "diskGibPerBroker", label: "Disk per broker", unit: "GiB", help: "Attached log volume per broker.", type: "number" },
  { name: "partitionWriteMibPerSec", label: "Per-partition write limit", unit: "MiB/s", help: "What one partition can absorb; tens of MiB/s is typical, 10 the cautious end.", type: "number", advanced: true },
  partitionRead,
  { name: "maxPartitionReplicasPerBroker", label: "Max partition replicas per broker", unit: "replicas", help: "Confluent's ZooKeeper-era guidance is 4,000 per broker.", type: "number", step: "1", advanced: true },
  { name: "diskFillTargetRatio", label: "Disk fill target", unit: "ratio 0–1", help: "Share of each disk you allow to fill; 0.6–0.7 leaves room for rebalancing and bursts.", type: "number", advanced: true },
  { name: "maxNetworkUtilizationRatio", label: "Max network utilization", unit: "ratio 0–1", help: "Share of the NIC's sustained bandwidth in use at peak; 0.7 leaves headroom to re-replicate after a node loss.", type: "number", advanced: true },
  { ...maxUtilization("Share of each broker's CPU in use at peak."), advanced: true },
  { name: "cpuMsPerMib", label: "CPU per MiB read", unit: "ms/MiB", help: "CPU time to serve one MiB to consumers and follower replicas; 40 ms is the default. Measure as CPU-seconds ÷ MiB fetched.", type: "number", advanced: true },
  { name: "cpuMsPerMibWritten", label: "CPU per MiB written", unit: "ms/MiB", help: "CPU time to accept one MiB from producers; 30 ms is the default. Measure as CPU-seconds ÷ MiB produced.", type: "number", advanced: true },
  { name: "hotRetentionMinutes", label: "Hot (page-cache) retention", unit: "minutes", help: "How far behind consumers read from memory rather than disk.", type: "number", advanced: true },
  { name: "brokerHeapGib", label: "Broker heap", unit: "GiB", help: "JVM heap per broker; Confluent recommends 6 GiB. The rest of memory is page cache.", type: "number", advanced: true },
  { name: "minBrokerVcpu", label: "Minimum broker vCPU", unit: "vCPU", help: "Smallest instance the brokers may run on.", type: "number", advanced: true },
  { name: "minBrokerMemoryGib", label: "Minimum broker memory", unit: "GiB", help: "Smallest instance memory the brokers may run on.", type: "number", advanced: true },
  ...nodeOverhead,
  ...ha,
];

const streamFields: FieldSpec[] = [
  stageName,
  ...traffic,
  { name: "cpuMsPerEvent", label: "CPU time per event", unit: "ms", help: "Mean CPU time one event takes on one core: busy CPU-seconds ÷ events processed over the same window, × 1,000.", type: "number" },
  { name: "cpuMsPerEventCv", label: "CPU time variability (CV)", unit: "std ÷ mean", help: "Coefficient of variation of the per-event CPU time; 1 = exponential, > 1 bursty (some events are much slower).", type: "number" },
  { name: "interArrivalCv", label: "Arrival burstiness (CV)", unit: "std ÷ mean", help: "Coefficient of variation of the gaps between events; 1 = Poisson, > 1 bursty. Estimate from per-second counts.", type: "number" },
  { name: "latencySloPercentile", label: "Latency SLO percentile", unit: "percentile", help: "The percentile the SLO applies to, e.g. 99 for p99.", type: "number" },
  { name: "latencySloMs", label: "Latency SLO target", unit: "ms", help: "Processing time (wait + service) that the SLO percentile must stay under.", type: "number" },
  maxUtilization("Ceiling on busy cores ÷ cores at peak; 0.7 is a common headroom target."),
  ...workerShape("Cores per worker (Flink task manager slots, consumer threads). Each core processes one event at a time.", "Memory each worker requests."),
  {
    name: "routing",
    label: "Queue routing",
    help: "Per worker: each worker only serves the events routed to it (a Kafka partition's consumer, keyBy, round-robin or hash load balancing), so it needs more headroom for the same tail latency. Pooled: idle cores take from one shared queue (consumers pulling from SQS or one Pub/Sub subscription, a least-loaded balancer).",
    type: "select",
    options: [
      { value: "per-worker", label: "Per worker (partitioned, load-balanced)" },
      { value: "pooled", label: "Pooled (one shared work queue)" },
    ],
  },
  partitionRead,
  ...nodeOverhead,
  ...ha,
];

const batchFields: FieldSpec[] = [
  stageName,
  { name: "dataVolumeGibPerRun", label: "Data volume per run", unit: "GiB", help: "Input read by one run (the job's input bytes in the Spark UI).", type: "number" },
  { name: "throughputGibPerCoreHour", label: "Throughput per core-hour", unit: "GiB/core-hour", help: "GiB one core processes in an hour: input GiB ÷ (executor cores × run hours) of a past run.", type: "number" },
  { name: "runsPerDay", label: "Runs per day", unit: "runs", help: "1 for nightly, 24 for hourly.", type: "number" },
  { name: "completionWindowHours", label: "Completion window", unit: "hours", help: "The SLA: a run must finish within this many hours.", type: "number" },
  maxUtilization("Share of the window a run may use (room for stragglers and retries); 0.8 is an assumption."),
  ...workerShape(
    "The largest executor. The model picks between half and all of these cores per executor, whichever packs each node type best, and reports how much of each node's CPU and memory is allocated.",
    "Memory of the largest executor; smaller executors keep the same memory per core.",
  ),
  ...nodeOverhead,
  ...ha,
];

export const STAGE_FIELDS: Record<StageKind, readonly FieldSpec[]> = {
  broker: brokerFields,
  stream: streamFields,
  batch: batchFields,
};

export const STAGE_KINDS: readonly { kind: StageKind; label: string; description: string }[] = [
  { kind: "broker", label: "Broker", description: "A Kafka-style message broker, one broker per node." },
  { kind: "stream", label: "Stream", description: "A stream processor (Flink, consumers) sized by queueing against a latency SLO." },
  { kind: "batch", label: "Batch", description: "A batch job (Spark) sized to finish within its window." },
];

/**
 * A new stage of `kind` with the schema's defaults and starter traffic, named `name`.
 * The starter figures are placeholders for the architect to replace, not recommendations.
 */
export function newStage(kind: StageKind, name: string): StageSpec {
  switch (kind) {
    case "broker":
      return BrokerStageSchema.parse({ kind, name, avgEventsPerSec: 1000 });
    case "stream":
      return StreamStageSchema.parse({ kind, name, avgEventsPerSec: 1000, cpuMsPerEvent: 1 });
    case "batch":
      return BatchStageSchema.parse({ kind, name, dataVolumeGibPerRun: 100, throughputGibPerCoreHour: 10 });
  }
}
