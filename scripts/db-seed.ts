/**
 * Seeds the demo workloads into the app's database if it has none (migrating it first). The app
 * does this at start-up unless HEADROOM_SEED_DEMO=0; this runs it on demand, whatever that says.
 *
 *   npm run db:seed
 *
 * Exit codes: 0 seeded or already holding data, 1 failed.
 */
import { createDb } from "@/lib/db/client";
import { describeDatabaseError } from "@/lib/db/errors";
import { migrate } from "@/lib/db/migrate";
import { seedDemoData } from "@/lib/db/seed";

async function main(): Promise<number> {
  const db = await createDb();
  try {
    await migrate(db, { log: (line) => console.log(line) });
    const result = await seedDemoData(db);
    console.log(
      result.seeded
        ? `Seeded ${result.workloads} demo workloads with ${result.scenarios} scenarios into ${db.location}.`
        : `${db.location} already holds workload profiles: nothing seeded.`,
    );
    return 0;
  } finally {
    await db.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`Seeding failed: ${error instanceof Error && error.name.startsWith("Migration") ? error.message : describeDatabaseError(error)}`);
    process.exit(1);
  },
);
