/**
 * Stored plans (`ScenarioPlan`) and the Monte Carlo band jobs on them. Persistence only: the plan
 * is JSON the planning layer produced (lib/planning/stored-plan.ts) and the headline columns are
 * figures it derived; this module decides nothing about what a plan contains.
 *
 * Two rules keep plans consistent with their inputs across requests, processes and instances:
 * - A plan is stored only for the scenario's live inputs: {@link storePlan} locks the scenario and
 *   its profile (`FOR UPDATE`) and refuses a key that is no longer live, so two saves racing can
 *   never leave a plan of the older version behind.
 * - A band job is claimed with `FOR UPDATE SKIP LOCKED` and completed only while its key is still
 *   the stored one and its claim is still ours, so each job runs once however many instances poll,
 *   a newer save supersedes a running job, and a job whose worker died is claimed again later.
 */
import type { DbClient } from "./client";
import type { PlanBandsStatus, Prisma } from "./generated/client";

/** The inputs a plan was computed from. A plan is fresh while these equal the live ones. */
export type PlanKey = {
  workloadVersion: number;
  scenarioVersion: number;
  pricedCatalogVersion: string;
  modelVersion: string;
};

/** Figures from the plan, in columns so lists sort and aggregate them in SQL. */
export type PlanHeadlineColumns = {
  /** USD, as a decimal string exact to the cent (e.g. "1234.57"); null when unpriced. */
  month0TotalUsdPerMonth: string | null;
  month0Nodes: number | null;
  horizonTotalUsd: string | null;
  complete: boolean;
  provider: string | null;
  region: string | null;
};

export type PlanRow = PlanKey &
  Omit<PlanHeadlineColumns, "month0TotalUsdPerMonth" | "horizonTotalUsd"> & {
    scenarioId: string;
    plan: Prisma.JsonValue;
    month0TotalUsdPerMonth: Prisma.Decimal | null;
    horizonTotalUsd: Prisma.Decimal | null;
    computedAt: Date;
    computeMs: number;
    bandsStatus: PlanBandsStatus;
    bandsError: string | null;
    bandsComputedAt: Date | null;
  };

const PLAN_SELECT = {
  scenarioId: true,
  workloadVersion: true,
  scenarioVersion: true,
  pricedCatalogVersion: true,
  modelVersion: true,
  plan: true,
  month0TotalUsdPerMonth: true,
  month0Nodes: true,
  horizonTotalUsd: true,
  complete: true,
  provider: true,
  region: true,
  computedAt: true,
  computeMs: true,
  bandsStatus: true,
  bandsError: true,
  bandsComputedAt: true,
} as const satisfies Prisma.ScenarioPlanSelect;

/** The stored plan of a scenario (fresh or not), or null. */
export async function getPlanRow(db: DbClient, scenarioId: string): Promise<PlanRow | null> {
  return db.scenarioPlan.findUnique({ where: { scenarioId }, select: PLAN_SELECT });
}

/** A stored plan without its JSON: enough to tell whether it is fresh and which version it is. */
export type PlanHead = Omit<PlanRow, "plan">;

const { plan: _plan, ...HEAD_SELECT } = PLAN_SELECT;

/** The head of a scenario's stored plan (no JSON), or null. */
export async function getPlanHead(db: DbClient, scenarioId: string): Promise<PlanHead | null> {
  return db.scenarioPlan.findUnique({ where: { scenarioId }, select: HEAD_SELECT });
}

/** A stored plan's JSON, if it is still the one computed at `computedAt` with bands as of `bandsComputedAt`. */
export async function getPlanJson(db: DbClient, head: Pick<PlanHead, "scenarioId" | "computedAt" | "bandsComputedAt">): Promise<Prisma.JsonValue | null> {
  const row = await db.scenarioPlan.findFirst({
    where: { scenarioId: head.scenarioId, computedAt: head.computedAt, bandsComputedAt: head.bandsComputedAt },
    select: { plan: true },
  });
  return row?.plan ?? null;
}

/** The stored plans of several scenarios, in no particular order. */
export async function getPlanRows(db: DbClient, scenarioIds: readonly string[]): Promise<PlanRow[]> {
  return db.scenarioPlan.findMany({ where: { scenarioId: { in: [...scenarioIds] } }, select: PLAN_SELECT });
}

/** The state of a scenario's band job, for polling. */
export async function getBandsStatus(db: DbClient, scenarioId: string): Promise<{ key: PlanKey; bandsStatus: PlanBandsStatus; bandsError: string | null } | null> {
  const row = await db.scenarioPlan.findUnique({
    where: { scenarioId },
    select: { workloadVersion: true, scenarioVersion: true, pricedCatalogVersion: true, modelVersion: true, bandsStatus: true, bandsError: true },
  });
  if (!row) return null;
  const { bandsStatus, bandsError, ...key } = row;
  return { key, bandsStatus, bandsError };
}

type LiveInputs = { scenarioVersion: number; pricedCatalogVersion: string | null; workloadVersion: number };

/**
 * Locks a live scenario and its profile until the transaction ends and returns their versions,
 * or null when the scenario is gone. Writers that change a plan's inputs update these rows, so
 * they wait for the lock.
 */
async function lockLiveInputs(tx: DbClient, scenarioId: string): Promise<LiveInputs | null> {
  const rows = await tx.$queryRaw<{ scenarioVersion: number; pricedCatalogVersion: string | null; workloadVersion: number }[]>`
    SELECT s."version" AS "scenarioVersion", s."pricedCatalogVersion", w."version" AS "workloadVersion"
    FROM "Scenario" s JOIN "WorkloadProfile" w ON w."id" = s."workloadId"
    WHERE s."id" = ${scenarioId}::uuid AND s."deletedAt" IS NULL AND w."deletedAt" IS NULL
    FOR UPDATE OF s, w`;
  return rows[0] ?? null;
}

export type StorePlanInput = {
  scenarioId: string;
  key: PlanKey;
  plan: Prisma.InputJsonValue;
  headline: PlanHeadlineColumns;
  computeMs: number;
  /** `none` when the plan is final, `pending` when its bands are still to be computed. */
  bandsStatus: Extract<PlanBandsStatus, "none" | "pending" | "ready">;
};

/**
 * Stores a plan if its key is still the scenario's live inputs, replacing whatever was stored
 * (and any band job running on it). Must run inside a transaction (the lock is held to its end).
 * A scenario whose priced catalog was not recorded yet gets the key's recorded.
 *
 * @returns `stored`, `superseded` (an input changed since the plan was computed: a newer save
 *   stores its own) or `gone` (the scenario or its profile was deleted)
 */
export async function storePlan(tx: DbClient, input: StorePlanInput): Promise<"stored" | "superseded" | "gone"> {
  const live = await lockLiveInputs(tx, input.scenarioId);
  if (!live) return "gone";
  const { key } = input;
  if (live.scenarioVersion !== key.scenarioVersion || live.workloadVersion !== key.workloadVersion) return "superseded";
  if (live.pricedCatalogVersion !== null && live.pricedCatalogVersion !== key.pricedCatalogVersion) return "superseded";
  if (live.pricedCatalogVersion === null) {
    await tx.scenario.update({ where: { id: input.scenarioId }, data: { pricedCatalogVersion: key.pricedCatalogVersion } });
  }
  const data = {
    ...key,
    ...input.headline,
    plan: input.plan,
    computeMs: input.computeMs,
    computedAt: new Date(),
    bandsStatus: input.bandsStatus,
    bandsClaimedBy: null,
    bandsClaimedAt: null,
    bandsAttempts: 0,
    bandsError: null,
    bandsComputedAt: input.bandsStatus === "ready" ? new Date() : null,
  };
  await tx.scenarioPlan.upsert({ where: { scenarioId: input.scenarioId }, create: { scenarioId: input.scenarioId, ...data }, update: data });
  return "stored";
}

/**
 * Scenarios whose stored plan is missing or was computed from other inputs than the live ones
 * (an edit whose plan never got stored, a model upgrade), oldest change first.
 *
 * @param modelVersion - the running model's version; plans of any other are stale
 */
export async function listStalePlanScenarios(db: DbClient, modelVersion: string, limit: number): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT s."id" FROM "Scenario" s
    JOIN "WorkloadProfile" w ON w."id" = s."workloadId"
    LEFT JOIN "ScenarioPlan" p ON p."scenarioId" = s."id"
    WHERE s."deletedAt" IS NULL AND w."deletedAt" IS NULL
      AND (p."scenarioId" IS NULL
        OR p."scenarioVersion" <> s."version"
        OR p."workloadVersion" <> w."version"
        OR p."modelVersion" <> ${modelVersion}
        OR p."pricedCatalogVersion" IS DISTINCT FROM COALESCE(s."pricedCatalogVersion", p."pricedCatalogVersion"))
    ORDER BY GREATEST(s."updatedAt", w."updatedAt")
    LIMIT ${limit}`;
  return rows.map((row) => row.id);
}

/** A claimed band job: the plan it belongs to and the key it must still have when it completes. */
export type BandsJob = { scenarioId: string; key: PlanKey; attempt: number };

/**
 * Claims the oldest band job that is pending, or running under a claim older than
 * `reclaimAfterMs` (its worker died), for `workerId`. Jobs that failed `maxAttempts` times are
 * left failed. Safe to call from many processes at once: each job goes to one of them.
 *
 * @returns the job, or null when there is nothing to do
 */
export async function claimBandsJob(db: DbClient, options: { workerId: string; reclaimAfterMs: number; maxAttempts: number }): Promise<BandsJob | null> {
  const rows = await db.$queryRaw<(PlanKey & { scenarioId: string; bandsAttempts: number })[]>`
    UPDATE "ScenarioPlan" SET "bandsStatus" = 'running', "bandsClaimedBy" = ${options.workerId},
      "bandsClaimedAt" = now(), "bandsAttempts" = "bandsAttempts" + 1
    WHERE "scenarioId" = (
      SELECT "scenarioId" FROM "ScenarioPlan"
      WHERE "bandsAttempts" < ${options.maxAttempts}
        AND ("bandsStatus" = 'pending' OR ("bandsStatus" = 'running' AND "bandsClaimedAt" < now() - ${options.reclaimAfterMs} * interval '1 millisecond'))
      ORDER BY "computedAt"
      FOR UPDATE SKIP LOCKED
      LIMIT 1)
    RETURNING "scenarioId", "workloadVersion", "scenarioVersion", "pricedCatalogVersion", "modelVersion", "bandsAttempts"`;
  const row = rows[0];
  if (!row) return null;
  const { scenarioId, bandsAttempts, ...key } = row;
  return { scenarioId, key, attempt: bandsAttempts };
}

function stillOurs(job: BandsJob, workerId: string): Prisma.ScenarioPlanWhereInput {
  return { scenarioId: job.scenarioId, ...job.key, bandsStatus: "running", bandsClaimedBy: workerId };
}

/**
 * Stores the plan with its bands, if the job is still ours and its key still the stored one.
 *
 * @returns false when the job was superseded (a newer plan was stored meanwhile) or reclaimed
 */
export async function completeBandsJob(
  db: DbClient,
  input: { job: BandsJob; workerId: string; plan: Prisma.InputJsonValue; headline: PlanHeadlineColumns; computeMs: number },
): Promise<boolean> {
  const { count } = await db.scenarioPlan.updateMany({
    where: stillOurs(input.job, input.workerId),
    data: { ...input.headline, plan: input.plan, computeMs: input.computeMs, bandsStatus: "ready", bandsComputedAt: new Date(), bandsError: null, bandsClaimedBy: null },
  });
  return count === 1;
}

/**
 * Gives a job back after an error: pending again while attempts remain, else failed with the message.
 *
 * @returns false when the job was no longer ours
 */
export async function failBandsJob(db: DbClient, input: { job: BandsJob; workerId: string; error: string; maxAttempts: number }): Promise<boolean> {
  const { count } = await db.scenarioPlan.updateMany({
    where: stillOurs(input.job, input.workerId),
    data: { bandsStatus: input.job.attempt >= input.maxAttempts ? "failed" : "pending", bandsError: input.error.slice(0, 2000), bandsClaimedBy: null, bandsClaimedAt: null },
  });
  return count === 1;
}
