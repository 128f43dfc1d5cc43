/**
 * Applies pending migrations to the app's database: PostgreSQL when DATABASE_URL is set, the
 * embedded PGlite under HEADROOM_DATA_DIR (default .data/pglite) otherwise. The app does the same
 * at start-up; this is for deploy pipelines and for checking a database by hand.
 *
 *   npm run db:migrate
 *
 * Exit codes: 0 up to date, 1 failed (the message says why).
 */
import { createDb } from "@/lib/db/client";
import { describeDatabaseError } from "@/lib/db/errors";
import { migrate } from "@/lib/db/migrate";

async function main(): Promise<number> {
  const db = await createDb();
  try {
    console.log(`Migrating ${db.location}`);
    const result = await migrate(db, { log: (line) => console.log(`  ${line}`) });
    console.log(
      result.applied.length > 0
        ? `Applied ${result.applied.length} migration(s); latest is ${result.latest}.`
        : `Already up to date (latest ${result.latest ?? "none"}).`,
    );
    return 0;
  } finally {
    await db.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`Migration failed: ${error instanceof Error && error.name.startsWith("Migration") ? error.message : describeDatabaseError(error)}`);
    process.exit(1);
  },
);
