import { defineRoute } from "@/lib/server/http/define-route";
import { db } from "@/lib/server/db";
import { listReviewers } from "@/lib/server/services/knowledge/assign-reviewer";

/** Who a patch can be assigned to: active people whose role may approve patches. */
export const GET = defineRoute({ auth: "workspace:read", handler: async () => listReviewers(db(), "patches:approve") });
