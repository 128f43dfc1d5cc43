/**
 * Pages need a signed-in user (issue 16), so the page benchmarks sign in first, as a person would:
 * the sign-in page's "Sign in as demo admin" (demo mode, the embedded default). Drives Debian's
 * Chromium (/usr/bin/chromium, or CHROMIUM_PATH) through Playwright.
 */
import { chromium, type Browser, type Page } from "@playwright/test";

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
  });
}

/** Signs `page` in as the demo admin; throws with the reason when the server is not in demo mode. */
export async function signInAsDemoAdmin(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/sign-in`);
  const demo = page.getByRole("button", { name: "Sign in as demo admin" });
  if ((await demo.count()) === 0) throw new Error(`${baseUrl}/sign-in offers no demo sign-in: start the server in demo mode (the embedded default, or HEADROOM_DEMO=1).`);
  await demo.click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
}

/** The demo admin's session as a `Cookie` header, for HTTP clients (autocannon, fetch). */
export async function demoSessionCookie(baseUrl: string): Promise<string> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await signInAsDemoAdmin(page, baseUrl);
    return (await page.context().cookies()).map((cookie) => `${cookie.name}=${cookie.value}`).join("; ");
  } finally {
    await browser.close();
  }
}
