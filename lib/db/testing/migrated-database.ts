/**
 * The hooks most integration suites share: one database of `backend` for the suite, emptied and
 * migrated before each test, dropped after the last.
 */
import { afterAll, beforeAll, beforeEach } from "vitest";

import type { Db } from "../client";
import { migrate } from "../migrate";
import type { Backend, TestDatabase } from "./backends";

/**
 * Registers the hooks in the calling `describe` and returns the database they manage.
 * @example const t = useMigratedDatabase(backend); it("…", async () => { await t.db.prisma.scenario.count(); });
 */
export function useMigratedDatabase(backend: Backend): { readonly db: Db } {
  let current: TestDatabase | undefined;
  beforeAll(async () => {
    current = await backend.open();
  });
  beforeEach(async () => {
    await current!.reset();
    await migrate(current!.db);
  });
  afterAll(async () => {
    await current?.cleanup();
  });
  return {
    get db() {
      if (!current) throw new Error("The test database is opened in beforeAll: read it inside a test or hook.");
      return current.db;
    },
  };
}
