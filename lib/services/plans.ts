import "server-only";

/**
 * Stored plans: the planning layer's figures, computed once per change and read by every page,
 * list and API response.
 *
 * - Writers call {@link refreshScenarioPlan} / {@link refreshWorkloadPlans} after their
 *   transaction commits: the deterministic plan is computed in a worker thread and stored before
 *   the request answers; when the scenario has ranges, its Monte Carlo bands become a job
 *   (lib/services/plan-jobs.ts) and replace the stored plan when done.
 * - Readers call {@link getScenarioPlan}: a fresh stored plan is returned as is; a missing or stale
 *   one (an interrupted save, a model upgrade, a re-price) is recomputed once — concurrent readers
 *   share one computation — and stored.
 */
import type { PricedCatalog } from "@/lib/catalog/overrides";
import { transact, type DbClient } from "@/lib/db/client";
import type { PlanBandsStatus, Prisma } from "@/lib/db/generated/client";
import { getBandsStatus, getPlanHead, getPlanJson, getPlanRow, getPlanRows, storePlan, type PlanHead, type PlanHeadlineColumns, type PlanKey, type PlanRow } from "@/lib/db/plans";
import { listScenarioIdsPricedOtherThan } from "@/lib/db/scenarios";
import { MODEL_VERSION } from "@/lib/model/version";
import { hasRanges, type ComputedPlan, type PlanInputs } from "@/lib/planning/compute-plan";
import { planHeadline, usdCents } from "@/lib/planning/headline";
import { computePlanInWorker, type Lane } from "@/lib/planning/worker-pool";

import { currentPricedVersion, getPricedCatalog } from "./catalog";
import { getScenario, getScenarios, recordScenarioPricing, type ScenarioDetail } from "./scenarios";

export type { PlanKey } from "@/lib/db/plans";

/** The stored plan's key and the state of its Monte Carlo bands, for pages polling while bands run; null without a stored plan. */
export function getPlanStatus(db: DbClient, scenarioId: string) {
  return getBandsStatus(db, scenarioId);
}

/** A stored plan as pages and the API read it. */
export type PlanView = {
  scenarioId: string;
  computed: ComputedPlan;
  key: PlanKey;
  /** `pending`/`running`: the Monte Carlo bands are being computed; the plan shown is the likely case. */
  bandsStatus: PlanBandsStatus;
  bandsError: string | null;
  computedAt: Date;
  computeMs: number;
};

/** The headline as the columns store it: USD exact to the cent. */
export function headlineColumns(computed: ComputedPlan): PlanHeadlineColumns {
  const headline = planHeadline(computed);
  return {
    month0TotalUsdPerMonth: headline.month0TotalUsdPerMonth === null ? null : usdCents(headline.month0TotalUsdPerMonth),
    month0Nodes: headline.month0Nodes,
    horizonTotalUsd: headline.horizonTotalUsd === null ? null : usdCents(headline.horizonTotalUsd),
    complete: headline.complete,
    provider: headline.where?.provider ?? null,
    region: headline.where?.region ?? null,
  };
}

/** The key a plan of `scenario` priced with `priced` has. */
function planKeyOf(scenario: ScenarioDetail, priced: PricedCatalog): PlanKey {
  return { workloadVersion: scenario.workload.version, scenarioVersion: scenario.version, pricedCatalogVersion: priced.version, modelVersion: MODEL_VERSION };
}

/**
 * What a scenario's plan is computed from now: its spec, its profile's spec and the priced
 * catalog it records (the current one when it records none, or one that no longer exists, which
 * is then recorded).
 */
export async function planInputsOf(db: DbClient, scenario: ScenarioDetail): Promise<{ inputs: PlanInputs; key: PlanKey }> {
  let priced = scenario.pricedCatalogVersion ? await getPricedCatalog(db, { version: scenario.pricedCatalogVersion }) : null;
  if (!priced) {
    priced = await getPricedCatalog(db);
    if (scenario.pricedCatalogVersion) await recordScenarioPricing(db, scenario.id, priced.version);
    scenario = { ...scenario, pricedCatalogVersion: priced.version };
  }
  return { inputs: { workload: scenario.workload.spec, scenario: scenario.spec, priced }, key: planKeyOf(scenario, priced) };
}

function sameKey(a: PlanKey, b: PlanKey): boolean {
  return a.workloadVersion === b.workloadVersion && a.scenarioVersion === b.scenarioVersion && a.pricedCatalogVersion === b.pricedCatalogVersion && a.modelVersion === b.modelVersion;
}

/** Whether a stored plan was computed from the scenario's live inputs and this model. */
export function isFresh(row: Pick<PlanRow, keyof PlanKey>, scenario: ScenarioDetail): boolean {
  return (
    row.modelVersion === MODEL_VERSION &&
    row.workloadVersion === scenario.workload.version &&
    row.scenarioVersion === scenario.version &&
    (scenario.pricedCatalogVersion === null || row.pricedCatalogVersion === scenario.pricedCatalogVersion)
  );
}

function toView(row: PlanRow): PlanView {
  const { scenarioId, workloadVersion, scenarioVersion, pricedCatalogVersion, modelVersion, plan, bandsStatus, bandsError, computedAt, computeMs } = row;
  return {
    scenarioId,
    computed: plan as unknown as ComputedPlan,
    key: { workloadVersion, scenarioVersion, pricedCatalogVersion, modelVersion },
    bandsStatus,
    bandsError,
    computedAt,
    computeMs,
  };
}

/**
 * Plans read recently, by scenario and the moment they were stored. A stored plan never changes
 * (a new one gets a new `computedAt`, its bands a new `bandsComputedAt`), so a page view after the
 * first costs one small query instead of reading and parsing a plan of up to a few hundred KB.
 */
const recentPlans = new Map<string, PlanView>();
const RECENT_PLANS_KEPT = 64;

function recentKey(head: Pick<PlanHead, "scenarioId" | "computedAt" | "bandsComputedAt">): string {
  return `${head.scenarioId}|${head.computedAt.toISOString()}|${head.bandsComputedAt?.toISOString() ?? ""}`;
}

/** The stored plan whose head this is, from memory or the database; null when it changed meanwhile. */
async function readPlan(db: DbClient, head: PlanHead): Promise<PlanView | null> {
  const key = recentKey(head);
  const cached = recentPlans.get(key);
  if (cached) {
    recentPlans.delete(key);
    recentPlans.set(key, cached);
    return cached;
  }
  const plan = await getPlanJson(db, head);
  if (plan === null) return null;
  const view = toView({ ...head, plan });
  recentPlans.set(key, view);
  for (const oldest of recentPlans.keys()) {
    if (recentPlans.size <= RECENT_PLANS_KEPT) break;
    recentPlans.delete(oldest);
  }
  return view;
}

// Band jobs running in this process, so a newer plan can stop a superseded one (plan-jobs.ts).
type JobsGlobal = { __headroomRunningBands?: Map<string, AbortController>; __headroomKickJobs?: () => void };
const jobsGlobal = globalThis as typeof globalThis & JobsGlobal;

/** Registers a running band job; the returned function unregisters it. */
export function trackRunningBands(scenarioId: string, controller: AbortController): () => void {
  jobsGlobal.__headroomRunningBands ??= new Map();
  jobsGlobal.__headroomRunningBands.set(scenarioId, controller);
  return () => {
    if (jobsGlobal.__headroomRunningBands?.get(scenarioId) === controller) jobsGlobal.__headroomRunningBands.delete(scenarioId);
  };
}

/** Lets the job runner of this process know there is work (it also polls, for other instances' work). */
export function onBandsQueued(kick: () => void): void {
  jobsGlobal.__headroomKickJobs = kick;
}

export type RefreshOutcome = { status: "stored"; view: PlanView } | { status: "superseded" | "gone" };

/**
 * Computes a scenario's deterministic plan in a worker thread and stores it, if the scenario is
 * still as it was read (a newer save stores its own). Queues its Monte Carlo bands when it has
 * ranges, and stops a band job of an older plan running in this process.
 *
 * @param options.lane - `interactive` (default) when a request waits, `background` for sweeps
 */
export async function refreshScenarioPlan(db: DbClient, scenarioId: string, options: { lane?: Lane } = {}): Promise<RefreshOutcome> {
  const scenario = await getScenario(db, scenarioId);
  if (!scenario) return { status: "gone" };
  const { inputs, key } = await planInputsOf(db, scenario);
  const { plan, computeMs } = await computePlanInWorker(inputs, { bands: false, lane: options.lane ?? "interactive" });
  const bandsStatus = plan.kind === "priced" && hasRanges(scenario.spec) ? "pending" : "none";
  const status = await transact(db, (tx) =>
    storePlan(tx, { scenarioId, key, plan: plan as unknown as Prisma.InputJsonValue, headline: headlineColumns(plan), computeMs, bandsStatus }),
  );
  if (status !== "stored") return { status };
  jobsGlobal.__headroomRunningBands?.get(scenarioId)?.abort();
  if (bandsStatus === "pending") jobsGlobal.__headroomKickJobs?.();
  const row = await getPlanRow(db, scenarioId);
  return row && sameKey(toView(row).key, key) ? { status: "stored", view: toView(row) } : { status: "superseded" };
}

/** Refreshes the plans of every live scenario of a profile (after the profile's spec changed). */
export async function refreshWorkloadPlans(db: DbClient, scenarioIds: readonly string[]): Promise<void> {
  for (const id of scenarioIds) await refreshScenarioPlan(db, id);
}

/** Recomputations under way in this process, by scenario and key: concurrent readers share one. */
const inflight = new Map<string, Promise<PlanView | null>>();

async function recomputeOnce(db: DbClient, scenario: ScenarioDetail): Promise<PlanView | null> {
  const id = `${scenario.id}:${scenario.workload.version}:${scenario.version}:${scenario.pricedCatalogVersion}`;
  const running = inflight.get(id);
  if (running) return running;
  const work = (async () => {
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const outcome = await refreshScenarioPlan(db, scenario.id);
      if (outcome.status === "stored") return outcome.view;
      if (outcome.status === "gone") return null;
    }
    // Saved over three times while we computed: show what is stored now.
    const row = await getPlanRow(db, scenario.id);
    return row ? toView(row) : null;
  })().finally(() => inflight.delete(id));
  inflight.set(id, work);
  return work;
}

/**
 * A scenario's plan for display: the stored plan when it is fresh, else recomputed once and
 * stored (the first reader after a change pays for it; later readers read it).
 *
 * @returns null when the scenario was deleted meanwhile
 */
export async function getScenarioPlan(db: DbClient, scenario: ScenarioDetail): Promise<PlanView | null> {
  const head = await getPlanHead(db, scenario.id);
  const stored = head && isFresh(head, scenario) ? await readPlan(db, head) : null;
  return stored ?? recomputeOnce(db, scenario);
}

/**
 * Stored plans of several scenarios, each fresh (recomputed once when stale), in the order asked.
 * Unknown ids are left out.
 */
export async function getScenarioPlans(db: DbClient, ids: readonly string[]): Promise<{ scenario: ScenarioDetail; plan: PlanView }[]> {
  const scenarios = await getScenarios(db, ids);
  const rows = new Map((await getPlanRows(db, scenarios.map((s) => s.id))).map((row) => [row.scenarioId, row]));
  const views = await Promise.all(
    scenarios.map(async (scenario) => {
      const row = rows.get(scenario.id);
      const plan = row && isFresh(row, scenario) ? toView(row) : await recomputeOnce(db, scenario);
      return plan ? { scenario, plan } : null;
    }),
  );
  return views.filter((view): view is { scenario: ScenarioDetail; plan: PlanView } => view !== null);
}

/**
 * Re-prices a scenario on the current priced catalog and stores its new plan.
 *
 * @returns the version now used, or null when the scenario is gone
 */
export async function repriceScenario(db: DbClient, scenarioId: string): Promise<string | null> {
  const current = await currentPricedVersion(db);
  if (!(await recordScenarioPricing(db, scenarioId, current))) return null;
  await refreshScenarioPlan(db, scenarioId);
  return current;
}

/**
 * Re-prices every live scenario priced with another catalog than the current one.
 *
 * @returns how many were re-priced
 */
export async function repriceAllScenarios(db: DbClient): Promise<number> {
  const current = await currentPricedVersion(db);
  const ids = await listScenarioIdsPricedOtherThan(db, current);
  for (const id of ids) await repriceScenario(db, id);
  return ids.length;
}
