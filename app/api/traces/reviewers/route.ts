import { defineRoute } from "@/lib/server/http/define-route";
import { db } from "@/lib/server/db";
import { listReviewers } from "@/lib/server/services/knowledge/assign-reviewer";

/** Who a failure trace can be assigned to: active people whose role may review traces. */
export const GET = defineRoute({ auth: "workspace:read", handler: async () => listReviewers(db(), "traces:review") });
