// Real worker processes (`node --import tsx workers/main.ts`) for the crash drills: started with an
// environment, killed with a signal, and the runs they work on polled to their middle and their end.
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import type { Db } from "@/lib/server/db";

export type WorkerProcess = ChildProcess & { output: string[] };

const root = fileURLToPath(new URL("..", import.meta.url));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Workers of one test file: `env` is read at each start (the database URL exists only once the file's database does). */
export function workerProcesses(env: () => Record<string, string>, db: () => Db) {
  const workers = new Set<WorkerProcess>();

  function startWorker(name: string): WorkerProcess {
    const child = spawn(process.execPath, ["--import", "tsx", "workers/main.ts"], { cwd: root, env: { ...process.env, ...env() }, stdio: ["ignore", "pipe", "pipe"] }) as WorkerProcess;
    child.output = [];
    const keep = (d: Buffer) => child.output.push(`[${name}] ${d.toString().trimEnd()}`);
    child.stdout!.on("data", keep);
    child.stderr!.on("data", keep);
    workers.add(child);
    child.on("exit", () => workers.delete(child));
    return child;
  }

  async function kill(w: WorkerProcess, signal: NodeJS.Signals) {
    if (w.exitCode !== null || w.signalCode !== null) return;
    const exited = once(w, "exit");
    w.kill(signal);
    await exited;
  }

  const outputs = () => [...workers].flatMap((w) => w.output).join("\n");

  /** Polls until the run is RUNNING between 20% and 80% (then it is killed there). */
  async function waitForMiddle(runId: string, timeoutMs = 90_000) {
    for (const end = Date.now() + timeoutMs; Date.now() < end; await sleep(25)) {
      const run = await db().jobRun.findUniqueOrThrow({ where: { id: runId } });
      if (run.status === "RUNNING" && run.progress > 0.2 && run.progress < 0.8) return run;
      if (!["QUEUED", "RUNNING"].includes(run.status)) throw new Error(`run ${runId} ended ${run.status} before its middle\n${outputs()}`);
    }
    throw new Error(`run ${runId} never reached its middle\n${outputs()}`);
  }

  async function waitForEnd(runId: string, timeoutMs: number) {
    for (const end = Date.now() + timeoutMs; Date.now() < end; await sleep(200)) {
      const run = await db().jobRun.findUniqueOrThrow({ where: { id: runId }, include: { logs: { orderBy: { id: "asc" } } } });
      if (["SUCCEEDED", "FAILED", "CANCELLED"].includes(run.status)) return run;
    }
    throw new Error(`run ${runId} did not finish within ${timeoutMs / 1000} s\n${outputs()}`);
  }

  return { workers, startWorker, kill, outputs, waitForMiddle, waitForEnd };
}
