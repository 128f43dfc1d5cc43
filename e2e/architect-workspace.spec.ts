import { readFile } from "node:fs/promises";

import { expect, test, type Page } from "@playwright/test";

const PROFILE = "Checkout events (Kafka → Flink)";
const SHOTS = "test-results/screenshots";

function stage(page: Page, index: number) {
  return page.getByRole("group", { name: `Stage ${index}` });
}

test.describe("An architect models a streaming pipeline and its futures", () => {
  test.describe.configure({ mode: "serial" });
  let profileUrl = "";

  test("creates a streaming profile, after fixing a validation error", async ({ page }) => {
    await page.goto("/workloads");
    await page.getByRole("link", { name: "New profile" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "New workload profile" })).toBeVisible();

    await page.getByLabel("Name", { exact: true }).fill(PROFILE);
    await page.getByLabel(/^Team/).fill("Payments");
    await page.getByLabel(/^Tags/).fill("kafka, flink, checkout");
    await stage(page, 1).getByLabel(/^Stage name/).fill("kafka-checkout");
    await stage(page, 1).getByLabel(/^Average events per second/).fill("5000");
    await stage(page, 2).getByLabel(/^Stage name/).fill("flink-enrich");
    await stage(page, 2).getByLabel(/^Average events per second/).fill("5000");
    await stage(page, 2).getByLabel(/^CPU time per event \(ms\)/).fill("fast");
    await page.getByRole("button", { name: "Create profile" }).click();

    await expect(page.getByRole("alert").filter({ hasText: "Fix the highlighted fields" })).toBeVisible();
    const cpu = stage(page, 2).getByLabel(/^CPU time per event \(ms\)/);
    await expect(cpu).toHaveAttribute("aria-invalid", "true");
    await expect(stage(page, 2)).toContainText("CPU time per event (ms) must be a number.");
    // What was typed survives the round trip.
    await expect(page.getByLabel("Name", { exact: true })).toHaveValue(PROFILE);
    await expect(cpu).toHaveValue("fast");
    await page.screenshot({ path: `${SHOTS}/workload-form-errors.png`, fullPage: true });

    await cpu.fill("0.4");
    await page.getByRole("button", { name: "Create profile" }).click();
    await expect(page.getByRole("heading", { level: 1, name: PROFILE })).toBeVisible();
    await expect(page.getByRole("heading", { name: "kafka-checkout" })).toBeVisible();
    profileUrl = new URL(page.url()).pathname;
  });

  test("adds a baseline and an aggressive-growth scenario and sees their projections", async ({ page }) => {
    await page.goto(profileUrl);
    await page.getByRole("link", { name: "New scenario" }).click();
    await page.getByLabel("Name", { exact: true }).fill("Baseline");
    await page.getByRole("button", { name: "Create scenario" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Baseline" })).toBeVisible();
    await expect(page.getByRole("table", { name: "Projection by month" }).locator("tbody tr")).toHaveCount(36);
    await expect(page.getByRole("figure", { name: "Nodes and on-demand cost per month" }).locator("svg").first()).toBeVisible();

    await page.goto(profileUrl);
    await page.getByRole("link", { name: "New scenario" }).click();
    await page.getByLabel("Name", { exact: true }).fill("Aggressive growth");
    await page.getByLabel(/^Monthly growth rate/).fill("0.12");
    await page.getByRole("button", { name: "Add step event" }).click();
    const event = page.getByRole("group", { name: "Step event 1" });
    await event.getByLabel(/^Month/).fill("6");
    await event.getByLabel(/^Multiplier/).fill("2");
    await event.getByLabel(/^Label/).fill("Marketplace launch");
    await page.getByRole("button", { name: "Create scenario" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Aggressive growth" })).toBeVisible();
    await page.getByRole("navigation", { name: "Projection views" }).getByRole("link", { name: "flink-enrich" }).click();
    const stageTable = page.getByRole("table", { name: "Projection of flink-enrich" });
    await expect(stageTable).toContainText("meets SLO");
    await page.screenshot({ path: `${SHOTS}/scenario-projection.png`, fullPage: true });

    await page.goto(profileUrl);
    const scenarios = page.getByRole("table", { name: "Scenarios" });
    await expect(scenarios.getByRole("link", { name: "Baseline" })).toBeVisible();
    await expect(scenarios.getByRole("link", { name: "Aggressive growth" })).toBeVisible();

    await page.goto("/workloads?q=checkout");
    const row = page.getByRole("table", { name: "Workload profiles" }).getByRole("row").filter({ hasText: PROFILE });
    await expect(row).toContainText("$");
  });

  test("edits a scenario, seeing the horizon rejected first", async ({ page }) => {
    await page.goto(profileUrl);
    await page.getByRole("table", { name: "Scenarios" }).getByRole("link", { name: "Aggressive growth" }).click();
    await page.getByRole("link", { name: "Edit scenario" }).click();
    const horizon = page.getByLabel(/^Horizon/);
    await horizon.fill("100");
    await page.getByRole("button", { name: "Save scenario" }).click();
    await expect(page.getByText("Horizon (months) must be at least 1 and at most 60.")).toBeVisible();
    await expect(horizon).toHaveValue("100");
    await expect(page.getByRole("group", { name: "Step event 1" }).getByLabel(/^Label/)).toHaveValue("Marketplace launch");

    await horizon.fill("24");
    await page.getByLabel("Name", { exact: true }).fill("Aggressive growth (2 years)");
    await page.getByRole("button", { name: "Save scenario" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Aggressive growth (2 years)" })).toBeVisible();
    await expect(page.getByRole("table", { name: "Projection by month" }).locator("tbody tr")).toHaveCount(24);
  });

  test("a concurrent edit is caught and shows what the other architect changed", async ({ browser }) => {
    const alice = await browser.newContext();
    const bob = await browser.newContext();
    const a = await alice.newPage();
    const b = await bob.newPage();
    await a.goto(`${profileUrl}/edit`);
    await b.goto(`${profileUrl}/edit`);

    await a.getByLabel(/^Team/).fill("Payments Platform");
    await stage(a, 1).getByLabel(/^Average events per second/).fill("8000");
    await a.getByRole("button", { name: "Save profile" }).click();
    await expect(a.getByRole("heading", { level: 1, name: PROFILE })).toBeVisible();

    await b.getByLabel(/^Description/).fill("Checkout events enriched for fraud and analytics.");
    await b.getByRole("button", { name: "Save profile" }).click();
    await expect(b.getByRole("alert").filter({ hasText: "Someone else saved this profile" })).toBeVisible();
    const changes = b.getByRole("table", { name: "Changes saved by someone else" });
    await expect(changes.getByRole("row").filter({ hasText: "Team" })).toContainText("Payments Platform");
    await expect(changes.getByRole("row").filter({ hasText: "Stage 1 (kafka-checkout) · Average events per second" })).toContainText("8000");
    await expect(b.getByLabel(/^Description/)).toHaveValue("Checkout events enriched for fraud and analytics.");
    await b.screenshot({ path: `${SHOTS}/workload-conflict.png`, fullPage: true });

    // Saving again, knowingly, applies Bob's values over Alice's.
    await b.getByRole("button", { name: "Save profile" }).click();
    await expect(b.getByRole("heading", { level: 1, name: PROFILE })).toBeVisible();
    await expect(b.getByText("Checkout events enriched for fraud and analytics.")).toBeVisible();
    await alice.close();
    await bob.close();
  });

  test("exports the profile, re-imports it, rejects a bad file, and deletes with undo", async ({ page }) => {
    await page.goto(profileUrl);
    const downloading = page.waitForEvent("download");
    await page.getByRole("link", { name: "Export JSON" }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe("checkout-events-kafka-flink.headroom.json");
    const file = await download.path();
    const document = JSON.parse(await readFile(file, "utf8")) as { schemaVersion: number; scenarios: unknown[] };
    expect(document.schemaVersion).toBe(1);
    expect(document.scenarios).toHaveLength(2);

    await page.goto("/workloads");
    await page.getByRole("link", { name: "Import" }).click();
    await page.getByLabel("Workload file (.json)").setInputFiles({
      name: "bad.json",
      mimeType: "application/json",
      buffer: Buffer.from(JSON.stringify({ ...document, schemaVersion: 2 })),
    });
    await page.getByRole("button", { name: "Import profile" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "bad.json was not imported; nothing was written." })).toBeVisible();
    await expect(page.getByText("schemaVersion: schemaVersion must be 1")).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/workload-import-errors.png`, fullPage: true });

    await page.getByLabel("Workload file (.json)").setInputFiles(file);
    await page.getByRole("button", { name: "Import profile" }).click();
    await expect(page.getByRole("heading", { level: 1, name: PROFILE })).toBeVisible();
    expect(new URL(page.url()).pathname).not.toBe(profileUrl);
    await expect(page.getByRole("table", { name: "Scenarios" }).locator("tbody tr")).toHaveCount(2);

    await page.getByRole("button", { name: "Delete" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Delete profile" }).click();
    await expect(page.getByRole("status").filter({ hasText: "The profile was deleted" })).toBeVisible();
    await page.getByRole("button", { name: "Undo" }).click();
    await expect(page.getByRole("heading", { level: 1, name: PROFILE })).toBeVisible();

    // Leave the demo data as the other journeys expect it: both copies deleted, gone from the lists.
    for (const url of [new URL(page.url()).pathname, profileUrl]) {
      await page.goto(url);
      await page.getByRole("button", { name: "Delete" }).click();
      await page.getByRole("dialog").getByRole("button", { name: "Delete profile" }).click();
      await expect(page.getByRole("status").filter({ hasText: "The profile was deleted" })).toBeVisible();
    }
    await expect(page.getByRole("table", { name: "Workload profiles" })).not.toContainText(PROFILE);
    expect((await page.goto(profileUrl))?.status()).toBe(404);
  });
});
