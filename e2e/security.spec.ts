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

  test("an upload over a form's limit is stopped in the browser with a message, and a hand-made oversized post is refused", async ({ page, request }) => {
    const posts: string[] = [];
    page.on("request", (r) => {
      if (r.method() === "POST") posts.push(r.headers()["next-action"] ?? "");
    });
    await page.goto("/workloads/import");
    const file = page.getByLabel("Workload file (.json)");
    // A small bad file goes to the server (its action id is what a hand-made post would need).
    await file.setInputFiles({ name: "empty.json", mimeType: "application/json", buffer: Buffer.from("{}") });
    await page.getByRole("button", { name: "Import profile" }).click();
    await expect(page.getByText("empty.json was not imported; nothing was written.")).toBeVisible();
    expect(posts).toHaveLength(1);
    const actionId = posts[0]!;

    await file.setInputFiles({ name: "big.json", mimeType: "application/json", buffer: Buffer.alloc(1_500_000, " ") });
    await page.getByRole("button", { name: "Import profile" }).click();
    await expect(page.getByText("big.json is 1.5 MB; the limit is 1 MiB. Nothing was sent.")).toBeVisible();
    expect(posts).toHaveLength(1);

    // Past the 3 MB a server action accepts, Next stops reading and refuses; the server keeps serving.
    const boundary = "----headroom";
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="1_file"; filename="huge.json"\r\nContent-Type: application/json\r\n\r\n`),
      Buffer.alloc(5_000_000, " "),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const refused = await request.post("/workloads/import", { headers: { "next-action": actionId, "content-type": `multipart/form-data; boundary=${boundary}` }, data: body });
    expect(refused.ok()).toBe(false);
    expect(await refused.text()).not.toContain("huge.json");
    // (On a new connection: the refused one is closed by the server.)
    expect((await page.request.get("/api/health")).status()).toBe(200);
  });
});
