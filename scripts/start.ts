// `npm start` (production build) and `npm run dev`: database, migrations, demo workspace,
// then the web server and a worker side by side, stopped together on Ctrl-C.
import fs from "node:fs";
import path from "node:path";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { openDatabase } from "@/lib/server/database";
import { db, disconnectDb } from "@/lib/server/db";
import { prodaHome } from "@/lib/server/proda-home";
import { ensureDemoWorkspace } from "@/prisma/seed/demo-workspace";

const dev = process.argv.includes("--dev");
const port = process.env.PORT ?? "3000";
const host = process.env.HOST ?? "127.0.0.1";
const bin = (name: string) => path.resolve("node_modules/.bin", name);
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

const database = await openDatabase();
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

function launch(name: string, cmd: string, args: string[], restart: boolean) {
  const child = spawn(cmd, args, { stdio: "inherit", env: { ...env, DATABASE_URL: database.url, PORT: port } });
  children.add(child);
  child.on("exit", (code) => {
    children.delete(child);
    if (stopping) return;
    if (restart) {
      console.error(`[proda] ${name} exited (${code}); restarting it`);
      setTimeout(() => launch(name, cmd, args, restart), 1000);
    } else {
      console.error(`[proda] ${name} exited (${code}); stopping`);
      void shutdown(code ?? 1);
    }
  });
}

// The worker runs in plain node with the tsx loader: no wrapper process between us and it, so
// signals reach it directly and it is never orphaned.
launch("worker", dev ? bin("tsx") : process.execPath, dev ? ["watch", "workers/main.ts"] : ["--import", "tsx", "workers/main.ts"], true);
launch("web", bin("next"), [dev ? "dev" : "start", "-p", port, "-H", host], false);
console.log(`[proda] ProDa Studio on http://${host === "0.0.0.0" ? "localhost" : host}:${port}`);

async function shutdown(code = 0) {
  if (stopping) return;
  stopping = true;
  console.log("[proda] stopping the web server and the worker...");
  for (const c of children) c.kill("SIGTERM");
  const deadline = Date.now() + 15_000;
  while (children.size && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  for (const c of children) c.kill("SIGKILL");
  await database.release();
  console.log("[proda] stopped");
  process.exit(code);
}
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));

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
  return ["app", "components", "lib", "public", "next.config.ts", "package-lock.json"].some(newer);
}
