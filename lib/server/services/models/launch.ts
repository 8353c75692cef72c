import { z } from "zod";
import { DomainError } from "@/lib/domain/errors";
import { createdBy } from "@/lib/jobs/created-by";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { modelEvaluateJob } from "@/lib/jobs/model-evaluate";
import { modelTrainJob } from "@/lib/jobs/model-train";
import type { Principal } from "@/lib/server/auth/principal";
import type { Db } from "@/lib/server/db";
import { newestFrozenBenchmark } from "@/lib/server/services/resolve-ref";
import { resolveEndpoint } from "@/lib/server/services/settings/endpoints";
import { assertFrozen } from "./evaluate-model";
import { assertTrainable } from "./train-model";

export const launchTrainingInput = modelTrainJob.payload.omit({ requestedBy: true });

/** A fine-tune from the studio: refused at once (not when a worker takes it) when it would fail its checks. */
export async function launchTraining(db: Db, principal: Principal, input: z.infer<typeof launchTrainingInput>) {
  await assertTrainable(db, input);
  if (input.trainer !== "local") await resolveEndpoint(db, input.endpoint);
  return enqueueJob(db, modelTrainJob, { ...input, requestedBy: principal.userId }, createdBy(principal));
}

export const launchEvaluationInput = z.object({
  modelVersionId: z.string().min(1),
  /** a frozen benchmark; the newest frozen one when absent */
  benchmarkId: z.string().min(1).optional(),
});

/** An evaluation of a model version on a frozen benchmark (the newest by default), as a job. */
export async function launchEvaluation(db: Db, principal: Principal, input: z.infer<typeof launchEvaluationInput>) {
  const model = await db.modelVersion.findUnique({ where: { id: input.modelVersionId }, select: { id: true } });
  if (!model) throw new DomainError("NOT_FOUND", `No model version ${input.modelVersionId}`, { fields: [{ field: "modelVersionId", message: "no such model version" }] });
  const benchmark = input.benchmarkId ? await db.benchmark.findUnique({ where: { id: input.benchmarkId } }) : await newestFrozenBenchmark(db);
  if (!benchmark) throw new DomainError(input.benchmarkId ? "NOT_FOUND" : "CONFLICT", input.benchmarkId ? `No benchmark ${input.benchmarkId}` : "No frozen benchmark: a lead freezes one on the Tester page first");
  assertFrozen(benchmark);
  return enqueueJob(db, modelEvaluateJob, { modelVersionId: model.id, benchmarkId: benchmark.id, requestedBy: principal.userId }, createdBy(principal));
}
