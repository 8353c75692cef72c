import { z } from "zod";
import { DomainError } from "@/lib/domain/errors";
import { createdBy } from "@/lib/jobs/created-by";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { modelDebugJob } from "@/lib/jobs/model-debug";
import type { Principal } from "@/lib/server/auth/principal";
import type { Db } from "@/lib/server/db";
import { resolveEndpoint } from "@/lib/server/services/settings/endpoints";
import { assertTraceable } from "./trace-failures";

export const launchDebugInput = z.object({
  evaluationRunId: z.string().min(1),
  /** patches written by this LLM endpoint (by name) from the templates' facts; templates only when absent */
  patchEndpoint: z.string().trim().min(1).max(200).optional(),
});

/** Traces an evaluation's failures as a job: refused at once when the run is missing (404) or unfinished (409). */
export async function launchDebug(db: Db, principal: Principal, input: z.infer<typeof launchDebugInput>) {
  await assertTraceable(db, input.evaluationRunId);
  if (input.patchEndpoint) await resolveEndpoint(db, input.patchEndpoint);
  const llm = input.patchEndpoint ? { llmPatches: true, endpoint: input.patchEndpoint } : {};
  return enqueueJob(db, modelDebugJob, { evaluationRunId: input.evaluationRunId, ...llm, requestedBy: principal.userId }, createdBy(principal));
}

export const reviewTraceInput = z.object({ reviewed: z.boolean() });

/** An annotator marks a trace reviewed (or not): the failure list's progress. */
export async function reviewTrace(db: Db, id: string, input: z.infer<typeof reviewTraceInput>) {
  const found = await db.failureTrace.updateMany({ where: { id }, data: { reviewed: input.reviewed } });
  if (!found.count) throw new DomainError("NOT_FOUND", `No failure trace ${id}`);
  return { id, reviewed: input.reviewed };
}
