import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import path from "node:path";

import { discoverRoutes, linkedPaths, routeFor } from "./support/routes";

/** Concrete pages per dynamic route: enough to cover every seeded shape without crawling thousands. */
const INSTANCES_PER_ROUTE = 12;
const WIDTHS = [390, 1440] as const;
/** One full-page screenshot per route and width, to look at: test-results/screenshots/crawl/<width>/<route>.png */
const SHOTS = "test-results/screenshots/crawl";

/**
 * Every page the app has, with dynamic segments resolved from the seeded data: starting from the
 * static routes, follow the links each page renders (breadth first) and keep the paths that match
 * a dynamic route, so a workload's id comes from the workloads list, a scenario's from its workload.
 */
async function discoverPages(request: APIRequestContext): Promise<{ pages: string[]; unresolved: string[] }> {
  const routes = discoverRoutes(path.join(process.cwd(), "app"));
  const found = new Map(routes.map((route) => [route.pattern, new Set<string>()]));
  const queue = routes.filter((route) => !route.dynamic).map((route) => route.pattern);
  const seen = new Set(queue);
  for (const route of routes) if (!route.dynamic) found.get(route.pattern)?.add(route.pattern);
  while (queue.length > 0) {
    const next = queue.shift() as string;
    const response = await request.get(next);
    if (!response.ok() || !(response.headers()["content-type"] ?? "").includes("text/html")) continue;
    for (const linked of linkedPaths(await response.text())) {
      if (seen.has(linked)) continue;
      const route = routeFor(routes, linked);
      const instances = route?.dynamic ? found.get(route.pattern) : undefined;
      if (!instances || instances.size >= INSTANCES_PER_ROUTE) continue;
      seen.add(linked);
      instances.add(linked);
      queue.push(linked);
    }
  }
  return {
    pages: [...found.values()].flatMap((instances) => [...instances]),
    unresolved: [...found].filter(([, instances]) => instances.size === 0).map(([pattern]) => pattern),
  };
}

/** What a person would notice on one page: sideways scrolling, console noise, serious a11y faults. */
async function checkPage(page: Page, url: string, screenshot?: string): Promise<string[]> {
  const problems: string[] = [];
  const report = (problem: string) => problems.push(`${url}: ${problem}`);
  const onConsole = (message: { type(): string; text(): string }) => {
    if (message.type() === "error" || message.type() === "warning") report(`console ${message.type()}: ${message.text()}`);
  };
  const onPageError = (error: Error) => report(`uncaught: ${error.message}`);
  page.on("console", onConsole);
  page.on("pageerror", onPageError);
  try {
    const response = await page.goto(url, { waitUntil: "networkidle" });
    if (!response || response.status() >= 400) report(`HTTP ${response?.status() ?? "no response"}`);
    const overflowPx = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    if (overflowPx > 1) report(`page scrolls sideways by ${overflowPx}px`);
    if (screenshot) await page.screenshot({ path: screenshot, fullPage: true });
    const { violations } = await new AxeBuilder({ page }).analyze();
    for (const violation of violations.filter((v) => v.impact === "serious" || v.impact === "critical")) {
      const targets = violation.nodes.slice(0, 3).map((node) => node.target.join(" ")).join(", ");
      report(`axe ${violation.impact} ${violation.id} (${violation.nodes.length}×): ${targets}`);
    }
  } finally {
    page.off("console", onConsole);
    page.off("pageerror", onPageError);
  }
  return problems;
}

test.describe("Every page works on a phone and a wall screen", () => {
  let pages: string[] = [];

  test.beforeAll(async ({ request }) => {
    test.setTimeout(120_000);
    const discovered = await discoverPages(request);
    expect(discovered.unresolved, "routes no page links to").toEqual([]);
    pages = discovered.pages;
  });

  for (const width of WIDTHS) {
    test(`at ${width}px: no sideways scroll, no console errors, no serious axe violations`, async ({ page }) => {
      test.setTimeout(30_000 + pages.length * 15_000);
      await page.setViewportSize({ width, height: 900 });
      const problems: string[] = [];
      const routes = discoverRoutes(path.join(process.cwd(), "app"));
      const shot = new Set<string>();
      for (const url of pages) {
        const pattern = routeFor(routes, url)?.pattern ?? url;
        const first = !shot.has(pattern);
        shot.add(pattern);
        const file = first ? `${SHOTS}/${width}/${pattern.replace(/^\/$/, "home").replace(/[^a-z0-9]+/gi, "-").replace(/^-|-$/g, "")}.png` : undefined;
        problems.push(...(await checkPage(page, url, file)));
      }
      console.log(`crawled ${pages.length} pages at ${width}px, ${problems.length} problems`);
      expect(problems).toEqual([]);
    });
  }
});
