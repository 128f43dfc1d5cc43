import "server-only";

import type { Db } from "@/lib/db/client";
import { DatabaseUnavailableError, describeDatabaseError, isDatabaseUnreachable } from "@/lib/db/errors";
import { getReadyDb } from "./startup";

/**
 * Runs a server action's writes on the ready database. An unreachable database becomes a message
 * the form shows ("Nothing was saved: …"), never an error page; other errors still throw.
 * The client is the app's own, so the action can open a transaction (`prisma.$transaction`) and
 * pass its `tx` to the lib/db functions.
 */
export async function withReadyDb<T>(write: (prisma: Db["prisma"]) => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; message: string }> {
  try {
    const { prisma } = await getReadyDb();
    return { ok: true, value: await write(prisma) };
  } catch (error) {
    if (error instanceof DatabaseUnavailableError || isDatabaseUnreachable(error)) {
      return { ok: false, message: `Nothing was saved: ${describeDatabaseError(error)}` };
    }
    throw error;
  }
}
