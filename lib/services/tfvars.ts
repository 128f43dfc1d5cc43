import "server-only";

/**
 * A scenario's Terraform variables from its stored plan (lib/tfvars/build.ts): the scenario, its
 * plan (fresh, recomputed once when stale) and the instance types of the catalog it was priced
 * with (spot groups list same-size alternatives from them).
 */
import type { DbClient } from "@/lib/db/client";
import { isUuid } from "@/lib/entities/ids";
import type { Provider } from "@/lib/catalog/schema";
import { buildTfvars, type TfvarsResult } from "@/lib/tfvars/build";
import type { PointRequest } from "@/lib/tfvars/point";

import { getPricedCatalog } from "./catalog";
import { getScenarioPlan } from "./plans";
import { getScenario, type ScenarioDetail } from "./scenarios";

export type ScenarioTfvars =
  | { kind: "not-found" }
  | { kind: "unprocessable"; field: string; message: string }
  | { kind: "ok"; scenario: ScenarioDetail; result: TfvarsResult & { ok: true } };

/**
 * @param options.provider - when given, must be the provider the plan is priced in (its instance
 *   types exist only there)
 * @param options.now - the generation time (stamped in the file; the default point starts at its month)
 */
export async function getScenarioTfvars(db: DbClient, scenarioId: string, options: { point: PointRequest; provider?: Provider; now: Date }): Promise<ScenarioTfvars> {
  if (!isUuid(scenarioId)) return { kind: "not-found" };
  const scenario = await getScenario(db, scenarioId);
  if (!scenario) return { kind: "not-found" };
  const plan = await getScenarioPlan(db, scenario);
  if (!plan) return { kind: "not-found" };
  const { computed } = plan;
  if (options.provider !== undefined && computed.kind === "priced" && computed.where.provider !== options.provider) {
    return {
      kind: "unprocessable",
      field: "provider",
      message: `This scenario's plan is priced on ${computed.where.provider} (${computed.where.region}); its node types exist only there. Ask for provider=${computed.where.provider}, or plan a scenario filtered to ${options.provider}.`,
    };
  }
  const priced = await getPricedCatalog(db, { version: plan.key.pricedCatalogVersion });
  const result = buildTfvars({
    scenario: { id: scenario.id, name: scenario.name, version: plan.key.scenarioVersion, team: scenario.workload.team, workloadVersion: plan.key.workloadVersion },
    workload: scenario.workload.spec,
    spec: scenario.spec,
    computed,
    key: plan.key,
    instanceTypes: priced?.catalog.instanceTypes ?? [],
    point: options.point,
    generatedAt: options.now,
  });
  if (!result.ok) return { kind: "unprocessable", field: result.field, message: result.message };
  return { kind: "ok", scenario, result };
}
