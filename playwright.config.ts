import { defineConfig } from "@playwright/test";
import os from "node:os";
import path from "node:path";
import fs from "node:fs";

// The e2e run starts the real studio (`npm start`: embedded Postgres, migrations, demo
// workspace, production build, web and worker) in a fresh PRODA_HOME on its own port.
const port = Number(process.env.E2E_PORT ?? 3137);
// Playwright evaluates this file in every worker too: the env var keeps one home for all. The
// runner that made the home removes it when it exits, after the studio has stopped (about 70 MB
// a run); E2E_KEEP_HOME=1 keeps it to look into, and a home given as E2E_PRODA_HOME is kept.
if (!process.env.E2E_PRODA_HOME) {
  const made = fs.mkdtempSync(path.join(os.tmpdir(), "proda-e2e-"));
  process.env.E2E_PRODA_HOME = made;
  if (process.env.E2E_KEEP_HOME !== "1") process.on("exit", () => fs.rmSync(made, { recursive: true, force: true }));
}
const home = process.env.E2E_PRODA_HOME;
const chromium = process.env.CHROMIUM_PATH ?? (fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

/** The admin's signed-in browser state, written by e2e/auth.setup.ts and used by the specs. */
export const ADMIN_STATE = path.join("test-results", ".auth", "admin.json");

export default defineConfig({
  testDir: "e2e",
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts/ },
    { name: "studio", testMatch: /\.spec\.ts/, testIgnore: /(loop|pipeline)\.spec\.ts/, dependencies: ["setup"], use: { storageState: ADMIN_STATE } },
    // The loop (from the Pipeline page, then through every page) extracts every discipline of the
    // shared workspace and approves in bulk: these run after the specs that keep one unextracted to
    // curate it by hand (tester-builder's economics) or read the first page of the audit log
    // (roles). With one worker, projects run in the order listed; they are not dependencies of
    // "studio", so that running one of these specs alone does not run them all.
    { name: "pipeline", testMatch: /pipeline\.spec\.ts/, dependencies: ["setup"], use: { storageState: ADMIN_STATE } },
    { name: "loop", testMatch: /\/loop\.spec\.ts/, dependencies: ["setup"], use: { storageState: ADMIN_STATE } },
  ],
  outputDir: "test-results",
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  reporter: process.env.CI ? "list" : [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromium,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  webServer: {
    command: "npm start",
    url: `http://127.0.0.1:${port}/api/health`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 20_000 },
    env: { PORT: String(port), HOST: "127.0.0.1", PRODA_HOME: home, NEXT_TELEMETRY_DISABLED: "1" },
  },
});
