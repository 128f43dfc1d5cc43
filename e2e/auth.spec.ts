import { expect, request as apiRequest, test, type Page } from "@playwright/test";

import { SIGNED_OUT } from "./support/auth";

const PROFILE = "Clickstream (Kafka → Flink)";

/** The id of the first scenario of the demo profile, read from its page. */
async function demoScenarioId(page: Page): Promise<string> {
  await page.goto("/workloads");
  await page.getByRole("link", { name: PROFILE, exact: true }).first().click();
  const href = await page.locator('a[href*="/scenarios/"]:not([href$="/new"])').first().getAttribute("href");
  const id = /\/scenarios\/([0-9a-f-]{36})/.exec(href ?? "")?.[1];
  expect(id, "a scenario link on the profile page").toBeTruthy();
  return id!;
}

test.describe("Signed out", () => {
  test.use({ storageState: SIGNED_OUT });
  // Journeys of several pages and sign-ins on 2 shared cores.
  test.describe.configure({ timeout: 120_000 });

  test("pages send anonymous visitors to sign in; the API answers 401", async ({ page, request }) => {
    await page.goto("/workloads");
    await expect(page).toHaveURL(/\/sign-in$/);
    const api = await request.get("/api/v1/scenarios/00000000-0000-4000-8000-000000000000/tfvars");
    expect(api.status()).toBe(401);
    expect(api.headers()["www-authenticate"]).toContain("Bearer");
  });

  test("a wrong password is refused; the right one signs in with an HttpOnly, SameSite=Lax session cookie", async ({ page }) => {
    await page.goto("/sign-in");
    await page.screenshot({ path: "test-results/screenshots/sign-in.png", fullPage: true });
    await page.getByLabel("E-mail").fill("viewer@demo.headroom.dev");
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page.getByRole("status").filter({ hasText: "Wrong e-mail or password." })).toBeVisible();

    await page.getByLabel("Password").fill("headroom-demo");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByText("Role: viewer").first()).toBeAttached();
    const session = (await page.context().cookies()).find((cookie) => cookie.name.endsWith("session_token"));
    expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax" });

    // Signing out ends the session: the next page asks to sign in again.
    await page.getByRole("button", { name: "Sign out" }).first().click();
    await expect(page).toHaveURL(/\/sign-in$/);
    await page.goto("/scenarios");
    await expect(page).toHaveURL(/\/sign-in$/);
  });

  test("a viewer reads and exports, and is told their role cannot edit", async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByRole("button", { name: "Sign in as demo viewer" }).click();
    await expect(page).toHaveURL(/\/$/);

    await page.goto("/workloads/new");
    await expect(page.getByRole("alert").filter({ hasText: "Read-only for your role" })).toContainText("Your role (viewer) cannot create or edit workloads and scenarios");
    await expect(page.getByRole("button", { name: "Create profile" })).toHaveCount(0);

    await page.goto("/workloads");
    await page.getByRole("link", { name: PROFILE, exact: true }).first().click();
    await page.getByRole("button", { name: "Duplicate" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Your role (viewer) cannot" })).toBeVisible();

    // The portfolio's budget form answers with the policy's sentence, and nothing is saved.
    await page.goto("/");
    await page.getByLabel("Monthly budget (USD)").fill("1000");
    await page.getByRole("button", { name: "Save budget" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Your role (viewer) cannot change budgets" })).toBeVisible();

    // Reading and exporting work.
    const id = await demoScenarioId(page);
    const tfvars = await page.request.get(`/api/v1/scenarios/${id}/tfvars`);
    expect(tfvars.status()).toBe(200);
    const write = await page.request.post("/api/v1/workloads/import", { data: {}, headers: { "content-type": "application/json" } });
    expect(write.status()).toBe(403);
  });
});

test("an admin creates a read token that fetches tfvars, then revokes it (401)", async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  const id = await demoScenarioId(page);
  await page.goto("/admin/tokens");
  await page.getByLabel("Name").fill("ci-terraform");
  await page.getByLabel("Scope").selectOption("read");
  await page.getByLabel("Expires in").fill("30");
  await page.getByRole("button", { name: "Create token" }).click();
  const token = await page.getByLabel("New token (shown once)").inputValue();
  expect(token).toMatch(/^hr_[A-Za-z0-9_-]{43}$/);
  await page.screenshot({ path: "test-results/screenshots/api-token-created.png", fullPage: true });

  // A script with only the token, no cookies.
  const ci = await apiRequest.newContext({ baseURL, storageState: SIGNED_OUT });
  const url = `/api/v1/scenarios/${id}/tfvars?format=json`;
  const fetched = await ci.get(url, { headers: { authorization: `Bearer ${token}` } });
  expect(fetched.status()).toBe(200);
  expect(Object.keys(await fetched.json())).toContain("headroom");
  // Read scope: it cannot write.
  const write = await ci.post("/api/v1/workloads/import", { data: {}, headers: { authorization: `Bearer ${token}`, "content-type": "application/json" } });
  expect(write.status()).toBe(403);

  await page.reload();
  const row = page.getByRole("row").filter({ hasText: "ci-terraform" });
  await expect(row).toContainText(/UTC/);
  await row.getByRole("button", { name: "Revoke ci-terraform" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Revoke" }).click();
  await expect(page.getByRole("row").filter({ hasText: "ci-terraform" })).toContainText("Revoked");

  expect((await ci.get(url, { headers: { authorization: `Bearer ${token}` } })).status()).toBe(401);
  expect((await ci.get(url, { headers: { authorization: "Bearer hr_not-a-token" } })).status()).toBe(401);
  await ci.dispose();

  // The audit log names the admin, never a typed name.
  await page.goto("/admin/audit");
  await expect(page.getByRole("row").filter({ hasText: "api-token:new" }).first()).toContainText("Ada Admin <admin@demo.headroom.dev>");
  await page.screenshot({ path: "test-results/screenshots/audit-log.png", fullPage: true });
});
