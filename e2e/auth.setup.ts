import { expect, test as setup } from "@playwright/test";

import { ADMIN_STORAGE_STATE } from "./support/auth";

/**
 * Signs in once as the demo admin and saves the session for every other spec (playwright.config.ts
 * `storageState`), so the journeys that predate accounts run as a user who may do everything.
 */
setup("sign in as the demo admin", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByRole("button", { name: "Sign in as demo admin" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByText("Role: admin").first()).toBeAttached();
  await page.context().storageState({ path: ADMIN_STORAGE_STATE });
});
