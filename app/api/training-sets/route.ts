import { defineRoute } from "@/lib/server/http/define-route";
import { db } from "@/lib/server/db";
import { createdBy } from "@/lib/jobs/created-by";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { trainingSetBuildJob } from "@/lib/jobs/training-set-build";
import { listTrainingSets } from "@/lib/server/queries/builder";

export const GET = defineRoute({ auth: "workspace:read", handler: async () => ({ items: await listTrainingSets(db()) }) });

/** Builds the next version of a training set from L1/L2, as a job. */
export const POST = defineRoute({
  auth: "training-sets:build",
  body: trainingSetBuildJob.payload.omit({ requestedBy: true }),
  status: 202,
  handler: async ({ body, principal }) => enqueueJob(db(), trainingSetBuildJob, { ...body, requestedBy: principal.userId }, createdBy(principal)),
});
