import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Locator, type Page } from "@playwright/test";

/** Server renders of a scenario can take seconds on shared CI cores. */
const NAVIGATION = { timeout: 30_000 };
/** A demo scenario without ranges: its stored plan is final as soon as it is saved (no Monte Carlo job re-sizes it). */
const SCENARIO = "App launch and holiday peaks";

const whatIfRegion = (page: Page) => page.getByRole("region", { name: "What-if", exact: true });

/** The figures once computed for exactly this what-if (`data-figures-for` is set only on fresh figures). */
const figuresFor = (region: Locator, query: string) => region.locator(`[data-figures-for="${query}"]`);

/** Every KPI row's unrounded figure in one column (`saved` or `what-if`), by row. */
async function columnValues(region: Locator, column: "saved" | "what-if"): Promise<Record<string, string | null>> {
  const rows = region.locator("tr[data-kpi]");
  const values: Record<string, string | null> = {};
  for (const row of await rows.all()) {
    values[(await row.getAttribute("data-kpi")) ?? ""] = await row.locator(`td[data-column="${column}"]`).getAttribute("data-value");
  }
  return values;
}

/** The drawn lines of the what-if's monthly-total chart (saved first), as their SVG paths, once drawn for `query`. */
async function monthlyTotalLines(region: Locator, query: string): Promise<string[]> {
  await expect(region.locator(`[data-charts-for="${query}"]`)).toBeAttached();
  const chart = region.getByRole("region", { name: "Monthly total" });
  await expect(chart.locator("svg.recharts-surface").first()).toBeAttached();
  return chart.locator("path.recharts-line-curve").evaluateAll((paths) => paths.map((path) => path.getAttribute("d") ?? ""));
}

test.describe("An architect tries a what-if on a scenario", () => {
  test("changes growth and spot share, sees the figures and chart change, reloads the link, and saves it with the same figures", async ({ page }) => {
    test.setTimeout(180_000);
    await page.goto("/scenarios");
    await page.getByRole("link", { name: SCENARIO }).first().click();
    await expect(page.getByRole("heading", { level: 1, name: SCENARIO })).toBeVisible(NAVIGATION);
    const scenarioUrl = page.url();
    const region = whatIfRegion(page);

    // Nothing changed yet: the saved plan's figures alone, no what-if charts (the saved plan's are below).
    await expect(region.getByRole("status")).toContainText("Showing the saved plan");
    const saved = await columnValues(region, "saved");
    expect(Number(saved.horizon)).toBeGreaterThan(0);
    await expect(region.locator('td[data-column="what-if"]')).toHaveCount(0);
    await expect(region.getByRole("region", { name: "Monthly total" })).toHaveCount(0);

    // Faster growth: a what-if column, and charts with a what-if line above the saved plan's.
    await region.getByLabel("Monthly growth").fill("0.06");
    await expect(figuresFor(region, "growth=0.06")).toBeVisible();
    const faster = await columnValues(region, "what-if");
    expect(Number(faster.horizon)).toBeGreaterThan(Number(saved.horizon));
    await expect(region.locator('tr[data-kpi="horizon"] td[data-column="delta"]')).toContainText(/^\+\$[\d,]+ \(\+[\d.]+%\)$/);
    const lines = await monthlyTotalLines(region, "growth=0.06");
    expect(lines).toHaveLength(2);
    const [savedLine, fasterLine] = lines;
    expect(fasterLine).toBeTruthy();
    expect(fasterLine).not.toBe(savedLine);

    // More spot: cheaper than faster growth alone; the URL carries both inputs.
    await region.getByLabel("Spot share").fill("0.8");
    await expect(figuresFor(region, "growth=0.06&spot=0.8")).toBeVisible();
    await expect(region.getByRole("status")).toContainText("Preview, not saved");
    const preview = await columnValues(region, "what-if");
    expect(Number(preview.horizon)).toBeLessThan(Number(faster.horizon));
    expect((await monthlyTotalLines(region, "growth=0.06&spot=0.8"))[1]).not.toBe(fasterLine);
    expect(new URL(page.url()).search).toBe("?growth=0.06&spot=0.8");

    // The link reproduces the what-if: same inputs, same figures on first paint.
    await page.reload();
    await expect(region.getByLabel("Monthly growth")).toHaveValue("0.06");
    await expect(region.getByLabel("Spot share")).toHaveValue("0.8");
    await expect(figuresFor(region, "growth=0.06&spot=0.8")).toBeVisible();
    expect(await columnValues(region, "what-if")).toEqual(preview);

    // A typo names its input and computes nothing; undoing it brings the preview back.
    await region.getByLabel("Spot share").fill("1.5");
    await expect(region.getByText(/^Spot share ratio must be .*at most 1\.$/)).toBeVisible();
    await expect(region.getByRole("button", { name: "Save as new scenario" })).toBeDisabled();
    await region.getByLabel("Spot share").fill("0.8");
    await expect(figuresFor(region, "growth=0.06&spot=0.8")).toBeVisible();

    // Saved as a new scenario: its stored figures are the preview's, unrounded.
    await region.getByLabel("Name of the new scenario").fill("Launch, faster growth, more spot");
    await region.getByRole("button", { name: "Save as new scenario" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Launch, faster growth, more spot" })).toBeVisible(NAVIGATION);
    expect(page.url()).not.toBe(scenarioUrl);
    expect(await columnValues(whatIfRegion(page), "saved")).toEqual(preview);

    // Deleted again, so the journeys that count the demo scenarios see only them.
    const savedId = new URL(page.url()).pathname.split("/").at(-1);
    expect((await page.request.delete(`/api/v1/scenarios/${savedId}`, { headers: { "If-Match": "*" } })).status()).toBe(204);
  });

  test("at 390px the what-if fits the screen, stays usable and has no serious axe violations", async ({ page }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/scenarios");
    await page.getByRole("link", { name: SCENARIO }).first().click();
    const region = whatIfRegion(page);
    await expect(region).toBeVisible(NAVIGATION);
    await region.getByLabel("Spot share").fill("0.5");
    await expect(figuresFor(region, "spot=0.5")).toBeVisible();
    await page.waitForLoadState("networkidle");
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(1);
    // The what-if column and its change are on screen without scrolling the table sideways.
    const cell = region.locator('tr[data-kpi="horizon"] td[data-column="what-if"]');
    await cell.scrollIntoViewIfNeeded();
    const box = await cell.boundingBox();
    expect(box && box.x + box.width).toBeLessThanOrEqual(390);
    await expect(cell).toContainText(/[+−]\$[\d,]+ \([+−][\d.]+%\)/);
    const save = await region.getByRole("button", { name: "Save as new scenario" }).boundingBox();
    expect(save && save.x >= 0 && save.x + save.width <= 390).toBe(true);
    const { violations } = await new AxeBuilder({ page }).include('[aria-label="What-if"]').analyze();
    expect(violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical").map((violation) => violation.id)).toEqual([]);
    await page.screenshot({ path: "test-results/screenshots/what-if-390.png", fullPage: true });
  });
});
