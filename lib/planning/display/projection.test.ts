import { describe, expect, it } from "vitest";

import { findInstanceTypes } from "@/lib/catalog/load";
import { exampleWorkloads, projectScenario, WorkloadSpecSchema, ScenarioSpecSchema } from "@/lib/model";

import { monthTotals, stageOnDemandUsdPerMonth } from "./projection";

/** 24 h × 365 d ÷ 12: the month the AWS and Google Cloud calculators bill, restated here on purpose. */
const CALCULATOR_HOURS_PER_MONTH = (24 * 365) / 12;

const instances = findInstanceTypes({ provider: "aws", region: "us-east-1" });

describe("month totals of a projection", () => {
  for (const example of exampleWorkloads) {
    it(`are month 0's nodes and nodes × list price × billed hours for "${example.name}"`, () => {
      const workload = WorkloadSpecSchema.parse(example.spec);
      const scenario = ScenarioSpecSchema.parse(example.scenarios[0]!.spec);
      const month = projectScenario(workload, { ...scenario, catalogFilter: {} }, instances).months[0]!;

      // Independent of the code under test: catalog list price × nodes × the hours each node runs.
      let nodes = 0;
      let usd = 0;
      for (const stage of month.stages) {
        if (stage.kind !== "sized") throw new Error(`${stage.stageName} should be sizeable on AWS us-east-1`);
        const hours = (CALCULATOR_HOURS_PER_MONTH * stage.activeHoursPerDay) / 24;
        const expected = stage.nodes * stage.instance.onDemandUsdPerHour * hours;
        expect(stageOnDemandUsdPerMonth(stage)).toBeCloseTo(expected, 9);
        nodes += stage.nodes;
        usd += expected;
      }
      expect(monthTotals(month)).toMatchObject({ nodes, onDemandUsdPerMonth: expect.closeTo(usd, 9) });
    });
  }
});
