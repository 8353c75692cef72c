import type { BenchmarkBuildPayload } from "@/lib/jobs/benchmark-build";
import { buildBenchmarkVersion } from "@/lib/server/services/tester/build-benchmark";
import type { JobHandler } from "@/workers/runtime/job-context";

export const benchmarkBuildHandler: JobHandler<BenchmarkBuildPayload> = (ctx, payload) => buildBenchmarkVersion(ctx, payload);
