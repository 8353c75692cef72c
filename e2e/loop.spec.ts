import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { explainingJobs } from "./fixtures/jobs";
import { expectPosted } from "./fixtures/knowledge";
import { signInAs } from "./fixtures/users";

// The whole loop through the studio's pages, on the shared OpenStax corpus, as the people who run
// it: the admin imports and extracts, an expert curates, a lead tests first and trains, an
// annotator traces failures and reviews patches, the lead makes V2 and compares it with V1.
const CORPUS = path.resolve("..", "shared", "corpus");
const SHOTS = path.join("test-results", "screenshots");
const EXPERT = { name: "Lou Expert", email: "loop.expert@proda.test", password: "loop expert password", role: "EXPERT" };
const ANNOTATOR = { name: "Lou Notator", email: "loop.annotator@proda.test", password: "loop annotator password", role: "ANNOTATOR" };
const LEAD = { name: "Lou Lead", email: "loop.lead@proda.test", password: "loop lead password", role: "LEAD" };
// Names of this spec's own (the workspace is shared with the other specs, and "V1" is theirs).
const SET = "loop-v1-data";
const V1 = "loop-V1";
const V2 = "loop-V2";
// What `proda loop` builds V1 with by default: 25 instances per discipline the benchmark tests.
const LOOP_BUDGET = "25";
// The discipline the expert curates: no other spec curates it.
const CURATED = "anatomy-physiology";
// A job over the whole corpus (extraction of ~1,000 chunks, tracing every failure) on a busy machine.
const JOB = { timeout: 240_000 };

// Tall pages: the studio scrolls inside its frame, so a full-page screenshot holds what the viewport does.
const VIEWPORT = { width: 1440, height: 1600 };
let step = 0;
const shot = (page: Page, stage: string) => page.screenshot({ path: path.join(SHOTS, `loop-${String(++step).padStart(2, "0")}-${stage}.png`), fullPage: true });
const percent = async (page: Page, selector: string) => Number((await page.locator(selector).textContent())!.replace("%", ""));

/** Replaces the whole text of the Monaco editor, pasted as an annotator would. */
async function setEditorText(page: Page, text: string) {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.locator(".monaco-editor .view-lines").first().click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("ControlOrMeta+V");
}

/** Trains the local student on a training set from the Models page, then evaluates it on the newest frozen benchmark. */
async function trainAndEvaluate(lead: Page, setId: string, name: string, benchmark: number) {
  await lead.getByTestId("nav-models").click();
  await lead.getByTestId("train-set").selectOption(setId);
  await lead.getByTestId("train-trainer").selectOption("local");
  await lead.getByTestId("train-name").fill(name);
  await lead.getByTestId("train-start").click();
  await explainingJobs(lead.request, "model-train", () => expect(lead.getByTestId("train-run")).toHaveAttribute("data-status", "SUCCEEDED", JOB));
  const model = lead.locator(`[data-testid="model-version"][data-name="${name}"]`);
  await expect(model).toContainText("offline stand-in for a GPU fine-tune");
  await model.getByTestId("model-evaluate").click();
  await expect(model.getByTestId("model-evaluate")).toHaveText("Evaluating…");
  await lead.getByTestId("nav-evaluation").click();
  const run = lead.locator(`[data-testid="evaluation-run"][data-model="${name}"]`);
  await explainingJobs(lead.request, "model-evaluate", () => expect(run).toHaveAttribute("data-status", "SUCCEEDED", JOB), lead, ["evaluation-runs"]);
  await run.click();
  await expect(lead.getByTestId("evaluation-metrics")).toContainText(`${name} on benchmark v${benchmark}`);
  await expect(lead.getByTestId("metric-accuracy")).toContainText("95% interval");
}

/** The gate, then the lead's approval, of the training set shown on the Builder page. */
async function gateAndApprove(lead: Page) {
  await lead.getByTestId("gate-run").click();
  await expect(lead.getByTestId("gate-result")).toContainText("Passed", JOB);
  await expect(lead.getByTestId("gate-result")).toContainText("no overlap");
  await lead.getByTestId("training-set-approve").click();
  await expect(lead.getByTestId("training-set-header")).toHaveAttribute("data-status", "APPROVED");
}

test("the whole loop in the browser on the shared corpus: import, extract, curate, test first, V1, debug, patches, V2 beats V1 on the dashboard", async ({ page, browser, baseURL }) => {
  test.skip(!fs.existsSync(path.join(CORPUS, "manifest.jsonl")), "needs ../shared/corpus beside the repository");
  test.setTimeout(600_000);
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.setViewportSize(VIEWPORT);
  const origin = new URL(baseURL!).origin;
  // The people, created by the admin as the other specs create theirs.
  for (const who of [EXPERT, ANNOTATOR, LEAD]) await expectPosted(await page.request.post("/api/users", { headers: { origin }, data: who }), 201);

  // 1. The admin uploads the corpus with its manifest on the Corpus page: each file gets its discipline from it.
  const files = fs
    .readFileSync(path.join(CORPUS, "manifest.jsonl"), "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => path.join(CORPUS, (JSON.parse(line) as { path: string }).path));
  expect(files).toHaveLength(64);
  await page.goto("/corpus");
  await expect(page.getByTestId("discipline-row").first()).toBeVisible(); // hydrated
  await page.getByTestId("import-files").setInputFiles([...files, path.join(CORPUS, "manifest.jsonl")]);
  await expect(page.getByTestId("import-discipline")).toHaveValue("");
  await page.getByTestId("import-submit").click();
  const imported = page.getByTestId("import-run");
  await expect(imported.getByTestId("import-report")).toBeVisible(JOB);
  await expect(imported.getByTestId("import-error-item")).toHaveCount(0);
  await shot(page, "corpus-imported");

  // ... and extracts every discipline with the local engine on the Knowledge page.
  await page.getByTestId("nav-knowledge").click();
  await expect(page.getByTestId("extract-panel")).toContainText("Chunks of every discipline not yet extracted");
  await page.getByTestId("extract-engine").selectOption("local");
  await page.getByTestId("extract-start").click();
  await expect(page.getByTestId("extract-run")).toHaveAttribute("data-status", "SUCCEEDED", JOB);
  await expect(page.getByTestId("extract-result")).toContainText("extracted");
  // Every chunk of the curated discipline extracted ("chunks extracted" is the row's second cell: "74 / 74").
  await expect(page.locator(`[data-testid="knowledge-row"][data-slug="${CURATED}"] td`).nth(1)).toHaveText(/^([\d,]+) \/ \1$/);
  await shot(page, "knowledge-extracted");

  // 2. The expert curates: in the graph's review queue, approves the first draft relation with its evidence.
  const expert = await signInAs(browser, baseURL!, EXPERT, `/knowledge?discipline=${CURATED}&view=graph`);
  await expert.setViewportSize(VIEWPORT);
  await expect(expert.getByTestId("user-role")).toHaveAttribute("data-role", "EXPERT");
  await expect(expert.getByTestId("graph-node").first()).toBeVisible();
  await expert.getByTestId("mode-queue").click();
  await expert.getByTestId("queue-level").selectOption("relation");
  await expect(expert.getByTestId("relation-inspector")).toBeVisible();
  await expect(expert.getByTestId("evidence-mark")).toBeVisible();
  await expert.keyboard.press("a");
  await expect(expert.getByTestId("undo-bar")).toContainText("Approved");
  await shot(expert, "expert-approves-relation");
  // The structure, with the approval counted, passes the reachability gate.
  await expert.goto(`/knowledge?discipline=${CURATED}`);
  await expect(expert.locator(`[data-testid="knowledge-row"][data-slug="${CURATED}"]`)).toContainText("1 ✓");
  await expert.goto("/knowledge");
  await expect(expert.getByTestId("reachability")).toHaveText("Reachability 100%");
  await shot(expert, "expert-reachability");
  await expert.context().close();

  // 3. The lead: tests first. The Tester builds the benchmark from every chain, and the lead freezes it.
  const lead = await signInAs(browser, baseURL!, LEAD, "/tester");
  await lead.setViewportSize(VIEWPORT);
  await expect(lead.getByTestId("build-benchmark")).toContainText("From the chains of every discipline");
  await lead.getByTestId("build-benchmark-start").click();
  await expect(lead.getByTestId("build-benchmark-run")).toHaveAttribute("data-status", "SUCCEEDED", JOB);
  const summary = lead.getByTestId("benchmark-summary");
  await expect(summary).toContainText("draft");
  await lead.getByTestId("benchmark-freeze").click();
  await lead.getByTestId("confirm-ok").click();
  await expect(summary).toContainText("frozen");
  const benchmark = Number(/^v(\d+)/.exec((await lead.locator('[data-testid="benchmark-version"][aria-current="true"]').textContent())!)![1]);
  await shot(lead, "tester-frozen");

  // The Builder makes V1's data from L1/L2 as `proda loop` does; the gate passes and the lead approves it.
  await lead.getByTestId("nav-builder").click();
  await lead.getByTestId("set-name").fill(SET);
  await lead.getByLabel("Budget").fill(LOOP_BUDGET);
  await lead.getByTestId("set-tested-only").check();
  await lead.getByTestId("build-training-set-start").click();
  await expect(lead.getByTestId("build-training-set-run")).toHaveAttribute("data-status", "SUCCEEDED", JOB);
  const v1Row = lead.locator(`[data-testid="training-set-version"][data-name="${SET}"][data-version="1"]`);
  await v1Row.click();
  const v1Set = (await v1Row.getAttribute("data-set"))!;
  await expect(lead.getByTestId("training-set-header")).toContainText(`${SET} v1`);
  await expect(lead.getByTestId("training-set-header")).toContainText(`Budget ${LOOP_BUDGET} per discipline`);
  await gateAndApprove(lead);
  await shot(lead, "builder-v1-approved");

  // V1: the local student trained on it, then evaluated on the frozen benchmark.
  await trainAndEvaluate(lead, v1Set, V1, benchmark);
  await shot(lead, "evaluation-v1");

  // 4. The annotator traces V1's failures on the Debugger page and reviews the patches it proposes.
  const ann = await signInAs(browser, baseURL!, ANNOTATOR, "/debugger");
  await ann.setViewportSize(VIEWPORT);
  const evaluation = ann.getByTestId("debug-evaluation").locator("option", { hasText: `${V1} on v${benchmark}` });
  await ann.getByTestId("debug-evaluation").selectOption((await evaluation.getAttribute("value"))!);
  await ann.getByTestId("debug-start").click();
  const debugRun = ann.locator(`[data-testid="debug-run"][data-model="${V1}"]`);
  await explainingJobs(ann.request, "model-debug", () => expect(debugRun).toHaveAttribute("data-status", "SUCCEEDED", JOB), ann, ["debug-runs", "debug-launch"]);
  // The page follows the run it shows: once traced, the summary and the patch queue say what it
  // found without a reload (they once stayed at "Tracing…" and "No patch proposed").
  await expect(ann.getByTestId("debug-summary")).toContainText(`${V1} on benchmark v${benchmark}`);
  await expect(ann.getByTestId("debug-summary")).not.toContainText("Tracing…", JOB);
  await expect(ann.getByTestId("patch-queue")).not.toContainText("0 to review · 0 approved", JOB);
  await debugRun.click();
  await expect(ann.getByTestId("debug-summary")).toContainText(`${V1} on benchmark v${benchmark}`);
  await expect(ann.getByTestId("failure-row").first()).toBeVisible();
  await shot(ann, "debugger-failures");
  const debugUrl = ann.url();
  // A failure traced to a relation V1 does not know: the chain with the failing link, the probes, the evidence.
  await ann.locator('[data-testid="failure-row"][data-diagnosis="MISSING_RELATION"]').first().getByTestId("failure-open").click();
  await expect(ann.getByTestId("trace-diagnosis")).toHaveText("missing relation");
  await expect(ann.locator('[data-testid="trace-probe"][data-correct="false"]').first()).toBeVisible();
  await shot(ann, "debugger-trace");

  // The patches one after the other: the first is edited in Monaco and saved, then each is approved,
  // or rejected when the gate refuses it (it would teach the benchmark's own items).
  await ann.goto(debugUrl);
  await ann.getByTestId("patch-queue-open").click();
  let edited = false;
  const decided = { approve: 0, reject: 0 };
  for (;;) {
    await expect(ann).toHaveURL(/\/debugger\/patches\/[^/]+$/);
    const id = new URL(ann.url()).pathname.split("/").pop()!;
    const header = ann.locator(`[data-testid="patch-header"][data-patch="${id}"]`);
    await expect(header).toHaveAttribute("data-status", "PROPOSED");
    const refused = (await header.getByTestId("patch-gate-failed").count()) > 0;
    if (!refused && !edited) {
      // Monaco loads from the app's own bundle, with its workers: slow on a busy machine.
      await expect(ann.getByTestId("patch-editor").locator(".monaco-editor .view-lines")).toBeVisible({ timeout: 60_000 });
      const content = (await (await ann.request.get(`/api/patches/${id}`)).json()).content as Record<string, unknown>;
      await setEditorText(ann, JSON.stringify({ ...content, completion: `${String(content.completion)} (Checked by an annotator against the source.)` }, null, 2));
      await expect(ann.getByTestId("patch-problems")).toHaveCount(0);
      // The edit has reached the page (pasting is asynchronous) before it is saved.
      await expect(ann.getByTestId("patch-blocked")).toContainText("Save your edit");
      await ann.keyboard.press("ControlOrMeta+S");
      await expect(ann.locator(`[data-testid="patch-header"][data-patch="${id}"]`)).toContainText("Version 2");
      await shot(ann, "annotator-patch-edited");
      edited = true;
    }
    const decision = refused ? "reject" : "approve";
    // The header links the next patch to review, unless this is the last one.
    const last = (await ann.locator(`[data-testid="patch-header"][data-patch="${id}"]`).getByTestId("patch-next").count()) === 0;
    await ann.getByTestId(`patch-${decision}`).click();
    decided[decision]++;
    if (last) {
      await expect(ann.locator(`[data-testid="patch-header"][data-patch="${id}"]`)).toHaveAttribute("data-status", decision === "approve" ? "APPROVED" : "REJECTED");
      break;
    }
    // The decision made, the next patch opens.
    await expect(ann).not.toHaveURL(new RegExp(`/${id}$`));
  }
  expect(edited).toBe(true);
  expect(decided.approve).toBeGreaterThan(0);
  await ann.goto(debugUrl);
  await expect(ann.getByTestId("patch-queue")).toContainText(`0 to review · ${decided.approve} approved · ${decided.reject} rejected`);
  await shot(ann, "debugger-patches-decided");
  await ann.context().close();

  // 5. The lead makes V2 = V1 + the approved patches, and it goes through the gate and approval like V1.
  await lead.goto(debugUrl);
  await lead.getByTestId("patch-apply").click();
  await expect(lead.getByTestId("patch-applied")).toContainText(`${SET} v1 + ${decided.approve} patches`);
  await lead.getByTestId("patch-applied").getByRole("link").click();
  const v2Set = new URL(lead.url()).searchParams.get("set")!;
  await expect(lead.getByTestId("training-set-header")).toContainText(`${SET} v2`);
  await expect(lead.getByTestId("training-set-header")).toContainText(`Derived from ${SET} v1`);
  await gateAndApprove(lead);
  await shot(lead, "builder-v2-approved");
  await trainAndEvaluate(lead, v2Set, V2, benchmark);
  await shot(lead, "evaluation-v2");

  // The dashboards compare V1 and V2 on the frozen benchmark: V2 answers more, and the gain's interval is shown.
  await lead.getByTestId("nav-dashboards").click();
  await expect(lead.getByTestId("dashboards")).toHaveAttribute("data-benchmark", String(benchmark));
  const row = (name: string) => `[data-testid="overall-row"][data-model="${name}"] [data-testid="overall-accuracy"]`;
  await expect(lead.locator(row(V2))).toContainText("%");
  const [v1, v2] = [await percent(lead, row(V1)), await percent(lead, row(V2))];
  expect(v2, `V2 ${v2}% against V1 ${v1}%`).toBeGreaterThan(v1);
  await expect(lead.getByTestId("pair-sentence")).toContainText(`${V2} − ${V1}: +`);
  await expect(lead.getByTestId("pair-interval")).toContainText("95% interval of the change");
  const interval = lead.getByTestId("pair-interval");
  expect(Number(await interval.getAttribute("data-low"))).toBeLessThan(v2 - v1);
  expect(Number(await interval.getAttribute("data-high"))).toBeGreaterThan(v2 - v1);
  await shot(lead, "dashboards-v1-v2");
  await lead.context().close();
});
