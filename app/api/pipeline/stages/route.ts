import { defineRoute } from "@/lib/server/http/define-route";
import { db } from "@/lib/server/db";
import { pipelineView } from "@/lib/server/queries/pipeline-stages";

/** The Pipeline page: each stage of the loop with its state, last run and counts, and the loop run. */
export const GET = defineRoute({ auth: "workspace:read", handler: async () => pipelineView(db()) });
