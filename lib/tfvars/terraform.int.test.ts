/**
 * The exported variables against the real contract: `terraform init -backend=false` once on a copy
 * of terraform/modules/capacity, then `terraform plan -var-file=<export>` for every demo scenario ×
 * provider in both formats (must succeed) and for tampered files (must fail with the validation's
 * message). Needs the `terraform` binary (1.9 or later); without it the suite fails saying so.
 */
import { execFile } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { buildTfvars } from "./build";
import { demoCases } from "./testing/demo-plans";
import { renderHcl, renderJson } from "./values";

const run = promisify(execFile);
const MODULE_DIR = path.resolve(import.meta.dirname, "../../terraform/modules/capacity");
const TERRAFORM = process.env.TERRAFORM_BIN ?? "terraform";
/** Plans at once: terraform is mostly start-up time, and the machine has few cores. */
const CONCURRENCY = 4;

let workDir = "";
let env: NodeJS.ProcessEnv = process.env;

type PlanOutcome = { ok: boolean; output: string };

async function terraform(args: string[]): Promise<PlanOutcome> {
  try {
    const { stdout, stderr } = await run(TERRAFORM, args, { cwd: workDir, env, maxBuffer: 16 * 1024 * 1024 });
    return { ok: true, output: stdout + stderr };
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string; message: string };
    // Terraform wraps messages at 80 columns: one space per run of whitespace, so a message matches whole.
    return { ok: false, output: `${failed.stdout ?? ""}${failed.stderr ?? failed.message}`.replace(/\s+/g, " ") };
  }
}

function plan(varFile: string, extra: string[] = []): Promise<PlanOutcome> {
  return terraform(["plan", "-input=false", "-no-color", "-lock=false", "-refresh=false", `-var-file=${varFile}`, ...extra]);
}

/** Runs `work` over `items` with at most CONCURRENCY at a time, results in order. */
async function inBatches<T, R>(items: readonly T[], work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += CONCURRENCY) results.push(...(await Promise.all(items.slice(i, i + CONCURRENCY).map(work))));
  return results;
}

function writeFile(name: string, text: string): string {
  const file = path.join(workDir, name);
  writeFileSync(file, text);
  return file;
}

const NOW = new Date("2026-12-02T03:00:00Z");

beforeAll(async () => {
  try {
    await run(TERRAFORM, ["version"]);
  } catch {
    throw new Error(`The terraform binary ("${TERRAFORM}") was not found or does not run. Install Terraform 1.9 or later on PATH (or set TERRAFORM_BIN) to run this test.`);
  }
  workDir = mkdtempSync(path.join(tmpdir(), "headroom-tf-"));
  cpSync(MODULE_DIR, workDir, { recursive: true, filter: (source) => !source.includes(".terraform") });
  // An empty CLI configuration: no warnings about a missing ~/.terraformrc, no plugin cache lookups.
  const cliConfig = writeFile("empty.tfrc", "");
  env = { ...process.env, TF_CLI_CONFIG_FILE: cliConfig, TF_IN_AUTOMATION: "1", CHECKPOINT_DISABLE: "1" };
  const init = await terraform(["init", "-backend=false", "-input=false", "-no-color"]);
  if (!init.ok) throw new Error(`terraform init failed:\n${init.output}`);
});

afterAll(() => {
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

describe("terraform/modules/capacity accepts every export", () => {
  it("plans every demo scenario × provider, HCL and JSON", async () => {
    const files = demoCases().flatMap((c, index) => {
      const result = buildTfvars({ ...c.inputs, point: { kind: "next-12-months" }, generatedAt: NOW });
      if (!result.ok) throw new Error(`${c.label}: ${result.message}`);
      return [
        { label: `${c.label} (hcl)`, file: writeFile(`case-${index}.tfvars`, renderHcl(result.document)) },
        { label: `${c.label} (json)`, file: writeFile(`case-${index}.tfvars.json`, renderJson(result.document)) },
      ];
    });
    expect(files).toHaveLength(36);
    const outcomes = await inBatches(files, async ({ label, file }) => ({ label, ...(await plan(file)) }));
    const failed = outcomes.filter((outcome) => !outcome.ok).map((outcome) => `${outcome.label}:\n${outcome.output}`);
    expect(failed).toEqual([]);
  });

  it("reads a name with quotes, template sequences and a newline the same from HCL and JSON", async () => {
    const [first] = demoCases({ only: (name, provider) => name.startsWith("Steady") && provider === "gcp" });
    if (!first) throw new Error("no case");
    const name = 'He said "hi" ${var.x} %{ if true }\nsecond line \\ end';
    const result = buildTfvars({ ...first.inputs, scenario: { ...first.inputs.scenario, name }, point: { kind: "month", month: "2026-06" }, generatedAt: NOW });
    if (!result.ok) throw new Error(result.message);
    const names = await inBatches(
      [
        { file: writeFile("tricky.tfvars", renderHcl(result.document)), out: "tricky-hcl.plan" },
        { file: writeFile("tricky.tfvars.json", renderJson(result.document)), out: "tricky-json.plan" },
      ],
      async ({ file, out }) => {
        const planned = await plan(file, [`-out=${out}`]);
        if (!planned.ok) throw new Error(planned.output);
        const shown = await terraform(["show", "-json", out]);
        const json = JSON.parse(shown.output) as { planned_values: { outputs: { provenance: { value: { scenario_name: string } } } } };
        return json.planned_values.outputs.provenance.value.scenario_name;
      },
    );
    expect(names).toEqual([name, name]);
  });
});

describe("terraform/ sources", () => {
  it("are formatted (the provider examples cannot be initialised here, so fmt is their syntax check)", async () => {
    const outcome = await terraform(["fmt", "-check", "-recursive", path.resolve(MODULE_DIR, "../..")]);
    expect(outcome).toEqual({ ok: true, output: "" });
  });
});

describe("terraform/modules/capacity rejects tampered exports", () => {
  type Json = Record<string, Record<string, Record<string, unknown>>>;
  const base = (): Json => {
    const [aws] = demoCases({ only: (name, provider) => name.startsWith("Steady") && provider === "aws" });
    if (!aws) throw new Error("no case");
    const result = buildTfvars({ ...aws.inputs, point: { kind: "next-12-months" }, generatedAt: NOW });
    if (!result.ok) throw new Error(result.message);
    return JSON.parse(renderJson(result.document)) as Json;
  };
  const scaling = (json: Json) => json.eks_node_groups?.["flink-sessionize-spot"]?.scaling_config as { min_size: number; desired_size: number; max_size: number };

  const tampered: [string, (json: Json) => void, RegExp][] = [
    ["a negative broker count", (json) => void ((json.kafka_brokers?.["kafka-clickstream"] ?? {}).broker_count = -3), /broker_count and zone_count must be whole numbers >= 1/],
    ["min above max", (json) => void Object.assign(scaling(json), { min_size: 9, max_size: 8 }), /min_size <= desired_size <= max_size/],
    ["a fractional node count", (json) => void (scaling(json).desired_size = 6.5), /must be whole numbers/],
    ["an unknown capacity type", (json) => void ((json.eks_node_groups?.["flink-sessionize-spot"] ?? {}).capacity_type = "PREEMPTIBLE"), /capacity_type must be "ON_DEMAND" or "SPOT"/],
    ["a percentage above 100", (json) => void ((json.aws_mixed_instances_policies?.["flink-sessionize"] ?? {}).on_demand_percentage_above_base_capacity = 150), /between 0 and 100/],
    ["GKE pools in an AWS export", (json) => void ((json as Record<string, unknown>).gke_node_pools = {}), /Give exactly the node-group variable/],
  ];

  it.each(tampered.map(([name, edit, message]) => [name, edit, message] as const))("fails the plan for %s", async (name, edit, message) => {
    const json = base();
    edit(json);
    const outcome = await plan(writeFile(`tampered-${name.replace(/\W+/g, "-")}.tfvars.json`, JSON.stringify(json)));
    expect(outcome.ok).toBe(false);
    expect(outcome.output).toMatch(message);
  });

  it("fails the plan for a tampered HCL file too", async () => {
    const [aws] = demoCases({ only: (name, provider) => name.startsWith("Steady") && provider === "aws" });
    if (!aws) throw new Error("no case");
    const result = buildTfvars({ ...aws.inputs, point: { kind: "next-12-months" }, generatedAt: NOW });
    if (!result.ok) throw new Error(result.message);
    const text = renderHcl(result.document).replace(/broker_count = \d+/, "broker_count = -1");
    expect(text).toContain("broker_count = -1");
    const outcome = await plan(writeFile("tampered.tfvars", text));
    expect(outcome.ok).toBe(false);
    expect(outcome.output).toMatch(/broker_count and zone_count must be whole numbers >= 1/);
    expect(readFileSync(path.join(workDir, "tampered.tfvars"), "utf8")).toContain("-1");
  });
});
