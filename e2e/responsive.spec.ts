import { expect, test, type Locator, type Page } from "@playwright/test";

/** Server renders of a scenario can take seconds on shared CI cores. */
const NAVIGATION = { timeout: 30_000 };

/** The first seeded workload's link in the list, and a scenario's link on a workload page (whatever the seed names them). */
const firstWorkloadLink = (page: Page) => page.getByRole("region", { name: "Workload profiles" }).locator('a[href^="/workloads/"]').first();
const firstScenarioLink = (page: Page) => page.locator('main a[href*="/scenarios/"]:not([href$="/new"]):not([href$="/edit"])').first();

/** Presses Tab until `target` has focus (a keyboard user walking the page), failing after `limit` presses. */
async function tabTo(page: Page, target: Locator, limit = 80): Promise<void> {
  const handle = await target.elementHandle();
  for (let presses = 0; presses < limit; presses += 1) {
    await page.keyboard.press("Tab");
    if (await page.evaluate((element) => document.activeElement === element, handle)) return;
  }
  throw new Error(`Tab never reached ${target.toString()} in ${limit} presses`);
}

/** The month table's own box: scrolls sideways by itself while the page stays put. */
async function expectTableScrollsInItsBox(page: Page, box: Locator, scroll: () => Promise<void>): Promise<void> {
  const sizes = await box.evaluate((element) => ({ scrollWidth: element.scrollWidth, clientWidth: element.clientWidth }));
  expect(sizes.scrollWidth, "the month table is wider than its box").toBeGreaterThan(sizes.clientWidth);
  await scroll();
  await expect.poll(() => box.evaluate((element) => element.scrollLeft)).toBeGreaterThan(0);
  expect(await page.evaluate(() => window.scrollX)).toBe(0);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(1);
}

/** The KPIs of a priced scenario: its month-0 and final-month cost, each with its unit. */
async function expectCostKpis(page: Page): Promise<void> {
  const cost = page.getByRole("region", { name: "Cost", exact: true });
  await expect(cost.getByText(/^Month 0 \(/)).toBeVisible();
  await expect(cost.getByText(/^\$[\d,]+\/month$/).first()).toBeVisible();
}

test.describe("A FinOps reviewer reads a scenario on a phone and by keyboard", () => {
  test.describe.configure({ timeout: 180_000 });
  test("at 390px: opens the drawer, goes to a scenario, reads the KPIs and scrolls the month table in its box", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/about");
    const menu = page.getByRole("button", { name: "Menu", exact: true });
    // While the modal drawer is open the rest of the page is hidden from assistive technology, the button included.
    const menuButton = page.locator("button[aria-expanded]").filter({ hasText: /^Menu$/ });
    await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
    await expect(menu).toHaveAttribute("aria-expanded", "false");

    await menu.click();
    const drawer = page.getByRole("dialog", { name: "Headroom" });
    await expect(menuButton).toHaveAttribute("aria-expanded", "true");
    await expect.poll(() => drawer.evaluate((element) => element.contains(document.activeElement))).toBe(true);
    await page.keyboard.press("Escape");
    await expect(drawer).toBeHidden();
    await expect(menu).toBeFocused();

    await menu.click();
    await drawer.getByRole("link", { name: "Workloads" }).click();
    await expect(drawer).toBeHidden();
    await expect(page).toHaveURL(/\/workloads$/, NAVIGATION);
    await firstWorkloadLink(page).click();
    await expect(page).toHaveURL(/\/workloads\/[^/]+$/, NAVIGATION);
    await firstScenarioLink(page).click();
    await expect(page).toHaveURL(/\/scenarios\/[^/]+$/, NAVIGATION);

    await expectCostKpis(page);
    await page.screenshot({ path: "test-results/screenshots/scenario-390-drawer-journey.png" });
    const box = page.getByRole("region", { name: "Projection by month" });
    await box.scrollIntoViewIfNeeded();
    await expectTableScrollsInItsBox(page, box, () => box.evaluate((element) => element.scrollBy({ left: 300 })));
  });

  test("at 1,440px by keyboard only: skips to content, goes to a scenario, reads the KPIs and scrolls the month table", async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto("/about");
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Skip to content" });
    await expect(skip).toBeFocused();
    await expect(skip).toBeVisible();

    await tabTo(page, page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Workloads" }));
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/workloads$/, NAVIGATION);
    await tabTo(page, firstWorkloadLink(page));
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/workloads\/[^/]+$/, NAVIGATION);
    await tabTo(page, firstScenarioLink(page));
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/scenarios\/[^/]+$/, NAVIGATION);

    await expectCostKpis(page);
    const box = page.getByRole("region", { name: "Projection by month" });
    await tabTo(page, box, 200);
    const fits = await box.evaluate((element) => element.scrollWidth <= element.clientWidth);
    if (fits) {
      // On a wall screen a short month table can fit its box: then there is nothing to scroll, and the page must not either.
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(1);
    } else {
      await expectTableScrollsInItsBox(page, box, async () => {
        for (let i = 0; i < 5; i += 1) await page.keyboard.press("ArrowRight");
      });
    }
  });
});

/** Pages a reviewer opens most, at a phone, a tablet and a wall-screen width, for a person to look at. */
test.describe("Screenshots of the main pages at three widths", () => {
  test.describe.configure({ timeout: 180_000 });
  for (const width of [390, 768, 1440] as const) {
    test(`at ${width}px`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      await page.goto("/workloads");
      await page.screenshot({ path: `test-results/screenshots/workloads-${width}.png`, fullPage: true });
      await firstWorkloadLink(page).click();
      await expect(page).toHaveURL(/\/workloads\/[^/]+$/, NAVIGATION);
      await firstScenarioLink(page).click();
      await expect(page).toHaveURL(/\/scenarios\/[^/]+$/, NAVIGATION);
      await expectCostKpis(page);
      await page.waitForLoadState("networkidle");
      await page.screenshot({ path: `test-results/screenshots/scenario-${width}.png`, fullPage: true });
      await page.getByRole("link", { name: "Edit scenario" }).click();
      await expect(page.getByRole("heading", { level: 1 })).toContainText(/Edit/);
      await page.screenshot({ path: `test-results/screenshots/scenario-form-${width}.png`, fullPage: true });
      await page.goto("/catalog");
      await page.screenshot({ path: `test-results/screenshots/catalog-${width}.png`, fullPage: true });
    });
  }
});

test("a scenario prints as a clean report: no navigation or controls, figures and the month table on A4", async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto("/workloads");
  await firstWorkloadLink(page).click();
  await expect(page).toHaveURL(/\/workloads\/[^/]+$/, NAVIGATION);
  await firstScenarioLink(page).click();
  await expect(page).toHaveURL(/\/scenarios\/[^/]+$/, NAVIGATION);
  await expectCostKpis(page);
  await page.waitForLoadState("networkidle");
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
  await expect(page.getByRole("button", { name: "Clone" })).toBeHidden();
  await expect(page.getByRole("region", { name: "Cost", exact: true })).toBeVisible();
  await expect(page.getByRole("table", { name: "Projection by month" })).toBeVisible();
  const pdf = await page.pdf({ path: "test-results/screenshots/scenario.pdf", format: "A4", printBackground: true });
  expect(pdf.byteLength).toBeGreaterThan(10_000);
});
