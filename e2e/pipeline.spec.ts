import { expect, test, type Page } from "@playwright/test";
import { startOpenAiServer } from "../test/openai-server";
import { expectPosted } from "./fixtures/knowledge";
import { signInAs } from "./fixtures/users";

const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });
const VIEWER = { name: "Vic Viewer", email: "vic.pipeline@proda.test", password: "viewer password for e2e" };
const STAGES = ["extract", "benchmark", "build-v1", "gates-v1", "train-v1", "evaluate-v1", "evaluate-base", "trace", "patch", "build-v2", "gates-v2", "train-v2", "evaluate-v2", "report"];

// The workspace is shared with the other specs (the demo corpus, and whatever they built): the
// loop runs what is stale from there, so this spec asserts what any starting point leads to.
test("a lead runs the loop from the Pipeline page, cancels it, runs it again and follows its stages; then runs it from a stage; a viewer may not", async ({ page, browser, baseURL }) => {
  test.setTimeout(300_000);
  const origin = new URL(baseURL!).origin;
  // The loop evaluates every registered base model beside V1; the servers other specs registered
  // them with are gone, so their endpoints are pointed at one that answers "A" while this runs.
  const served = await startOpenAiServer(() => ({ content: "A" }));
  const endpoints = ((await (await page.request.get("/api/endpoints")).json()).items as { id: string; name: string; model: string; source?: string }[]).filter((e) => e.source !== "environment");
  for (const e of endpoints) {
    const res = await page.request.put(`/api/endpoints/${e.id}`, { headers: { origin }, data: { name: e.name, baseUrl: served.baseURL, model: e.model, apiKey: "" } });
    expect(res.status(), await res.text()).toBe(200);
  }
  await page.goto("/");
  await page.getByTestId("nav-pipeline").click();
  await expect(page).toHaveURL(/\/pipeline$/);
  const flow = page.getByTestId("pipeline-flow");
  for (const s of STAGES) await expect(flow.getByTestId(`stage-${s}`)).toBeVisible();
  await shot(page, "pipeline-before");

  // A loop started, then cancelled from the page: the stage running stops, no later one starts.
  const loop = page.getByTestId("loop-run");
  await page.getByTestId("run-loop").click();
  await expect(loop).toHaveAttribute("data-state", /queued|running/);
  await page.getByTestId("loop-cancel").click();
  await expect(loop).toHaveAttribute("data-state", "cancelled", { timeout: 60_000 });
  await expect(page.getByTestId("run-loop")).toBeEnabled();
  await shot(page, "pipeline-cancelled");

  // Run the whole loop again, approving the patches the gate passes so it goes on to V2.
  await page.getByTestId("auto-approve").check();
  await page.getByTestId("run-loop").click();
  await expect(loop).toHaveAttribute("data-state", /queued|running/);
  // While it runs, nothing else may start it, and one stage is marked running.
  await expect(page.getByTestId("run-loop")).toBeDisabled();
  await expect(flow.locator('[data-state="running"]')).toHaveCount(1, { timeout: 60_000 });
  await expect(page.getByTestId("loop-stage")).not.toBeEmpty();
  await shot(page, "pipeline-running");
  await expect(loop).toHaveAttribute("data-state", "done", { timeout: 240_000 });
  for (const s of STAGES) await expect(flow.getByTestId(`stage-${s}`)).toHaveAttribute("data-state", "up to date");
  await expect(flow.getByTestId("stage-extract").getByTestId("stage-counts")).toContainText("concepts");
  await expect(flow.getByTestId("stage-evaluate-v1").getByTestId("stage-counts")).toContainText("accuracy");
  await expect(flow.getByTestId("stage-train-v1")).toContainText(/ran (just now|\d+s ago|\d+ min ago)/);
  await expect(page.getByTestId("loop-header")).toContainText("Every stage is up to date");
  await shot(page, "pipeline-done");

  // Run from the report: only it runs (the stages before it are up to date), and the loop says where it ran from.
  await flow.getByTestId("stage-report").getByTestId("run-from-here").click();
  await expect(loop).toContainText("from Compare V1 and V2", { timeout: 60_000 });
  await expect(loop).toHaveAttribute("data-state", "done");
  await expect(flow.getByTestId("stage-report")).toHaveAttribute("data-state", "up to date");

  // The loop's job is an ordinary job on the Jobs page.
  await page.getByTestId("loop-job-link").click();
  await expect(page).toHaveURL(/\/jobs\?run=/);
  await expect(page.getByTestId("job-result")).toContainText("loopRunId");

  // A viewer sees the same flow, with both buttons disabled and saying why.
  await expectPosted(await page.request.post("/api/users", { headers: { origin }, data: { ...VIEWER, role: "VIEWER" } }), 201);
  const viewer = await signInAs(browser, baseURL!, VIEWER, "/pipeline");
  await expect(viewer.getByTestId("stage-report")).toHaveAttribute("data-state", "up to date");
  await expect(viewer.getByTestId("run-loop")).toBeDisabled();
  await expect(viewer.getByTestId("run-from-here").first()).toBeDisabled();
  await expect(viewer.locator('[title="Only leads and admins run the loop"]').first()).toBeVisible();
  await viewer.context().close();
  await served.close();
});
