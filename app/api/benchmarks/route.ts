import { defineRoute } from "@/lib/server/http/define-route";
import { db } from "@/lib/server/db";
import { benchmarkBuildJob } from "@/lib/jobs/benchmark-build";
import { createdBy } from "@/lib/jobs/created-by";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { listBenchmarks } from "@/lib/server/queries/tester";

export const GET = defineRoute({ auth: "workspace:read", handler: async () => ({ items: await listBenchmarks(db()) }) });

/** Builds a new benchmark version from the chains, as a job. */
export const POST = defineRoute({
  auth: "benchmark:build",
  body: benchmarkBuildJob.payload.omit({ requestedBy: true }),
  status: 202,
  handler: async ({ body, principal }) => enqueueJob(db(), benchmarkBuildJob, { ...body, requestedBy: principal.userId }, createdBy(principal)),
});
