import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

/**
 * The layer rules of docs/architecture.md live in eslint.config.mjs; these cases prove they bite
 * (a rule that never fires would pass `npm run lint` just the same).
 */
const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === "@typescript-eslint/no-restricted-imports").map((m) => m.message);
}

describe("layer boundaries", () => {
  it.each([
    ["lib/model/uses-db.ts", 'import { getPlanRow } from "@/lib/db/plans";\nexport const f = getPlanRow;\n', /pure model/],
    ["lib/model/uses-catalog.ts", 'import { loadCatalog } from "@/lib/catalog/load";\nexport const f = loadCatalog;\n', /pure model/],
    ["lib/planning/uses-services.ts", 'import { getScenario } from "@/lib/services/scenarios";\nexport const f = getScenario;\n', /never reach persistence/],
    ["lib/db/uses-planning.ts", 'import { computePlan } from "@/lib/planning/compute-plan";\nexport const f = computePlan;\n', /persistence only/],
    ["lib/services/uses-actions.ts", 'import { deleteScenarioAction } from "@/lib/actions/scenarios";\nexport const f = deleteScenarioAction;\n', /never the other way/],
    ["components/uses-db.tsx", 'import { storePlan } from "@/lib/db/plans";\nexport const f = storePlan;\n', /through lib\/services/],
    ["components/uses-model.tsx", 'import { planGaps } from "@/lib/model/gaps";\nexport const f = planGaps;\n', /the model runs only there/],
    ["lib/tfvars/uses-services.ts", 'import { getScenario } from "@/lib/services/scenarios";\nexport const f = getScenario;\n', /never reach persistence/],
    ["lib/policy/uses-services.ts", 'import { getScenario } from "@/lib/services/scenarios";\nexport const f = getScenario;\n', /never reach persistence/],
    ["lib/api/uses-db.ts", 'import { getPlanRow } from "@/lib/db/plans";\nexport const f = getPlanRow;\n', /through lib\/services/],
  ])("rejects %s", { timeout: 60_000 }, async (filePath, code, message) => {
    const messages = await restrictedImports(filePath, code);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(message);
  });

  it("allows imports along the layers, and type-only imports of row shapes in the UI", { timeout: 60_000 }, async () => {
    expect(await restrictedImports("lib/planning/ok.ts", 'import { planScenario } from "@/lib/model/plan-scenario";\nexport const f = planScenario;\n')).toEqual([]);
    expect(await restrictedImports("lib/services/ok.ts", 'import { storePlan } from "@/lib/db/plans";\nexport const f = storePlan;\n')).toEqual([]);
    expect(await restrictedImports("components/ok.tsx", 'import type { PlanKey } from "@/lib/db/plans";\nexport type K = PlanKey;\n')).toEqual([]);
    expect(await restrictedImports("components/ok-model-type.tsx", 'import type { PlanGap } from "@/lib/model/gaps";\nexport type G = PlanGap;\n')).toEqual([]);
  });
});
