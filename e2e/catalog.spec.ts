import { readFile } from "node:fs/promises";

import { expect, test } from "@playwright/test";

test.describe("FinOps adjusts catalog prices", () => {
  test("FinOps negotiates a discount and overrides a price", async ({ page }) => {
    await page.goto("/catalog?provider=aws&region=us-east-1&family=m7i");
    const table = page.getByRole("table", { name: "Instance types" });
    const m7i = table.getByRole("row").filter({ hasText: "m7i.xlarge" });
    await expect(m7i).toContainText("$0.2016");
    await expect(m7i.locator("s")).toHaveCount(0);

    const aws = page.getByRole("group", { name: "AWS discount" });
    const percent = aws.getByRole("textbox", { name: "AWS discount (% off on-demand)" });

    // A mistake is reported next to its field, and what was typed stays.
    await percent.fill("150");
    await aws.getByRole("button", { name: "Set AWS discount", exact: true }).click();
    await expect(aws.getByText("A discount must be below 100 %.")).toBeVisible();
    await expect(aws.getByText(/Say why/)).toBeVisible();
    await expect(percent).toHaveValue("150");

    await percent.fill("12");
    await aws.getByRole("textbox", { name: "AWS discount reason" }).fill("Enterprise discount programme 2026");
    await aws.getByRole("button", { name: "Set AWS discount", exact: true }).click();
    await expect(aws.getByRole("status").filter({ hasText: "Discount for AWS set to 12 %" })).toBeVisible();

    // The effective price is marked: list price struck through, a badge with the discount.
    await expect(m7i.locator("s")).toContainText("$0.2016");
    await expect(m7i).toContainText("$0.1774");
    await expect(m7i).toContainText("−12 %");
    const m7iRows = await table.locator("tbody tr").count(); // every m7i size in us-east-1 is an AWS price
    await expect(page.getByText(`${m7iRows} prices changed by FinOps overrides`)).toBeVisible();
    // Recorded as the signed-in user (the demo admin of e2e/auth.setup.ts), not a typed name.
    await expect(page.getByRole("table", { name: "Override history" })).toContainText("Ada Admin <admin@demo.headroom.dev>");
    await page.screenshot({ path: "test-results/screenshots/catalog-discount.png", fullPage: true });

    // A per-item net price wins over the discount.
    await page.getByRole("combobox", { name: /^Item/ }).fill("aws:us-east-1:m7i.xlarge");
    await page.getByRole("textbox", { name: /^Net price/ }).fill("0.15");
    await page.getByRole("textbox", { name: "Override reason" }).fill("Private pricing quote Q-1234");
    await page.getByRole("button", { name: "Override price" }).click();
    await expect(page.getByText("Price of aws:us-east-1:m7i.xlarge overridden")).toBeVisible();
    await expect(m7i).toContainText("$0.1500");
    await expect(m7i).toContainText("override");

    // Resetting restores the list price.
    await page.getByRole("button", { name: "Reset aws:us-east-1:m7i.xlarge" }).click();
    await expect(m7i).not.toContainText("override");
    await page.getByRole("button", { name: "Reset AWS discount" }).click();
    await expect(m7i.locator("s")).toHaveCount(0);
    await expect(m7i).toContainText("$0.2016");
    await expect(page.getByRole("table", { name: "Override history" }).getByRole("row")).toHaveCount(5);

    // Export the catalog, break one price, and import it: nothing imported, line and field reported.
    const downloading = page.waitForEvent("download");
    await page.getByRole("link", { name: "Export CSV" }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^headroom-catalog-\d{4}-\d{2}-\d{2}\.\d+\.csv$/);
    const csv = await readFile((await download.path())!, "utf8");
    // The whole export (every provider and region) is larger than an import accepts: edit its first 20 rows.
    const lines = csv.split("\r\n").slice(0, 21);
    expect(lines[0]).toMatch(/^id,provider,region,name/);
    const priceColumn = lines[0]!.split(",").indexOf("onDemandUsdPerHour");
    const broken = lines[2]!.split(",");
    broken[priceColumn] = "-0.5";
    lines[2] = broken.join(",");

    await page.getByLabel("CSV file").setInputFiles({ name: "edited.csv", mimeType: "text/csv", buffer: Buffer.from(lines.join("\r\n")) });
    await page.getByRole("button", { name: "Import CSV" }).click();
    await expect(page.getByText(/Nothing was imported: edited.csv has 1 problem/)).toBeVisible();
    const problems = page.getByRole("table", { name: "Problems in the CSV file" });
    await expect(problems.getByRole("row").nth(1)).toContainText("3");
    await expect(problems).toContainText("onDemandUsdPerHour");
    await expect(problems).toContainText("Must be a price above zero.");
    await expect(page.getByRole("table", { name: "Catalog versions" }).locator("tbody tr")).toHaveCount(1);
    await page.screenshot({ path: "test-results/screenshots/catalog-import-errors.png", fullPage: true });

  });

  test("FinOps is stopped before an import empties regions, and rolls the catalog back in one action", async ({ page }) => {
    test.slow(); // two catalog versions of ~2,300 items written on the embedded database
    await page.goto("/catalog");
    const downloading = page.waitForEvent("download");
    await page.getByRole("link", { name: "Export CSV" }).click();
    const csv = await readFile((await (await downloading).path())!, "utf8");

    // 20 valid rows would shrink the catalog to a region or two: confirmed first, then imported.
    const valid = csv.split("\r\n").slice(0, 21).join("\r\n");
    const chooseValid = () => page.getByLabel("CSV file", { exact: true }).setInputFiles({ name: "one-region.csv", mimeType: "text/csv", buffer: Buffer.from(valid) });
    await chooseValid();
    await page.getByRole("button", { name: "Import CSV" }).click();
    const warning = page.getByRole("alert").filter({ hasText: "The file has 20 instance types" });
    await expect(warning).toContainText(/It has none in \d+ regions/);
    await expect(page.getByText(/Nothing was imported yet: one-region.csv would shrink the catalog drastically/)).toBeVisible();
    const versions = page.getByRole("table", { name: "Catalog versions" }).locator("tbody tr");
    await expect(versions).toHaveCount(1);
    await page.getByRole("checkbox", { name: "Replace the catalog anyway" }).check();
    await chooseValid();
    await page.getByRole("button", { name: "Import CSV" }).click();
    await expect(page.getByText(/Imported 20 instance types from one-region.csv/)).toBeVisible();
    await expect(versions).toHaveCount(2);

    // One action rolls it back: the bundled version's items are current again, as a new version.
    const bundledVersion = (await versions.nth(1).locator("td").first().innerText()).trim();
    await expect(page.getByRole("combobox", { name: "Earlier version" })).toHaveValue(bundledVersion);
    await page.getByRole("button", { name: "Make it current again" }).click();
    await expect(page.getByText(new RegExp(`Restored ${bundledVersion.replace(/\./g, "\\.")} as catalog version`))).toBeVisible({ timeout: 60_000 });
    await expect(versions).toHaveCount(3);
    await expect(versions.first()).toContainText(`Restored from ${bundledVersion}`);
    await expect(versions.first()).toContainText("current");
    await page.screenshot({ path: "test-results/screenshots/catalog-rollback.png", fullPage: true });
  });
});
