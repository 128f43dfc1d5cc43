import "server-only";

/**
 * The background side of planning, one runner per app process:
 * - Monte Carlo band jobs: claimed from the `ScenarioPlan` table (SKIP LOCKED, so several
 *   instances on one PostgreSQL split the work and each job runs once), computed in the
 *   background worker thread, stored only if the plan they belong to is still the stored one.
 *   A job whose instance died is claimed again after {@link RECLAIM_AFTER_MS}.
 * - A sweep for stale plans (a model upgrade, a save whose plan never got stored): recomputed
 *   in the background lane, a few at a time.
 * The runner wakes when this process queues a job and polls for the others' work.
 */
import { hostname } from "node:os";

import type { DbClient } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { claimBandsJob, completeBandsJob, failBandsJob, listStalePlanScenarios, type BandsJob } from "@/lib/db/plans";
import { MODEL_VERSION } from "@/lib/model/version";
import { computePlanInWorker } from "@/lib/planning/worker-pool";

import { headlineColumns, onBandsQueued, planInputsOf, refreshScenarioPlan, trackRunningBands } from "./plans";
import { getScenario } from "./scenarios";

/** A running job claimed longer ago than this is taken to be dead: 5 minutes, longer than any job. */
export const RECLAIM_AFTER_MS = 5 * 60_000;
/** Attempts before a job is marked failed (a deterministic error repeats). */
export const MAX_BAND_ATTEMPTS = 3;
/** How often an idle runner looks for work queued by other instances. */
const POLL_INTERVAL_MS = 2_000;
/** How often it sweeps for stale plans, and how many it recomputes per sweep. */
const SWEEP_INTERVAL_MS = 60_000;
const SWEEP_BATCH = 20;

export type JobOutcome = "completed" | "superseded" | "failed" | "idle";

/**
 * Claims and runs one band job.
 *
 * @returns what happened: `idle` when there was no job
 */
export async function runOneBandsJob(db: DbClient, workerId: string): Promise<JobOutcome> {
  const job = await claimBandsJob(db, { workerId, reclaimAfterMs: RECLAIM_AFTER_MS, maxAttempts: MAX_BAND_ATTEMPTS });
  if (!job) return "idle";
  return runBandsJob(db, job, workerId);
}

async function runBandsJob(db: DbClient, job: BandsJob, workerId: string): Promise<JobOutcome> {
  const scenario = await getScenario(db, job.scenarioId);
  if (!scenario) return "superseded";
  const { inputs, key } = await planInputsOf(db, scenario);
  if (key.workloadVersion !== job.key.workloadVersion || key.scenarioVersion !== job.key.scenarioVersion || key.pricedCatalogVersion !== job.key.pricedCatalogVersion || key.modelVersion !== job.key.modelVersion) {
    // The stored plan is older than the scenario: store a current one (which queues its own job).
    await refreshScenarioPlan(db, scenario.id, { lane: "background" });
    return "superseded";
  }
  const controller = new AbortController();
  const untrack = trackRunningBands(job.scenarioId, controller);
  try {
    const { plan, computeMs } = await computePlanInWorker(inputs, { bands: true, lane: "background", signal: controller.signal });
    const stored = await completeBandsJob(db, { job, workerId, plan: plan as unknown as Prisma.InputJsonValue, headline: headlineColumns(plan), computeMs });
    return stored ? "completed" : "superseded";
  } catch (error) {
    if (controller.signal.aborted) return "superseded";
    const message = error instanceof Error ? error.message : String(error);
    console.error(`[plans] Monte Carlo for scenario ${job.scenarioId} failed (attempt ${job.attempt}): ${message}`);
    await failBandsJob(db, { job, workerId, error: message, maxAttempts: MAX_BAND_ATTEMPTS });
    return "failed";
  } finally {
    untrack();
  }
}

/**
 * Recomputes up to `limit` stale or missing plans in the background lane.
 *
 * @returns how many were looked at
 */
export async function sweepStalePlans(db: DbClient, limit = SWEEP_BATCH): Promise<number> {
  const ids = await listStalePlanScenarios(db, MODEL_VERSION, limit);
  for (const id of ids) await refreshScenarioPlan(db, id, { lane: "background" });
  return ids.length;
}

type RunnerGlobal = { __headroomPlanRunner?: { stop(): Promise<void> } };
const runnerGlobal = globalThis as typeof globalThis & RunnerGlobal;

/**
 * Starts this process's runner (once; later calls are no-ops). It never throws: a database that
 * is down is retried on the next poll.
 *
 * @param getDb - the app's ready database
 * @returns a handle to stop it (tests)
 */
export function startPlanJobs(getDb: () => Promise<DbClient>): { stop(): Promise<void> } {
  if (runnerGlobal.__headroomPlanRunner) return runnerGlobal.__headroomPlanRunner;
  const workerId = `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
  let stopped = false;
  let wake: (() => void) | null = null;
  let lastSweep = 0;
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      timer.unref();
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  onBandsQueued(() => wake?.());

  const loop = (async () => {
    while (!stopped) {
      try {
        const db = await getDb();
        if (Date.now() - lastSweep > SWEEP_INTERVAL_MS) {
          lastSweep = Date.now();
          await sweepStalePlans(db);
        }
        if ((await runOneBandsJob(db, workerId)) !== "idle") continue;
      } catch (error) {
        console.error(`[plans] job runner: ${error instanceof Error ? error.message : String(error)}`);
      }
      await sleep(POLL_INTERVAL_MS);
    }
  })();

  const handle = {
    async stop() {
      stopped = true;
      wake?.();
      await loop;
      runnerGlobal.__headroomPlanRunner = undefined;
    },
  };
  runnerGlobal.__headroomPlanRunner = handle;
  return handle;
}
