import { expect, test } from "@playwright/test";

const DEMO_WORKLOADS = ["Clickstream (Kafka → Flink)", "Nightly Spark ETL", "Fraud scoring stream"];

test.describe("An architect browses the demo workloads", () => {
  test("the demo workloads are listed with their headline figures", async ({ page }) => {
    await page.goto("/workloads");
    const table = page.getByRole("table", { name: "Workload profiles" });
    for (const name of DEMO_WORKLOADS) await expect(table.getByRole("link", { name })).toBeVisible();
    const clickstream = table.getByRole("row").filter({ hasText: "Clickstream (Kafka → Flink)" });
    await expect(clickstream).toContainText("Data Platform");
    await expect(clickstream).toContainText("100K");
    await expect(page.getByRole("navigation", { name: "Pagination" })).toContainText("3 profiles");
    await page.screenshot({ path: "test-results/screenshots/workloads.png", fullPage: true });
  });

  test("searching narrows the list, sorting reorders it, and a miss says so", async ({ page }) => {
    await page.goto("/workloads");
    await page.getByRole("searchbox", { name: /search workloads/i }).fill("spark");
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL(/q=spark/);
    const rows = page.getByRole("table", { name: "Workload profiles" }).locator("tbody tr");
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText("Nightly Spark ETL");

    await page.goto("/workloads");
    await page.getByRole("link", { name: "Name" }).click();
    await expect(page.getByRole("columnheader", { name: "Name" })).toHaveAttribute("aria-sort", "ascending");
    const names = await page.getByRole("table", { name: "Workload profiles" }).locator("tbody tr td:first-child a").allTextContents();
    expect(names).toEqual([...DEMO_WORKLOADS].sort((a, b) => a.localeCompare(b)));

    await page.goto("/workloads?q=no-such-pipeline");
    await expect(page.getByRole("heading", { name: "No workloads match “no-such-pipeline”" })).toBeVisible();
  });

  test("a workload page shows its pipeline stages and scenarios", async ({ page }) => {
    await page.goto("/workloads");
    await page.getByRole("link", { name: "Clickstream (Kafka → Flink)" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Clickstream (Kafka → Flink)" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "kafka-clickstream" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "flink-sessionize" })).toBeVisible();
    const scenarios = page.getByRole("table", { name: "Scenarios" });
    await expect(scenarios.getByRole("row")).toHaveCount(3);
    await expect(scenarios).toContainText("Steady 4 % monthly growth");
    await page.screenshot({ path: "test-results/screenshots/workload-detail.png", fullPage: true });

    const missing = await page.goto("/workloads/00000000-0000-4000-8000-000000000000");
    expect(missing?.status()).toBe(404);
  });

  test("the scenarios page lists every scenario with its workload", async ({ page }) => {
    await page.goto("/scenarios");
    const table = page.getByRole("table", { name: "Scenarios" });
    await expect(table.locator("tbody tr")).toHaveCount(6);
    await expect(table).toContainText("Card volume growth");
  });
});

test.describe("FinOps browses the price catalog", () => {
  test("filters by provider and architecture, sorted by price per vCPU-hour, with sources", async ({ page }) => {
    await page.goto("/catalog");
    const form = page.getByRole("form", { name: "Filter instance types" });
    await form.getByLabel("Provider").selectOption("aws");
    await form.getByLabel("Architecture").selectOption("arm64");
    await form.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/provider=aws/);
    const rows = page.getByRole("table", { name: "Instance types" }).locator("tbody tr");
    expect(await rows.count()).toBeGreaterThan(0);
    for (const region of await rows.locator("td:nth-child(2)").allTextContents()) expect(region).toMatch(/^AWS /);
    for (const arch of await rows.locator("td:nth-child(3)").allTextContents()) expect(arch).toBe("arm64");
    const perVcpu = (await rows.locator("td:nth-child(8)").allTextContents()).map((text) => Number(text.replace(/[^0-9.]/g, "")));
    expect(perVcpu).toEqual([...perVcpu].sort((a, b) => a - b));
    await expect(rows.first().locator("td").last().getByRole("link")).toHaveAttribute("href", /^https:\/\//);
    await page.screenshot({ path: "test-results/screenshots/catalog.png", fullPage: true });
  });

  test("pages through the whole catalog 50 rows at a time, and reads an estimate's basis", async ({ page }) => {
    await page.goto("/catalog");
    const rows = page.getByRole("table", { name: "Instance types" }).locator("tbody tr");
    await expect(rows).toHaveCount(50);
    const pager = page.getByRole("navigation", { name: "Pagination" });
    await expect(pager).toContainText(/instance types · page 1 of \d+/);
    const firstOnPage1 = await rows.first().locator("td").first().textContent();
    await pager.getByRole("link", { name: "Next" }).click();
    await expect(page).toHaveURL(/page=2/);
    await expect(pager).toContainText(/page 2 of/);
    expect(await rows.first().locator("td").first().textContent()).not.toBe(firstOnPage1);

    const estimate = page.getByRole("table", { name: "Instance types" }).getByRole("link", { name: /estimate, note \d+/ }).first();
    const target = await estimate.getAttribute("href");
    await estimate.click();
    await expect(page.locator(target!)).toBeVisible();
    expect((await page.locator(target!).textContent())?.length).toBeGreaterThan(40);
  });
});
