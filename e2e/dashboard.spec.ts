import { expect, test } from "@playwright/test";

const SHOTS = "test-results/screenshots";
const TEAM = "Data Platform";

const usd = (text: string) => Number(text.replace(/[^0-9.]/g, ""));

test.describe("FinOps reads the portfolio and sets a team budget", () => {
  test("sees spend across plans of record and the month a team crosses its budget", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1, name: "Portfolio" })).toBeVisible();
    await expect(page.getByText(/^Spend this month \(\d{4}-\d{2}\)$/)).toBeVisible();
    const teams = page.getByRole("table", { name: "Spend by team" });
    const row = teams.locator(`tr[data-team="${TEAM}"]`);
    const cells = row.locator("td");
    const thisMonth = usd(await cells.nth(1).innerText());
    const in12 = usd(await cells.nth(2).innerText());
    expect(in12).toBeGreaterThan(thisMonth); // the demo's clickstream grows

    // A budget between this month's spend and next year's: crossed in some month ahead.
    const budget = Math.round((thisMonth + in12) / 2);
    const form = page.getByRole("form", { name: "Set a team budget" });
    await form.getByLabel("Team").fill(TEAM);
    await form.getByLabel(/Monthly budget/).fill(String(budget));
    await form.getByLabel(/Why/).fill("FY27 plan");
    await form.getByRole("button", { name: "Save budget" }).click();
    await expect(form.getByRole("status")).toContainText(`Budget for ${TEAM} set to $${budget.toLocaleString("en-US")} per month`);

    await expect(cells.nth(3)).toHaveText(`$${budget.toLocaleString("en-US")}`);
    const likely = (await cells.nth(4).innerText()).trim();
    const p90 = (await cells.nth(5).innerText()).trim();
    expect(likely).toMatch(/^\d{4}-\d{2}$/);
    expect(p90).toMatch(/^(\d{4}-\d{2}|over since \d{4}-\d{2})$/);
    expect(p90.replace("over since ", "") <= likely).toBe(true); // P90 crosses no later than the likely path

    // Stored: a reload shows the same crossing.
    await page.reload();
    await expect(teams.locator(`tr[data-team="${TEAM}"] td`).nth(4)).toHaveText(likely);

    for (const width of [1440, 390]) {
      await page.setViewportSize({ width, height: 900 });
      // The page's own content never runs wider than <main>. (Whether <main> gets the phone's full
      // width is the shell's layout, issue 14; a side bar beside it leaves it too narrow to judge.)
      const main = await page.locator("main").evaluate((element) => ({ width: element.clientWidth, overflow: element.scrollWidth - element.clientWidth }));
      if (main.width >= 320) expect(main.overflow).toBeLessThanOrEqual(1);
      await page.screenshot({ path: `${SHOTS}/dashboard-${width}.png`, fullPage: true });
    }
  });

  test("is told which field is wrong when the budget is not a positive amount", async ({ page }) => {
    await page.goto("/");
    const form = page.getByRole("form", { name: "Set a team budget" });
    await form.getByLabel("Team").fill(TEAM);
    await form.getByLabel(/Monthly budget/).fill("-5");
    await form.getByRole("button", { name: "Save budget" }).click();
    await expect(form.getByLabel(/Monthly budget/)).toHaveAttribute("aria-invalid", "true");
    await expect(page.locator("#budget-usd-errors")).toContainText("more than 0 USD per month");
    await expect(form.getByLabel(/Monthly budget/)).toHaveValue("-5");
  });
});
