import { defineConfig, devices } from "@playwright/test";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { ADMIN_STORAGE_STATE } from "./e2e/support/auth";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${PORT}`;

/**
 * Browser tests drive Debian's Chromium (Playwright's own download is unreachable here) against a
 * fresh production server (`next start`, after `next build`) on a throwaway embedded database,
 * so each run starts from the demo seed exactly as a newcomer would. The `setup` project signs in
 * once as the demo admin (e2e/auth.setup.ts); every spec starts with that session unless it asks
 * for another (`test.use({ storageState: SIGNED_OUT })`).
 */
export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  // 2 shared cores: server renders with Monte Carlo pricing can take seconds under load.
  expect: { timeout: 10_000 },
  // A journey of a dozen pages and form posts ran 30–36 s at a load average of 15–17 (other
  // suites sharing the 2 cores); 60 s leaves headroom without hiding a hang.
  timeout: 60_000,
  forbidOnly: !!process.env.CI,
  reporter: [["list"], ["json", { outputFile: "test-results/e2e.json" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts$/ },
    {
      name: "chromium",
      dependencies: ["setup"],
      use: { ...devices["Desktop Chrome"], viewport: { width: 1400, height: 900 }, storageState: ADMIN_STORAGE_STATE },
    },
  ],
  webServer: {
    command: `node node_modules/next/dist/bin/next start -p ${PORT} -H 127.0.0.1`,
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: {
      HEADROOM_DATA_DIR: mkdtempSync(path.join(tmpdir(), "headroom-e2e-")),
      DATABASE_URL: "",
      // The demo accounts are what the specs sign in with.
      HEADROOM_DEMO: "1",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  },
});
