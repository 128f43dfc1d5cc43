import { parse } from "@cdktf/hcl2json";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { buildTfvars, type TfvarsResult } from "./build";
import { tfvarsFileName } from "./export";
import { resolvePoint, PointQuerySchema } from "./point";
import { demoCases, PROVIDERS } from "./testing/demo-plans";
import { AKS_NODE_POOL, GKE_NODE_POOL, uniqueNames } from "./names";
import { hclString, num, obj, renderHcl, renderJson, str, toJson, type JsonValue, type TfvarsDocument } from "./values";

/**
 * hcl2json answers in HCL's JSON syntax, where a string is a template: a literal `${` comes back
 * as `$${` (and `%{` as `%%{`). Terraform reads `.tfvars.json` values literally, so compare the
 * literal text (checked against terraform itself in terraform.int.test.ts).
 */
function literal(value: unknown): JsonValue {
  if (typeof value === "string") return value.replace(/\$\$\{/g, "${").replace(/%%\{/g, "%{");
  if (Array.isArray(value)) return value.map(literal);
  if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([key, item]) => [literal(key) as string, literal(item)]));
  return value as JsonValue;
}

async function parseHcl(text: string): Promise<JsonValue> {
  return literal(await parse("export.auto.tfvars", text));
}

const NOW = new Date("2026-12-02T03:00:00Z");
const cases = demoCases();

function built(result: TfvarsResult) {
  if (!result.ok) throw new Error(result.message);
  return result;
}

describe("tfvars of every demo scenario × provider", () => {
  it("covers 6 demo scenarios in 3 providers", () => {
    expect(cases).toHaveLength(18);
    expect(new Set(cases.map((c) => c.provider))).toEqual(new Set(PROVIDERS));
  });

  it.each(cases.map((c) => [c.label, c] as const))("%s: the HCL parses back equal to the JSON variant", async (_label, c) => {
    const result = built(buildTfvars({ ...c.inputs, point: { kind: "next-12-months" }, generatedAt: NOW }));
    const hcl = renderHcl(result.document);
    const json = JSON.parse(renderJson(result.document)) as JsonValue;
    expect(await parseHcl(hcl)).toEqual(json);
    const nodeGroups = { aws: "eks_node_groups", gcp: "gke_node_pools", azure: "aks_node_pools" }[c.provider];
    expect(Object.keys(json as object)).toContain(nodeGroups);
  });

  it.each(cases.map((c) => [c.label, c] as const))("%s: node counts are the plan's peak per stage in the next 12 months", (_label, c) => {
    const result = built(buildTfvars({ ...c.inputs, point: { kind: "next-12-months" }, generatedAt: NOW }));
    const { computed } = c.inputs;
    if (computed.kind !== "priced") throw new Error("demo plans are priced");
    const months = computed.plan.months.filter((month) => month.month >= "2026-12" && month.month <= "2027-11");
    expect(months).toHaveLength(12);
    const json = toJson(obj(result.document.variables)) as Record<string, Record<string, Record<string, unknown>>>;
    const groups = Object.values(json[{ aws: "eks_node_groups", gcp: "gke_node_pools", azure: "aks_node_pools" }[c.provider]] ?? {});
    const desired = (group: Record<string, unknown>): number => {
      const scaling = group.scaling_config as { desired_size: number } | undefined;
      return scaling ? scaling.desired_size : (group.node_count as number);
    };
    computed.plan.projection.stageNames.forEach((stageName, stageIndex) => {
      const sized = months.filter((month) => computed.plan.projection.months[month.monthIndex]?.stages[stageIndex]?.kind === "sized");
      if (sized.length === 0) return expect(result.unsized.map((stage) => stage.stageName)).toContain(stageName);
      const peak = Math.max(...sized.map((month) => month.stages[stageIndex]?.nodes ?? 0));
      const broker = json.kafka_brokers?.[stageName] as { broker_count: number } | undefined;
      const exported = broker ? broker.broker_count : groups.filter((group) => ((group.labels ?? group.node_labels) as Record<string, string>)["headroom.io/stage"] === stageName).reduce((sum, group) => sum + desired(group), 0);
      expect(exported, stageName).toBe(peak);
    });
  });

  it("is deterministic: the same inputs give the same bytes, another time changes only the time stamps", () => {
    const [first] = cases;
    if (!first) throw new Error("no cases");
    const render = (generatedAt: Date) => renderHcl(built(buildTfvars({ ...first.inputs, point: { kind: "month", month: "2026-06" }, generatedAt })).document);
    expect(render(NOW)).toBe(render(NOW));
    const later = render(new Date("2026-12-02T04:00:00Z")).split("\n");
    const now = render(NOW).split("\n");
    const changed = now.filter((line, index) => line !== later[index]);
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.every((line) => line.includes("2026-12-02T03:00:00.000Z"))).toBe(true);
  });

  it("states the month asked for, and the provider's capacity types", () => {
    const aws = cases.find((c) => c.provider === "aws" && c.label.startsWith("Steady"));
    if (!aws) throw new Error("no case");
    const result = built(buildTfvars({ ...aws.inputs, point: { kind: "month", month: "2026-06" }, generatedAt: NOW }));
    expect(result.point).toEqual({ kind: "month", fromIndex: 5, toIndex: 5, label: "2026-06" });
    const json = JSON.parse(renderJson(result.document)) as { eks_node_groups: Record<string, { capacity_type: string }> };
    expect(new Set(Object.values(json.eks_node_groups).map((group) => group.capacity_type))).toEqual(new Set(["ON_DEMAND", "SPOT"]));
  });

  it("lets the autoscaler reach the P90 of the Monte Carlo when the scenario has ranges", () => {
    const [withBands] = demoCases({ bands: true, only: (name, provider) => name.startsWith("Steady") && provider === "aws" });
    if (!withBands) throw new Error("no case");
    const result = built(buildTfvars({ ...withBands.inputs, point: { kind: "next-12-months" }, generatedAt: NOW }));
    const json = JSON.parse(renderJson(result.document)) as { eks_node_groups: Record<string, { scaling_config: { desired_size: number; max_size: number } }> };
    const spot = json.eks_node_groups["flink-sessionize-spot"]?.scaling_config;
    const { computed } = withBands.inputs;
    if (computed.kind !== "priced" || !spot) throw new Error("priced plan with a spot group expected");
    const stage = result.stages.find((s) => s.stageName === "flink-sessionize");
    const monthIndex = computed.plan.months.findIndex((month) => month.month === stage?.month);
    const band = computed.plan.uncertainty.months[monthIndex]?.stages[1]?.nodes;
    const sized = computed.plan.projection.months[monthIndex]?.stages[1];
    if (!band || sized?.kind !== "sized") throw new Error("band expected");
    // max = desired + (⌈P90 sized nodes⌉ − likely sized nodes), derived from the plan's own band.
    expect(spot.max_size - spot.desired_size).toBe(Math.max(0, Math.ceil(band.p90) - sized.nodes));
    expect(spot.max_size).toBeGreaterThan(spot.desired_size);
  });

  it("refuses a month outside the plan, naming the field", () => {
    const [first] = cases;
    if (!first) throw new Error("no cases");
    expect(buildTfvars({ ...first.inputs, point: { kind: "month", month: "2031-01" }, generatedAt: NOW })).toEqual({ ok: false, field: "month", message: "2031-01 is outside the plan, which covers 2026-01 to 2028-12." });
  });

  it("names files after the scenario", () => {
    expect(tfvarsFileName("Steady 4 % monthly growth", "hcl")).toBe("steady-4-monthly-growth.auto.tfvars");
    expect(tfvarsFileName('"${evil}"\n', "json")).toBe("evil.auto.tfvars.json");
  });
});

describe("derived settings, checked by hand from the demo inputs", () => {
  const at = (name: string, provider: string, month: string) => {
    const c = cases.find((item) => item.label.startsWith(name) && item.provider === provider);
    if (!c) throw new Error("no case");
    const result = built(buildTfvars({ ...c.inputs, point: { kind: "month", month }, generatedAt: NOW }));
    return { json: JSON.parse(renderJson(result.document)) as Record<string, Record<string, Record<string, unknown>>>, stages: result.stages };
  };

  it("sizes a broker's volume throughput and IOPS from its share of replicated writes", () => {
    // Clickstream, 2026-01 (demand × 1): peak = 40,000 events/s × 2.5 × 1,200 B = 120,000,000 B/s
    // = 114.44 MiB/s; × RF 3 ÷ compression 4 = 85.83 MiB/s written across the cluster.
    const { json, stages } = at("Steady", "aws", "2026-01");
    const brokers = stages.find((stage) => stage.stageName === "kafka-clickstream")?.nodes ?? 0;
    const perBroker = (40_000 * 2.5 * 1200 * 3) / 4 / 1024 / 1024 / brokers;
    const volume = (json.kafka_brokers?.["kafka-clickstream"] as { volume: { throughput_mibps: number; iops: number } }).volume;
    expect(volume.throughput_mibps).toBe(Math.ceil(perBroker));
    expect(volume.iops).toBe(volume.throughput_mibps * 4); // 1024 KiB ÷ 256 KiB per I/O
  });

  it("sets topic retention and tiering from the scenario's storage policy", () => {
    const topic = at("Steady", "aws", "2026-01").json.kafka_topics?.["kafka-clickstream"];
    // 30 days retention, 3 hot days then warm (no cold tier): 30 × 86,400,000 ms and
    // 3 × 86,400,000 ms; RF 3 → min ISR 2.
    expect(topic).toMatchObject({ replication_factor: 3, min_insync_replicas: 2, retention_ms: 2_592_000_000, local_retention_ms: 259_200_000 });
    expect(at("Steady", "aws", "2026-01").json.storage_lifecycle?.["kafka-clickstream"]).toEqual({ retention_days: 30, hot_days: 3, warm_days: 27, cold_days: 0 });
  });

  it("derives the KEDA lag threshold from the peak share of one replica and the latency SLO", () => {
    // Fraud scorer, 2026-01: 6,000 events/s at peak, SLO 28 ms: lag = ⌈6,000 ÷ replicas × 0.028⌉.
    const { json } = at("Card volume", "aws", "2026-01");
    const scaling = json.autoscaling?.["fraud-scorer"] as { max_replicas: number; keda_lag_threshold: number; target_cpu_utilization_percent: number };
    const replicas = (json.stream_jobs?.["fraud-scorer"] as { taskmanager_count: number }).taskmanager_count;
    expect(scaling.keda_lag_threshold).toBe(Math.ceil((6000 / replicas) * 0.028));
    expect(scaling.target_cpu_utilization_percent).toBe(90);
  });
});

describe("provider names", () => {
  it.each([
    [["flink-sessionize", "flink-sessionize-spot"], AKS_NODE_POOL, ["flinksession", "flinksessio2"]],
    [["Spark ETL (nightly)", "9 lives"], GKE_NODE_POOL, ["spark-etl-nightly", "np-9-lives"]],
    [['"quoted" ${x}'], AKS_NODE_POOL, ["quotedx"]],
  ] as const)("%j → %j", (texts, rule, expected) => {
    expect(uniqueNames(texts, rule)).toEqual(expected);
  });
});

describe("points", () => {
  const months = Array.from({ length: 24 }, (_, i) => `${2026 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`);

  it.each([
    ["the next 12 months from December 2026", { kind: "next-12-months" as const }, new Date("2026-12-15T00:00:00Z"), { kind: "peak", fromIndex: 11, toIndex: 22, label: "peak of 2026-12 to 2027-11" }],
    ["the next 12 months before the plan starts: its first 12", { kind: "next-12-months" as const }, new Date("2025-03-01T00:00:00Z"), { kind: "peak", fromIndex: 0, toIndex: 11, label: "peak of 2026-01 to 2026-12" }],
    ["the next 12 months near the end: to the horizon", { kind: "next-12-months" as const }, new Date("2027-10-01T00:00:00Z"), { kind: "peak", fromIndex: 21, toIndex: 23, label: "peak of 2027-10 to 2027-12" }],
    ["a peak of a range", { kind: "peak" as const, from: "2026-03", to: "2026-05" }, new Date(0), { kind: "peak", fromIndex: 2, toIndex: 4, label: "peak of 2026-03 to 2026-05" }],
  ])("%s", (_name, request, now, expected) => {
    expect(resolvePoint(months, request, now)).toEqual(expected);
  });

  it("parses the query: month, range or neither; errors name the field", () => {
    expect(PointQuerySchema.parse({})).toEqual({ kind: "next-12-months" });
    expect(PointQuerySchema.parse({ month: "2026-05" })).toEqual({ kind: "month", month: "2026-05" });
    expect(PointQuerySchema.parse({ from: "2026-05", to: "2026-07" })).toEqual({ kind: "peak", from: "2026-05", to: "2026-07" });
    const paths = (input: object) => PointQuerySchema.safeParse(input).error?.issues.map((issue) => issue.path.join("."));
    expect(paths({ from: "2026-05" })).toEqual(["to"]);
    expect(paths({ from: "2026-07", to: "2026-05" })).toEqual(["to"]);
    expect(paths({ month: "2026-13" })).toEqual(["month"]);
    expect(paths({ month: "2026-05", from: "2026-05", to: "2026-06" })).toEqual(["month"]);
  });
});

describe("HCL values", () => {
  it.each([
    ['say "hi"', String.raw`"say \"hi\""`],
    ["${var.x} and %{ if }", '"$${var.x} and %%{ if }"'],
    ["a\nb\tc\\d", String.raw`"a\nb\tc\\d"`],
    ["bell\u0007", String.raw`"bell\u0007"`],
    ["$$ and % alone", '"$$ and % alone"'],
  ])("escapes %j", (text, expected) => {
    expect(hclString(text)).toBe(expected);
  });

  it("removes binary noise from numbers and refuses non-finite ones", () => {
    expect(num(0.1 + 0.2)).toEqual({ kind: "number", value: 0.3 });
    expect(num(-0)).toEqual({ kind: "number", value: 0 });
    expect(() => num(Number.NaN)).toThrow();
    expect(() => num(Number.POSITIVE_INFINITY)).toThrow();
  });

  it("puts each line of a multi-line note on its own comment line", () => {
    const text = renderHcl({ header: ["one\ntwo"], variables: [["x", str("v", 'note with "quotes"\nand ${x}')]] });
    expect(text).toBe('# one\n# two\n\n# note with "quotes"\n# and ${x}\nx = "v"\n');
  });

  describe("properties", () => {
    const tricky = fc.constantFrom("$", "%", "{", "}", '"', "\\", "\n", "\r", "\t", "\u0000", "\u007f", "#", "//", "/*", "*/", "é", "😀");
    const text = fc.array(fc.oneof(tricky, fc.string({ maxLength: 3 })), { maxLength: 12 }).map((parts) => parts.join(""));

    it("any string and any key survive HCL and come back as the same text", async () => {
      await fc.assert(
        fc.asyncProperty(text, text, text, async (value, key, note) => {
          const document: TfvarsDocument = { header: [note], variables: [["v", obj([[key, str(value, note)]], note)]] };
          expect(await parseHcl(renderHcl(document))).toEqual(JSON.parse(renderJson(document)));
        }),
        { numRuns: 200 },
      );
    });

    it("any finite number renders as an HCL literal of the same value", async () => {
      await fc.assert(
        fc.asyncProperty(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e15, max: 1e15 }), async (value) => {
          const document: TfvarsDocument = { header: [], variables: [["n", num(value)]] };
          expect(await parseHcl(renderHcl(document))).toEqual(JSON.parse(renderJson(document)));
        }),
        { numRuns: 200 },
      );
    });
  });
});
