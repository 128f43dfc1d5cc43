import { expect, test, type Locator } from "@playwright/test";

const SHOTS = "test-results/screenshots";
const PROFILE = "Clickstream (Kafka → Flink)";
const SCENARIO = "Steady 4 % monthly growth";

test.describe("FinOps reviews a scenario's cost", () => {
  test("sees every demo profile's monthly cost in the workloads list", async ({ page }) => {
    await page.goto("/workloads");
    const table = page.getByRole("table").first();
    const headers = await table.locator("thead th").allInnerTexts();
    const costColumn = headers.findIndex((text) => /month-0 total/i.test(text));
    expect(costColumn).toBeGreaterThanOrEqual(0);
    for (const name of [PROFILE, "Nightly Spark ETL", "Fraud scoring stream"]) {
      const row = table.locator("tbody tr").filter({ has: page.getByRole("link", { name, exact: true }) });
      await expect(row.locator("td").nth(costColumn)).toHaveText(/^\$\d[\d,]*(\s|$)/);
    }
    await page.screenshot({ path: `${SHOTS}/workloads-headline-cost.png`, fullPage: true });
  });

  test("opens a demo scenario and reads its cost, commitments and DR options", async ({ page }) => {
    await page.goto("/workloads");
    await page.getByRole("link", { name: PROFILE, exact: true }).click();
    await page.getByRole("link", { name: SCENARIO }).first().click();
    await expect(page.getByRole("heading", { level: 1, name: SCENARIO })).toBeVisible();

    const cost = page.getByRole("region", { name: "Cost", exact: true });
    await expect(cost).toContainText("USD");
    await expect(cost).toContainText(/priced in AWS us-east-1/);
    await expect(cost.getByRole("link", { name: /catalog/ })).toHaveAttribute("href", "/catalog");
    await expect(cost.getByText(/^Month 0 \(2026-01\)$/)).toBeVisible();
    await expect(cost.getByText(/^Total over 36 months$/)).toBeVisible();
    await expect(cost.getByText(/^Unit cost per million events$/)).toBeVisible();
    const chart = cost.getByRole("figure", { name: "Monthly cost by component (USD)" });
    await expect(chart.locator("svg.recharts-surface").first()).toBeVisible();
    for (const series of ["Spot compute", "Committed compute", "Storage", "P10–P90 of total"]) {
      await expect(chart.locator(".recharts-legend-item").filter({ hasText: series })).toHaveCount(1);
    }

    const components = cost.getByRole("table", { name: "Cost by component over the horizon" });
    for (const label of ["On-demand compute", "Spot compute", "Committed compute", "Storage", "Network", "Disaster recovery", "Total"]) {
      await expect(components.locator("tbody tr").filter({ has: page.getByRole("cell", { name: label, exact: true }) })).toContainText(/\$\d/);
    }

    const months = page.getByRole("table", { name: "Projection by month" });
    await expect(months.locator("tbody tr")).toHaveCount(36);
    await expect(months.locator("thead")).toContainText("Total USD/month");

    const ladder = page.getByRole("region", { name: "Commitment ladder" });
    await expect(ladder.getByRole("table", { name: "Commitment purchases" }).locator("tbody tr").first()).toContainText("2026-01");
    await expect(ladder).toContainText("Stranded-commitment risk");

    const dr = page.getByRole("table", { name: "DR strategies" });
    await expect(dr.locator("tbody tr")).toHaveCount(4);
    for (const strategy of ["Backup & restore", "Pilot light", "Warm standby", "Multi-site active/active"]) {
      await expect(dr.getByRole("row", { name: new RegExp(strategy) })).toBeVisible();
    }
    await expect(page.getByRole("region", { name: /Disaster recovery/ }).getByRole("status")).toContainText(/Recommended: |None meets the targets/);

    await page.getByRole("region", { name: "Cost", exact: true }).screenshot({ path: `${SHOTS}/scenario-cost.png` });
    await page.screenshot({ path: `${SHOTS}/scenario-cost-page.png`, fullPage: true });
  });
});

/** A DR trade-off chart: four strategy points, the frontier's line, the target line, its data table. */
async function expectDrChart(figure: Locator, measure: "RTO" | "RPO", targetMinutes: number) {
  await expect(figure.locator(".dr-strategy .recharts-symbols")).toHaveCount(4);
  await expect(figure.locator(".dr-frontier .recharts-scatter-line path")).toHaveCount(1);
  await expect(figure.locator(".dr-frontier-ring").first()).toBeVisible();
  await expect(figure.locator(".recharts-reference-line-line")).toHaveCount(1);
  await expect(figure.locator("svg text").filter({ hasText: `${measure} target ${targetMinutes} min` })).toHaveCount(1);
  await expect(figure.getByText(new RegExp(`^Frontier \\(not dominated on cost × ${measure}\\): .+\\.`))).toBeVisible();
  await expect(figure.getByRole("table").locator("tbody tr")).toHaveCount(4);
}

test.describe("FinOps weighs DR cost against recovery", () => {
  test("sees cost against RTO and RPO with the frontier on a scenario and across compared scenarios", async ({ page }) => {
    test.setTimeout(120_000); // two pages at two widths on 2 shared cores
    await page.goto("/workloads");
    await page.getByRole("link", { name: PROFILE, exact: true }).click();
    await page.getByRole("link", { name: SCENARIO }).first().click();
    const dr = page.getByRole("region", { name: /Disaster recovery/ });
    await expectDrChart(dr.getByRole("figure", { name: "DR cost against RTO" }), "RTO", 60);
    await expectDrChart(dr.getByRole("figure", { name: "DR cost against RPO" }), "RPO", 5);
    await expect(dr.locator(".recharts-legend-item").filter({ hasText: "(chosen)" })).toHaveCount(2);
    await dr.screenshot({ path: `${SHOTS}/dr-tradeoff-1440.png` });
    await page.setViewportSize({ width: 390, height: 844 });
    await expect(dr.getByRole("figure", { name: "DR cost against RPO" }).locator(".dr-strategy .recharts-symbols")).toHaveCount(4);
    await dr.screenshot({ path: `${SHOTS}/dr-tradeoff-390.png` });

    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto("/compare");
    await page.getByRole("checkbox", { name: `Compare ${PROFILE} / ${SCENARIO}` }).check();
    await page.getByRole("checkbox", { name: "Compare Fraud scoring stream / Card volume growth" }).check();
    await page.getByRole("button", { name: "Compare selected" }).click();
    const compared = page.getByRole("region", { name: "Disaster recovery trade-off" });
    await expectDrChart(compared.getByRole("figure", { name: `DR cost against RTO: ${SCENARIO}` }), "RTO", 60);
    await expectDrChart(compared.getByRole("figure", { name: "DR cost against RPO: Card volume growth" }), "RPO", 1);
    await compared.screenshot({ path: `${SHOTS}/compare-dr-tradeoff-1440.png` });
    await page.setViewportSize({ width: 390, height: 844 });
    await expect(compared.getByRole("figure", { name: "DR cost against RTO: Card volume growth" }).locator(".dr-strategy .recharts-symbols")).toHaveCount(4);
    await compared.screenshot({ path: `${SHOTS}/compare-dr-tradeoff-390.png` });
  });
});

test.describe("FinOps re-prices a scenario after prices change", () => {
  test("a negotiated discount shows what changed since the scenario was priced, until it is re-priced", async ({ page }) => {
    const aws = page.getByRole("group", { name: "AWS discount" });
    await page.goto("/catalog");
    await aws.getByRole("textbox", { name: "AWS discount (% off on-demand)" }).fill("10");
    await aws.getByRole("textbox", { name: "AWS discount reason" }).fill("EDP 2027");
    await aws.getByRole("button", { name: "Set AWS discount", exact: true }).click();
    await expect(aws.getByRole("status").filter({ hasText: "Discount for AWS set to 10 %" })).toBeVisible();

    await page.goto("/workloads");
    await page.getByRole("link", { name: PROFILE, exact: true }).click();
    await page.getByRole("link", { name: SCENARIO }).first().click();
    const notice = page.getByRole("region", { name: "Prices changed since this scenario was priced" });
    await expect(notice).toBeVisible();
    const changes = notice.getByRole("table", { name: "Prices changed since" });
    await expect(changes.locator("tbody tr").first()).toContainText("aws:us-east-1:");
    await expect(changes.locator("tbody tr").first()).toContainText("-10%");
    const cost = page.getByRole("region", { name: "Cost", exact: true });
    const month0 = cost.getByText(/^Month 0 \(2026-01\)$/).locator("..");
    const before = await month0.innerText();
    await page.screenshot({ path: `${SHOTS}/scenario-repricing.png`, fullPage: true });

    await notice.getByRole("button", { name: "Re-price on the current catalog" }).click();
    await expect(notice).toHaveCount(0);
    // Compute is cheaper by the discount, so month 0 costs less than before.
    await expect(month0).not.toHaveText(before);
    const dollars = (text: string) => Number(/\$([\d,]+)/.exec(text)![1]!.replace(/,/g, ""));
    expect(dollars(await month0.innerText())).toBeLessThan(dollars(before));

    // Leave the catalog as the other journeys expect it.
    await page.goto("/catalog");
    await page.getByRole("button", { name: "Reset AWS discount" }).click();
    await expect(page.getByRole("group", { name: "AWS discount" })).toContainText("List prices");
  });
});
