/**
 * The planning worker thread: receives plan inputs, runs `computePlan` off the server's main
 * thread (so a Monte Carlo of thousands of samples never stalls other requests) and posts the
 * plan back as JSON-safe data. Spawned by ./worker-pool.ts.
 */
import { parentPort } from "node:worker_threads";

import { computePlan, type ComputedPlan, type PlanInputs } from "./compute-plan";
import { toJsonSafe } from "./json-safe";

export type PlanTask = { id: number; inputs: PlanInputs; bands: boolean };
export type PlanTaskResult = { id: number; ok: true; plan: ComputedPlan; computeMs: number } | { id: number; ok: false; error: string };

if (!parentPort) throw new Error("plan-worker must run in a worker thread.");
const port = parentPort;

port.on("message", (task: PlanTask) => {
  const started = performance.now();
  try {
    const plan = toJsonSafe(computePlan(task.inputs, { bands: task.bands }));
    port.postMessage({ id: task.id, ok: true, plan, computeMs: Math.round(performance.now() - started) } satisfies PlanTaskResult);
  } catch (error) {
    port.postMessage({ id: task.id, ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies PlanTaskResult);
  }
});
