import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { exampleWorkloads } from "@/lib/model/examples";

import { parseWorkloadForm, workloadFieldLabel, workloadSnapshot } from "./workload-form";
import { STAGE_FIELDS } from "./workload-fields";
import { coerceField, diffSnapshots, displayValue, formValues, getPath, parseDecimal, setPath, type FormValues } from "./form-values";

const [clickstream] = exampleWorkloads;

/** What the form would submit for a stored profile: every field as its input shows it. */
function formFor(workload: typeof clickstream): FormValues {
  const values: FormValues = { name: workload!.name, description: workload!.description, team: workload!.team, tags: workload!.tags.join(", "), "spec.kind": workload!.spec.kind };
  workload!.spec.stages.forEach((stage, index) => {
    values[`spec.stages.${index}.kind`] = stage.kind;
    for (const field of STAGE_FIELDS[stage.kind]) {
      const value = getPath(stage, field.name);
      if (field.type === "checkbox") {
        if (value) values[`spec.stages.${index}.${field.name}`] = "on";
      } else {
        values[`spec.stages.${index}.${field.name}`] = displayValue(value);
      }
    }
  });
  return values;
}

describe("coerceField", () => {
  it.each([
    [{ type: "number" as const }, "1500", 1500],
    [{ type: "number" as const }, " 0.35 ", 0.35],
    [{ type: "number" as const }, "", undefined],
    [{ type: "number" as const }, "1,500", "1,500"],
    [{ type: "number" as const }, "0x10", "0x10"],
    [{ type: "number" as const }, "2e6", 2_000_000],
    [{ type: "checkbox" as const }, "on", true],
    [{ type: "checkbox" as const }, undefined, false],
    [{ type: "text" as const, optional: true }, "  ", undefined],
    [{ type: "text" as const }, "", ""],
  ])("%o reads %j as %j", (field, raw, expected) => {
    expect(coerceField(field, raw)).toEqual(expected);
  });
});

describe("parseDecimal", () => {
  it.each([
    ["1500", 1500],
    ["-0.5", -0.5],
    [".25", 0.25],
    ["+3.", 3],
    ["2e6", 2_000_000],
    ["1e308", 1e308],
  ])("reads the decimal %j as %d", (text, expected) => {
    expect(parseDecimal(text)).toBe(expected);
  });

  it.each(["0x10", "0o17", "0b101", "Infinity", "1e999", "NaN", "1,500", "1_000", "", " ", "12abc"])("refuses %j (not a finite decimal)", (text) => {
    expect(parseDecimal(text)).toBeUndefined();
  });
});

describe("setPath and getPath", () => {
  it("builds arrays for numeric segments and objects otherwise", () => {
    const target: Record<string, unknown> = {};
    setPath(target, "spec.stages.1.nodeOverhead.daemonVcpu", 0.5);
    expect(target).toEqual({ spec: { stages: [undefined, { nodeOverhead: { daemonVcpu: 0.5 } }] } });
    expect(getPath(target, "spec.stages.1.nodeOverhead.daemonVcpu")).toBe(0.5);
    expect(getPath(target, "spec.missing.x")).toBeUndefined();
  });

  describe("properties", () => {
    it("reads back what it wrote", () => {
      fc.assert(
        fc.property(fc.array(fc.stringMatching(/^[a-z]{1,6}$/), { minLength: 1, maxLength: 5 }), fc.double({ noNaN: true }), (segments, value) => {
          const target: Record<string, unknown> = {};
          setPath(target, segments.join("."), value);
          expect(getPath(target, segments.join("."))).toBe(value);
        }),
      );
    });
  });
});

describe("parseWorkloadForm", () => {
  it("reads a submitted form back to the profile it was filled from", () => {
    const parsed = parseWorkloadForm(formFor(clickstream));
    expect(parsed).toEqual({ ok: true, data: workloadSnapshot({ ...clickstream!, description: clickstream!.description }) });
  });

  it("names each bad field by its input", () => {
    const values = { ...formFor(clickstream), name: " ", "spec.stages.1.cpuMsPerEvent": "fast", "spec.stages.0.avgEventsPerSec": "" };
    const parsed = parseWorkloadForm(values);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.fieldErrors).toEqual({
      name: ["Name must not be empty."],
      "spec.stages.0.avgEventsPerSec": ["Average events per second is required."],
      "spec.stages.1.cpuMsPerEvent": ["CPU time per event (ms) must be a number."],
    });
  });

  it("bounds events per second (1e308 is a field error, not $NaN/month) and reads decimals only (0x10 is not 16)", () => {
    const parsed = parseWorkloadForm({ ...formFor(clickstream), "spec.stages.0.avgEventsPerSec": "1e308", "spec.stages.0.peakEventsPerSec": "0x10" });
    expect(parsed.ok ? {} : parsed.fieldErrors).toEqual({
      "spec.stages.0.avgEventsPerSec": ["Average events per second must be at least 0 and at most 1,000,000,000."],
      "spec.stages.0.peakEventsPerSec": ["Peak events per second must be a number."],
    });
  });

  it("rejects a NUL character in a name, which PostgreSQL cannot store", () => {
    const parsed = parseWorkloadForm({ ...formFor(clickstream), name: "Click\u0000stream", "spec.stages.0.name": "in\u0000gest" });
    expect(parsed.ok ? {} : parsed.fieldErrors).toEqual({
      name: ["Name must not contain NUL characters."],
      "spec.stages.0.name": ["Stage name must not contain NUL characters."],
    });
  });

  it("rejects a streaming profile without stages", () => {
    const parsed = parseWorkloadForm({ name: "Empty", "spec.kind": "streaming" });
    expect(parsed.ok ? {} : parsed.fieldErrors).toEqual({
      "spec.kind": ["A streaming workload needs at least one broker or stream stage."],
      "spec.stages": ["A workload needs at least one stage."],
    });
  });
});

describe("diffSnapshots", () => {
  it("lists the fields that differ, labelled for a person", () => {
    const before = workloadSnapshot(clickstream!);
    const after = structuredClone(before);
    after.team = "Payments";
    after.tags = ["kafka"];
    after.spec.stages[1] = { ...after.spec.stages[1]!, cpuMsPerEvent: 0.5 } as typeof after.spec.stages[1] & { cpuMsPerEvent: number };
    const names = after.spec.stages.map((s) => s.name);
    expect(diffSnapshots(before, after, (path) => workloadFieldLabel(path, names))).toEqual([
      { path: "team", label: "Team", before: "Data Platform", after: "Payments" },
      { path: "tags", label: "Tags", before: "streaming, kafka, flink, clickstream", after: "kafka" },
      { path: "spec.stages.1.cpuMsPerEvent", label: "Stage 2 (flink-sessionize) · CPU time per event", before: "0.35", after: "0.5" },
    ]);
  });

  it("reports a removed stage's fields as emptied", () => {
    const before = workloadSnapshot(clickstream!);
    const after = { ...before, spec: { ...before.spec, stages: before.spec.stages.slice(0, 1) } };
    const changes = diffSnapshots(before, after, (path) => path);
    expect(changes.find((c) => c.path === "spec.stages.1.name")).toEqual({ path: "spec.stages.1.name", label: "spec.stages.1.name", before: "flink-sessionize", after: "" });
  });

  describe("properties", () => {
    it("finds no change between a snapshot and its copy", () => {
      fc.assert(
        fc.property(fc.jsonValue(), (value) => {
          expect(diffSnapshots(value, structuredClone(value), (p) => p)).toEqual([]);
        }),
      );
    });
  });
});

describe("the values of a submitted form", () => {
  it("are its text entries, without React's server-action plumbing or files", () => {
    const form = new FormData();
    form.set("name", "Clicks");
    form.set("$ACTION_ID_60c8800c", "");
    form.set("$ACTION_REF_9", "");
    form.set("$ACTION_9:0", '{"id":"x","bound":"$@1"}');
    form.set("$ACTION_KEY", "k9944");
    form.set("file", new File(["id\n"], "prices.csv"));
    expect(formValues(form)).toEqual({ name: "Clicks" });
  });
});
