/**
 * The inputs that differ between compared scenarios, in words a FinOps reader understands: each
 * topic (growth, horizon, instance choice, where, purchase mix, commitments, DR, storage policy,
 * ranges, …) is described for every scenario, and only the topics whose descriptions differ are
 * kept. Pure.
 */
import type { ScenarioSpec } from "@/lib/model/types";

export type InputTopic = {
  topic: string;
  /** One phrase per scenario, in the comparison's order. */
  values: string[];
};

const pct = (ratio: number) => `${+(ratio * 100).toFixed(2)} %`;
const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;

/**
 * "4 % per month, compound, + 2 step events".
 *
 * @example describeGrowthInWords({ kind: "compound", monthlyGrowthRatio: 0.04, stepEvents: [] }) //=> "grows 4 % per month (compound)"
 */
export function describeGrowthInWords(growth: ScenarioSpec["growth"]): string {
  const trend =
    growth.kind === "compound"
      ? `grows ${pct(growth.monthlyGrowthRatio)} per month (compound)`
      : growth.kind === "linear"
        ? `adds ${pct(growth.monthlyIncreaseRatio)} of month-0 demand per month (linear)`
        : "flat demand";
  const steps = growth.stepEvents.length;
  return steps ? `${trend}, plus ${plural(steps, "step event")}` : trend;
}

function describeInstance(spec: ScenarioSpec): string {
  const base = spec.instance.mode === "cheapest" ? "cheapest instance type that meets the SLO" : `fixed to ${spec.instance.instanceType}`;
  const perStage = Object.entries(spec.stageInstances).map(([stage, choice]) => `${stage}: ${choice.mode === "cheapest" ? "cheapest" : choice.instanceType}`);
  return perStage.length ? `${base}; ${perStage.join(", ")}` : base;
}

function describeWhere(spec: ScenarioSpec): string {
  const { providers, regions, families, archs } = spec.catalogFilter;
  const parts = [
    providers ? providers.map((provider) => provider.toUpperCase()).join(" or ") : "any provider",
    regions ? regions.join(" or ") : "any region",
    ...(families ? [`families ${families.join(", ")}`] : []),
    ...(archs ? [archs.join(" or ")] : []),
  ];
  return `${parts.join(", ")}; ${plural(spec.zones, "zone")}`;
}

function describePurchase(spec: ScenarioSpec): string {
  const { spotShareRatio, onDemandBaseRatio, spotRiskToleranceRatio } = spec.purchase;
  if (spotShareRatio === 0) return "all on-demand (no spot)";
  return `${pct(spotShareRatio)} of eligible nodes above a ${pct(onDemandBaseRatio)} on-demand base on spot, accepting a ${pct(spotRiskToleranceRatio)} monthly risk of an SLO breach`;
}

function describeCommitment(spec: ScenarioSpec): string {
  const { coverage, termYears, offerId } = spec.purchase.commitment;
  if (coverage === "none") return "no commitments (pay as you go)";
  return `${termYears}-year commitments covering the low (P10) usage path${offerId ? `, offer ${offerId}` : ""}`;
}

function describeDr(spec: ScenarioSpec): string {
  const { strategy, rtoTargetMinutes, rpoTargetMinutes } = spec.dr;
  const targets = [rtoTargetMinutes !== undefined ? `recover within ${rtoTargetMinutes} min` : null, rpoTargetMinutes !== undefined ? `lose at most ${rpoTargetMinutes} min of data` : null].filter(
    (part): part is string => part !== null,
  );
  const chosen = strategy === "none" ? "no second region" : strategy === "compare" ? "cheapest strategy meeting the targets" : `${strategy.replace("-", " ")} in a second region`;
  return targets.length ? `${chosen}; targets: ${targets.join(", ")}` : chosen;
}

function describeStorage(spec: ScenarioSpec): string {
  const { compressionRatio, retentionDays, warmAfterDays, coldAfterDays } = spec.storage;
  const parts = [
    compressionRatio === 1 ? "uncompressed" : `compressed ${compressionRatio}:1`,
    retentionDays !== undefined ? `kept ${retentionDays} days` : "kept as long as the broker retains it",
    warmAfterDays !== undefined ? `warm tier after ${warmAfterDays} days` : null,
    coldAfterDays !== undefined ? `cold tier after ${coldAfterDays} days` : null,
  ];
  return parts.filter((part): part is string => part !== null).join(", ");
}

function describeNetwork(spec: ScenarioSpec): string {
  const { fetchFromFollower, internetEgressGibPerMonth, consumersInOtherZonesRatio } = spec.network;
  return [
    fetchFromFollower ? "consumers read from a replica in their zone" : "consumers read from the leader",
    consumersInOtherZonesRatio !== undefined ? `${pct(consumersInOtherZonesRatio)} of consumers in other zones` : null,
    internetEgressGibPerMonth > 0 ? `${internetEgressGibPerMonth} GiB/month to the internet at month 0` : "no internet egress",
  ]
    .filter((part): part is string => part !== null)
    .join(", ");
}

function describeRanges(spec: ScenarioSpec): string {
  const { uncertainty } = spec;
  if (!uncertainty) return "no ranges (one likely path)";
  const growth = uncertainty.growthRatio ? `growth ${pct(uncertainty.growthRatio.low)}–${pct(uncertainty.growthRatio.high)} per month` : null;
  const stageRanges = Object.entries(uncertainty.stages).flatMap(([stage, fields]) =>
    Object.entries(fields).map(([field, range]) => `${stage} ${field} ${range.low}–${range.high}`),
  );
  const described = [growth, ...stageRanges].filter((part): part is string => part !== null);
  return `${plural(uncertainty.samples, "Monte Carlo sample")}${described.length ? ` over ${described.join(", ")}` : ""}`;
}

function describeSlo(spec: ScenarioSpec): string {
  const overrides = Object.entries(spec.sloOverrides).map(([stage, slo]) =>
    [
      slo.latencySloMs !== undefined ? `${stage} p${slo.latencySloPercentile ?? ""} ≤ ${slo.latencySloMs} ms` : null,
      slo.maxUtilizationRatio !== undefined ? `${stage} at most ${pct(slo.maxUtilizationRatio)} busy` : null,
      slo.completionWindowHours !== undefined ? `${stage} done within ${slo.completionWindowHours} h` : null,
    ]
      .filter((part): part is string => part !== null)
      .join(", "),
  );
  const described = overrides.filter((text) => text.length > 0);
  return described.length ? described.join("; ") : "the workload's own SLOs";
}

/** What the diff reads of a compared scenario. */
export type ComparedInputs = { workloadName: string; spec: ScenarioSpec };

const TOPICS: readonly { topic: string; describe: (spec: ScenarioSpec) => string }[] = [
  { topic: "Growth", describe: (spec) => describeGrowthInWords(spec.growth) },
  { topic: "Horizon", describe: (spec) => `${spec.horizonMonths} months from ${spec.startMonth}` },
  { topic: "Instance choice", describe: describeInstance },
  { topic: "Where", describe: describeWhere },
  { topic: "Purchase mix", describe: describePurchase },
  { topic: "Commitments", describe: describeCommitment },
  { topic: "Disaster recovery", describe: describeDr },
  { topic: "Storage policy", describe: describeStorage },
  { topic: "Network", describe: describeNetwork },
  { topic: "SLO overrides", describe: describeSlo },
  { topic: "Ranges", describe: describeRanges },
];

/**
 * The topics on which the scenarios' inputs differ, each described per scenario.
 *
 * @example diffScenarioInputs([a, b]) //=> [{ topic: "Growth", values: ["grows 2 % per month (compound)", "grows 5 % per month (compound)"] }]
 */
export function diffScenarioInputs(scenarios: readonly ComparedInputs[]): InputTopic[] {
  const topics = [{ topic: "Workload", describe: (input: ComparedInputs) => input.workloadName }, ...TOPICS.map(({ topic, describe }) => ({ topic, describe: (input: ComparedInputs) => describe(input.spec) }))];
  return topics.flatMap(({ topic, describe }) => {
    const values = scenarios.map(describe);
    return new Set(values).size > 1 ? [{ topic, values }] : [];
  });
}
