import { expect, test } from "@playwright/test";

test.describe("A newcomer opens Headroom", () => {
  test("the health endpoint says the database is ready, and nothing about where it lives", async ({ request }) => {
    const response = await request.get("/api/health");
    expect(response.status()).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });

  test("the app shell renders with its navigation and a live database badge", async ({ page }) => {
    await page.goto("/workloads"); // "/" is the FinOps portfolio (e2e/dashboard.spec.ts)
    const nav = page.getByRole("navigation", { name: "Main" });
    for (const label of ["Portfolio", "Workloads", "Scenarios", "Compare", "Catalog", "About"]) {
      await expect(nav.getByRole("link", { name: label })).toBeVisible();
    }
    await expect(nav.getByRole("link", { name: "Workloads" })).toHaveAttribute("aria-current", "page");
    await expect(page.getByRole("status").filter({ hasText: "Database: ready" })).toBeVisible();

    await nav.getByRole("link", { name: "About" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "About Headroom" })).toBeVisible();
    await page.screenshot({ path: "test-results/screenshots/about.png", fullPage: true });
  });

  test("an unknown address shows the designed not-found page", async ({ page }) => {
    const response = await page.goto("/no-such-page");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Back to workloads" })).toBeVisible();
  });
});
