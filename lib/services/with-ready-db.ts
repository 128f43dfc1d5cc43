import "server-only";

import type { Db } from "@/lib/db/client";
import { onReadyDb, type ReadyDbResult } from "./ready-db";

/**
 * Runs a server action's writes on the ready database. An unreachable database becomes a message
 * the form shows ("Nothing was saved: …"), never an error page; other errors still throw.
 * The client is the app's own, so the action can open a transaction (`prisma.$transaction`) and
 * pass its `tx` to the lib/db functions.
 */
export async function withReadyDb<T>(write: (prisma: Db["prisma"]) => Promise<T>): Promise<ReadyDbResult<T>> {
  const result = await onReadyDb("action", write);
  return result.ok ? result : { ok: false, message: `Nothing was saved: ${result.message}` };
}
