// `npm start` (production build) and `npm run dev`: database, migrations, demo workspace,
// then the web server and a worker side by side, stopped together on Ctrl-C.
import fs from "node:fs";
import path from "node:path";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import { openDatabase } from "@/lib/server/database";
import { db, disconnectDb } from "@/lib/server/db";
import { prodaHome } from "@/lib/server/proda-home";
import { acquireEmbeddedPostgres, type EmbeddedLease } from "@/lib/server/embedded-postgres";
import { ensureDemoWorkspace } from "@/prisma/seed/demo-workspace";

const dev = process.argv.includes("--dev");
const port = process.env.PORT ?? "3000";
const host = process.env.HOST ?? "127.0.0.1";
const bin = (name: string) => path.resolve("node_modules/.bin", name);
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const webProcesses = dev ? 1 : webProcessCount();

let database = await openDatabase();
console.log(`[proda] database: ${database.embedded ? `embedded Postgres in ${prodaHome()}` : "DATABASE_URL"} (migrations applied)`);
if ((await ensureDemoWorkspace(db())) === "seeded") console.log("[proda] demo workspace seeded: 16 disciplines and the sample corpus");
await disconnectDb();

if (!dev && needsBuild()) {
  console.log("[proda] building the studio (first start or sources changed)...");
  const build = spawnSync(bin("next"), ["build"], { stdio: "inherit", env: { ...env, DATABASE_URL: database.url } });
  if (build.status !== 0) {
    await database.release();
    process.exit(build.status ?? 1);
  }
}

const children = new Set<ChildProcess>();
let stopping = false;
const preload = path.resolve("scripts/exit-with-parent.cjs");

/**
 * Starts a child (through node with the preload that ends it when we die, so it is never left
 * holding the port). The worker is restarted when it exits, waiting longer after each crash in a
 * row (its database may be gone); the web server's exit stops everything.
 */
function launch(name: string, nodeArgs: string[], restart: boolean, crashes = 0, extraEnv: Record<string, string> = {}) {
  const child = spawn(process.execPath, ["--require", preload, ...nodeArgs], { stdio: "inherit", env: { ...env, DATABASE_URL: database.url, PORT: port, ...extraEnv } });
  const started = Date.now();
  children.add(child);
  child.on("exit", (code, signal) => {
    children.delete(child);
    if (stopping) return;
    if (restart) {
      // A worker that ran a while was healthy: its next crash starts the backoff again.
      const row = Date.now() - started > 60_000 ? 0 : crashes + 1;
      const delay = Math.min(30_000, 1000 * 2 ** Math.max(0, row - 1));
      console.error(`[proda] ${name} exited (${signal ?? code}); restarting it in ${Math.round(delay / 1000)} s`);
      setTimeout(() => !stopping && launch(name, nodeArgs, restart, row, extraEnv), delay);
    } else {
      console.error(`[proda] ${name} exited (${signal ?? code}); stopping`);
      void shutdown(code ?? 1);
    }
  });
}

// The worker runs in node with the tsx loader, the web server as next's own script: no shell
// wrapper between us and them, so signals reach them directly.
launch("worker", dev ? [scriptOf("tsx/cli"), "watch", "workers/main.ts"] : ["--import", "tsx", "workers/main.ts"], true);
const next = [scriptOf("next/dist/bin/next"), dev ? "dev" : "start", "-p", port, "-H", host];
// The production server also takes the preload that lets cached answers go out gzip-encoded.
const web = [...(dev ? [] : ["--require", path.resolve("scripts/encoded-answers.cjs")]), ...(webProcesses > 1 ? [path.resolve("scripts/web-cluster.cjs"), String(webProcesses)] : []), ...next];
launch("web", web, false, 0, { PRODA_READ_CACHE: process.env.PRODA_READ_CACHE ?? "on" });
console.log(`[proda] ProDa Studio on http://${host === "0.0.0.0" ? "localhost" : host}:${port}`);

// The embedded database is ours to keep running: if it goes away (killed, crashed) it is started
// again on the same port, and the web server and worker reconnect to it; if it cannot be, everything
// stops with the reason, and nothing is left holding the port.
watchDatabase(database.lease);
function watchDatabase(lease: EmbeddedLease | null) {
  lease?.onLost(async (error) => {
    if (stopping) return;
    console.error(`[proda] the database went away (${error.message}); starting it again`);
    for (let attempt = 1; attempt <= 5 && !stopping; attempt++) {
      try {
        await lease.release().catch(() => {});
        const again = await acquireEmbeddedPostgres(prodaHome(), { preferredPort: lease.record.port });
        if (again.record.port !== lease.record.port) {
          await again.release();
          throw new Error(`port ${lease.record.port} is taken`);
        }
        database = { ...database, lease: again, release: () => again.release() };
        console.log(`[proda] the database is back on port ${again.record.port}`);
        watchDatabase(again);
        return;
      } catch (e) {
        console.error(`[proda] restarting the database failed (attempt ${attempt} of 5): ${e instanceof Error ? e.message : String(e)}`);
        await new Promise((r) => setTimeout(r, 2000 * attempt));
      }
    }
    console.error("[proda] the database could not be started again: stopping the studio");
    void shutdown(1);
  });
}

// A fault of our own must not leave the children running without us.
process.on("uncaughtException", (e) => {
  console.error(`[proda] unexpected error: ${e.stack ?? e.message}`);
  void shutdown(1);
});
process.on("unhandledRejection", (e) => {
  console.error(`[proda] unexpected error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  void shutdown(1);
});

async function shutdown(code = 0) {
  if (stopping) return;
  stopping = true;
  console.log("[proda] stopping the web server and the worker...");
  for (const c of children) c.kill("SIGTERM");
  const deadline = Date.now() + 15_000;
  while (children.size && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  for (const c of children) c.kill("SIGKILL");
  await database.release().catch(() => {});
  console.log("[proda] stopped");
  process.exit(code);
}
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));

/** PRODA_WEB_PROCESSES: web server processes on the port (1 by default; each serves on one core). */
function webProcessCount(): number {
  const raw = process.env.PRODA_WEB_PROCESSES ?? "1";
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 64) {
    console.error(`[proda] PRODA_WEB_PROCESSES must be a whole number from 1 to 64, not "${raw}"`);
    process.exit(2);
  }
  return n;
}

/** A package's entry script, run by this node (not the .bin wrapper), so the preload applies. */
function scriptOf(specifier: string): string {
  return createRequire(import.meta.url).resolve(specifier);
}

/** A production build is made on the first start and again when a source is newer than it. */
function needsBuild(): boolean {
  const stamp = ".next/BUILD_ID";
  if (!fs.existsSync(stamp)) return true;
  const built = fs.statSync(stamp).mtimeMs;
  const newer = (p: string): boolean => {
    if (!fs.existsSync(p)) return false;
    const st = fs.statSync(p);
    if (!st.isDirectory()) return st.mtimeMs > built;
    return fs.readdirSync(p).some((f) => f !== "generated" && newer(path.join(p, f)));
  };
  return ["app", "components", "lib", "public", "next.config.ts", "proxy.ts", "instrumentation.ts", "package-lock.json"].some(newer);
}
