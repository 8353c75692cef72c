import { DomainError } from "@/lib/domain/errors";
import { createdBy } from "@/lib/jobs/created-by";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { loopRunJob } from "@/lib/jobs/loop-run";
import type { Principal } from "@/lib/server/auth/principal";
import type { Db } from "@/lib/server/db";
import { loopLockHeld } from "./loop-lock";
import { loopOptionsSchema, type LoopOptions } from "./loop-report";
import type { StartedLoopRun } from "./pipeline-view";
import { STAGE_INFO } from "./stage-info";

/** POST /api/loop-runs: the loop's options (each optional: the previous loop's, else the default). */
export const startLoopRunInput = loopOptionsSchema;

/**
 * Queues the loop as a `loop-run` job. Refused (409) while a loop is live: another loop job (its
 * conflict key names it), or `proda loop` running in a terminal (it holds the loop's lock).
 */
export async function startLoopRun(db: Db, principal: Principal, input: LoopOptions): Promise<StartedLoopRun> {
  if (await loopLockHeld(db)) throw new DomainError("CONFLICT", "A loop is running on this workspace (`proda loop`, or a loop run of the studio): wait for it to finish, then start this again");
  const label = input.from ? `The loop from “${STAGE_INFO[input.from].title}”` : "The loop";
  const run = await enqueueJob(db, loopRunJob, { ...input, label, requestedBy: principal.userId }, createdBy(principal));
  return { jobRunId: run.id };
}
