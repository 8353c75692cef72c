/**
 * Graph studio at scale: starts the studio on a fresh PRODA_HOME, imports a synthetic structure
 * of 2,000 concepts and 2,400 relations, opens the graph with the top 2,000 concepts in headless
 * Chromium, and measures the layout time and the frame rate while panning and zooming. A
 * screenshot of the overview goes to bench/out/graph-2000-overview.png.
 *
 *   npx tsx bench/graph-fps.ts
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium } from "@playwright/test";

const PORT = 3188;
const base = `http://127.0.0.1:${PORT}`;
const home = fs.mkdtempSync(path.join(os.tmpdir(), "proda-bench-graph-"));
const studio = spawn("npm", ["start"], { env: { ...process.env, PORT: String(PORT), PRODA_HOME: home }, stdio: "ignore", detached: true });
const stop = () => {
  try {
    process.kill(-studio.pid!, "SIGTERM");
  } catch {}
};

try {
  for (let i = 0; ; i++) {
    if (i > 300) throw new Error("the studio did not start");
    if (await fetch(`${base}/api/health`).then((r) => r.ok).catch(() => false)) break;
    await new Promise((r) => setTimeout(r, 1000));
  }
  const headers = { origin: base, "content-type": "application/json" };
  const setup = await fetch(`${base}/api/setup`, { method: "POST", headers, body: JSON.stringify({ name: "Bench", email: "bench@proda.test", password: "bench password 1" }) });
  const cookie = setup.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");

  // 2,000 concepts in layers of 200, each linked to one or two concepts of the next layer.
  const lines: string[] = [];
  const N = 2000;
  for (let i = 0; i < N; i++) lines.push(JSON.stringify({ type: "concept", id: `c${i}`, discipline: "physics", name: `Bench concept ${i}` }));
  let r = 0;
  for (let i = 0; i < N - 200; i++) {
    lines.push(JSON.stringify({ type: "relation", id: `r${r++}`, discipline: "physics", subject: `c${i}`, predicate: "causes", object: `c${i + 200}` }));
    if (i % 3 === 0) lines.push(JSON.stringify({ type: "relation", id: `r${r++}`, discipline: "physics", subject: `c${i}`, predicate: "increases", object: `c${((i + 201) % 200) + 200 * (Math.floor(i / 200) + 1)}` }));
  }
  const started = performance.now();
  const imported = await fetch(`${base}/api/knowledge/import`, { method: "POST", headers: { ...headers, cookie }, body: lines.join("\n") });
  console.log(`import of ${N} concepts and ${r} relations: ${imported.status}, ${((performance.now() - started) / 1000).toFixed(1)} s`);

  const browser = await chromium.launch({ executablePath: fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined, args: ["--no-sandbox"] });
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  await context.addCookies(cookie.split("; ").map((c) => ({ name: c.split("=")[0], value: c.slice(c.indexOf("=") + 1), url: base })));
  const page = await context.newPage();
  await page.goto(`${base}/knowledge?discipline=physics&view=graph`);
  await page.getByTestId("graph-node").first().waitFor();
  const t0 = performance.now();
  await page.getByTestId("graph-limit").selectOption("2000");
  await page.locator('[data-testid="graph-overview"][data-laid-out="2000"]').waitFor({ timeout: 120_000 });
  await page.locator('[data-testid="graph-label"][data-placed="true"]').first().waitFor({ timeout: 120_000 });
  const workerMs = await page.getByTestId("graph-overview").getAttribute("data-layout-ms");
  // The last subgraph request's duration, as the browser measured it (a string: see below).
  const fetchMs = (await page.evaluate(`performance.getEntriesByType("resource").filter((e) => e.name.includes("/api/knowledge/subgraph")).map((e) => Math.round(e.duration)).pop()`)) as number;
  console.log(`2,000 concepts fetched (${fetchMs} ms), laid out (worker: ${workerMs} ms) and drawn with their labels: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  fs.mkdirSync(path.join("bench", "out"), { recursive: true });
  await page.screenshot({ path: path.join("bench", "out", "graph-2000-overview.png") });

  // Frames per second while dragging the canvas and zooming with the wheel for 4 seconds.
  const box = (await page.locator(".react-flow__pane").boundingBox())!;
  // A string, not a function: tsx would inject helpers the page does not have.
  await page.evaluate(`(() => {
    window.frames_ = [];
    const tick = (t) => { window.frames_.push(t); if (window.frames_.length < 100000) requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  })()`);
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  const until = Date.now() + 4000;
  await page.mouse.move(cx, cy);
  while (Date.now() < until) {
    await page.mouse.down();
    await page.mouse.move(cx + 200, cy + 80, { steps: 10 });
    await page.mouse.move(cx, cy, { steps: 10 });
    await page.mouse.up();
    await page.mouse.wheel(0, -120);
    await page.mouse.wheel(0, 120);
  }
  const frames = (await page.evaluate("window.frames_")) as number[];
  const span = frames[frames.length - 1] - frames[0];
  const gaps = frames.slice(1).map((t, i) => t - frames[i]).sort((a, b) => a - b);
  console.log(
    `pan and zoom: ${((frames.length - 1) / (span / 1000)).toFixed(0)} frames/s, median frame ${gaps[Math.floor(gaps.length / 2)].toFixed(1)} ms, p95 ${gaps[Math.floor(gaps.length * 0.95)].toFixed(1)} ms`,
  );
  await browser.close();
} finally {
  stop();
  await new Promise((r) => setTimeout(r, 8000));
  fs.rmSync(home, { recursive: true, force: true });
}
