import { expect, test, type Page } from "@playwright/test";
import { extractDiscipline } from "./fixtures/knowledge";
import type { QueuePage } from "@/lib/domain/knowledge/review-queue";

const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/screenshots/${name}.png` });
const REVIEWER = { name: "Rita Reviewer", email: "rita.reviewer@proda.test", password: "reviewer password e2e", role: "EXPERT" };
// A discipline no other spec curates: the queue's counts are this spec's own.
const D = "microbiology";

test("the review queue leads: progress, next after A, undo, bulk approve, assignment, comments, and items outside the graph brought into it", async ({ request, browser, baseURL }) => {
  test.setTimeout(240_000);
  const origin = new URL(baseURL!).origin;
  expect((await request.post("/api/users", { headers: { origin }, data: REVIEWER })).status()).toBe(201);
  await extractDiscipline(request, origin, D);
  const context = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] }, viewport: { width: 1440, height: 900 } });
  const ex = await context.newPage();
  expect((await ex.request.post("/api/session", { headers: { origin }, data: { email: REVIEWER.email, password: REVIEWER.password } })).status()).toBe(200);
  const api = ex.request;
  const queue = async (query = "") => (await (await api.get(`/api/knowledge/review-queue?discipline=${D}${query}`)).json()) as QueuePage;
  const statusOf = async (level: string, id: string) => {
    const body = await (await api.get(`/api/knowledge/${level}s/${id}`)).json();
    return (body[level] as { status: string }).status;
  };

  const start = await queue();
  const total = start.total;
  expect(total).toBeGreaterThan(10);
  const [a, b, c] = start.items;
  expect([a.level, b.level, c.level]).toEqual(["concept", "concept", "concept"]);

  // Focused on the first draft concept, most of the queue lies outside the drawn graph.
  await ex.goto(`/knowledge?discipline=${D}&view=graph&focus=${a.id}&select=concept:${a.id}`);
  await expect(ex.getByTestId("graph-inspector")).toContainText(a.label);
  const drawn = (await (await api.post("/api/knowledge/subgraph", { headers: { origin }, data: { discipline: D, focus: [a.id], depth: 1, limit: 400 } })).json()) as { concepts: { id: string }[] };
  const outside = start.items.find((i) => i.level === "concept" && !drawn.concepts.some((x) => x.id === i.id))!;
  expect(outside).toBeDefined();
  await expect(ex.getByTestId("graph-node").filter({ hasText: outside.label })).toHaveCount(0);

  // The queue: progress against the server's total, starting where the reviewer is.
  await ex.getByTestId("mode-queue").click();
  await expect(ex.getByTestId("mode-queue")).toHaveText(`Queue (${total})`);
  await expect(ex.getByTestId("queue-position")).toHaveText(`Draft 1 of ${total}`);
  const rows = ex.getByTestId("queue-row");
  const current = ex.locator('[data-testid="queue-row"][aria-current="true"]');
  await expect(current).toHaveAttribute("data-id", a.id);
  await shot(ex, "review-queue-start");

  // Selecting an item outside the drawn graph focuses the graph on it and selects it in the inspector.
  await ex.locator(`[data-testid="queue-row"][data-id="${outside.id}"] button`).click();
  await expect(ex.getByTestId("graph-node").filter({ hasText: outside.label })).toBeVisible();
  await expect(ex.getByTestId("graph-inspector")).toContainText(outside.label);
  await expect(ex.getByTestId("graph-node").filter({ hasText: a.label })).toHaveCount(0);
  await shot(ex, "review-queue-outside-focused");

  // A approves the current item and the queue moves on to the next one; the total drops.
  await rows.first().locator("button").click();
  await expect(current).toHaveAttribute("data-id", a.id);
  await ex.keyboard.press("a");
  await expect.poll(() => statusOf("concept", a.id)).toBe("APPROVED");
  await expect(current).toHaveAttribute("data-id", b.id);
  await expect(ex.getByTestId("queue-position")).toHaveText(`Draft 1 of ${total - 1}`);
  await expect(ex.getByTestId("undo-bar")).toContainText(`Approved “${a.label}”`);
  await shot(ex, "review-queue-after-approve");

  // U undoes it: the item is a draft again, back in the queue and selected.
  await ex.keyboard.press("u");
  await expect.poll(() => statusOf("concept", a.id)).toBe("DRAFT");
  await expect(ex.getByTestId("queue-position")).toHaveText(`Draft 1 of ${total}`);
  await expect(current).toHaveAttribute("data-id", a.id);
  await expect(ex.getByTestId("undo-bar")).toHaveCount(0);

  // Bulk: the first row, then shift-click the third, checks three; Approve 3 decides them at once.
  await rows.nth(0).getByTestId("queue-check").click();
  await rows.nth(2).getByTestId("queue-check").click({ modifiers: ["Shift"] });
  await expect(ex.getByTestId("queue-checked")).toHaveText("3 checked");
  await shot(ex, "review-queue-checked");
  await ex.getByTestId("bulk-approve").click();
  for (const item of [a, b, c]) await expect.poll(() => statusOf("concept", item.id)).toBe("APPROVED");
  await expect(ex.getByTestId("queue-position")).toContainText(`of ${total - 3}`);
  await expect(ex.getByTestId("undo-bar")).toContainText("Approved 3 items");
  expect((await queue()).total).toBe(total - 3);
  // Its undo restores each one.
  await ex.getByTestId("undo").click();
  for (const item of [a, b, c]) await expect.poll(() => statusOf("concept", item.id)).toBe("DRAFT");
  await expect(ex.getByTestId("mode-queue")).toHaveText(`Queue (${total})`);

  // Assignment: J moves to the second row, X checks it, and it is assigned to me; the row says so.
  await rows.first().locator("button").click();
  await ex.keyboard.press("j");
  await expect(current).toHaveAttribute("data-id", b.id);
  await ex.keyboard.press("x");
  await expect(ex.getByTestId("queue-checked")).toHaveText("1 checked");
  await ex.getByTestId("bulk-assign").selectOption({ label: `me (${REVIEWER.name})` });
  await expect(ex.locator(`[data-testid="queue-row"][data-id="${b.id}"]`).getByTestId("queue-assignee")).toHaveText("→ me");
  // "Assigned to me" keeps only it.
  await ex.getByTestId("queue-assignee-filter").selectOption("me");
  await expect(rows).toHaveCount(1);
  await expect(ex.getByTestId("queue-position")).toHaveText("Draft 1 of 1");
  expect((await queue("&assignee=me")).items.map((i) => i.id)).toEqual([b.id]);
  await shot(ex, "review-queue-assigned-to-me");

  // A comment on it: in the inspector's thread with its author, and counted on the queue row.
  await ex.getByTestId("comment-text").fill("Is this the organism or the process? Check the chunk.");
  await ex.getByTestId("comment-add").click();
  await expect(ex.getByTestId("comment")).toHaveCount(1);
  await expect(ex.getByTestId("comment")).toContainText(REVIEWER.name);
  await expect(ex.getByTestId("comment")).toContainText("Is this the organism or the process?");
  await expect(rows.first().getByTestId("queue-comments")).toHaveText("1 comment");
  await shot(ex, "review-queue-comment");

  // The shortcuts overlay lists the new key.
  await ex.getByTestId("queue-position").click();
  await ex.keyboard.press("?");
  await expect(ex.getByTestId("shortcuts-help")).toContainText("check or uncheck the current queue row");
  await shot(ex, "review-queue-shortcuts");
  await ex.keyboard.press("Escape");
  await expect(ex.getByTestId("shortcuts-help")).toHaveCount(0);

  // Every decision is in the audit log.
  const history = (await (await api.get(`/api/knowledge/history?type=concept&id=${b.id}`)).json()) as { items: { action: string }[] };
  expect(history.items.map((h) => h.action)).toEqual(expect.arrayContaining(["knowledge.commented", "knowledge.assigned", "knowledge.reviewed"]));
  await context.close();
});
