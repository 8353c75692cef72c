import { expect, test, type Page } from "@playwright/test";
import { extractDiscipline } from "./fixtures/knowledge";

const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/screenshots/${name}.png` });
const EXPERT = { name: "Eve Expert", email: "eve.expert@proda.test", password: "expert password e2e", role: "EXPERT" };
const D = "chemistry";

/** Drags from the source handle of one node to the target handle of another. */
async function connect(page: Page, from: string, to: string) {
  const source = page.getByTestId("graph-node").filter({ hasText: from }).locator(".react-flow__handle-right");
  const target = page.getByTestId("graph-node").filter({ hasText: to }).locator(".react-flow__handle-left");
  const a = (await source.boundingBox())!;
  const b = (await target.boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 12 });
  await page.mouse.up();
}

test("an expert curates the graph: focus, edit, approve from the queue by keyboard, draw relations, build chains", async ({ page, request, browser, baseURL }) => {
  test.setTimeout(180_000);
  const origin = new URL(baseURL!).origin;
  // The admin creates the expert; the structure of one discipline is extracted.
  expect((await request.post("/api/users", { headers: { origin }, data: EXPERT })).status()).toBe(201);
  await extractDiscipline(request, origin, D);
  const context = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  const ex = await context.newPage();
  expect((await ex.request.post("/api/session", { headers: { origin }, data: { email: EXPERT.email, password: EXPERT.password } })).status()).toBe(200);
  const api = ex.request;

  // Overview, then search focuses a concept and the inspector shows it.
  await ex.goto(`/knowledge?discipline=${D}&view=graph`);
  await expect(ex.getByTestId("graph-node").first()).toBeVisible();
  await shot(ex, "graph-overview-expert");
  const concept = (await (await api.get(`/api/knowledge/concepts?discipline=${D}&limit=1`)).json()).items[0] as { id: string; name: string };
  await ex.getByTestId("graph-search").fill(concept.name);
  await ex.getByRole("button", { name: "Focus", exact: true }).click();
  await expect(ex.getByTestId("graph-inspector")).toContainText(concept.name);
  await shot(ex, "graph-focus-expert");

  // Edit its definition.
  await ex.getByTestId("concept-definition").fill("Edited in the graph studio by an expert.");
  await expect(ex.getByTestId("concept-name")).toHaveValue(concept.name);
  await ex.getByTestId("concept-save").click();
  await expect.poll(async () => (await (await api.get(`/api/knowledge/concepts/${concept.id}`)).json()).concept.definition).toBe("Edited in the graph studio by an expert.");
  await expect(ex.getByTestId("item-history")).toContainText("updated");
  await shot(ex, "graph-inspector");

  // The review queue: the first draft relation is shown with its evidence; A approves it.
  await ex.getByRole("button", { name: "Back to overview" }).click();
  const approvedBefore = (await (await api.get(`/api/knowledge/relations?discipline=${D}&status=APPROVED&limit=200`)).json()).items.length;
  await ex.getByTestId("mode-queue").click();
  // The queue holds drafts of all three levels; its level filter narrows it to relations.
  await ex.getByTestId("queue-level").selectOption("relation");
  await expect(ex.getByTestId("relation-inspector")).toBeVisible();
  await expect(ex.getByTestId("evidence-mark")).toBeVisible();
  await expect(ex.getByTestId("queue-position")).toHaveText(/Draft 1 of \d+/);
  const approved = async () => (await (await api.get(`/api/knowledge/relations?discipline=${D}&status=APPROVED&limit=200`)).json()).items.length;
  await ex.keyboard.press("a");
  await expect.poll(approved).toBe(approvedBefore + 1);
  // U undoes the last decision; ? lists every shortcut.
  await expect(ex.getByTestId("undo-bar")).toContainText("Approved");
  await shot(ex, "graph-queue-undo");
  await ex.keyboard.press("u");
  await expect.poll(approved).toBe(approvedBefore);
  await expect(ex.getByTestId("undo-bar")).toHaveCount(0);
  await ex.keyboard.press("?");
  await expect(ex.getByTestId("shortcuts-help")).toContainText("undo the last approve or reject");
  await shot(ex, "graph-shortcuts");
  await ex.keyboard.press("Escape");
  await expect(ex.getByTestId("shortcuts-help")).toHaveCount(0);

  // Draw relations by connecting nodes: three new concepts, two relations.
  await ex.getByTestId("mode-inspect").click();
  await ex.keyboard.press("Escape");
  for (const name of ["Alpha reagent", "Beta product", "Gamma residue"]) {
    await ex.getByTestId("new-concept").fill(name);
    await ex.getByRole("button", { name: "Add", exact: true }).click();
    await expect(ex.getByTestId("graph-node").filter({ hasText: name })).toBeVisible();
  }
  await ex.getByRole("button", { name: "Zoom In" }).click();
  for (const [from, to] of [["Alpha reagent", "Beta product"], ["Beta product", "Gamma residue"]]) {
    await ex.getByRole("button", { name: "Fit View" }).click();
    await connect(ex, from, to);
    await ex.getByTestId("new-relation-predicate").selectOption("produces");
    await ex.getByTestId("new-relation-save").click();
    await expect(ex.getByTestId("new-relation")).toHaveCount(0);
  }
  const mine = (await (await api.get(`/api/knowledge/relations?discipline=${D}&predicate=produces&limit=200`)).json()).items.filter((r: { subject: { name: string } }) =>
    ["Alpha reagent", "Beta product"].includes(r.subject.name),
  ) as { id: string; subject: { name: string } }[];
  expect(mine).toHaveLength(2);
  const [ab, bc] = mine[0].subject.name === "Alpha reagent" ? mine : [mine[1], mine[0]];
  // Edges are announced by what they say, not by their ids.
  await expect(ex.locator(`[data-testid="rf__edge-${ab.id}"]`)).toHaveAttribute("aria-label", "Alpha reagent produces Beta product (draft)");

  // A chain whose steps do not link is refused, visibly.
  await ex.getByTestId("mode-compose").click();
  await ex.getByRole("button", { name: "Fit View" }).click();
  await ex.getByTestId(`rf__edge-${bc.id}`).click({ force: true });
  await ex.getByTestId(`rf__edge-${ab.id}`).click({ force: true });
  await expect(ex.getByTestId("chain-problem")).toContainText("Step 2 starts at");
  // The page knows the server would refuse it: Create is disabled, saying why; the server refuses it too.
  await expect(ex.getByTestId("chain-create")).toBeDisabled();
  await expect(ex.getByTestId("chain-create")).toHaveAttribute("title", /Step 2 starts at/);
  const refused = await api.post("/api/knowledge/chains", { headers: { origin }, data: { relationIds: [bc.id, ab.id] } });
  expect(refused.status()).toBe(422);
  expect(await refused.text()).toContain("not reachable");
  await shot(ex, "graph-chain-refused");

  // Reordered, it links and is created as a draft. While one of its steps is rejected (no longer
  // part of the structure), approving it is refused, visibly; once the step is restored it passes.
  await ex.getByRole("button", { name: "Move step 2 up" }).click();
  await expect(ex.getByTestId("chain-problem")).toHaveCount(0);
  await ex.getByTestId("chain-create").click();
  await expect(ex.getByTestId("chain-approve")).toBeVisible();
  const review = (status: string) => api.post("/api/knowledge/review", { headers: { origin }, data: { level: "relation", ids: [bc.id], status } });
  expect((await review("REJECTED")).status()).toBe(200);
  await ex.getByTestId("chain-approve").click();
  await expect(ex.getByTestId("chain-error")).toContainText("step 2 (“Beta product” produces “Gamma residue”) was rejected");
  await shot(ex, "graph-chain-approval-refused");
  expect((await review("DRAFT")).status()).toBe(200);
  await ex.getByTestId("chain-approve").click();
  await expect(ex.getByTestId("graph-chain").filter({ hasText: "Alpha reagent" })).toHaveAttribute("data-status", "APPROVED");

  // Keys act on what is shown: a concept selected, then a chain chosen in the L3 list; the
  // inspector shows the chain, and R rejects the chain, not the concept selected before it.
  await ex.getByTestId("mode-inspect").click();
  await ex.getByRole("button", { name: "Fit View" }).click();
  await ex.getByTestId("graph-node").filter({ hasText: "Gamma residue" }).click();
  await expect(ex.getByTestId("graph-inspector")).toContainText("Gamma residue");
  await ex.getByTestId("graph-chain").filter({ hasText: "Alpha reagent" }).click();
  await expect(ex.getByTestId("chain-inspector")).toContainText("Beta product");
  await ex.keyboard.press("r");
  await expect(ex.getByTestId("graph-chain").filter({ hasText: "Alpha reagent" })).toHaveAttribute("data-status", "REJECTED");
  const gamma = (await (await api.get(`/api/knowledge/concepts?discipline=${D}&q=Gamma%20residue&limit=5`)).json()).items[0] as { status: string };
  expect(gamma.status).toBe("DRAFT");
  await shot(ex, "graph-chain-inspector");

  // The level filter: without L3 the chains list goes away.
  await ex.getByTestId("graph-show-chains").uncheck();
  await expect(ex.getByTestId("graph-chains")).toHaveCount(0);
  await context.close();
});
