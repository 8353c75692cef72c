import { expect, test, type Page } from "@playwright/test";
import { corruptPdf } from "../test/documents";
import { ADMIN } from "./fixtures/users";
import { jobSucceeds } from "./fixtures/knowledge";

const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/screenshots/${name}.png` });
const broken = (name: string) => ({ name, mimeType: "application/pdf", buffer: Buffer.from(corruptPdf()) });


test("an upload whose every file failed shows Failed in the Jobs list, not Succeeded, and every run says who started it", async ({ page, request, baseURL }) => {
  // The admin uploads two files on the Corpus page; neither can be read.
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto("/corpus");
  await expect(page.getByTestId("discipline-row").first()).toBeVisible(); // hydrated
  await page.getByTestId("import-files").setInputFiles([broken("first.pdf"), broken("second.pdf")]);
  await page.getByTestId("import-discipline").selectOption("biology");
  await page.getByTestId("import-submit").click();
  const imported = page.getByTestId("import-run");
  await expect(imported.getByTestId("status-badge")).toHaveText("Failed (2 of 2 files)", { timeout: 30_000 });
  const runId = new URL((await imported.getByTestId("import-job-link").getAttribute("href"))!, baseURL).searchParams.get("run")!;

  // A script uploads one good and one broken file with the admin's API token.
  const origin = new URL(baseURL!).origin;
  const created = await request.post("/api/account/tokens", { headers: { origin }, data: { name: "e2e-script" } });
  expect(created.status()).toBe(201);
  const bearer = { authorization: `Bearer ${(await created.json()).token}` };
  const good = { name: "moon-bulges.md", mimeType: "text/markdown", buffer: Buffer.from(`# Moon bulges\n\n${"The Moon pulls the oceans into two bulges, and the turning Earth carries each coast through both of them every day. ".repeat(3)}`) };
  const scripted = await request.post("/api/corpus/imports", { headers: bearer, multipart: { files: good, discipline: "history" } });
  expect(scripted.status()).toBe(202);
  const scriptedId = (await scripted.json()).id as string;
  await jobSucceeds(request, scriptedId);

  await page.goto("/jobs");
  const failedRow = page.locator(`[data-testid="job-row"][data-run-id="${runId}"]`);
  const badge = failedRow.getByTestId("status-badge");
  await expect(badge).toHaveText("Failed (2 of 2 files)");
  await expect(badge).toHaveAttribute("data-outcome", "failed");
  await expect(failedRow.getByTestId("job-started-by")).toHaveText(ADMIN.name);
  const scriptRow = page.locator(`[data-testid="job-row"][data-run-id="${scriptedId}"]`);
  await expect(scriptRow.getByTestId("status-badge")).toHaveText("Succeeded");
  await expect(scriptRow.getByTestId("job-started-by")).toHaveText(`${ADMIN.name} token e2e-script`);
  await expect(scriptRow.getByTestId("job-started-by")).toHaveAttribute("title", `${ADMIN.name} (token e2e-script)`);
  await shot(page, "jobs-list-failed-import");
  // The status tabs list what the badges say.
  const tabs = page.getByTestId("status-filter");
  await tabs.getByRole("button", { name: "Failed", exact: true }).click();
  await expect(failedRow).toBeVisible();
  await expect(scriptRow).toHaveCount(0);
  await tabs.getByRole("button", { name: "Succeeded", exact: true }).click();
  await expect(scriptRow).toBeVisible();
  await expect(failedRow).toHaveCount(0);
  await tabs.getByRole("button", { name: "All", exact: true }).click();

  // The detail agrees with the row.
  await failedRow.click();
  const detail = page.getByTestId("job-detail");
  await expect(detail.getByTestId("status-badge")).toHaveText("Failed (2 of 2 files)");
  await expect(detail.getByTestId("job-started-by")).toHaveText(ADMIN.name);
  await shot(page, "jobs-detail-failed-import");
});
