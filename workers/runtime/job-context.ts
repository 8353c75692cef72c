import type { Db, Prisma } from "@/lib/server/db";
import { knownSecrets, scrubSecrets } from "@/lib/server/secrets";
import type { Progress } from "@/lib/server/services/progress";
import { LeaseLostError, WorkerShutdownError } from "./failure";
import type { LeaseHolder } from "./lease";
import { stopReason, workerShutdown } from "./run-watch";

export type { LogLevel } from "@/lib/server/services/progress";
export { workerShutdown } from "./run-watch";

/**
 * What a handler returns to be called again later, from `checkpoint`, without holding a worker
 * meanwhile: the run is WAITING, and its next queue job starts at `until` (across restarts).
 */
export class JobWait {
  constructor(readonly until: Date, readonly checkpoint: Prisma.InputJsonValue, readonly message: string) {}
}

/** What a handler gets: a service's Progress, plus the attempt and remote waits. */
export type JobContext = Progress & {
  /** 1 on a first delivery; more after retries and takeovers */
  attempt: number;
  /** `return ctx.waitUntil(...)`: poll a remote state (a fine-tune) again at `until`. */
  waitUntil(until: Date, checkpoint: Prisma.InputJsonValue, message?: string): JobWait;
};

export type JobHandler<P> = (ctx: JobContext, payload: P) => Promise<unknown>;

const PROGRESS_INTERVAL_MS = 250;

/**
 * PRODA_DRILL_STEP_DELAY_MS (default 0, at most 10 s): a pause after each step of progress a job
 * writes. The crash drills (workers/*-crash.int.test.ts) set it so that a job of a second on a small
 * corpus still spends long enough between 20% and 80% to be killed there, whatever a busy machine
 * does to the poller; progress writes are throttled to one per 250 ms, so without it such a job may
 * write no step in that window at all. Never set in production.
 */
export function drillStepDelayMs(value: string | undefined = process.env.PRODA_DRILL_STEP_DELAY_MS): number {
  if (value === undefined || value === "") return 0;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 10_000) throw new Error(`PRODA_DRILL_STEP_DELAY_MS must be a whole number of milliseconds from 0 to 10000, not "${value}"`);
  return n;
}
const DRILL_STEP_DELAY_MS = drillStepDelayMs();

/**
 * Every write to the run is conditional on this worker still holding it; the first that finds
 * another owner marks the lease lost and throws, so a worker that was taken over stops at once.
 * `signal` is the run's watch (run-watch.ts): aborted when the run must stop.
 */
export function createJobContext(db: Db, runId: string, run: { attempts: number; checkpoint: unknown }, lease: LeaseHolder, signal: AbortSignal): JobContext {
  let lastWrite = 0;
  let lastCheck = 0;
  const held = { id: runId, workerId: lease.workerId, status: "RUNNING" as const };
  // A handler's messages may quote an endpoint's answer, which may echo a key: every message
  // stored is scrubbed of the secrets known when the run started (looked up once).
  let secrets: Promise<string[]> | null = null;
  const scrub = async (text: string) => scrubSecrets(text, await (secrets ??= knownSecrets(db)));
  const lose = (): never => {
    lease.markLost();
    throw new LeaseLostError(runId, lease.workerId);
  };
  const assertHeld = () => {
    if (lease.lost) throw new LeaseLostError(runId, lease.workerId);
  };
  return {
    runId,
    db,
    attempt: run.attempts,
    saved: run.checkpoint ?? null,
    signal,
    async progress(fraction, message) {
      assertHeld();
      const now = Date.now();
      // Throttled: a handler may report per item on 100K items.
      if (now - lastWrite < PROGRESS_INTERVAL_MS && fraction < 1) return;
      lastWrite = now;
      const progress = Math.max(0, Math.min(1, fraction));
      const rows = await db.jobRun.updateMany({ where: held, data: { progress, ...(message ? { message: await scrub(message) } : {}) } });
      if (rows.count === 0) lose();
      if (DRILL_STEP_DELAY_MS && fraction < 1) await new Promise((resolve) => setTimeout(resolve, DRILL_STEP_DELAY_MS));
    },
    async log(message, level = "info") {
      assertHeld();
      await db.jobLog.create({ data: { runId, message: await scrub(message), level } });
    },
    async throwIfCancelled() {
      if (signal.aborted) throw signal.reason;
      if (workerShutdown.requested) throw new WorkerShutdownError();
      assertHeld();
      const now = Date.now();
      if (now - lastCheck < PROGRESS_INTERVAL_MS) return;
      lastCheck = now;
      const reason = await stopReason(db, runId, lease);
      if (reason) throw reason;
    },
    async checkpoint(state, tx) {
      assertHeld();
      const rows = await (tx ?? db).jobRun.updateMany({ where: held, data: { checkpoint: state } });
      if (rows.count === 0) lose();
    },
    waitUntil(until, checkpoint, message) {
      return new JobWait(until, checkpoint, message ?? `Waiting until ${until.toISOString()}`);
    },
  };
}
