/**
 * API latency under load: the production studio (`npm start`) on the shared corpus, imported
 * and extracted with the local engine, probed by a load generator on the same machine with a
 * viewer's API token. For each scenario and concurrency, N clients send requests back to back
 * (keep-alive) for a fixed time; meanwhile a prober times `/api/health` every 100 ms.
 *
 *   npx tsx bench/api-latency.ts [--home DIR] [--seconds 10] [--warmup 2] [--concurrency 10,50] [--read-cache on|off] [--scenarios a,b] [--port 3177] [--identity]
 *
 * `--read-cache off` measures every request reaching the database (the web server's
 * read-through caches off). The "distinct searches" scenario sends term pairs that mostly
 * miss the cache even when it is on.
 *
 * With --home, the workspace is kept there and reused by the next run (import and extraction
 * are skipped when it already holds the corpus), so before/after figures use the same data.
 * A home made by bench/paper-scale/generate.ts is used as it is: its search terms and subgraph
 * seeds (bench-workspace.json) replace the corpus's, and a "subgraph around a concept" scenario
 * cycles through the seeds. `--scenarios search,subgraph` runs only the scenarios whose names
 * start with one of these words. Requests say `Accept-Encoding: gzip`, as a browser's do, and
 * the load generator reads the bytes as sent, without decoding them (as wrk and autocannon do);
 * `--identity` asks for answers uncompressed. At the end, the peak memory (VmHWM) of the
 * studio's processes, its Postgres and this process.
 * Record the figures in bench/RESULTS.md.
 */
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { cpuSeconds, memoryReport, postgresReport, postmasterOf, processTree } from "./paper-scale/memory";

const root = fileURLToPath(new URL("..", import.meta.url));
const corpus = path.resolve(root, "../shared/corpus");
const { values: args } = parseArgs({
  options: { home: { type: "string" }, seconds: { type: "string", default: "10" }, concurrency: { type: "string", default: "10,50" }, port: { type: "string", default: "3177" }, "read-cache": { type: "string", default: "on" }, scenarios: { type: "string" }, warmup: { type: "string", default: "2" }, identity: { type: "boolean", default: false } },
});
const seconds = Number(args.seconds);
const levels = args.concurrency!.split(",").map(Number);
const base = `http://127.0.0.1:${args.port}`;
const home = args.home ? path.resolve(args.home) : fs.mkdtempSync(path.join(os.tmpdir(), "proda-bench-latency-"));
fs.mkdirSync(home, { recursive: true });
const env = { ...process.env, PRODA_HOME: home, PORT: args.port, DATABASE_URL: "", PRODA_READ_CACHE: args["read-cache"] };

/** Varied terms across the disciplines, single words and phrases, so no one plan or cache page wins. */
const TERMS = [
  "cell", "energy", "market", "photosynthesis", "force", "democracy", "protein", "equilibrium", "population", "velocity",
  "culture", "enzyme", "acid", "star", "probability", "inflation", "memory", "gene", "temperature", "law",
  "cell membrane", "kinetic energy", "supply and demand", "natural selection", "social class", "chemical bond",
  "nervous system", "standard deviation", "electric field", "immune response", "government", "ethics", "tissue", "light",
];

const studio = spawn("npm", ["start"], { cwd: root, env, stdio: ["ignore", "ignore", "inherit"], detached: true });
const stop = () => {
  try {
    process.kill(-studio.pid!, "SIGTERM");
  } catch {}
};
process.on("SIGINT", () => (stop(), process.exit(130)));

const proda = (...argv: string[]) =>
  JSON.parse(execFileSync(process.execPath, [path.join(root, "bin/proda.js"), ...argv, "--json"], { cwd: root, env, maxBuffer: 256 << 20, stdio: ["ignore", "pipe", "inherit"] }).toString());

async function waitForStudio() {
  for (let i = 0; i < 600; i++) {
    if (studio.exitCode !== null) throw new Error(`the studio exited (${studio.exitCode}) before answering`);
    if (await fetch(`${base}/api/health`).then((r) => r.ok).catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error("the studio did not start within 10 minutes");
}

async function viewerToken(): Promise<string> {
  const saved = path.join(home, "bench-viewer-token");
  if (fs.existsSync(saved)) return fs.readFileSync(saved, "utf8").trim();
  const json = { origin: base, "content-type": "application/json" };
  const setup = await fetch(`${base}/api/setup`, { method: "POST", headers: json, body: JSON.stringify({ name: "Bench", email: "bench@proda.test", password: "bench password 1" }) });
  if (!setup.ok) throw new Error(`setup: ${setup.status} ${await setup.text()}`);
  const owner = setup.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const invited = await fetch(`${base}/api/invitations`, { method: "POST", headers: { ...json, cookie: owner }, body: JSON.stringify({ email: "viewer@proda.test", role: "VIEWER" }) });
  const { path: link } = (await invited.json()) as { path: string };
  const accepted = await fetch(`${base}/api/invitations/accept`, {
    method: "POST", headers: json, body: JSON.stringify({ token: link.split("/").pop(), name: "Viewer", password: "viewer password 1" }),
  });
  const viewer = accepted.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const created = await fetch(`${base}/api/account/tokens`, { method: "POST", headers: { ...json, cookie: viewer }, body: JSON.stringify({ name: "bench" }) });
  const { token } = (await created.json()) as { token: string };
  fs.writeFileSync(saved, token);
  return token;
}

type Scenario = { name: string; request: (i: number) => [string, RequestInit] };

/**
 * One request on a keep-alive connection of node:http, the body read and dropped: the load
 * generator shares the studio's cores, and fetch (undici's web streams) spends about three times
 * the CPU a request, which the studio then lacks (the table's last column shows what is left).
 */
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
const encoding = args.identity ? {} : { "accept-encoding": "gzip, deflate, br" };
function send(url: string, init: RequestInit): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { agent, method: init.method ?? "GET", headers: { ...encoding, ...(init.headers as Record<string, string>) } }, (res) => {
      res.on("data", () => {});
      res.on("end", () => resolve(res.statusCode ?? 0));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(init.body as string | undefined);
  });
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))];

async function load(s: Scenario, clients: number, durationMs: number) {
  const latencies: number[] = [];
  let errors = 0;
  let n = 0;
  const until = performance.now() + durationMs;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < until) {
        const [url, init] = s.request(n++);
        const t = performance.now();
        try {
          const status = await send(url, init);
          if (status < 200 || status >= 300) errors++;
        } catch {
          errors++; // a refused or dropped connection counts, and the client goes on
        }
        latencies.push(performance.now() - t);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  return { requests: latencies.length, errors, rps: latencies.length / (durationMs / 1000), p50: quantile(latencies, 0.5), p95: quantile(latencies, 0.95), p99: quantile(latencies, 0.99) };
}

/** Times /api/health every 100 ms while `during` runs. */
async function probeHealth<T>(during: Promise<T>): Promise<[T, number[]]> {
  const times: number[] = [];
  let done = false;
  const prober = (async () => {
    while (!done) {
      const t = performance.now();
      await send(`${base}/api/health`, {});
      times.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  const result = await during;
  done = true;
  await prober;
  return [result, times.sort((a, b) => a - b)];
}

try {
  await waitForStudio();
  const token = await viewerToken();
  const generated = path.join(home, "bench-workspace.json");
  const paperScale = fs.existsSync(generated) ? (JSON.parse(fs.readFileSync(generated, "utf8")) as { terms: string[]; subgraphSeeds: string[] }) : null;
  if (paperScale) TERMS.splice(0, TERMS.length, ...paperScale.terms);
  const marker = paperScale ? generated : path.join(home, "bench-corpus-extracted.json");
  if (!fs.existsSync(marker)) {
    console.log("importing and extracting the shared corpus (local engine)...");
    const imported = proda("import", corpus);
    const extracted = proda("extract");
    fs.writeFileSync(marker, JSON.stringify({ documents: imported.documents, concepts: extracted.concepts, relations: extracted.relations, chains: extracted.chains }));
  }
  const w = JSON.parse(fs.readFileSync(marker, "utf8"));
  console.log(`workspace: ${w.documents} documents imported, ${w.concepts} concepts, ${w.relations} relations, ${w.chains} chains`);
  const auth = { authorization: `Bearer ${token}` };
  const all: Scenario[] = [
    { name: "health (one query, no auth)", request: () => [`${base}/api/health`, {}] },
    { name: "search", request: (i) => [`${base}/api/knowledge/search?q=${encodeURIComponent(TERMS[i % TERMS.length])}`, { headers: auth }] },
    {
      name: "distinct searches (term pairs, mostly uncached)",
      request: (i) => [`${base}/api/knowledge/search?q=${encodeURIComponent(`${TERMS[i % TERMS.length]} ${TERMS[Math.floor(i / TERMS.length) % TERMS.length]}`)}&limit=${1 + (i % 20)}`, { headers: auth }],
    },
    {
      name: "biology subgraph",
      request: () => [`${base}/api/knowledge/subgraph`, { method: "POST", headers: { ...auth, "content-type": "application/json" }, body: JSON.stringify({ discipline: "biology" }) }],
    },
  ];
  const seeds = paperScale?.subgraphSeeds ?? [];
  if (seeds.length) {
    all.push({
      name: `subgraph around a concept (depth 2, ${seeds.length} seeds in turn)`,
      request: (i) => [`${base}/api/knowledge/subgraph`, { method: "POST", headers: { ...auth, "content-type": "application/json" }, body: JSON.stringify({ focus: [seeds[i % seeds.length]], depth: 2 }) }],
    });
  }
  const only = args.scenarios?.split(",");
  const scenarios = only ? all.filter((s) => only.some((o) => s.name.startsWith(o))) : all;
  for (const s of all.filter((s) => s.name.includes("subgraph"))) {
    const t = performance.now();
    const sample = await (await fetch(...s.request(0))).json();
    console.log(`${s.name}: ${sample.concepts.length} concepts, ${sample.relations.length} relations, ${sample.chains.length} chains (first answer ${(performance.now() - t).toFixed(0)} ms)`);
  }
  // CPU of the studio (web server, worker) and of Postgres per request: steadier than wall time on shared cores.
  const postmaster = postmasterOf(home);
  // and of this process, the load generator, which shares the cores: what it spends is not the studio's to serve
  const ownCpu = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1e6;
  };
  /** CPU seconds so far of [the studio, its Postgres, the load generator]. */
  const cpuNow = () => [cpuSeconds(processTree(studio.pid!)), postmaster ? cpuSeconds(processTree(postmaster)) : 0, ownCpu()];
  console.log("| scenario | concurrency | requests/s | p50 ms | p95 ms | p99 ms | errors | /api/health p50 / max ms | CPU ms/request: studio + Postgres (+ load generator) |");
  console.log("|---|---:|---:|---:|---:|---:|---:|---|---:|");
  for (const s of scenarios) {
    await load(s, 10, Number(args.warmup) * 1000); // warm-up: compiled routes, prepared plans, pools (and the read caches: --warmup seconds)
    for (const c of levels) {
      const cpu0 = cpuNow();
      const [r, health] = await probeHealth(load(s, c, seconds * 1000));
      const [studioCpu, postgresCpu, ownCpuUsed] = cpuNow().map((x, k) => x - cpu0[k]);
      const f = (x: number) => x.toFixed(0);
      const perRequest = (used: number) => ((1000 * used) / (r.requests + health.length)).toFixed(1);
      console.log(`| ${s.name} | ${c} | ${f(r.rps)} | ${f(r.p50)} | ${f(r.p95)} | ${f(r.p99)} | ${r.errors} | ${f(quantile(health, 0.5))} / ${f(health[health.length - 1])} | ${perRequest(studioCpu)} + ${perRequest(postgresCpu)} (+ ${perRequest(ownCpuUsed)}) |`);
    }
  }
  console.log("peak memory (VmHWM) of the studio's processes:");
  for (const line of memoryReport(studio.pid!)) console.log(`  ${line}`);
  console.log(`  ${postgresReport(home)}`);
  console.log(`  this process (load generator): ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB peak`);
} finally {
  stop();
  await new Promise((r) => setTimeout(r, 5000));
  if (!args.home) fs.rmSync(home, { recursive: true, force: true });
}
