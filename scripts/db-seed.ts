/**
 * Seeds the demo workloads into the app's database if it has none (migrating it first). The app
 * does this at start-up unless HEADROOM_SEED_DEMO=0; this runs it on demand, whatever that says.
 *
 *   npm run db:seed
 *
 * Exit codes: 0 seeded or already holding data, 1 failed.
 */
import { migrate } from "@/lib/db/migrate";
import { seedDemoData } from "@/lib/db/seed";

import { runWithDb } from "./run-with-db";

runWithDb("Seeding", async (db) => {
  await migrate(db, { log: (line) => console.log(line) });
  const result = await seedDemoData(db);
  console.log(
    result.seeded
      ? `Seeded ${result.workloads} demo workloads with ${result.scenarios} scenarios into ${db.location}.`
      : `${db.location} already holds workload profiles: nothing seeded.`,
  );
});
