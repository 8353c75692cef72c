import { expect, test as setup } from "@playwright/test";
import { ADMIN_STATE } from "../playwright.config";
import { ADMIN } from "./fixtures/users";

// A fresh studio asks for its admin before anything else; this creates it through the page.
setup("the first visit creates the admin account", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/setup$/);
  const form = page.getByTestId("setup-form");
  await form.getByLabel("Password").fill("short");
  await form.getByLabel("Your name").fill(ADMIN.name);
  await form.getByLabel("Email").fill(ADMIN.email);
  await form.getByRole("button", { name: "Create admin account" }).click();
  await expect(form).toContainText("at least 10 characters");
  await page.screenshot({ path: "test-results/screenshots/setup.png" });

  await form.getByLabel("Password").fill(ADMIN.password);
  await form.getByRole("button", { name: "Create admin account" }).click();
  // A new studio opens on its home page: the loop as a checklist, the corpus step first.
  await expect(page.getByTestId("pipeline-checklist")).toBeVisible();
  expect(new URL(page.url()).pathname).toBe("/");
  await expect(page.getByTestId("user-role")).toHaveAttribute("data-role", "ADMIN");
  await page.context().storageState({ path: ADMIN_STATE });

  // Setup is closed now, for the page and the API.
  await page.goto("/setup");
  await expect(page).not.toHaveURL(/\/setup/);
  const again = await page.request.post("/api/setup", { data: { ...ADMIN, email: "eve@proda.test" }, headers: { origin: new URL(page.url()).origin } });
  expect(again.status()).toBe(409);
});
