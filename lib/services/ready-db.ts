import "server-only";

import type { Db } from "@/lib/db/client";
import { DatabaseUnavailableError, describeDatabaseError, isDatabaseUnreachable } from "@/lib/db/errors";
import { getReadyDb } from "./startup";

/** What work on the database gave: its value, or why the database could not answer (safe to show). */
export type ReadyDbResult<T> = { ok: true; value: T } | { ok: false; message: string };

/**
 * Runs `work` on the ready (migrated, seeded) database. An unreachable database — at start-up or
 * mid-work — becomes `{ ok: false, message }`, logged under `label`; any other error still throws.
 * The one place pages ({@link loadPageData}), server actions (`withReadyDb`) and API routes
 * (lib/api) meet the database.
 */
export async function onReadyDb<T>(label: string, work: (prisma: Db["prisma"]) => Promise<T>): Promise<ReadyDbResult<T>> {
  try {
    const { prisma } = await getReadyDb();
    return { ok: true, value: await work(prisma) };
  } catch (error) {
    if (!(error instanceof DatabaseUnavailableError || isDatabaseUnreachable(error))) throw error;
    const message = describeDatabaseError(error);
    console.error(`[${label}] database unavailable: ${message}`);
    return { ok: false, message };
  }
}
