import type { ComputedPlan } from "@/lib/planning/compute-plan";
import { tfvarsFileName } from "@/lib/tfvars/export";

import { TfvarsPanel } from "./tfvars-panel";

/** The Terraform variables panel of a scenario whose stored plan is priced (nothing to export otherwise). */
export function ScenarioTfvars({ scenario, computed }: { scenario: { id: string; name: string }; computed: ComputedPlan }) {
  if (computed.kind !== "priced") return null;
  return (
    <TfvarsPanel
      scenarioId={scenario.id}
      months={computed.plan.months.map((month) => month.month)}
      provider={computed.where.provider}
      region={computed.where.region}
      fileNames={{ hcl: tfvarsFileName(scenario.name, "hcl"), json: tfvarsFileName(scenario.name, "json") }}
    />
  );
}
