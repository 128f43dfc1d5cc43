import "server-only";

/**
 * Demo data: the model's example workloads (lib/model/examples.ts) with their scenarios, so a
 * newcomer lands on a living dashboard. Seeded only into a database that has never held a
 * workload profile, in one transaction, so a failure leaves nothing half-seeded. Scenarios record
 * the current priced catalog; their plans are stored right after (lib/services/startup.ts), as
 * for a profile created in the app.
 */
import { transact, type Db } from "@/lib/db/client";
import { exampleWorkloads } from "@/lib/model/examples";
import type { ExampleWorkload } from "@/lib/model/types";

import { getPricedCatalog } from "./catalog";
import { createWorkload } from "./workloads";

/**
 * Advisory lock key held while seeding, so app instances starting together on one PostgreSQL do
 * not both see an empty database and seed it twice. Arbitrary; "HRM1" in ASCII.
 */
export const SEED_ADVISORY_LOCK_KEY = 0x48524d31;

export type SeedResult =
  | { seeded: true; workloads: number; scenarios: number }
  | { seeded: false; reason: "not-empty" };

/**
 * Seeds the example workloads if the database has no workload profile at all. Soft-deleted
 * profiles count as data: a user who deleted the demo workloads does not get them back.
 *
 * @param db - an open, migrated database
 * @param options.examples - what to seed (default: the model's examples)
 * @throws the database error (nothing is written then)
 * @example await seedDemoData(db) //=> { seeded: true, workloads: 3, scenarios: 6 }
 */
export async function seedDemoData(
  db: Pick<Db, "prisma">,
  options: { examples?: readonly ExampleWorkload[] } = {},
): Promise<SeedResult> {
  const examples = options.examples ?? exampleWorkloads;
  return transact(
    db.prisma,
    async (tx) => {
      // Serialises seeders on one server; released at commit. (PGlite has one connection anyway.)
      await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${SEED_ADVISORY_LOCK_KEY})`);
      if ((await tx.workloadProfile.count()) > 0) return { seeded: false, reason: "not-empty" } as const;
      const { version } = await getPricedCatalog(tx);
      let scenarios = 0;
      for (const example of examples) {
        const created = await createWorkload(tx, example, { pricedCatalogVersion: version });
        scenarios += created.scenarios.length;
      }
      return { seeded: true, workloads: examples.length, scenarios } as const;
    },
    // Generous: the first start on a cold PGlite can be slow, and this runs once.
    { timeout: 30_000 },
  );
}
