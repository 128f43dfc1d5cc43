/**
 * Applies pending migrations to the app's database: PostgreSQL when DATABASE_URL is set, the
 * embedded PGlite under HEADROOM_DATA_DIR (default .data/pglite) otherwise. The app does the same
 * at start-up; this is for deploy pipelines and for checking a database by hand.
 *
 *   npm run db:migrate
 *
 * Exit codes: 0 up to date, 1 failed (the message says why).
 */
import { migrate } from "@/lib/db/migrate";

import { runWithDb } from "./run-with-db";

runWithDb("Migration", async (db) => {
  console.log(`Migrating ${db.location}`);
  const result = await migrate(db, { log: (line) => console.log(`  ${line}`) });
  console.log(
    result.applied.length > 0
      ? `Applied ${result.applied.length} migration(s); latest is ${result.latest}.`
      : `Already up to date (latest ${result.latest ?? "none"}).`,
  );
});
