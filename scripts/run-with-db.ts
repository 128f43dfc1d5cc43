import { createDb, type Db } from "@/lib/db/client";
import { describeDatabaseError } from "@/lib/db/errors";

/**
 * Runs a database CLI task against the app's configured database, closes it, and exits: 0 on
 * success, 1 with a one-line reason on failure (pg pools would otherwise keep the process alive).
 *
 * @param what - the task in words, for the failure line ("Migration", "Seeding")
 */
export function runWithDb(what: string, task: (db: Db) => Promise<void>): void {
  const run = async () => {
    const db = await createDb();
    try {
      await task(db);
    } finally {
      await db.close();
    }
  };
  run().then(
    () => process.exit(0),
    (error: unknown) => {
      const reason = error instanceof Error && error.name.startsWith("Migration") ? error.message : describeDatabaseError(error);
      console.error(`${what} failed: ${reason}`);
      process.exit(1);
    },
  );
}
