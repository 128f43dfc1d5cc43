import { expect, test, type Page } from "@playwright/test";

/** Pages a visitor reaches from the demo data: lists, a workload, a scenario, forms, catalog, compare. */
async function demoPages(page: Page): Promise<string[]> {
  await page.goto("/workloads");
  const workload = await page.locator('a[href^="/workloads/"]:not([href$="/new"]):not([href$="/import"])').first().getAttribute("href");
  await page.goto(workload ?? "/workloads");
  const scenario = await page.locator('a[href*="/scenarios/"]:not([href$="/new"])').first().getAttribute("href");
  return ["/", "/workloads", "/scenarios", "/catalog", "/compare", "/about", "/workloads/new", "/workloads/import", ...(workload ? [workload, `${workload}/edit`] : []), ...(scenario ? [scenario] : [])];
}

test.describe("Security hardening on a running server", () => {
  test("every page and API response carries the security headers", async ({ request }) => {
    for (const path of ["/workloads", "/api/health", "/api/v1/catalog/export"]) {
      const headers = (await request.get(path)).headers();
      expect(headers["x-content-type-options"], path).toBe("nosniff");
      expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
      expect(headers["x-frame-options"], path).toBe("DENY");
      expect(headers["content-security-policy"], path).toContain("frame-ancestors 'none'");
      expect(headers["permissions-policy"], path).toContain("camera=()");
    }
  });

  test("pages load with no Content-Security-Policy violations", async ({ page }) => {
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(`${page.url()}: ${message.text()}`);
    });
    await page.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (event) => console.error(`Refused to load (CSP ${event.violatedDirective}): ${event.blockedURI}`));
    });
    for (const path of await demoPages(page)) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBeLessThan(400);
      await page.waitForLoadState("networkidle");
    }
    expect(violations).toEqual([]);
  });

  test("the import refuses a cross-site form post and a non-JSON body", async ({ request }) => {
    const crossSite = await request.post("/api/v1/workloads/import", { headers: { origin: "http://evil.example", "content-type": "application/json" }, data: "{}" });
    expect(crossSite.status()).toBe(403);
    const formPost = await request.post("/api/v1/workloads/import", { headers: { "content-type": "text/plain" }, data: "{}" });
    expect(formPost.status()).toBe(415);
    expect(formPost.headers()["content-type"]).toBe("application/problem+json");
  });
});
