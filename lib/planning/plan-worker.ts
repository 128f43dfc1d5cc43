/**
 * The planning worker thread: receives plan inputs, runs `computePlan` off the server's main
 * thread (so a Monte Carlo of thousands of samples never stalls other requests) and posts the
 * plan back as JSON-safe data. Spawned by ./worker-pool.ts.
 */
import { parentPort } from "node:worker_threads";

import type { PricedCatalog } from "@/lib/catalog/overrides";

import { computePlan, type ComputedPlan, type PlanInputs } from "./compute-plan";
import { toJsonSafe } from "./json-safe";

/**
 * A plan to compute. `priced` is null when it is the catalog of this worker's previous task: the
 * pool sends a priced catalog (~2 MB, tens of ms to copy each way on 2 busy cores) once per
 * worker, not once per plan.
 */
export type PlanTask = { id: number; inputs: Omit<PlanInputs, "priced"> & { priced: PricedCatalog | null }; bands: boolean };
export type PlanTaskResult = { id: number; ok: true; plan: ComputedPlan; computeMs: number } | { id: number; ok: false; error: string };

if (!parentPort) throw new Error("plan-worker must run in a worker thread.");
const port = parentPort;
let lastPriced: PricedCatalog | null = null;

port.on("message", (task: PlanTask) => {
  const started = performance.now();
  try {
    const priced = task.inputs.priced ?? lastPriced;
    if (!priced) throw new Error("The planning worker was sent no priced catalog.");
    lastPriced = priced;
    const plan = toJsonSafe(computePlan({ ...task.inputs, priced }, { bands: task.bands }));
    port.postMessage({ id: task.id, ok: true, plan, computeMs: Math.round(performance.now() - started) } satisfies PlanTaskResult);
  } catch (error) {
    port.postMessage({ id: task.id, ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies PlanTaskResult);
  }
});
