import type { BenchmarkBuildPayload } from "@/lib/jobs/benchmark-build";
import { optionalModel } from "@/lib/server/services/model-for";
import { buildBenchmarkVersion } from "@/lib/server/services/tester/build-benchmark";
import type { JobHandler } from "@/workers/runtime/job-context";

export const benchmarkBuildHandler: JobHandler<BenchmarkBuildPayload> = async (ctx, payload) =>
  buildBenchmarkVersion(ctx, payload, await optionalModel(ctx, payload.reword || payload.verify, payload.endpoint));
