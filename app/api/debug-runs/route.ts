import { defineRoute } from "@/lib/server/http/define-route";
import { db } from "@/lib/server/db";
import { listDebugRuns } from "@/lib/server/queries/debugger";
import { launchDebug, launchDebugInput } from "@/lib/server/services/debugger/launch-debug";

export const GET = defineRoute({ auth: "workspace:read", handler: async () => listDebugRuns(db()) });

/** Traces every failure of a finished evaluation run, as a job (the same model answers the probes). */
export const POST = defineRoute({ auth: "traces:review", body: launchDebugInput, status: 202, handler: async ({ body, principal }) => launchDebug(db(), principal, body) });
