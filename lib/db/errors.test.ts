import { describe, expect, it } from "vitest";

import { DatabaseTimeoutError, describeDatabaseError, isDatabaseUnreachable, withTimeout } from "./errors";

/** The shape of a Prisma error raised through a driver adapter. */
function prismaError(message: string, cause: Record<string, unknown>) {
  return Object.assign(new Error(message), { code: "P1001", meta: { driverAdapterError: { cause } } });
}

describe("describeDatabaseError", () => {
  it.each([
    [{ kind: "DatabaseNotReachable", host: "db.internal", port: 5432 }, "Cannot reach the database server at db.internal:5432. Is PostgreSQL running?"],
    [{ kind: "DatabaseDoesNotExist", db: "headroom" }, 'The database "headroom" does not exist on the server. Create it, or fix DATABASE_URL.'],
    [{ kind: "AuthenticationFailed", user: "app" }, "The database server refused the credentials in DATABASE_URL (user app)."],
    [{ kind: "TableDoesNotExist", table: "public.WorkloadProfile" }, "The table public.WorkloadProfile is missing: the database has not been migrated (npm run db:migrate)."],
  ])("explains %o in words", (cause, expected) => {
    expect(describeDatabaseError(prismaError("\nInvalid `prisma.x()` invocation in\n/srv/app.ts:1:1\n\n→ 1 code\nboom", cause))).toBe(expected);
  });

  it("keeps only the last line of a Prisma message, never its code frame", () => {
    const message = describeDatabaseError(new Error("\nInvalid `prisma.workloadProfile.count()` invocation in\n/srv/app/page.tsx:3:9\n\n→ 3 await x\nSomething specific went wrong"));
    expect(message).toBe("Something specific went wrong");
  });

  it("recognises pg's own connection errors", () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
    expect(describeDatabaseError(refused)).toBe("Cannot reach the database server. Is PostgreSQL running?");
    expect(describeDatabaseError(new Error("timeout exceeded when trying to connect"))).toMatch(/did not accept a connection in time/);
    expect(isDatabaseUnreachable(refused)).toBe(true);
    expect(isDatabaseUnreachable(new Error("syntax error at or near"))).toBe(false);
  });
});

describe("withTimeout", () => {
  it("passes a prompt result through", async () => {
    await expect(withTimeout(Promise.resolve(7), 100, "a query")).resolves.toBe(7);
  });

  it("rejects with a DatabaseTimeoutError when the promise is too slow", async () => {
    const never = new Promise<never>(() => {});
    const error = await withTimeout(never, 20, "a health query").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseTimeoutError);
    expect((error as Error).message).toBe("The database did not answer a health query within 20 ms.");
  });
});
