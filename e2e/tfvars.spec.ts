import { readFile } from "node:fs/promises";

import { parse } from "@cdktf/hcl2json";
import { expect, test, type Page } from "@playwright/test";

const PROFILE = "Clickstream (Kafka → Flink)";
const SCENARIO = "Steady 4 % monthly growth";
const SLUG = "steady-4-monthly-growth";

type Exported = {
  headroom: { from_month: string; to_month: string; provider: string };
  eks_node_groups: Record<string, { capacity_type: string; labels: Record<string, string>; scaling_config: { desired_size: number } }>;
  kafka_brokers: Record<string, { broker_count: number }>;
};

async function download(page: Page, name: string): Promise<{ fileName: string; text: string }> {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name, exact: true }).click()]);
  const path = await file.path();
  return { fileName: file.suggestedFilename(), text: await readFile(path, "utf8") };
}

/** Per stage, the plan's peak node count in the months [from, to] of the "Projection by month" table. */
async function planPeaks(page: Page, from: string, to: string): Promise<Record<string, number>> {
  const table = page.getByRole("table", { name: "Projection by month" });
  // textContent, not innerText: the header cells are styled upper-case.
  const headers = await table.locator("thead th").allTextContents();
  const rows = await table.locator("tbody tr").evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll("td, th"), (cell) => cell.textContent?.trim() ?? "")));
  const peaks: Record<string, number> = {};
  headers.forEach((header, column) => {
    const stage = /^(.+) nodes$/.exec(header.trim())?.[1];
    if (!stage || stage === "Total") return;
    for (const row of rows) {
      const month = row[0] ?? "";
      if (month < from || month > to) continue;
      const nodes = Number((row[column] ?? "").replace(/,/g, ""));
      if (Number.isFinite(nodes)) peaks[stage] = Math.max(peaks[stage] ?? 0, nodes);
    }
  });
  return peaks;
}

test.describe("An engineer hands the plan to Terraform", () => {
  test("downloads the peak of the next 12 months as HCL and JSON, and the node counts are the plan's", async ({ page }) => {
    await page.goto("/workloads");
    await page.getByRole("link", { name: PROFILE, exact: true }).click();
    await page.getByRole("link", { name: SCENARIO }).first().click();
    await expect(page.getByRole("heading", { level: 1, name: SCENARIO })).toBeVisible();

    const panel = page.getByRole("region", { name: "Terraform variables" });
    await panel.getByRole("radio", { name: "One month" }).check();
    await panel.getByRole("radio", { name: "Peak of the next 12 months" }).check();
    const providerSelect = panel.getByLabel("Provider", { exact: true });
    await expect(providerSelect).toHaveValue("aws");
    await expect(providerSelect.locator('option[value="gcp"]')).toBeDisabled();
    const preview = panel.getByLabel("Preview of the .auto.tfvars file");
    await expect(preview).toContainText("eks_node_groups = {", { timeout: 30_000 });
    await expect(preview).toContainText("# Point: peak of ");

    const hcl = await download(page, `Download ${SLUG}.auto.tfvars`);
    const json = await download(page, `Download ${SLUG}.auto.tfvars.json`);
    expect(hcl.fileName).toBe(`${SLUG}.auto.tfvars`);
    expect(json.fileName).toBe(`${SLUG}.auto.tfvars.json`);

    const fromJson = JSON.parse(json.text) as Exported;
    // hcl2json answers in HCL's JSON syntax, where a literal "${" is written "$${".
    const fromHcl = JSON.parse(JSON.stringify(await parse(hcl.fileName, hcl.text)).replace(/\$\$\{/g, "${")) as Exported;
    expect({ ...fromHcl, headroom: { ...fromHcl.headroom, generated_at: "" } }).toEqual({ ...fromJson, headroom: { ...fromJson.headroom, generated_at: "" } });

    const { from_month: from, to_month: to, provider } = fromJson.headroom;
    expect(provider).toBe("aws");
    const now = new Date();
    const current = `${now.getUTCFullYear()}-${String(now.getUTCMonth() + 1).padStart(2, "0")}`;
    if (current >= "2026-01" && current <= "2028-12") expect(from).toBe(current);
    const monthsCovered = (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5)) - Number(from.slice(5)) + 1;
    expect(monthsCovered).toBe(Math.min(12, (2028 - Number(from.slice(0, 4))) * 12 + 12 - Number(from.slice(5)) + 1));

    const peaks = await planPeaks(page, from, to);
    // Brokers stay on demand: the exported count is the plan's peak exactly.
    expect(fromJson.kafka_brokers["kafka-clickstream"]?.broker_count).toBe(peaks["kafka-clickstream"]);
    // Flink runs partly on spot: on-demand + spot groups add up to the plan's peak plus the spot
    // interruption buffer, which lives in the spot group.
    const flink = Object.values(fromJson.eks_node_groups).filter((group) => group.labels["headroom.io/stage"] === "flink-sessionize");
    const total = flink.reduce((sum, group) => sum + group.scaling_config.desired_size, 0);
    const spot = flink.find((group) => group.capacity_type === "SPOT")?.scaling_config.desired_size ?? 0;
    const sized = peaks["flink-sessionize"] ?? Number.NaN;
    expect(total).toBeGreaterThanOrEqual(sized);
    expect(total - sized).toBeLessThan(spot);
  });

  test("an unknown scenario and a bad query answer problem+json naming the fields", async ({ page }) => {
    const response = await page.request.get("/api/v1/scenarios/00000000-0000-4000-8000-000000000000/tfvars");
    expect(response.status()).toBe(404);
    expect(response.headers()["content-type"]).toBe("application/problem+json");
    const bad = await page.request.get("/api/v1/scenarios/00000000-0000-4000-8000-000000000000/tfvars?format=yaml&from=2026-05");
    expect(bad.status()).toBe(400);
    expect(((await bad.json()) as { errors: { path: string }[] }).errors.map((error) => error.path).sort()).toEqual(["format", "to"]);
  });
});
