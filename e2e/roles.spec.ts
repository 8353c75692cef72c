import { expect, test, type Browser, type Page } from "@playwright/test";
import { ADMIN, ANNOTATOR } from "./fixtures/users";

const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });

/** A browser with nobody signed in (the annotator's own machine). */
async function anonymousPage(browser: Browser, baseURL: string) {
  const context = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  return context.newPage();
}

test("an admin invites an annotator, who is refused expert actions in the UI and the API, until deactivated", async ({ page, browser, baseURL }) => {
  // The admin invites an annotator and gets the link once.
  await page.goto("/admin/users");
  await expect(page.getByTestId("user-row").first()).toBeVisible(); // loaded, so hydrated
  await page.getByTestId("invite-email").fill(ANNOTATOR.email);
  await page.getByTestId("invite-role").selectOption("ANNOTATOR");
  await page.getByTestId("invite-submit").click();
  const link = (await page.getByTestId("invite-link").textContent())!.trim();
  expect(link).toMatch(/\/invite\/[\w-]+$/);
  await expect(page.getByTestId("invitation-row")).toContainText(ANNOTATOR.email);
  await shot(page, "admin-users");

  // The annotator opens the link on their own browser and chooses a password.
  const ann = await anonymousPage(browser, baseURL!);
  await ann.goto(link);
  const form = ann.getByTestId("invite-form");
  await expect(form.getByLabel("Email")).toHaveValue(ANNOTATOR.email);
  await expect(ann.getByText("Annotator", { exact: true })).toBeVisible();
  await form.getByLabel("Your name").fill(ANNOTATOR.name);
  await form.getByLabel("Password").fill(ANNOTATOR.password);
  await form.getByRole("button", { name: "Create my account" }).click();
  await expect(ann.getByTestId("pipeline-checklist")).toBeVisible();
  await expect(ann.getByTestId("user-role")).toHaveAttribute("data-role", "ANNOTATOR");
  await ann.getByTestId("nav-corpus").click();

  // The UI hides what an annotator cannot do: no import form, no admin pages.
  await expect(ann.getByTestId("import-not-allowed")).toBeVisible();
  await expect(ann.getByTestId("import-files")).toHaveCount(0);
  await expect(ann.getByTestId("nav-users")).toHaveCount(0);
  await shot(ann, "annotator-corpus");
  await ann.goto("/admin/users");
  await expect(ann.getByTestId("forbidden")).toBeVisible();

  // The API refuses it too, with the session cookie sent from the studio's own origin.
  const origin = new URL(baseURL!).origin;
  const refused = await ann.request.post("/api/corpus/imports", {
    headers: { origin },
    multipart: { files: { name: "a.md", mimeType: "text/markdown", buffer: Buffer.from("# A\n\nSome text about cells and their membranes.") }, discipline: "biology" },
  });
  expect(refused.status()).toBe(403);
  expect((await refused.json()).error).toMatchObject({ code: "FORBIDDEN", details: { action: "corpus:import", role: "ANNOTATOR" } });

  // An API token, shown once, works as Bearer with the annotator's role.
  await ann.goto("/account");
  await expect(ann.getByTestId("tokens-card")).toContainText("No tokens yet");
  await ann.getByLabel("Token name").fill("ci");
  await ann.getByTestId("token-create").click();
  const token = (await ann.getByTestId("token-value").textContent())!.trim();
  expect(token).toMatch(/^proda_/);
  await shot(ann, "account-tokens");
  await ann.reload();
  await expect(ann.getByTestId("token-row")).toHaveCount(1);
  expect(await ann.content()).not.toContain(token);
  const bearer = { authorization: `Bearer ${token}` };
  expect((await ann.request.get("/api/corpus/stats", { headers: bearer })).status()).toBe(200);
  expect((await ann.request.get("/api/users", { headers: bearer })).status()).toBe(403);

  // The admin deactivates the annotator: the session and the token stop at once.
  await page.reload();
  const row = page.getByTestId("user-row").filter({ hasText: ANNOTATOR.email });
  await row.getByTestId("user-deactivate").click();
  await expect(page.getByTestId("confirm-dialog")).toContainText("API tokens stop working for good");
  await page.getByTestId("confirm-ok").click();
  await expect(row).toHaveAttribute("data-active", "false");
  expect((await ann.request.get("/api/corpus/stats", { headers: bearer })).status()).toBe(401);
  await ann.goto("/corpus");
  await expect(ann).toHaveURL(/\/sign-in\?next=%2Fcorpus$/);
  const signIn = ann.getByTestId("sign-in-form");
  await signIn.getByLabel("Email").fill(ANNOTATOR.email);
  await signIn.getByLabel("Password").fill(ANNOTATOR.password);
  await signIn.getByRole("button", { name: "Sign in" }).click();
  await expect(ann.getByTestId("auth-error")).toContainText("deactivated");
  await shot(ann, "sign-in-deactivated");

  // The audit log shows all of it; no page shows a password or the token.
  await page.goto("/admin/audit");
  for (const action of ["auth.setup", "user.invited", "user.invitation_accepted", "token.created", "user.deactivated", "auth.sign_in_failed"]) {
    await expect(page.locator(`[data-testid="audit-row"][data-action="${action}"]`).first()).toBeVisible();
  }
  // The action filter keeps token events only (other specs create tokens too).
  await page.getByTestId("audit-action").selectOption("token.");
  await expect(page.locator('[data-testid="audit-row"][data-action="token.created"]').first()).toBeVisible();
  await expect(page.locator('[data-testid="audit-row"]:not([data-action^="token."])')).toHaveCount(0);
  await shot(page, "admin-audit");
  // (The sign-in form still holds what the annotator typed: leave it first.)
  await ann.goto("/sign-in");
  for (const p of [page, ann]) {
    const html = await p.content();
    expect(html).not.toContain(token);
    expect(html).not.toContain(ANNOTATOR.password);
  }
  await ann.context().close();
});

test("pages carry the security headers and a fresh script nonce, and still work; a signed-out visitor is sent to sign in", async ({ browser, baseURL }) => {
  const anon = await anonymousPage(browser, baseURL!);
  const refused: string[] = [];
  anon.on("console", (m) => void (/Content Security Policy|Refused to (execute|load)/i.test(m.text()) && refused.push(m.text())));
  const res = await anon.goto("/jobs");
  await expect(anon).toHaveURL(/\/sign-in\?next=%2Fjobs$/);
  const headers = res!.headers();
  const csp = headers["content-security-policy"];
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("worker-src 'self' blob:");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  // Scripts run by this response's nonce, never because they are inline.
  const scriptSrc = csp.split(";").find((d) => d.trim().startsWith("script-src"))!;
  expect(scriptSrc).not.toContain("unsafe-inline");
  const nonce = /'nonce-([^']+)'/.exec(scriptSrc)![1];
  const scripts = (await res!.text()).match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.filter((tag) => !tag.includes(`nonce="${nonce}"`))).toEqual([]);
  expect((await anon.request.get("/sign-in")).headers()["content-security-policy"]).not.toContain(nonce);
  // The page hydrated under that policy: the form answers from the browser.
  const form = anon.getByTestId("sign-in-form");
  await form.getByLabel("Email").fill("nobody@proda.test");
  await form.getByLabel("Password").fill("not a password");
  await form.getByRole("button", { name: "Sign in" }).click();
  await expect(anon.getByTestId("auth-error")).toContainText("Wrong email or password");
  expect(refused).toEqual([]);
  expect((await anon.request.get("/api/corpus/stats")).status()).toBe(401);
  await anon.context().close();
});

test("the audit log records the socket's address, not one the client names in X-Forwarded-For", async ({ page, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const forged = await page.request.post("/api/session", { headers: { origin, "x-forwarded-for": "203.0.113.77", "x-real-ip": "203.0.113.78" }, data: { email: "forger@proda.test", password: "a guess" } });
  expect(forged.status()).toBe(401);
  const log = (await (await page.request.get("/api/audit", { params: { action: "auth.sign_in_failed", user: "forger@" } })).json()) as { items: { ip: string | null }[] };
  expect(log.items.map((e) => e.ip)).toEqual(["127.0.0.1"]);
});

test("a deep link opened while signed out leads to its page after sign-in", async ({ browser, baseURL }) => {
  const anon = await anonymousPage(browser, baseURL!);
  await anon.goto("/knowledge?discipline=biology&view=graph");
  await expect(anon).toHaveURL(/\/sign-in\?next=/);
  const form = anon.getByTestId("sign-in-form");
  await form.getByLabel("Email").fill(ADMIN.email);
  await form.getByLabel("Password").fill(ADMIN.password);
  await form.getByRole("button", { name: "Sign in" }).click();
  await expect(anon).toHaveURL(/\/knowledge\?discipline=biology&view=graph$/);
  // The page settled (no navigation still in flight to be aborted by the next one).
  await expect(anon.getByTestId("nav-knowledge")).toBeVisible();
  await anon.waitForLoadState("networkidle");
  // A next that points elsewhere is ignored.
  await anon.context().clearCookies();
  await anon.goto("/sign-in?next=//evil.test/");
  await form.getByLabel("Email").fill(ADMIN.email);
  await form.getByLabel("Password").fill(ADMIN.password);
  await form.getByRole("button", { name: "Sign in" }).click();
  await expect(anon.getByTestId("pipeline-checklist")).toBeVisible();
  expect(new URL(anon.url()).pathname).toBe("/");
  await anon.context().close();
});
