import { defineRoute } from "@/lib/server/http/define-route";
import { db } from "@/lib/server/db";
import { pipelineStatusOf } from "@/lib/server/queries/pipeline";

/** Where the workspace stands in the loop: the counts behind each step of the home page's checklist. */
export const GET = defineRoute({ auth: "workspace:read", handler: async () => pipelineStatusOf(db()) });
