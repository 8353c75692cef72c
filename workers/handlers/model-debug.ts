import type { ModelDebugPayload } from "@/lib/jobs/model-debug";
import { traceFailures } from "@/lib/server/services/debugger/trace-failures";
import type { JobHandler } from "@/workers/runtime/job-context";

export const modelDebugHandler: JobHandler<ModelDebugPayload> = (ctx, payload) => traceFailures(ctx, payload);
