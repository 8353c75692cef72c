import fs from "node:fs";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { expectPosted, extractDiscipline, jobSucceeds } from "./fixtures/knowledge";
import { signInAs } from "./fixtures/users";

const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });
// Disciplines of the demo corpus whose chains make items, and that no other spec builds on by hand.
const DS = ["anthropology", "biology", "business", "political-science", "statistics"];
const LEAD = { name: "Dee Lead", email: "dee.lead@proda.test", password: "dashboard lead password" };
// Names of this spec's own: the workspace is shared with the other specs.
const BASE = "dash-base";
const V1 = "dash-V1";
const V2 = "dash-V2";

type Named = { id: string; name: string };
const byName = async <T extends Named>(api: APIRequestContext, path: string, name: string) => ((await (await api.get(path)).json()).items as T[]).find((x) => x.name === name)!;

/** A training set of `budget` instances per discipline, through the gate and approved (test first: the benchmark is frozen already). */
async function approvedSet(api: APIRequestContext, origin: string, name: string, budget: number) {
  await jobSucceeds(api, (await expectPosted(await api.post("/api/training-sets", { headers: { origin }, data: { name, budget, disciplines: DS } }))).id);
  const set = await byName(api, "/api/training-sets", name);
  await jobSucceeds(api, (await expectPosted(await api.post(`/api/training-sets/${set.id}/check`, { headers: { origin }, data: {} }))).id);
  await expectPosted(await api.post(`/api/training-sets/${set.id}/approve`, { headers: { origin }, data: {} }), 200);
  return set;
}

/** The local student trained on a set, then evaluated on the benchmark: answers the evaluation run's id. */
async function trainAndEvaluate(api: APIRequestContext, origin: string, trainingSetId: string, name: string, stage: string, benchmarkId: string) {
  await jobSucceeds(api, (await expectPosted(await api.post("/api/fine-tunes", { headers: { origin }, data: { trainingSetId, trainer: "local", name, stage } }))).id);
  const model = await byName(api, "/api/models", name);
  await jobSucceeds(api, (await expectPosted(await api.post("/api/evaluations", { headers: { origin }, data: { modelVersionId: model.id, benchmarkId } }))).id);
  return ((await (await api.get("/api/evaluations")).json()).items as { id: string; modelVersion: { name: string } }[]).find((e) => e.modelVersion.name === name)!.id;
}

test("a lead compares base, V1 and V2 on the dashboard, changes the versions, follows a flip to its patch, and downloads a chart as CSV and PNG", async ({ page, browser, baseURL }) => {
  test.setTimeout(240_000);
  const origin = new URL(baseURL!).origin;
  const api = page.request;

  // Three local students on one frozen benchmark: a base on a tiny budget, V1 on a small one, V2 = V1's data + the Debugger's patches.
  for (const d of DS) await extractDiscipline(api, origin, d);
  await jobSucceeds(api, (await expectPosted(await api.post("/api/benchmarks", { headers: { origin }, data: { disciplines: DS, freeze: true, name: "Dashboards tests" } }))).id);
  const benchmark = ((await (await api.get("/api/benchmarks")).json()).items as { id: string; name: string; version: number }[]).find((b) => b.name === "Dashboards tests")!;
  const v1Set = await approvedSet(api, origin, "dash-v1-data", 3);
  const baseSet = await approvedSet(api, origin, "dash-base-data", 2);
  await trainAndEvaluate(api, origin, baseSet.id, BASE, "BASE", benchmark.id);
  const v1Run = await trainAndEvaluate(api, origin, v1Set.id, V1, "V1", benchmark.id);
  await jobSucceeds(api, (await expectPosted(await api.post("/api/debug-runs", { headers: { origin }, data: { evaluationRunId: v1Run } }))).id);
  const debugRun = ((await (await api.get("/api/debug-runs")).json()).items as { id: string; evaluationRun: { id: string } }[]).find((d) => d.evaluationRun.id === v1Run)!;
  const patches = (await (await api.get("/api/patches", { params: { debugRun: debugRun.id, limit: 200 } })).json()).items as { id: string; gatePassed: boolean; version: number }[];
  for (const p of patches.filter((x) => x.gatePassed)) await expectPosted(await api.post(`/api/patches/${p.id}/decision`, { headers: { origin }, data: { decision: "approve", version: p.version } }), 200);
  const v2Set = await expectPosted(await api.post(`/api/debug-runs/${debugRun.id}/apply`, { headers: { origin }, data: {} }), 201);
  const v2SetId = (v2Set as unknown as { trainingSetId: string }).trainingSetId;
  await jobSucceeds(api, (await expectPosted(await api.post(`/api/training-sets/${v2SetId}/check`, { headers: { origin }, data: {} }))).id);
  await expectPosted(await api.post(`/api/training-sets/${v2SetId}/approve`, { headers: { origin }, data: {} }), 200);
  await trainAndEvaluate(api, origin, v2SetId, V2, "V2", benchmark.id);
  await expectPosted(await api.post("/api/users", { headers: { origin }, data: { ...LEAD, role: "LEAD" } }), 201);

  // The lead opens the dashboard on this benchmark: all three compared, V1 → V2 paired.
  const lead = await signInAs(browser, baseURL!, LEAD, `/dashboards?benchmark=v${benchmark.version}`);
  // Tall enough for each tab to be seen whole in the screenshots (the studio scrolls inside its frame).
  await lead.setViewportSize({ width: 1440, height: 1700 });
  await expect(lead.getByTestId("dashboards")).toHaveAttribute("data-benchmark", String(benchmark.version));
  const overall = lead.getByTestId("overall-row");
  await expect(overall).toHaveCount(3);
  await expect(overall.nth(0)).toHaveAttribute("data-model", BASE);
  await expect(lead.locator(`[data-testid="overall-row"][data-model="${V2}"]`)).toContainText("%");
  await expect(lead.getByTestId("pair-sentence")).toContainText(`${V2} − ${V1}:`);
  await expect(lead.getByTestId("pair-sentence")).toContainText("McNemar p");
  await expect(lead.locator('[data-testid="discipline-row"][data-discipline="biology"]')).toBeVisible();
  await expect(lead.locator('[data-testid="chart"][data-chart="accuracy-by-discipline"] .recharts-surface').first()).toBeVisible();
  await shot(lead, "dashboards-comparison");

  // Changing the compared versions: V1 off, so the pair becomes base → V2; the URL holds the choice.
  await lead.locator(`[data-testid="model-toggle"][data-name="${V1}"]`).click();
  await expect(lead).toHaveURL(new RegExp(`models=${BASE}%2C${V2}|models=${BASE},${V2}`));
  await expect(overall).toHaveCount(2);
  await expect(lead.getByTestId("pair-sentence")).toContainText(`${V2} − ${BASE}:`);
  // V1 back on, and paired with V2 by hand.
  await lead.locator(`[data-testid="model-toggle"][data-name="${V1}"]`).click();
  await expect(overall).toHaveCount(3);
  await lead.getByTestId("pair-first").selectOption(V1);
  await expect(lead).toHaveURL(new RegExp(`pair=${V1}%2C${V2}|pair=${V1},${V2}`));
  await expect(lead.getByTestId("pair-sentence")).toContainText(`${V2} − ${V1}:`);

  // Downloads: the overall chart's data as CSV, and the chart as a PNG.
  const chart = lead.locator('[data-testid="chart"][data-chart="overall-accuracy"]');
  const [csv] = await Promise.all([lead.waitForEvent("download"), chart.getByTestId("chart-csv").click()]);
  expect(csv.suggestedFilename()).toBe(`overall-accuracy-v${benchmark.version}.csv`);
  const csvText = fs.readFileSync((await csv.path())!, "utf8");
  expect(csvText.split("\r\n")[0]).toBe("model,stage,accuracy,interval_low,interval_high,correct,items,unparseable,baseline_chance,baseline_longestOption,baseline_stemOverlap,baseline_mostFrequentOption");
  expect(csvText).toContain(`${V2},V2,`);
  const [png] = await Promise.all([lead.waitForEvent("download"), chart.getByTestId("chart-png").click()]);
  expect(png.suggestedFilename()).toBe(`overall-accuracy-v${benchmark.version}.png`);
  const pngBytes = fs.readFileSync((await png.path())!);
  expect([...pngBytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(pngBytes.length).toBeGreaterThan(5_000);
  fs.writeFileSync("test-results/screenshots/dashboards-download.png", pngBytes);

  // Diagnostics and CORE, as a lead reads them.
  await lead.getByTestId("tab-diagnostics").click();
  await expect(lead).toHaveURL(/tab=diagnostics/);
  await expect(lead.locator('[data-testid="chart"][data-chart="diagnoses-by-discipline"]')).toContainText(`${V1} · Biology`);
  await expect(lead.getByTestId("baseline-row")).toHaveCount(4);
  await shot(lead, "dashboards-diagnostics");
  await lead.getByTestId("tab-core").click();
  await expect(lead.locator(`[data-testid="core-column"][data-model="${V2}"]`)).toBeVisible();
  await expect(lead.getByTestId("core-evolving").nth(2)).toContainText("from patches");
  await shot(lead, "dashboards-core");

  // External scores: a bad CSV names its line and imports nothing; a good one gives Spearman's ρ per benchmark.
  await lead.getByTestId("tab-external").click();
  await lead.getByTestId("external-import-text").fill(`model,benchmark,score\n${BASE},GPQA,28\n${V1},GPQA,abc\n`);
  await lead.getByTestId("external-import-submit").click();
  await expect(lead.getByTestId("external-import-errors")).toContainText('Line 3: score: "abc" is not a number');
  await expect(lead.getByTestId("external-score")).toHaveCount(0);
  await lead.getByTestId("external-import-text").fill(`model,benchmark,score\n${BASE},GPQA,28\n${V1},GPQA,33\n${V2},GPQA,39\n${BASE},MMLU-Pro,40\n${V1},MMLU-Pro,46\n${V2},MMLU-Pro,45\n`);
  await lead.getByTestId("external-import-submit").click();
  await expect(lead.getByTestId("external-import-done")).toContainText("6 imported");
  await expect(lead.locator('[data-testid="correlation-row"][data-benchmark="GPQA"]')).toContainText("3");
  await expect(lead.locator('[data-testid="chart"][data-chart="scatter-GPQA"] .recharts-surface').first()).toBeVisible();
  await shot(lead, "dashboards-external");

  // A flip followed to the patch behind it.
  await lead.getByTestId("tab-flips").click();
  await expect(lead).toHaveURL(/tab=flips/);
  const fixed = lead.locator('[data-testid="flip-row"][data-kind="fixed"]');
  await expect(fixed.first()).toBeVisible();
  await shot(lead, "dashboards-flips");
  const link = lead.locator('[data-testid="flip-row"] [data-testid="flip-patch"][data-in-lineage="true"]').first();
  const patchId = await link.getAttribute("data-patch");
  await link.click();
  await expect(lead).toHaveURL(new RegExp(`/debugger/patches/${patchId}$`));
  await expect(lead.getByTestId("patch-header")).toBeVisible();
  // Back, the view is as it was left: the URL held it.
  await lead.goBack();
  await expect(lead).toHaveURL(/tab=flips/);
  await expect(lead.getByTestId("pair-sentence").or(lead.getByTestId("flips")).first()).toBeVisible();
  await lead.context().close();
});
