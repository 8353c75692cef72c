import { expect, test, type APIRequestContext, type Page } from "@playwright/test";

const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });
const D = "economics";

/** A small hand-curated structure: one chain with something to invert into and a near miss of its answer. */
async function curate(api: APIRequestContext, origin: string) {
  const post = async (path: string, data: object) => {
    const res = await api.post(path, { headers: { origin }, data });
    expect(res.status(), await res.text()).toBe(201);
    return (await res.json()) as { id: string };
  };
  const c: Record<string, string> = {};
  for (const [name, definition] of [
    ["money supply", "The money supply is the total amount of money in an economy."],
    ["inflation rate", "The inflation rate is the yearly rise of the price level."],
    ["purchasing power", "Purchasing power is what a unit of money can buy."],
    ["central bank", "A central bank manages a currency and the money supply."],
    ["purchasing power parity", "Purchasing power parity compares price levels across countries."],
    ["exchange rate", null],
  ] as const) c[name] = (await post("/api/knowledge/concepts", { discipline: D, name, definition })).id;
  const r = async (s: string, p: string, o: string, evidence: string) => (await post("/api/knowledge/relations", { subjectId: c[s], predicate: p, objectId: c[o], evidence })).id;
  const first = await r("money supply", "increases", "inflation rate", "A growing money supply raises the inflation rate.");
  const second = await r("inflation rate", "decreases", "purchasing power", "Inflation erodes the purchasing power of money.");
  await r("central bank", "increases", "money supply", "The central bank expands the money supply.");
  await r("exchange rate", "influences", "purchasing power parity", "Exchange rates move toward purchasing power parity.");
  await post("/api/knowledge/chains", { relationIds: [first, second] });
}

test("a lead builds the benchmark first, reviews and freezes it, builds training data from L1/L2, runs the gate and approves", async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  const origin = new URL(baseURL!).origin;
  await curate(page.request, origin);

  // Tests first: the Tester page builds a benchmark from the chains of economics.
  await page.goto(`/tester?discipline=${D}`);
  await expect(page.getByTestId("build-benchmark")).toBeVisible();
  await page.getByTestId("build-benchmark-start").click();
  await expect(page.getByTestId("build-benchmark-run")).toHaveAttribute("data-status", "SUCCEEDED", { timeout: 60_000 });
  await expect(page.getByTestId("benchmark-summary")).toContainText("draft");
  const item = page.getByTestId("benchmark-item").filter({ hasText: "Money supply increases X1" });
  await item.click();
  const detail = page.getByTestId("item-detail");
  await expect(detail.getByTestId("item-chain")).toContainText("purchasing power");
  for (const op of ["answer", "INVREL", "TRUNC", "NEARMISS"]) await expect(detail.getByTestId("option-operator").filter({ hasText: op })).toHaveCount(1);
  await expect(detail.getByTestId("item-options")).toContainText("central bank"); // INVREL: it increases the start
  await shot(page, "tester-item");

  // An annotator's edit while it is a draft, then the lead freezes it.
  await detail.getByTestId("item-stem").fill("Money supply increases X1, and X1 decreases X2. Which concept is X2?");
  await detail.getByTestId("item-stem-save").click();
  await expect(page.getByTestId("benchmark-item").filter({ hasText: "Which concept is X2?" })).toBeVisible();
  await page.getByTestId("benchmark-freeze").click();
  await expect(page.getByTestId("benchmark-summary")).toContainText("frozen");
  await expect(page.getByTestId("item-detail")).toContainText("This version is frozen");

  // The Builder: a training set of economics from L1/L2, the gate, and approval.
  await page.goto(`/builder?discipline=${D}`);
  await page.getByTestId("set-name").fill("Economics V1");
  await page.getByTestId("build-training-set-start").click();
  await expect(page.getByTestId("build-training-set-run")).toHaveAttribute("data-status", "SUCCEEDED", { timeout: 60_000 });
  await expect(page.getByTestId("training-set-header")).toContainText(/Economics V1 v\d+/);
  await expect(page.getByTestId("core-report")).toContainText("100%");
  await expect(page.getByTestId("training-instance").first()).toBeVisible();
  await page.getByTestId("gate-run").click();
  await expect(page.getByTestId("gate-result")).toContainText("Passed", { timeout: 60_000 });
  await page.getByTestId("training-set-approve").click();
  await expect(page.getByTestId("training-set-header")).toHaveAttribute("data-status", "APPROVED");
  await shot(page, "builder-approved");

  // The downloads stream what the pages show.
  const list = (await (await page.request.get("/api/training-sets")).json()).items as { id: string; name: string }[];
  const set = list.find((s) => s.name === "Economics V1")!;
  const jsonl = await page.request.get(`/api/training-sets/${set.id}/export?format=openai`);
  expect(jsonl.status()).toBe(200);
  expect(JSON.parse((await jsonl.text()).split("\n")[0])).toEqual({ messages: [expect.objectContaining({ role: "user" }), expect.objectContaining({ role: "assistant" })] });
});
