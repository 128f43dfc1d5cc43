import { describe, expect, it } from "vitest";

import { exampleWorkloads } from "@/lib/model/examples";

import { parseWorkloadDocument, toWorkloadDocument, workloadDocumentFileName } from "./workload-document";

const [clickstream] = exampleWorkloads;
const document = toWorkloadDocument(clickstream!, clickstream!.scenarios);

describe("workload documents", () => {
  it("parse back to what was exported", () => {
    expect(parseWorkloadDocument(JSON.stringify(document))).toEqual({ ok: true, document });
  });

  it.each([
    ["not JSON", "{", /^The file is not valid JSON: /],
    ["another JSON file", JSON.stringify({ hello: "world" }), /^kind: kind must be "headroom.workload"/],
    ["a newer schema version", JSON.stringify({ ...document, schemaVersion: 2 }), /^schemaVersion: schemaVersion must be 1/],
    [
      "a stage without its traffic",
      JSON.stringify({ ...document, workload: { ...document.workload, spec: { kind: "streaming", stages: [{ kind: "broker", name: "k" }] } } }),
      /^workload\.spec\.stages\.0\.avgEventsPerSec: Average events per second is required\.$/,
    ],
    ["a file over 1 MiB", " ".repeat(1024 * 1024 + 1), /^The file is larger than 1 MiB\.$/],
    ["a NUL character in a name (PostgreSQL cannot store it)", JSON.stringify({ ...document, workload: { ...document.workload, name: "a\u0000b" } }), /^workload\.name: Name must not contain NUL characters\.$/],
    [
      "1e308 events per second",
      JSON.stringify({ ...document, workload: { ...document.workload, spec: { kind: "streaming", stages: [{ kind: "broker", name: "k", avgEventsPerSec: 1e308 }] } } }),
      /^workload\.spec\.stages\.0\.avgEventsPerSec: Average events per second must be at least 0 and at most 1,000,000,000\.$/,
    ],
  ])("name the problem in %s", (_case, text, message) => {
    const parsed = parseWorkloadDocument(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems[0]).toMatch(message);
  });

  it("are saved under a kebab-case file name", () => {
    expect(workloadDocumentFileName("Clickstream (Kafka → Flink)")).toBe("clickstream-kafka-flink.headroom.json");
    expect(workloadDocumentFileName("→")).toBe("workload.headroom.json");
  });
});
