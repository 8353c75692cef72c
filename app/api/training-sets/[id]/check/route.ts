import { z } from "zod";
import { defineRoute } from "@/lib/server/http/define-route";
import { db } from "@/lib/server/db";
import { createdBy } from "@/lib/jobs/created-by";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { orthogonalityCheckJob } from "@/lib/jobs/orthogonality-check";
import { assertCheckable } from "@/lib/server/services/builder/check-orthogonality";

/** Runs the orthogonality gate of this training set against the benchmarks, as a job (404 for a set that does not exist). */
export const POST = defineRoute({
  auth: "training-sets:check",
  params: z.object({ id: z.string() }),
  body: z.object({ benchmarkIds: z.array(z.string()).optional() }),
  status: 202,
  handler: async ({ params, body, principal }) => {
    const label = await assertCheckable(db(), params.id, body.benchmarkIds);
    return enqueueJob(db(), orthogonalityCheckJob, { trainingSetId: params.id, benchmarkIds: body.benchmarkIds, label }, createdBy(principal));
  },
});
