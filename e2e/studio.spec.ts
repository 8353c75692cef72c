import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { corruptPdf } from "../test/documents";

const SHOTS = path.join("test-results", "screenshots");
fs.mkdirSync(SHOTS, { recursive: true });
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });

const MARKDOWN = `# Tidal forces

The Moon's gravity pulls more strongly on the near side of the Earth than on the far side. This difference in
pull stretches the oceans into two bulges, one facing the Moon and one facing away from it, and the rotation of the
Earth carries every coast through both bulges each day, which is why most shores see two high tides daily.
`;

test("the home page lists the loop with counts and the next step; the shell shows every stage, none marked coming, and the Dashboards open", async ({ page }) => {
  await page.goto("/");
  const steps = page.getByTestId("pipeline-step");
  await expect(steps).toHaveCount(10);
  await expect(steps.first()).toHaveAttribute("data-done", "true");
  await expect(steps.first().getByTestId("pipeline-count")).toContainText("documents");
  // One step is marked next, unless the specs before this one (sharing the workspace) did every step.
  const pending = page.locator('[data-testid="pipeline-step"][data-done="false"]');
  await expect(page.locator('[data-testid="pipeline-step"][data-next="true"]')).toHaveCount((await pending.count()) ? 1 : 0);
  await expect(page.locator('[data-step="compared"]')).toContainText("versions evaluated on one frozen benchmark");
  await shot(page, "home-checklist");
  await page.locator('[data-step="benchmark"]').getByRole("link").click();
  await expect(page).toHaveURL(/\/tester/);
  await page.getByTestId("home-link").click();
  await expect(page.getByTestId("pipeline-checklist")).toBeVisible();
  for (const key of ["corpus", "knowledge", "tester", "builder", "models", "evaluation", "debugger", "dashboards", "jobs"]) {
    await expect(page.getByTestId(`nav-${key}`)).toBeVisible();
  }
  await expect(page.getByTestId("discipline-switcher")).toBeVisible();
  // Every stage is built: none is marked "soon" any more.
  await expect(page.getByTestId("nav-coming")).toHaveCount(0);
  await page.getByTestId("nav-dashboards").click();
  await expect(page).toHaveURL(/\/dashboards/);
  await expect(page.getByTestId("dashboards").or(page.getByTestId("empty-state")).first()).toBeVisible();
  // The dashboards compare whole versions: no discipline switcher that would change nothing there.
  await expect(page.getByTestId("discipline-switcher")).toHaveCount(0);
});

test("the demo workspace is there at once: 16 disciplines with documents and readable chunks", async ({ page }) => {
  await page.goto("/corpus");
  await expect(page.getByTestId("discipline-row")).toHaveCount(16);
  await expect(page.getByTestId("total-documents")).not.toContainText(/\b0\b/);
  await page.getByTestId("document-row").first().click();
  await expect(page.getByTestId("chunk").first()).toBeVisible();
  await shot(page, "corpus");

  // Scoping to one discipline from the header filters the documents.
  await page.getByTestId("discipline-switcher").selectOption("astronomy");
  await expect(page).toHaveURL(/discipline=astronomy/);
  await expect(page.getByTestId("document-row").first()).toContainText("astronomy/");
  await expect(page.getByTestId("document-row").filter({ hasText: "biology/" })).toHaveCount(0);
});

test("an upload imports the good file and reports the corrupt PDF by name; the Jobs page shows the run", async ({ page }) => {
  await page.goto("/corpus");
  // Data on screen means the page is hydrated and its inputs are live.
  await expect(page.getByTestId("discipline-row").first()).toBeVisible();
  // Submitting without a discipline is refused with a clear message.
  await page.getByTestId("import-files").setInputFiles([{ name: "tides.md", mimeType: "text/markdown", buffer: Buffer.from(MARKDOWN) }]);
  await page.getByTestId("import-submit").click();
  await expect(page.getByTestId("import-form-error")).toContainText("discipline");

  await page.getByTestId("import-files").setInputFiles([
    { name: "tides.md", mimeType: "text/markdown", buffer: Buffer.from(MARKDOWN) },
    { name: "broken.pdf", mimeType: "application/pdf", buffer: Buffer.from(corruptPdf()) },
  ]);
  await page.getByTestId("import-discipline").selectOption("astronomy");
  await page.getByTestId("import-submit").click();

  const run = page.getByTestId("import-run");
  await expect(run.getByTestId("import-report")).toBeVisible({ timeout: 30_000 });
  await expect(run.getByTestId("report-documents")).toContainText("1");
  await expect(run.getByTestId("import-error-item")).toHaveCount(1);
  await expect(run.getByTestId("import-error-item")).toContainText("broken.pdf");
  await expect(run.getByTestId("import-error-item")).toContainText("PDF");
  await shot(page, "corpus-import-report");

  // The imported document is listed and searchable.
  await page.getByPlaceholder("Search title or path").fill("tides");
  await expect(page.getByTestId("document-row")).toHaveCount(1);
  await expect(page.getByTestId("document-row")).toContainText("Tidal forces");

  await page.getByTestId("nav-jobs").click();
  const newest = page.getByTestId("job-row").first();
  // The run finished, but not every file made it: the list says so, with the counts.
  await expect(newest.getByTestId("status-badge")).toHaveAttribute("data-status", "SUCCEEDED");
  await expect(newest.getByTestId("status-badge")).toHaveAttribute("data-outcome", "partly-failed");
  await expect(newest.getByTestId("status-badge")).toContainText("Partly failed (1 of 2 files)");
  await newest.click();
  const detail = page.getByTestId("job-detail");
  await expect(detail).toBeVisible();
  await expect(detail.getByTestId("log-line").first()).toBeVisible();
  await expect(detail.getByTestId("job-logs")).toContainText("broken.pdf");
  await shot(page, "jobs");
});

test("the HTTP API answers bad input with the error shape and changes nothing", async ({ request, baseURL }) => {
  const before = await (await request.get("/api/corpus/stats")).json();
  const res = await request.post("/api/corpus/imports", {
    headers: { origin: new URL(baseURL!).origin },
    multipart: { files: { name: "picture.png", mimeType: "image/png", buffer: Buffer.from("x") }, discipline: "biology" },
  });
  expect(res.status()).toBeGreaterThanOrEqual(400);
  expect(res.status()).toBeLessThan(500);
  const body = await res.json();
  expect(body.error.code).toBe("UNSUPPORTED_FORMAT");
  expect(body.error.message).toContain("picture.png");
  expect(await (await request.get("/api/corpus/stats")).json()).toEqual(before);
});

test("an API path that no route answers is a 404 in the error shape, for every method", async ({ request, baseURL }) => {
  for (const method of ["GET", "POST", "PATCH", "DELETE"] as const) {
    const res = await request.fetch("/api/no-such-route/here", { method, headers: { origin: new URL(baseURL!).origin }, data: method === "GET" ? undefined : {} });
    expect(res.status(), method).toBe(404);
    expect((await res.json()).error).toMatchObject({ code: "NOT_FOUND", message: expect.stringContaining("/api/no-such-route/here") });
  }
});
