import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { stopServer } from "@/lib/server/embedded-postgres";

// A second studio, started as a user starts it (`npm start`'s script), in its own PRODA_HOME and
// port: the production build the suite's own studio made is reused, so it starts in seconds. It
// runs two web server processes on its port (PRODA_WEB_PROCESSES), the suite's own studio one.
const PORT = 3179;
const health = async () => {
  try {
    return (await fetch(`http://127.0.0.1:${PORT}/api/health`)).status;
  } catch {
    return 0;
  }
};
const portTaken = () =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect(PORT, "127.0.0.1");
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });

test("npm start refuses a bad PRODA_WEB_PROCESSES before it starts anything", async () => {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), "proda-supervision-"));
  const started = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], { env: { ...process.env, PRODA_HOME: home, PORT: String(PORT), DATABASE_URL: "", PRODA_WEB_PROCESSES: "two" }, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  started.stderr.on("data", (d) => (output += d));
  const code = await new Promise<number | null>((resolve) => started.on("exit", resolve));
  expect(code).toBe(2);
  expect(output).toContain('PRODA_WEB_PROCESSES must be a whole number from 1 to 64, not "two"');
  expect(fs.existsSync(path.join(home, "postgres.json"))).toBe(false);
  fs.rmSync(home, { recursive: true, force: true });
});

test("npm start replaces a killed web server process, brings its database back when it is killed, and leaves nothing on the port when it dies", async () => {
  test.setTimeout(300_000);
  const home = fs.mkdtempSync(path.join(os.tmpdir(), "proda-supervision-"));
  const studio = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], { env: { ...process.env, PRODA_HOME: home, PORT: String(PORT), DATABASE_URL: "", PRODA_WEB_PROCESSES: "2" }, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  studio.stdout.on("data", (d) => (output += d));
  studio.stderr.on("data", (d) => (output += d));
  try {
    await expect.poll(health, { timeout: 180_000, intervals: [1000] }).toBe(200);
    await expect.poll(() => output, { timeout: 30_000 }).toContain("listening (2 started, 2 wanted)");

    // One web server process dies (kill -9): the other goes on answering, and another takes its place.
    const [pid] = [...output.matchAll(/web server process (\d+) listening/g)].map((m) => Number(m[1]));
    process.kill(pid, "SIGKILL");
    await expect.poll(() => output, { timeout: 20_000 }).toContain(`web server process ${pid} exited (SIGKILL); starting another in 1 s`);
    expect(await health()).toBe(200);
    await expect.poll(() => output, { timeout: 60_000 }).toContain("listening (3 started, 2 wanted)");
    expect(studio.exitCode).toBeNull();

    // The embedded Postgres dies (kill -9): the studio starts it again on the same port, and the
    // web server answers from the database again.
    const record = JSON.parse(fs.readFileSync(path.join(home, "postgres.json"), "utf8")) as { pid: number; port: number };
    process.kill(record.pid, "SIGKILL");
    await expect.poll(() => output, { timeout: 30_000 }).toContain("the database went away");
    await expect.poll(() => output, { timeout: 90_000 }).toContain(`the database is back on port ${record.port}`);
    await expect.poll(health, { timeout: 60_000, intervals: [1000] }).toBe(200);
    expect(studio.exitCode).toBeNull();

    // The supervisor itself is killed (kill -9, nothing runs on its way out): its web servers and
    // worker notice and exit, so nothing is left holding the port.
    studio.kill("SIGKILL");
    await expect.poll(portTaken, { timeout: 20_000, intervals: [500] }).toBe(false);
  } finally {
    if (studio.exitCode === null) studio.kill("SIGKILL");
    await stopServer(path.join(home, "pg"));
    fs.rmSync(home, { recursive: true, force: true });
  }
});
