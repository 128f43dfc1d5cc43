/**
 * Seeds the demo workloads into the app's database if it has none (migrating it first) and stores
 * their plans. The app does this at start-up unless HEADROOM_SEED_DEMO=0; this runs it on demand,
 * whatever that says.
 *
 *   npm run db:seed
 *
 * Exit codes: 0 seeded or already holding data, 1 failed.
 */
import { runStartup } from "@/lib/services/startup";

import { runWithDb } from "./run-with-db";

runWithDb("Seeding", async (db) => {
  const { seed } = await runStartup(db, { seedDemo: true, log: (line) => console.log(line) });
  if (seed !== "disabled" && !seed.seeded) console.log(`${db.location} already holds workload profiles: nothing seeded.`);
});
