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
    ["central bank", "A central bank manages a currency and the money supply."],
    ["monetary policy", "Monetary policy is what a central bank does to the money supply and interest rates."],
    ["economic policy", "An economic policy is a course of action a government takes on the economy."],
    ["public policy", "Public policy is what governments choose to do or not to do."],
    ["social policy", "Social policy is government action on welfare and social protection."],
    ["government", null],
    ["exchange rate", null],
    ["purchasing power parity", "Purchasing power parity compares price levels across countries."],
  ] as const) c[name] = (await post("/api/knowledge/concepts", { discipline: D, name, definition })).id;
  const r = async (s: string, p: string, o: string, evidence: string) => (await post("/api/knowledge/relations", { subjectId: c[s], predicate: p, objectId: c[o], evidence })).id;
  // A chain across families: what the central bank makes, then what kind of thing that is.
  const first = await r("central bank", "produces", "monetary policy", "The central bank sets monetary policy.");
  const second = await r("monetary policy", "is_a", "economic policy", "Monetary policy is one kind of economic policy.");
  await r("economic policy", "is_a", "public policy", "Economic policy is a public policy.");
  await r("social policy", "is_a", "public policy", "Social policy is a public policy too.");
  await r("government", "produces", "central bank", "Governments create central banks.");
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
  // The checks and the answer bias are in the statistics.
  await expect(page.getByTestId("benchmark-checks")).toContainText("Rejected by the checks");
  await expect(page.getByTestId("answer-bias")).toContainText("Measured once the version has 20 items");
  const item = page.getByTestId("benchmark-item").filter({ hasText: "Central bank produces something that is a kind of which of the following?" });
  await item.click();
  const detail = page.getByTestId("item-detail");
  await expect(detail.getByTestId("item-chain")).toContainText("economic policy");
  for (const op of ["answer", "INVREL", "TRUNC", "NEARMISS"]) await expect(detail.getByTestId("option-operator").filter({ hasText: op })).toHaveCount(1);
  await expect(detail.getByTestId("item-options")).toContainText("government"); // INVREL: it produces the start
  await expect(detail.getByTestId("item-options")).toContainText("social policy"); // NEARMISS: the answer's sibling
  await expect(detail.getByTestId("item-options")).not.toContainText("public policy"); // also right: never offered
  await shot(page, "tester-item");

  // An annotator's edit while it is a draft, then the lead freezes it.
  await detail.getByTestId("item-stem").fill("The central bank makes X, and X is a kind of Y. Which concept is Y?");
  await detail.getByTestId("item-stem-save").click();
  await expect(page.getByTestId("benchmark-item").filter({ hasText: "Which concept is Y?" })).toBeVisible();
  // A reviewer rejects the item: it leaves the counts at once, in the versions list as in the
  // summary (the list once said "201 items" of a version holding 200 and 1 rejected); restored, it is back.
  const counted = page.getByTestId("benchmark-items");
  const version = page.getByTestId("benchmark-version").first();
  await detail.getByTestId("item-reject").click();
  await expect(counted).toContainText("1 rejected");
  await expect(version).toContainText("0 items");
  await detail.getByTestId("item-restore").click();
  await expect(counted).not.toContainText("rejected");
  await expect(version).toContainText("1 item");
  // Freezing asks first and says what follows; Cancel changes nothing.
  await page.getByTestId("benchmark-freeze").click();
  await expect(page.getByTestId("confirm-dialog")).toContainText("can no longer be edited");
  await shot(page, "tester-freeze-confirm");
  await page.getByTestId("confirm-cancel").click();
  await expect(page.getByTestId("confirm-dialog")).toHaveCount(0);
  await expect(page.getByTestId("benchmark-summary")).not.toContainText("frozen");
  await page.getByTestId("benchmark-freeze").click();
  await page.getByTestId("confirm-ok").click();
  await expect(page.getByTestId("benchmark-summary")).toContainText("frozen");
  await expect(page.getByTestId("item-detail")).toContainText("This version is frozen");
  await expect(version).toContainText("1 item");

  // The Builder: a training set of economics from L1/L2, the gate, and approval.
  await page.goto(`/builder?discipline=${D}`);
  await page.getByTestId("set-name").fill("Economics V1");
  await page.getByTestId("build-training-set-start").click();
  await expect(page.getByTestId("build-training-set-run")).toHaveAttribute("data-status", "SUCCEEDED", { timeout: 60_000 });
  await expect(page.getByTestId("training-set-header")).toContainText(/Economics V1 v\d+/);
  await expect(page.getByTestId("core-report")).toContainText("100%");
  await expect(page.getByTestId("training-instance").first()).toBeVisible();
  // Approval the server would refuse is disabled, with the reason, until the gate has run.
  await expect(page.getByTestId("training-set-approve")).toBeDisabled();
  await expect(page.getByTestId("approve-blocked")).toContainText("Run the orthogonality gate");
  await page.getByTestId("gate-run").click();
  await expect(page.getByTestId("gate-result")).toContainText("Passed", { timeout: 60_000 });
  await expect(page.getByTestId("training-set-approve")).toBeEnabled();
  await expect(page.getByTestId("approve-blocked")).toHaveCount(0);
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
