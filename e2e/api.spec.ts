import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

/** A small streaming workload, as a script would send it (fields with defaults left out). */
const WORKLOAD = {
  name: "E2E orders stream",
  team: "checkout",
  spec: { kind: "streaming", stages: [{ kind: "stream", name: "enrich", avgEventsPerSec: 2000, cpuMsPerEvent: 2 }] },
  scenarios: [{ name: "Flat", spec: { startMonth: "2027-01", horizonMonths: 6, catalogFilter: { providers: ["aws"], regions: ["us-east-1"] } } }],
};

test.describe("An integrator drives Headroom over HTTP", () => {
  test("finds the API reference from About and the navigation, at phone and desktop widths", async ({ page }) => {
    test.setTimeout(120_000); // axe over a long page on 2 shared cores
    await page.goto("/about");
    await page.getByRole("link", { name: "API reference" }).first().click();
    await expect(page.getByRole("heading", { level: 1, name: "API reference" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "For integrators" }).getByRole("link", { name: "API reference" })).toHaveAttribute("aria-current", "page");
    const operations = page.getByRole("navigation", { name: "Operations" });
    await operations.getByRole("link", { name: /PUT\s*\/api\/v1\/scenarios\/\{id\}/ }).click();
    await expect(page.locator("#op-replaceScenario")).toContainText(`-H 'If-Match: "v1"'`);
    await expect(page.locator("#op-replaceScenario")).toContainText("412");
    await page.screenshot({ path: "test-results/screenshots/api-reference-1440.png" });
    // A schema link opens that schema's description.
    await page.locator("#op-replaceScenario").getByRole("link", { name: "ScenarioWrite" }).click();
    await expect(page.locator("#schema-ScenarioWrite")).toBeVisible();
    await expect(page.locator("#schema-ScenarioWrite")).toContainText("spec");
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.length}`)).toEqual([]);

    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/api-reference#op-getPlan");
    await page.waitForLoadState("networkidle");
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(1);
    await page.screenshot({ path: "test-results/screenshots/api-reference-390.png" });
  });

  test("creates a workload, replaces its scenario with If-Match, and reads the plan and tfvars", async ({ request }) => {
    const created = await request.post("/api/v1/workloads", { data: WORKLOAD });
    expect(created.status()).toBe(201);
    expect(created.headers().etag).toBe('"v1"');
    const workload = (await created.json()) as { id: string; scenarios: { id: string }[] };
    const scenarioUrl = `/api/v1/scenarios/${workload.scenarios[0]!.id}`;

    const read = await request.get(scenarioUrl);
    const scenario = (await read.json()) as { spec: { horizonMonths: number } };
    const changed = { ...scenario, name: "Flat, one year", spec: { ...scenario.spec, horizonMonths: 12 } };
    const blind = await request.put(scenarioUrl, { data: changed });
    expect(blind.status()).toBe(428);
    expect(blind.headers()["content-type"]).toBe("application/problem+json");
    const saved = await request.put(scenarioUrl, { data: changed, headers: { "If-Match": read.headers().etag! } });
    expect(saved.status()).toBe(200);
    const stale = await request.put(scenarioUrl, { data: changed, headers: { "If-Match": read.headers().etag! } });
    expect(stale.status()).toBe(412);

    const plan = (await (await request.get(`${scenarioUrl}/plan`)).json()) as { months: { month: string; stages: { nodes: number }[] }[]; key: { scenarioVersion: number } };
    expect(plan.key.scenarioVersion).toBe(2);
    expect(plan.months).toHaveLength(12);
    const tfvars = await request.get(`${scenarioUrl}/tfvars?format=json&month=2027-03`);
    expect(tfvars.status()).toBe(200);
    const groups = ((await tfvars.json()) as { eks_node_groups: Record<string, { scaling_config: { desired_size: number } }> }).eks_node_groups;
    const desired = Object.values(groups).reduce((sum, group) => sum + group.scaling_config.desired_size, 0);
    expect(desired).toBe(plan.months.find((month) => month.month === "2027-03")!.stages[0]!.nodes);

    const openapi = (await (await request.get("/api/v1/openapi.json")).json()) as { openapi: string; paths: Record<string, unknown> };
    expect(openapi.openapi).toBe("3.1.0");
    expect(Object.keys(openapi.paths)).toContain("/api/v1/scenarios/{id}/plan");

    // Deleted again, so the journeys that count the demo profiles see only them.
    expect((await request.delete(`/api/v1/workloads/${workload.id}`, { headers: { "If-Match": "*" } })).status()).toBe(204);
  });
});
