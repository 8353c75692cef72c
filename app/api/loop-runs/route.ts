import { defineRoute } from "@/lib/server/http/define-route";
import { db } from "@/lib/server/db";
import { startLoopRun, startLoopRunInput } from "@/lib/server/services/loop/start-loop-run";

/** Runs the loop as a job (202 with its run id); 409 while a loop is live. */
export const POST = defineRoute({ auth: "loop:run", body: startLoopRunInput, status: 202, handler: async ({ body, principal }) => startLoopRun(db(), principal, body) });
