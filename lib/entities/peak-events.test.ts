import { describe, expect, it } from "vitest";

import { exampleWorkloads } from "@/lib/model/examples";
import { WorkloadSpecSchema } from "@/lib/model/schemas";

import { workloadPeakEventsPerSec } from "./peak-events";

const stream = (name: string, traffic: { avgEventsPerSec: number; peakEventsPerSec?: number; diurnalPeakFactor?: number }) => ({
  kind: "stream" as const,
  name,
  cpuMsPerEvent: 1,
  ...traffic,
});

describe("workloadPeakEventsPerSec", () => {
  it.each([
    ["an explicit peak", [stream("a", { avgEventsPerSec: 1500, peakEventsPerSec: 6000 })], 6000],
    ["average × diurnal peak factor when no peak is given", [stream("a", { avgEventsPerSec: 40_000, diurnalPeakFactor: 2.5 })], 100_000],
    ["the schema's default factor (2)", [stream("a", { avgEventsPerSec: 10 })], 20],
    [
      "the largest stage, not the sum (stages carry the same events)",
      [stream("a", { avgEventsPerSec: 100, peakEventsPerSec: 300 }), stream("b", { avgEventsPerSec: 100, peakEventsPerSec: 200 })],
      300,
    ],
  ])("takes %s", (_, stages, expected) => {
    expect(workloadPeakEventsPerSec(WorkloadSpecSchema.parse({ kind: "streaming", stages }))).toBe(expected);
  });

  it("is null for a batch-only workload", () => {
    const spec = WorkloadSpecSchema.parse({
      kind: "batch",
      stages: [{ kind: "batch", name: "etl", dataVolumeGibPerRun: 10, throughputGibPerCoreHour: 5 }],
    });
    expect(workloadPeakEventsPerSec(spec)).toBeNull();
  });

  it("gives the demo workloads their headline figures", () => {
    expect(exampleWorkloads.map((e) => [e.name, workloadPeakEventsPerSec(e.spec)])).toEqual([
      ["Clickstream (Kafka → Flink)", 100_000],
      ["Nightly Spark ETL", null],
      ["Fraud scoring stream", 6000],
    ]);
  });
});
