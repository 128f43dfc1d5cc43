/**
 * A `curl` command per operation, for the API reference page and docs/api.md: `$BASE` is the
 * server (e.g. http://localhost:3000), ids are shell variables named after the resource, and a
 * request body is read from a file named after its schema.
 */
import type { Operation } from "./operations";

const ID_VARIABLES: Record<string, string> = { workloads: "$WORKLOAD_ID", scenarios: "$SCENARIO_ID" };

/** The shell variable an `{id}` stands for: the resource the path segment before it names. */
function idVariable(path: string): string {
  const resource = /\/api\/v1\/(\w+)\/\{id\}/.exec(path)?.[1] ?? "";
  return ID_VARIABLES[resource] ?? "$ID";
}

/**
 * @example curlExample({ method: "get", path: "/api/v1/scenarios/{id}/plan", … }) //=> 'curl -sS "$BASE/api/v1/scenarios/$SCENARIO_ID/plan"'
 */
export function curlExample(operation: Pick<Operation, "method" | "path" | "body" | "conditional" | "success" | "example">): string {
  const url = `"$BASE${operation.path.replace("{id}", idVariable(operation.path))}${operation.example?.query ?? ""}"`;
  const download = operation.success.body && "media" in operation.success.body && !("application/json" in operation.success.body.media && Object.keys(operation.success.body.media).length === 1);
  const parts = ["curl -sS"];
  if (operation.method !== "get") parts.push(`-X ${operation.method.toUpperCase()}`);
  if (download) parts.push("-OJ");
  if (operation.conditional) parts.push(`-H 'If-Match: "v1"'`);
  if (operation.body) parts.push("-H 'content-type: application/json'", `--data-binary @${operation.body.replace(/[A-Z]/g, (c, i: number) => (i === 0 ? c.toLowerCase() : `-${c.toLowerCase()}`))}.json`);
  parts.push(url);
  return parts.join(" ");
}
