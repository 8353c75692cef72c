import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { extractDiscipline, jobSucceeds } from "./fixtures/knowledge";

const SHARED_BIOLOGY = path.resolve("..", "shared", "corpus", "biology");
// Physics: no other spec curates it, so the overview tested here is the shared corpus's own.
const D = "physics";
const SHARED = path.resolve("..", "shared", "corpus", D);

type Box = { x: number; y: number; width: number; height: number };
const overlap = (a: Box, b: Box) => a.x < b.x + b.width - 1 && b.x < a.x + a.width - 1 && a.y < b.y + b.height - 1 && b.y < a.y + a.height - 1;

async function importAndExtract(page: Page, origin: string, dir: string, discipline: string) {
  const form = new FormData();
  for (const name of fs.readdirSync(dir)) form.append("files", new Blob([fs.readFileSync(path.join(dir, name))], { type: "text/plain" }), name);
  form.append("discipline", discipline);
  const imported = await page.request.post("/api/corpus/imports", { headers: { origin }, multipart: form });
  expect(imported.status()).toBe(202);
  await jobSucceeds(page.request, (await imported.json()).id);
  await extractDiscipline(page.request, origin, discipline, 90_000);
}

test("the discipline overview reads at a glance at 1440×900: components side by side, hubs named, no label over another", async ({ page, baseURL }) => {
  test.setTimeout(180_000);
  test.skip(!fs.existsSync(SHARED) || !fs.existsSync(SHARED_BIOLOGY), "needs ../shared/corpus beside the repository");
  const origin = new URL(baseURL!).origin;
  await page.setViewportSize({ width: 1440, height: 900 });
  await importAndExtract(page, origin, SHARED, D);

  await page.goto(`/knowledge?discipline=${D}&view=graph`);
  const overview = page.locator('[data-testid="graph-overview"][data-laid-out]');
  await expect(overview).toBeVisible({ timeout: 30_000 });
  // The hubs: the most connected concepts of the view, by the same subgraph the page draws.
  const answer = await page.request.post("/api/knowledge/subgraph", { headers: { origin }, data: { discipline: D, limit: 300 } });
  // A cached answer goes out gzip-encoded to a client that takes it (scripts/encoded-answers.cjs).
  expect(answer.headers()["content-encoding"]).toBe("gzip");
  const g = (await answer.json()) as {
    concepts: { id: string; name: string }[];
    relations: { subjectId: string; objectId: string }[];
  };
  const degree = new Map<string, number>();
  for (const r of g.relations) for (const id of [r.subjectId, r.objectId]) degree.set(id, (degree.get(id) ?? 0) + 1);
  const hubs = g.concepts.sort((a, b) => (degree.get(b.id) ?? 0) - (degree.get(a.id) ?? 0)).slice(0, 3);

  // The main concepts are named at the default zoom, at a readable size.
  const placed = page.locator('[data-testid="graph-label"][data-placed="true"]');
  await expect.poll(() => placed.count()).toBeGreaterThan(15);
  for (const hub of hubs) {
    const label = page.locator(`[data-id="${hub.id}"] [data-testid="graph-label"]`);
    await expect(label).toHaveAttribute("data-placed", "true");
    expect((await label.boundingBox())!.height).toBeGreaterThanOrEqual(14);
  }
  // No label covers another.
  const boxes = (await placed.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON()))) as Box[];
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) expect(overlap(boxes[i], boxes[j]), `labels ${i} and ${j}`).toBe(false);
  // Not a strip: the concepts spread over a landscape picture.
  const discs = (await page.getByTestId("graph-node").evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON()))) as Box[];
  const width = Math.max(...discs.map((b) => b.x + b.width)) - Math.min(...discs.map((b) => b.x));
  const height = Math.max(...discs.map((b) => b.y + b.height)) - Math.min(...discs.map((b) => b.y));
  expect(width / height).toBeGreaterThan(1);
  // Clusters are named after their hubs; the minimap stays away until there is something to navigate.
  await expect(page.getByTestId("cluster-legend").getByRole("button").first()).toBeVisible();
  await expect(page.locator(".react-flow__minimap")).toHaveCount(0);
  await page.screenshot({ path: "test-results/screenshots/graph-overview-physics.png" });
  await page.getByTestId("cluster-legend").getByRole("button").first().click();
  await page.screenshot({ path: "test-results/screenshots/graph-overview-cluster.png" });
  for (let i = 0; i < 4; i++) await page.getByRole("button", { name: "Zoom In" }).click();
  await expect(page.locator(".react-flow__minimap")).toBeVisible();

  // The Biology overview of the shared corpus, for the record.
  await importAndExtract(page, origin, SHARED_BIOLOGY, "biology");
  await page.goto(`/knowledge?discipline=biology&view=graph`);
  await expect(page.locator('[data-testid="graph-overview"][data-laid-out]')).toBeVisible({ timeout: 30_000 });
  await expect.poll(() => placed.count()).toBeGreaterThan(15);
  await page.screenshot({ path: "test-results/screenshots/graph-overview-biology.png" });
});
