import { expect, test, type Page } from "@playwright/test";
import { approvedTrainingSet, expectPosted, jobSucceeds } from "./fixtures/knowledge";
import { signInAs } from "./fixtures/users";

const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });
const D = "biology";
const ANN1 = { name: "Ada Notator", email: "ada.notator@proda.test", password: "annotator one password" };
const ANN2 = { name: "Bo Notator", email: "bo.notator@proda.test", password: "annotator two password" };

/** Replaces the whole text of the Monaco editor on the page, pasted as an annotator would (typed, it would be auto-closed and auto-indented). */
async function setEditorText(page: Page, text: string) {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.locator(".monaco-editor .view-lines").first().click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("ControlOrMeta+V");
}

test("annotators trace a failure, edit a patch in Monaco (an invalid edit cannot be approved), approve it, and a stale edit is refused with the latest shown", async ({ page, browser, baseURL }) => {
  test.setTimeout(240_000);
  const origin = new URL(baseURL!).origin;
  const api = page.request;
  // A V1 with blind spots, evaluated and traced: what annotators find when they arrive.
  const set = await approvedTrainingSet(api, origin, { discipline: D, benchmark: "Biology for the Debugger", set: "Bio debug", budget: 6 });
  await jobSucceeds(api, (await expectPosted(await api.post("/api/fine-tunes", { headers: { origin }, data: { trainingSetId: set.id, trainer: "local", name: "V1-debug" } }))).id);
  const model = ((await (await api.get("/api/models")).json()).items as { id: string; name: string }[]).find((m) => m.name === "V1-debug")!;
  await jobSucceeds(api, (await expectPosted(await api.post("/api/evaluations", { headers: { origin }, data: { modelVersionId: model.id } }))).id);
  const evaluation = ((await (await api.get("/api/evaluations")).json()).items as { id: string; modelVersion: { name: string }; correct: number; answered: number }[]).find((e) => e.modelVersion.name === "V1-debug")!;
  expect(evaluation.correct, "V1 fails some items").toBeLessThan(evaluation.answered);
  await jobSucceeds(api, (await expectPosted(await api.post("/api/debug-runs", { headers: { origin }, data: { evaluationRunId: evaluation.id } }))).id);
  for (const who of [ANN1, ANN2]) await expectPosted(await api.post("/api/users", { headers: { origin }, data: { ...who, role: "ANNOTATOR" } }), 201);

  // The first annotator: the failure list, then a failure traced to a relation.
  const ann = await signInAs(browser, baseURL!, ANN1, "/debugger");
  await ann.getByTestId("debug-run").filter({ hasText: "V1-debug" }).click();
  const failures = ann.getByTestId("failure-row");
  await expect(failures.first()).toBeVisible();
  await expect(ann.getByTestId("debug-summary")).toContainText("V1-debug");
  await shot(ann, "debugger-failures");
  const withPatch = ann.locator('[data-testid="failure-row"][data-diagnosis="MISSING_RELATION"], [data-testid="failure-row"][data-diagnosis="WRONG_RELATION"]').first();
  await withPatch.getByTestId("failure-open").click();
  await expect(ann.getByTestId("trace-diagnosis")).toHaveText(/missing relation|relation held backwards/);
  await expect(ann.getByTestId("trace-because")).toContainText("Step");
  await expect(ann.getByTestId("trace-chain").locator(".react-flow__node")).not.toHaveCount(0);
  await expect(ann.locator('[data-testid="trace-probe"][data-correct="false"]').first()).toBeVisible();
  await expect(ann.getByTestId("trace-evidence").first()).toBeVisible();
  await shot(ann, "debugger-trace");
  await ann.getByTestId("trace-reviewed").click();
  await expect(ann.getByTestId("trace-reviewed")).toHaveText("Mark not reviewed");
  // Taken on: the failure list shows it under "assigned to me", and only it.
  await ann.getByTestId("trace-assignee").selectOption({ label: `${ANN1.name} (annotator)` });
  await expect(ann.getByTestId("trace-assignee")).not.toHaveValue("");
  const traceUrl = ann.url();
  await ann.getByRole("link", { name: "← All failures" }).click();
  await ann.getByTestId("failures-assignee").selectOption("me");
  await expect(ann).toHaveURL(/assignee=me/);
  await expect(failures).toHaveCount(1);
  await expect(failures.first().getByTestId("failure-assignee")).toHaveText(`→ ${ANN1.name}`);
  await ann.goto(traceUrl);

  // Its first patch in the editor; the second annotator opens the same one meanwhile.
  await ann.locator('[data-testid="trace-patch"][data-gate="passed"]').first().click();
  await expect(ann).toHaveURL(/\/debugger\/patches\//);
  const patchUrl = new URL(ann.url()).pathname;
  const other = await signInAs(browser, baseURL!, ANN2, "/debugger");
  await other.goto(patchUrl);
  await expect(other.getByTestId("patch-editor")).toBeVisible();

  await expect(ann.getByTestId("patch-editor")).toBeVisible();
  const original = (await (await ann.request.get(`/api${patchUrl.replace("/debugger", "")}`)).json()) as { version: number; content: Record<string, unknown> };
  expect(original.version).toBe(1);
  // Taken on, and a word for the others.
  await ann.getByTestId("patch-assignee").selectOption({ label: `${ANN1.name} (annotator)` });
  await expect.poll(async () => ((await (await ann.request.get(`/api${patchUrl.replace("/debugger", "")}`)).json()) as { assigneeId: string | null }).assigneeId).not.toBeNull();
  await ann.getByTestId("comment-text").fill("The evidence sentence says it plainly.");
  await ann.getByTestId("comment-add").click();
  await expect(ann.getByTestId("patch-discussion").getByTestId("comment")).toContainText("The evidence sentence says it plainly.");
  // An invalid edit: a kind the schema does not have. The editor says where, and approval is refused.
  await setEditorText(ann, JSON.stringify({ ...original.content, kind: "poem" }, null, 2));
  await expect(ann.getByTestId("patch-problems")).toContainText("Line 2");
  await expect(ann.getByTestId("patch-approve")).toBeDisabled();
  await expect(ann.getByTestId("patch-blocked")).toContainText("Fix the problems");
  await shot(ann, "debugger-patch-invalid");
  // A valid edit, saved with Ctrl+S: version 2; then approved, and the next patch opens.
  const edited = { ...original.content, completion: `${String(original.content.completion)} (Checked by an annotator.)` };
  await setEditorText(ann, JSON.stringify(edited, null, 2));
  await expect(ann.getByTestId("patch-problems")).toHaveCount(0);
  await expect(ann.getByTestId("patch-blocked")).toContainText("Save your edit");
  await ann.keyboard.press("ControlOrMeta+S");
  await expect(ann.getByTestId("patch-header")).toContainText("Version 2");
  await ann.getByTestId("patch-approve").click();
  await expect.poll(async () => ((await (await ann.request.get(`/api${patchUrl.replace("/debugger", "")}`)).json()) as { status: string }).status).toBe("APPROVED");

  // The second annotator's edit was based on version 1: refused, with the saved version beside theirs.
  await setEditorText(other, JSON.stringify({ ...original.content, completion: `${String(original.content.completion)} Another view.` }, null, 2));
  await other.getByTestId("patch-save").click();
  const conflict = other.getByTestId("patch-conflict");
  await expect(conflict).toContainText("saved version 2");
  await expect(conflict.getByTestId("patch-diff")).toContainText("Checked by an annotator");
  await shot(other, "debugger-patch-conflict");
  await other.getByTestId("patch-take-latest").click();
  await expect(conflict).toHaveCount(0);
  const after = (await (await ann.request.get(`/api${patchUrl.replace("/debugger", "")}`)).json()) as { version: number; status: string; content: { completion: string } };
  expect(after).toMatchObject({ version: 2, status: "APPROVED", content: { completion: expect.stringContaining("Checked by an annotator") } });

  // The decisions are in the audit log.
  const audit = (await (await api.get("/api/audit", { params: { action: "patch.approved" } })).json()) as { items: { action: string }[] };
  expect(audit.items.length).toBeGreaterThan(0);
  await ann.context().close();
  await other.context().close();
});
