import { expect, test, type Locator, type Page } from "@playwright/test";

const D = "sociology";
const N = 700;
const LAYER = 100;

/** A synthetic structure big enough for the bulk-drawn overview: layers of 100 concepts, each linked to the next layer. */
function structure() {
  const lines: string[] = [];
  for (let i = 0; i < N; i++) lines.push(JSON.stringify({ type: "concept", id: `c${i}`, discipline: D, name: `Large concept ${i}` }));
  let r = 0;
  for (let i = 0; i < N - LAYER; i++) {
    lines.push(JSON.stringify({ type: "relation", id: `r${r++}`, discipline: D, subject: `c${i}`, predicate: "causes", object: `c${i + LAYER}` }));
    if (i % 3 === 0) lines.push(JSON.stringify({ type: "relation", id: `r${r++}`, discipline: D, subject: `c${i}`, predicate: "increases", object: `c${((i + LAYER + 1) % LAYER) + LAYER * (Math.floor(i / LAYER) + 1)}` }));
  }
  return { body: lines.join("\n"), relations: r };
}

const centre = async (l: Locator) => {
  const b = (await l.boundingBox())!;
  return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
};
/** What the page has under a point: a concept's title, "pane", or something else. */
const hitAt = (page: Page, p: { x: number; y: number }) =>
  page.evaluate(([x, y]) => {
    const el = document.elementFromPoint(x, y);
    return el?.closest("[data-concept-id]")?.getAttribute("title") ?? (el?.classList.contains("react-flow__pane") ? "pane" : el?.tagName ?? "none");
  }, [p.x, p.y] as const);

test("a 700-concept overview draws what is not in play in bulk, and still selects, connects and navigates", async ({ page, baseURL }) => {
  test.setTimeout(180_000);
  const origin = new URL(baseURL!).origin;
  const { body, relations } = structure();
  const imported = await page.request.post("/api/knowledge/import", { headers: { origin, "content-type": "application/json" }, data: Buffer.from(body) });
  expect(imported.status(), await imported.text()).toBe(200);

  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`/knowledge?discipline=${D}&view=graph`);
  await page.getByTestId("graph-limit").selectOption("1000");
  await expect(page.locator(`[data-testid="graph-overview"][data-laid-out="${N}"]`)).toBeVisible({ timeout: 60_000 });
  // Every concept is on the canvas, none of them a React Flow node until it is in play.
  await expect(page.getByTestId("graph-node")).toHaveCount(N);
  await expect(page.locator(".react-flow__node")).toHaveCount(0);
  await expect(page.getByTestId("graph-bulk-edges")).toHaveAttribute("data-count", String(relations));
  await page.screenshot({ path: "test-results/screenshots/graph-large-overview.png" });

  // A click on a bulk-drawn relation selects it: find one whose middle is bare canvas.
  await page.getByRole("button", { name: "Zoom In" }).click();
  await page.getByRole("button", { name: "Zoom In" }).click();
  const listed = (await (await page.request.get(`/api/knowledge/relations?discipline=${D}&limit=200`)).json()).items as { subject: { name: string }; object: { name: string }; predicate: string }[];
  let clicked: (typeof listed)[number] | null = null;
  const pane = (await page.locator(".react-flow__pane").boundingBox())!;
  for (const r of listed) {
    const a = page.locator(`[data-testid="graph-node"][title="${r.subject.name}"]`);
    const b = page.locator(`[data-testid="graph-node"][title="${r.object.name}"]`);
    const [p, q] = [await centre(a), await centre(b)];
    const mid = { x: (p.x + q.x) / 2, y: (p.y + q.y) / 2 };
    if (mid.x < pane.x + 60 || mid.x > pane.x + pane.width - 60 || mid.y < pane.y + 60 || mid.y > pane.y + pane.height - 60) continue;
    if ((await hitAt(page, mid)) !== "pane") continue;
    await page.mouse.click(mid.x, mid.y);
    clicked = r;
    break;
  }
  expect(clicked, "a relation with bare canvas at its middle").not.toBeNull();
  await expect(page.getByTestId("graph-inspector")).toContainText(clicked!.subject.name);
  await expect(page.getByTestId("graph-inspector")).toContainText(clicked!.object.name);

  // Zoomed in, a minimap of every disc; a click on it moves the view.
  for (let i = 0; i < 3; i++) await page.getByRole("button", { name: "Zoom In" }).click();
  const minimap = page.getByTestId("graph-minimap");
  await expect(minimap).toBeVisible();
  const before = await page.locator(".react-flow__viewport").getAttribute("style");
  const m = (await minimap.boundingBox())!;
  await page.mouse.click(m.x + 10, m.y + m.height / 2);
  await expect.poll(() => page.locator(".react-flow__viewport").getAttribute("style")).not.toBe(before);
  await page.screenshot({ path: "test-results/screenshots/graph-large-minimap.png" });
  // At the fitted view every disc is in the pane (zoomed in, the one wanted may lie outside it, and
  // the click would land on the canvas and select the nearest line instead).
  await page.getByRole("button", { name: "Fit View" }).click();

  // A click on a disc selects the concept: it becomes a React Flow node, with its relations.
  await page.keyboard.press("Escape");
  const subject = page.locator(`.react-flow__edgelabel-renderer [data-testid="graph-node"][title="${clicked!.subject.name}"]`);
  await subject.click();
  await expect(page.getByTestId("graph-inspector")).toContainText(clicked!.subject.name);
  const node = page.locator(`.react-flow__node[data-id]`).filter({ has: page.locator(`[title="${clicked!.subject.name}"]`) });
  await expect(node).toHaveCount(1);
  // Its relations join React Flow on the next render, not in the same frame as the node.
  await expect.poll(() => page.locator(".react-flow__edge").count()).toBeGreaterThan(0);

  // Drawing a relation from the selected concept's rim onto a bulk-drawn disc.
  const from = await centre(node.locator(".react-flow__handle-right"));
  const candidates = page.locator('.react-flow__edgelabel-renderer [data-testid="graph-node"]');
  const target = await candidates.evaluateAll(
    (els, f) =>
      els
        .map((e) => ({ title: e.getAttribute("title")!, b: e.getBoundingClientRect() }))
        .filter(({ b }) => b.width >= 8)
        .map(({ title, b }) => ({ title, x: b.x + b.width / 2, y: b.y + b.height / 2, d: Math.hypot(b.x + b.width / 2 - f.x, b.y + b.height / 2 - f.y) }))
        .filter((t) => t.d > 60 && document.elementFromPoint(t.x, t.y)?.closest("[data-concept-id]")?.getAttribute("title") === t.title)
        .sort((a, b) => a.d - b.d)[0],
    from,
  );
  expect(await hitAt(page, target)).toBe(target.title);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(target.x, target.y, { steps: 12 });
  await page.mouse.up();
  await expect(page.getByTestId("new-relation")).toBeVisible();
  await page.getByTestId("new-relation-predicate").selectOption("causes");
  await page.getByTestId("new-relation-save").click();
  await expect(page.getByTestId("new-relation")).toHaveCount(0);
  const subjectId = await node.getAttribute("data-id");
  const drawn = async () => ((await (await page.request.get(`/api/knowledge/relations?discipline=${D}&concept=${subjectId}&limit=200`)).json()).items as { subject: { name: string }; object: { name: string } }[]).some((r) => r.subject.name === clicked!.subject.name && r.object.name === target.title);
  await expect.poll(drawn).toBe(true);

});
