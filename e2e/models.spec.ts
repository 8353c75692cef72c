import { expect, test, type Page } from "@playwright/test";
import { startFineTuneServer } from "../test/fine-tune-server";
import { startOpenAiServer } from "../test/openai-server";
import { approvedTrainingSet, expectPosted, jobSucceeds } from "./fixtures/knowledge";
import { signInAs } from "./fixtures/users";

const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });
const D = "biology";
const LEAD = { name: "Lee Lead", email: "lee@proda.test", password: "lead password for e2e" };

test("a lead registers a served base model, trains the local student, follows and cancels a remote fine-tune, evaluates, and opens a wrong answer", async ({ page, browser, baseURL }) => {
  test.setTimeout(240_000);
  const origin = new URL(baseURL!).origin;
  const api = page.request;
  // A served base model that always answers "A" (right about a quarter of the time), and a fine-tuning API.
  const served = await startOpenAiServer(() => ({ content: "A", delayMs: 5 }));
  const tuner = await startFineTuneServer();
  tuner.plan({ statuses: ["validating_files", "queued", "running", "running", "running", "running", "running"] });
  try {
    // What the lead starts from: biology's structure, a frozen benchmark of it, and a small approved training set.
    const set = await approvedTrainingSet(api, origin, { discipline: D, benchmark: "Biology tests", set: "Bio small", budget: 8 });
    await expectPosted(await api.post("/api/users", { headers: { origin }, data: { ...LEAD, role: "LEAD" } }), 201);

    // The admin adds the two servers as endpoints on the Models page and tests the served one.
    await page.goto("/models");
    for (const [name, url, model] of [["base-server", served.baseURL, "qwen2.5-7b-instruct"], ["tuner", tuner.baseURL, "qwen2.5-7b"]]) {
      await page.getByTestId("endpoint-add").click();
      const form = page.getByTestId("endpoint-form");
      await form.getByLabel("Name").fill(name);
      await form.getByLabel("Base URL").fill(url);
      await form.getByLabel("Model").fill(model);
      await page.getByTestId("endpoint-save").click();
      await expect(page.getByTestId("endpoint-row").filter({ hasText: name })).toBeVisible();
    }
    const row = page.getByTestId("endpoint-row").filter({ hasText: "base-server" });
    await row.getByTestId("endpoint-test").click();
    await expect(row).toContainText("OK");

    // The lead signs in on their own browser.
    const lead = await signInAs(browser, baseURL!, LEAD, "/models");
    const context = lead.context();
    await expect(lead.getByTestId("user-role")).toHaveAttribute("data-role", "LEAD");
    // Endpoints are the admin's: the lead sees their names, not the form.
    await expect(lead.getByTestId("endpoint-add")).toHaveCount(0);

    // Register the served model as the base V1 is compared with.
    await lead.getByTestId("register-name").fill("bio-base");
    await lead.getByTestId("register-endpoint").selectOption("base-server");
    await lead.getByTestId("register-submit").click();
    await expect(lead.getByTestId("register-done")).toContainText("bio-base");
    const base = lead.locator('[data-testid="model-version"][data-name="bio-base"]');
    await expect(base).toContainText("qwen2.5-7b-instruct");
    await expect(base).toContainText("BASE");
    // A taken name is refused with the reason, and nothing is added.
    await lead.getByTestId("register-name").fill("bio-base");
    await lead.getByTestId("register-submit").click();
    await expect(lead.getByTestId("register-card")).toContainText("already named bio-base");

    // Train V1 with the local student: it becomes a version with its lineage.
    await lead.getByTestId("train-set").selectOption(set.id);
    await lead.getByTestId("train-trainer").selectOption("local");
    await lead.getByTestId("train-name").fill("V1");
    await lead.getByTestId("train-start").click();
    await expect(lead.getByTestId("train-run")).toHaveAttribute("data-status", "SUCCEEDED", { timeout: 60_000 });
    const v1 = lead.locator('[data-testid="model-version"][data-name="V1"]');
    await expect(v1).toContainText("Local studentoffline stand-in for a GPU fine-tune");
    await expect(v1).toContainText("Bio small v1");
    await expect(lead.locator('[data-testid="fine-tune"][data-name="V1"]')).toHaveAttribute("data-state", "succeeded");

    // A remote fine-tune through the OpenAI-compatible API: followed live, then cancelled at the provider.
    await lead.getByTestId("train-trainer").selectOption("openai");
    await lead.getByTestId("train-name").fill("V1-gpu");
    await lead.getByTestId("train-endpoint").selectOption("tuner");
    await lead.getByTestId("train-start").click();
    const remote = lead.locator('[data-testid="fine-tune"][data-name="V1-gpu"]');
    await expect(remote.getByTestId("fine-tune-state")).toHaveText(/validating|queued|running/, { timeout: 30_000 });
    await expect(remote).toContainText("ftjob-");
    await shot(lead, "models-fine-tune-live");
    await remote.getByTestId("fine-tune-cancel").click();
    await expect(lead.getByTestId("confirm-dialog")).toContainText("cancelled at its provider");
    await lead.getByTestId("confirm-ok").click();
    await expect(remote).toHaveAttribute("data-state", "cancelled", { timeout: 30_000 });
    expect(tuner.requests.filter((r) => r.method === "POST" && /\/cancel$/.test(r.path))).toHaveLength(1);
    expect(tuner.requests.filter((r) => r.method === "POST" && /\/fine_tuning\/jobs$/.test(r.path))).toHaveLength(1);
    await expect(lead.locator('[data-testid="model-version"][data-name="V1-gpu"]')).toHaveCount(0);

    // The own-GPU bundle is a download beside the trainers.
    await lead.getByTestId("train-trainer").selectOption("bundle");
    const href = await lead.getByTestId("bundle-download").getAttribute("href");
    const bundle = await lead.request.get(href!);
    expect(bundle.status()).toBe(200);
    expect(bundle.headers()["content-type"]).toContain("zip");
    await shot(lead, "models");

    // Evaluate V1 and the base model on the frozen benchmark.
    await v1.getByTestId("model-evaluate").click();
    await expect(v1.getByTestId("model-evaluate")).toHaveText("Evaluating…");
    await base.getByTestId("model-evaluate").click();
    await lead.goto("/evaluation");
    // Other specs' runs may be listed too: these two are found by their model.
    for (const name of ["V1", "bio-base"]) await expect(lead.locator(`[data-testid="evaluation-run"][data-model="${name}"]`)).toHaveAttribute("data-status", "SUCCEEDED", { timeout: 60_000 });
    // Every item of the base model was asked exactly once.
    const items = served.requests.length;
    expect(new Set(served.requests.map((r) => r.body.messages.at(-1)!.content)).size).toBe(items);

    await lead.locator('[data-testid="evaluation-run"][data-model="V1"]').click();
    await expect(lead).toHaveURL(/run=/);
    const metrics = lead.getByTestId("evaluation-metrics");
    await expect(metrics).toContainText("V1 on benchmark");
    await expect(metrics.getByTestId("metric-accuracy")).toContainText("95% interval");
    await expect(metrics.getByTestId("metric-discipline")).toContainText("Biology");

    // Only the wrong answers, then one opened: the chain, the options, the model's choice and raw reply.
    await lead.getByTestId("answers-correct").selectOption("false");
    await expect(lead).toHaveURL(/correct=false/);
    const wrong = lead.getByTestId("answer-row");
    await expect(wrong.first()).toBeVisible();
    await expect(lead.locator('[data-testid="answer-row"][data-correct="true"]')).toHaveCount(0);
    await wrong.first().click();
    const panel = lead.getByTestId("answer-panel");
    // Wrong: another option chosen, or none (the local student abstains when it retrieved nothing).
    await expect(panel.getByTestId("answer-detail")).toHaveAttribute("data-status", /^(wrong|unparseable)$/);
    await expect(panel.getByTestId("item-chain")).toBeVisible();
    await expect(panel.locator('[data-testid="answer-option"][data-keyed]')).toHaveCount(1);
    await expect(panel.locator('[data-testid="answer-option"][data-chosen][data-keyed]')).toHaveCount(0);
    await expect(panel.getByTestId("answer-raw")).not.toBeEmpty();
    await shot(lead, "evaluation-wrong-answer");
    await lead.keyboard.press("Escape");
    await expect(panel).toHaveCount(0);

    // The base model's raw replies were a bare letter, parsed as such.
    await lead.locator('[data-testid="evaluation-run"][data-model="bio-base"]').click();
    await expect(metrics).toContainText("bio-base on benchmark");
    await lead.getByTestId("answer-row").first().click();
    await expect(panel.getByTestId("answer-raw")).toHaveText("A");
    await expect(panel.getByTestId("answer-detail")).toContainText("parsed by letter");
    await context.close();
  } finally {
    await served.close();
    await tuner.close();
  }
});
