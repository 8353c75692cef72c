import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";

const shot = (page: import("@playwright/test").Page, name: string) => page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });

test("an expert extracts a discipline from the Knowledge page, sees the gate at 100% and searches the evidence", async ({ page }) => {
  await page.goto("/knowledge?discipline=biology");
  await expect(page.getByTestId("knowledge-row")).toHaveCount(1);
  await page.getByTestId("extract-start").click();
  await expect(page.getByTestId("extract-run")).toHaveAttribute("data-status", "SUCCEEDED", { timeout: 60_000 });
  await expect(page.getByTestId("extract-result")).toContainText("extracted");
  await expect(page.getByTestId("reachability")).toContainText("100%");
  const row = page.getByTestId("knowledge-row");
  await expect(row).not.toContainText(/^Biology\s*0\s*\/ /);
  await page.getByLabel("Search knowledge").fill("energy");
  await expect(page.getByTestId("search-relation").first()).toBeVisible();
  await shot(page, "knowledge");

  // The vocabulary is editable, but a predicate relations still use cannot be removed.
  const vocabulary = page.getByTestId("vocabulary-card");
  const used = (await page.request.get("/api/knowledge/relations?discipline=biology&limit=1").then((r) => r.json())).items[0].predicate as string;
  await vocabulary.getByRole("button", { name: `Remove ${used}` }).click();
  await vocabulary.getByTestId("vocabulary-save").click();
  await expect(vocabulary).toContainText(`Relations still use ${used}`);
  await page.reload();
  await vocabulary.getByRole("button", { name: "Add predicate" }).click();
  await vocabulary.getByLabel("Predicate name").last().fill("evolves_into");
  await vocabulary.getByLabel("Phrase", { exact: true }).last().fill("evolves into");
  await vocabulary.getByLabel("Inverse phrase").last().fill("evolved from");
  await vocabulary.getByTestId("vocabulary-save").click();
  await expect
    .poll(async () => (await page.request.get("/api/knowledge/vocabulary?discipline=biology").then((r) => r.json())).items.map((p: { name: string }) => p.name))
    .toContain("evolves_into");
  await expect(vocabulary.getByTestId("vocabulary-save")).toBeDisabled();

  // The graph: the discipline overview, then a concept found by search in focus, with its inspector.
  await page.goto("/knowledge?discipline=biology&view=graph");
  await expect(page.getByTestId("graph-node").first()).toBeVisible();
  await shot(page, "graph-overview");
  await page.getByTestId("graph-search").fill("photosynthesis");
  await page.getByRole("button", { name: "Focus", exact: true }).click();
  await expect(page.getByTestId("graph-inspector")).toContainText("Photosynthesis");
  await expect(page.getByTestId("graph-inspector")).toContainText("metabolic process");
  await expect(page.getByTestId("graph-node").filter({ hasText: "metabolic process" })).toBeVisible();
  await shot(page, "graph-focus");

  // Search is not a dead end: a result names its discipline and opens in the graph and the inspector.
  await page.goto("/knowledge?discipline=biology");
  await page.getByLabel("Search knowledge").fill("energy");
  const hit = page.getByTestId("search-relation").first();
  await expect(hit).toContainText("Biology");
  const triple = (await hit.locator("span.font-medium").allTextContents()).slice(0, 2);
  await hit.getByTestId("search-open").click();
  await expect(page).toHaveURL(/view=graph&focus=[^&]+&select=relation%3A/);
  await expect(page.getByTestId("relation-inspector")).toContainText(triple[0]);
  await expect(page.getByTestId("relation-inspector")).toContainText(triple[1]);
  await shot(page, "search-opened-in-graph");

  // The export is JSONL, one object per line.
  const res = await page.request.get("/api/knowledge/export?discipline=biology");
  const lines = (await res.text()).trim().split("\n").map((l) => JSON.parse(l));
  expect(new Set(lines.map((l) => l.type))).toEqual(new Set(["concept", "relation", "chain"]));
});

test("an admin adds an endpoint, tests the connection, and its key never reaches the browser", async ({ page, baseURL }) => {
  // A scripted OpenAI-compatible endpoint on 127.0.0.1.
  let authorization = "";
  const server = http.createServer((req, res) => {
    authorization = req.headers.authorization ?? "";
    req.resume();
    req.on("end", () => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ id: "x", object: "chat.completion", created: 0, model: "scripted", choices: [{ index: 0, finish_reason: "stop", message: { role: "assistant", content: "ok" } }], usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 } }));
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as AddressInfo).port;
  try {
    await page.goto("/admin/settings");
    await expect(page.getByTestId("endpoints-card")).toBeVisible();
    await page.getByTestId("endpoint-add").click();
    const form = page.getByTestId("endpoint-form");
    await form.getByLabel("Name").fill("scripted");
    await form.getByLabel("Base URL").fill(`http://127.0.0.1:${port}/v1`);
    await form.getByLabel("Model").fill("scripted-model");
    await form.getByLabel("API key").fill("sk-e2e-very-secret");
    await page.getByTestId("endpoint-save").click();
    const row = page.getByTestId("endpoint-row").filter({ hasText: "scripted" });
    await expect(row).toContainText("set");
    await row.getByTestId("endpoint-test").click();
    await expect(row).toContainText("OK");
    // The server decrypted the stored key and sent it to the endpoint, and only there.
    expect(authorization).toBe("Bearer sk-e2e-very-secret");
    await shot(page, "settings-endpoints");
    expect(await page.content()).not.toContain("sk-e2e-very-secret");
    const api = await page.request.get("/api/endpoints");
    expect(await api.text()).not.toContain("sk-e2e-very-secret");
    expect(new URL(baseURL!).hostname).toBe("127.0.0.1");
  } finally {
    server.close();
  }
});
