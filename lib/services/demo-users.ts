import "server-only";

/**
 * Demo mode's accounts: one user per role with the public demo password (lib/services/auth-mode.ts),
 * created at start-up when missing, so `npm start` opens on a workspace anyone can sign in to.
 */
import type { Db } from "@/lib/db/client";

import { createPasswordUser } from "./auth";
import { DEMO_PASSWORD, DEMO_USERS } from "./auth-mode";

/** Creates the demo users that do not exist yet; returns how many were created. */
export async function seedDemoUsers(db: Pick<Db, "prisma">): Promise<number> {
  let created = 0;
  for (const user of DEMO_USERS) {
    if ((await createPasswordUser(db.prisma, { ...user, password: DEMO_PASSWORD })).created) created += 1;
  }
  return created;
}

/** The lines printed at start in demo mode. */
export function demoCredentialsBanner(): string[] {
  return [
    "Demo mode: sign in at /sign-in as one of (password for all: " + DEMO_PASSWORD + ")",
    ...DEMO_USERS.map((user) => `  ${user.role.padEnd(9)} ${user.email}`),
    "Turn demo mode off with HEADROOM_DEMO=0 (then BETTER_AUTH_SECRET and BETTER_AUTH_URL are required).",
  ];
}
