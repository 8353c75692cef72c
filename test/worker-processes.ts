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

  /** `extra` overrides the file's environment for this worker (another machine's PRODA_HOME). */
  function startWorker(name: string, extra: Record<string, string> = {}): WorkerProcess {
    const child = spawn(process.execPath, ["--import", "tsx", "workers/main.ts"], { cwd: root, env: { ...process.env, ...env(), ...extra }, stdio: ["ignore", "pipe", "pipe"] }) as WorkerProcess;
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

  /**
   * The drill itself: `first` (started if not given) is SIGKILLed while the run is at 20-80%,
   * `next` takes the run back after its lease expires, and the run must succeed on its second
   * attempt, its log naming the dead worker. Returns the finished run and the worker left running.
   */
  async function killMidRunAndResume(runId: string, names: { first: string | WorkerProcess; next: string }, timeoutMs = 150_000) {
    const first = typeof names.first === "string" ? startWorker(names.first) : names.first;
    const middle = await waitForMiddle(runId);
    await kill(first, "SIGKILL");
    if (!middle.workerId?.includes(`:${first.pid}:`)) throw new Error(`run ${runId} was held by ${middle.workerId}, not by the killed worker ${first.pid}`);
    const next = startWorker(names.next);
    const done = await waitForEnd(runId, timeoutMs);
    if (done.status !== "SUCCEEDED") throw new Error(`run ${runId} ended ${done.status}: ${done.error}\n${outputs()}`);
    if (done.attempts !== 2) throw new Error(`run ${runId} took ${done.attempts} attempts, not 2\n${outputs()}`);
    const logs = done.logs.map((l) => l.message).join("\n");
    if (!new RegExp(`Its worker \\([^)]*:${first.pid}:[^)]*\\) stopped responding`).test(logs)) throw new Error(`run ${runId}'s log does not name the dead worker:\n${logs}`);
    return { done, middle, worker: next };
  }

  /** Waits for the worker's "ready" line: it has subscribed to every queue. */
  async function waitReady(w: WorkerProcess, timeoutMs = 60_000) {
    for (const end = Date.now() + timeoutMs; Date.now() < end; await sleep(100)) {
      if (w.output.some((l) => l.includes("[worker]") && l.includes(" ready: "))) return;
      if (w.exitCode !== null || w.signalCode !== null) throw new Error(`worker exited before it was ready\n${w.output.join("\n")}`);
    }
    throw new Error(`worker not ready within ${timeoutMs / 1000} s\n${w.output.join("\n")}`);
  }

  return { workers, startWorker, kill, outputs, waitForMiddle, waitForEnd, killMidRunAndResume, waitReady };
}
