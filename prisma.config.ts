import { defineConfig } from "prisma/config";

/**
 * Prisma 7 configuration. The app itself never reads the URL from here: lib/db/client.ts builds a
 * driver adapter (PostgreSQL when DATABASE_URL is set, embedded PGlite otherwise). The URL is only
 * for a developer who has the native Prisma CLI (`prisma migrate status`, `prisma studio`).
 * `prisma generate` needs no URL, so a fresh clone without DATABASE_URL still installs.
 */
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: {
    path: "prisma/migrations",
    seed: "tsx scripts/db-seed.ts",
  },
  ...(process.env.DATABASE_URL ? { datasource: { url: process.env.DATABASE_URL } } : {}),
});
