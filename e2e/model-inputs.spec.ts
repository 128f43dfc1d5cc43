import { expect, test, type Page } from "@playwright/test";

const PROFILE = "Payment scoring (routing and backups)";
const SHOTS = "test-results/screenshots";

function stage(page: Page, index: number) {
  return page.getByRole("group", { name: `Stage ${index}` });
}

test.describe("An architect states how work is routed, how backups are taken and where DR lives", () => {
  test.describe.configure({ mode: "serial", timeout: 120_000 });
  let profileUrl = "";

  test("marks a stream stage as pooled (one shared work queue); per worker is the default", async ({ page }) => {
    await page.goto("/workloads/new");
    await page.getByLabel("Name", { exact: true }).fill(PROFILE);
    await stage(page, 1).getByLabel(/^Stage name/).fill("kafka-payments");
    await stage(page, 1).getByLabel(/^Average events per second/).fill("2000");
    await stage(page, 2).getByLabel(/^Stage name/).fill("scorer");
    await stage(page, 2).getByLabel(/^Average events per second/).fill("2000");
    await stage(page, 2).getByLabel(/^CPU time per event \(ms\)/).fill("2");
    const routing = stage(page, 2).getByLabel(/^Queue routing/);
    await expect(routing).toHaveValue("per-worker");
    await routing.selectOption({ label: "Pooled (one shared work queue)" });
    await page.getByRole("button", { name: "Create profile" }).click();
    await expect(page.getByRole("heading", { level: 1, name: PROFILE })).toBeVisible();
    await expect(page.getByText("Pooled (one shared queue)")).toBeVisible();
    profileUrl = new URL(page.url()).pathname;
  });

  test("is warned about an annual-looking growth rate and stopped by a step event before the start", async ({ page }) => {
    await page.goto(profileUrl);
    await page.getByRole("link", { name: "New scenario" }).click();
    await page.getByLabel("Name", { exact: true }).fill("Continuous backups, EU DR");
    await page.getByLabel(/^Start month/).fill("2026-01");

    const rate = page.getByLabel(/^Monthly growth rate/);
    await rate.fill("0.2");
    await expect(page.getByRole("status").filter({ hasText: "Monthly growth of 20 % compounds to 8.92× a year" })).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/scenario-growth-warning.png`, fullPage: true });
    await rate.fill("0.04");
    await expect(page.getByText(/compounds to/)).toHaveCount(0);

    await page.getByRole("button", { name: "Add step event" }).click();
    const event = page.getByRole("group", { name: "Step event 1" });
    await event.getByLabel(/^Month/).fill("2025-12");
    await event.getByLabel(/^Multiplier/).fill("2");

    await page.getByLabel(/^DR strategy/).selectOption({ label: "Backup & restore" });
    await page.getByLabel(/^DR region/).selectOption({ label: "Another continent (e.g. us-east-1 → eu-west-1)" });
    await page.getByLabel(/^Backups/).selectOption({ label: "Continuous (object-store sink)" });
    await page.getByLabel(/^Sink flush interval/).fill("5");
    await page.getByRole("button", { name: "Create scenario" }).click();
    await expect(event.getByText("Step event month 2025-12 is before the start month 2026-01.")).toBeVisible();
    // What was chosen survives the failed submit (selects included).
    await expect(page.getByLabel(/^Backups/)).toHaveValue("continuous");
    await expect(page.getByLabel(/^DR region/)).toHaveValue("intercontinental");

    await event.getByLabel(/^Month/).fill("2026-11");
    await page.getByRole("button", { name: "Create scenario" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Continuous backups, EU DR" })).toBeVisible({ timeout: 60_000 });
    await expect(page.getByText(/a continuous object-store sink flushing every 5 min/).first()).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/scenario-continuous-backups.png`, fullPage: true });

    // Leave the demo data as the other journeys expect it (they count the demo profiles).
    const workloadId = profileUrl.split("/").at(-1);
    expect((await page.request.delete(`/api/v1/workloads/${workloadId}`, { headers: { "If-Match": "*" } })).status()).toBe(204);
  });
});
