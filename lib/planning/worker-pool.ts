import "server-only";

/**
 * Plan computations run in worker threads, never on the thread that serves requests. Two lanes,
 * one worker each, so a save's deterministic plan (awaited by the request, tens of milliseconds)
 * never queues behind a Monte Carlo job (background, up to seconds):
 * - `interactive`: plans a request waits for (a save, a stale plan on first view);
 * - `background`: Monte Carlo bands (lib/services/plan-jobs.ts).
 * Tasks in a lane run one at a time, in order. Aborting a running task terminates its worker (a
 * superseded Monte Carlo stops burning CPU); the lane starts a fresh one for the next task.
 * Workers stay alive between tasks and never keep the process alive.
 */
import { Worker } from "node:worker_threads";

import type { PricedCatalog } from "@/lib/catalog/overrides";

import type { ComputedPlan, PlanInputs } from "./compute-plan";
import type { PlanTask, PlanTaskResult } from "./plan-worker";

export type Lane = "interactive" | "background";

/** Longest a task may run: 20,000 samples × 60 months stays well inside it on 2 cores. */
const TASK_TIMEOUT_MS: Record<Lane, number> = { interactive: 60_000, background: 300_000 };

type Pending = {
  task: Omit<PlanTask, "inputs"> & { inputs: PlanInputs };
  resolve: (result: { plan: ComputedPlan; computeMs: number }) => void;
  reject: (error: Error) => void;
  signal?: AbortSignal;
  timeoutMs: number;
};

/** The worker's entry from source (tests, tsx scripts): register tsx in the thread, then load it. */
function spawnFromSource(entry: URL): Worker {
  const code = `import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(entry.href)}); }).catch((error) => { setTimeout(() => { throw error; }); });`;
  return new Worker(code, { eval: true });
}

function spawnWorker(): Worker {
  // In a Next server, Turbopack bundles the worker and rewrites this URL to its chunk.
  if (process.env.NEXT_RUNTIME) return new Worker(new URL("./plan-worker.ts", import.meta.url));
  // From source (vitest, tsx scripts) the module is TypeScript, which Node 20 cannot load in a thread.
  return spawnFromSource(new URL(import.meta.url.replace(/worker-pool\.ts$/, "plan-worker.ts")));
}

class LaneRunner {
  private worker: Worker | null = null;
  /** The priced catalog the current worker holds (it keeps its last task's); a new worker holds none. */
  private workerPriced: PricedCatalog | null = null;
  private queue: Pending[] = [];
  private running: (Pending & { timer: NodeJS.Timeout; onAbort: () => void }) | null = null;

  constructor(private readonly lane: Lane) {}

  run(task: Pending["task"], signal?: AbortSignal): Promise<{ plan: ComputedPlan; computeMs: number }> {
    if (signal?.aborted) return Promise.reject(abortError(this.lane));
    return new Promise((resolve, reject) => {
      this.queue.push({ task, resolve, reject, signal, timeoutMs: TASK_TIMEOUT_MS[this.lane] });
      signal?.addEventListener("abort", () => this.dequeue(task.id), { once: true });
      this.next();
    });
  }

  private dequeue(id: number): void {
    const index = this.queue.findIndex((pending) => pending.task.id === id);
    if (index >= 0) this.queue.splice(index, 1)[0]?.reject(abortError(this.lane));
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = spawnWorker();
    worker.unref();
    worker.on("message", (result: PlanTaskResult) => this.settle(result));
    worker.on("error", (error) => this.fail(worker, error));
    worker.on("exit", (code) => this.fail(worker, new Error(`The ${this.lane} planning worker exited with code ${code}.`)));
    this.worker = worker;
    this.workerPriced = null;
    return worker;
  }

  private next(): void {
    if (this.running) return;
    const pending = this.queue.shift();
    if (!pending) return;
    const worker = this.ensureWorker();
    const timer = setTimeout(() => this.stop(new Error(`Planning took longer than ${pending.timeoutMs / 1000} s and was stopped.`)), pending.timeoutMs);
    timer.unref();
    const onAbort = () => this.stop(abortError(this.lane));
    pending.signal?.addEventListener("abort", onAbort, { once: true });
    this.running = { ...pending, timer, onAbort };
    // Catalogs are cached by identity (lib/services/catalog.ts keeps one object per priced version).
    const { priced } = pending.task.inputs;
    const message: PlanTask = { ...pending.task, inputs: { ...pending.task.inputs, priced: priced === this.workerPriced ? null : priced } };
    this.workerPriced = priced;
    worker.postMessage(message);
  }

  private finish(): Pending | null {
    const running = this.running;
    if (!running) return null;
    clearTimeout(running.timer);
    running.signal?.removeEventListener("abort", running.onAbort);
    this.running = null;
    return running;
  }

  private settle(result: PlanTaskResult): void {
    if (this.running?.task.id !== result.id) return;
    const running = this.finish();
    if (result.ok) running?.resolve({ plan: result.plan, computeMs: result.computeMs });
    else running?.reject(new Error(`Planning failed in the worker: ${result.error}`));
    this.next();
  }

  /** Stops the running task by terminating its worker. */
  private stop(error: Error): void {
    const running = this.finish();
    const worker = this.worker;
    this.worker = null;
    running?.reject(error);
    void worker?.terminate();
    this.next();
  }

  private fail(worker: Worker, error: Error): void {
    if (this.worker !== worker) return; // a worker we terminated on purpose
    this.worker = null;
    this.finish()?.reject(error);
    this.next();
  }
}

function abortError(lane: Lane): Error {
  const error = new Error(`The ${lane} planning task was superseded.`);
  error.name = "AbortError";
  return error;
}

type PoolGlobal = { __headroomPlanLanes?: Record<Lane, LaneRunner> };
const globalForPool = globalThis as typeof globalThis & PoolGlobal;
let nextTaskId = 1;

/**
 * Computes a plan in a worker thread.
 *
 * @param options.bands - run the Monte Carlo (see `computePlan`)
 * @param options.lane - `interactive` for work a request waits on, `background` for jobs
 * @param options.signal - abort to drop a queued task or stop a running one
 * @throws Error when planning fails or times out; an AbortError when aborted
 */
export function computePlanInWorker(
  inputs: PlanInputs,
  options: { bands: boolean; lane: Lane; signal?: AbortSignal },
): Promise<{ plan: ComputedPlan; computeMs: number }> {
  globalForPool.__headroomPlanLanes ??= { interactive: new LaneRunner("interactive"), background: new LaneRunner("background") };
  return globalForPool.__headroomPlanLanes[options.lane].run({ id: nextTaskId++, inputs, bands: options.bands }, options.signal);
}
