/**
 * Creates an admin who signs in with e-mail and password: how a production server (demo mode off)
 * gets its first admin. Migrates the database first. Reads the password from
 * `HEADROOM_ADMIN_PASSWORD` or, when unset, prompts for it (hidden input is left to the terminal:
 * prefer the variable in scripts, e.g. from a secret store).
 *
 *   npm run admin:create -- --email ada@example.com --name "Ada Lovelace"
 *
 * Exit codes: 0 created, 1 failed (including: the e-mail already has an account).
 */
import { createInterface } from "node:readline/promises";
import { parseArgs } from "node:util";

import { migrate } from "@/lib/db/migrate";
import { createPasswordUser } from "@/lib/services/auth";

import { runWithDb } from "./run-with-db";

const { values } = parseArgs({ options: { email: { type: "string" }, name: { type: "string" } } });

async function password(): Promise<string> {
  const fromEnv = process.env.HEADROOM_ADMIN_PASSWORD;
  if (fromEnv) return fromEnv;
  const prompt = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return await prompt.question("Password (at least 12 characters): ");
  } finally {
    prompt.close();
  }
}

if (!values.email || !values.name) {
  console.error('Usage: npm run admin:create -- --email ada@example.com --name "Ada Lovelace"  (password from HEADROOM_ADMIN_PASSWORD or a prompt)');
  process.exit(1);
}

runWithDb("Creating the admin", async (db) => {
  await migrate(db);
  const result = await createPasswordUser(db.prisma, { email: values.email!, name: values.name!, password: await password(), role: "admin" });
  if (!result.created) throw new Error(`${values.email} already has an account.`);
  console.log(`Admin ${values.email} created; sign in at /sign-in.`);
});
