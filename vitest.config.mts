import { fileURLToPath } from "node:url";

import { defineConfig } from "vitest/config";

/**
 * Two projects: `unit` (pure code, colocated `*.test.ts`) and `integration`
 * (`*.int.test.ts`, against a real PostgreSQL server and an embedded PGlite).
 */
export default defineConfig({
  // `server-only` throws outside React's server graph; tests run server modules directly.
  resolve: { tsconfigPaths: true, alias: { "server-only": fileURLToPath(new URL("node_modules/server-only/empty.js", import.meta.url)) } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "components/**/*.test.tsx", "scripts/**/*.test.ts"],
          exclude: ["**/*.int.test.ts", "node_modules/**"],
          environment: "node",
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["**/*.int.test.ts"],
          exclude: ["node_modules/**"],
          environment: "node",
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
