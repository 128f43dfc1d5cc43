import { describe, expect, it } from "vitest";

import { curlExample } from "./curl";
import { OPERATIONS } from "./operations";

const byId = (operationId: string) => {
  const operation = OPERATIONS.find((candidate) => candidate.operationId === operationId);
  if (!operation) throw new Error(operationId);
  return operation;
};

describe("curlExample", () => {
  it.each([
    ["listWorkloads", `curl -sS "$BASE/api/v1/workloads?kind=streaming&limit=10"`],
    ["createWorkload", `curl -sS -X POST -H 'content-type: application/json' --data-binary @workload-create.json "$BASE/api/v1/workloads"`],
    ["replaceScenario", `curl -sS -X PUT -H 'If-Match: "v1"' -H 'content-type: application/json' --data-binary @scenario-write.json "$BASE/api/v1/scenarios/$SCENARIO_ID"`],
    ["deleteWorkload", `curl -sS -X DELETE -H 'If-Match: "v1"' "$BASE/api/v1/workloads/$WORKLOAD_ID"`],
    ["getPlan", `curl -sS "$BASE/api/v1/scenarios/$SCENARIO_ID/plan"`],
    ["getTfvars", `curl -sS -OJ "$BASE/api/v1/scenarios/$SCENARIO_ID/tfvars?format=json&from=2027-01&to=2027-12"`],
    ["exportCatalog", `curl -sS -OJ "$BASE/api/v1/catalog/export"`],
  ])("writes %s as a command", (operationId, expected) => {
    expect(curlExample(byId(operationId))).toBe(expected);
  });
});
