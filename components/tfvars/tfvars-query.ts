/**
 * The tfvars panel's choice as the API's query string (the panel, its links and its preview all
 * build URLs here, so they never disagree).
 */
export type PointChoice = { kind: "next-12-months" } | { kind: "month"; month: string } | { kind: "peak"; from: string; to: string };

/** @example tfvarsUrl("id", "aws", { kind: "month", month: "2026-06" }, "json") //=> "/api/v1/scenarios/id/tfvars?format=json&provider=aws&month=2026-06" */
export function tfvarsUrl(scenarioId: string, provider: string, point: PointChoice, format: "hcl" | "json"): string {
  const query = new URLSearchParams({ format, provider });
  if (point.kind === "month") query.set("month", point.month);
  if (point.kind === "peak") {
    query.set("from", point.from);
    query.set("to", point.to);
  }
  return `/api/v1/scenarios/${encodeURIComponent(scenarioId)}/tfvars?${query.toString()}`;
}
