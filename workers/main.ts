// The worker process: runs every job in lib/jobs/registry from pg-boss until SIGTERM/SIGINT.
import { openDatabase } from "@/lib/server/database";
import { disconnectDb } from "@/lib/server/db";
import { getBoss, stopBoss } from "@/lib/server/jobs/boss";
import { jobDefinitions } from "@/lib/jobs/registry";
import { startWorkers } from "@/workers/runtime/start-workers";
import { workerShutdown } from "@/workers/runtime/job-context";

const database = await openDatabase();
await startWorkers(await getBoss({ supervise: true }));
console.log(`[worker] ready: ${jobDefinitions.map((d) => d.name).join(", ")}`);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`[worker] ${signal}: checkpointing the current job`);
  // Running handlers stop at their next check; the queue hands the job to the next worker.
  workerShutdown.requested = true;
  await stopBoss();
  await disconnectDb();
  await database.release();
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
