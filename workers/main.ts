// The worker process: runs every job in lib/jobs/registry from pg-boss until SIGTERM/SIGINT, and
// takes back runs whose worker died (lease expired). PRODA_JOB_LEASE_SECONDS,
// PRODA_JOB_HEARTBEAT_SECONDS and PRODA_JOB_SWEEP_SECONDS tune it (workers/runtime/lease.ts);
// PRODA_WORKER_CONCURRENCY sets how many runs of each kind it runs at once (worker-concurrency.ts).
import { openDatabase } from "@/lib/server/database";
import { db, disconnectDb } from "@/lib/server/db";
import { getBoss, stopBoss } from "@/lib/server/jobs/boss";
import { shareEndpointSlots } from "@/lib/server/jobs/endpoint-slots";
import { startWorkers } from "@/workers/runtime/start-workers";
import { workerShutdown } from "@/workers/runtime/job-context";
import { leaseConfig, processWorkerId } from "@/workers/runtime/lease";
import { startSweeper } from "@/workers/runtime/sweep";
import { isDatabaseUnavailable } from "@/lib/server/http/database-unavailable";

// pg-boss (10) does not await the complete() and fail() it sends after each job, so while the
// database is down their rejections reach the process. Those are logged and the worker carries on:
// the run's own state is in JobRun, and a queue job left active is delivered again once it
// expires. Any other unhandled rejection is a bug: the worker exits and its supervisor restarts it.
process.on("unhandledRejection", (e) => {
  const message = e instanceof Error ? e.message : String(e);
  if (isDatabaseUnavailable(e)) {
    console.warn(`[worker] the database is unreachable (${message}); carrying on until it is back`);
    return;
  }
  console.error(`[worker] unexpected error: ${e instanceof Error ? (e.stack ?? message) : message}`);
  process.exit(1);
});

const lease = leaseConfig();
const database = await openDatabase();
// An endpoint's concurrency holds across every worker and CLI on this database, not per process.
const stopSharingSlots = shareEndpointSlots(database.url);
const taken = await startWorkers(await getBoss({ supervise: true }), { lease });
const sweeper = startSweeper(db, lease.sweepMs);
console.log(`[worker] ${processWorkerId} ready: ${taken.join(", ") || "no job kinds (PRODA_WORKER_CONCURRENCY sets every kind to 0)"}`);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`[worker] ${signal}: checkpointing the current job`);
  // Running handlers stop at their next check and queue their run again for the next worker.
  workerShutdown.requested = true;
  await sweeper.stop();
  await stopBoss();
  await stopSharingSlots();
  await disconnectDb();
  await database.release();
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
