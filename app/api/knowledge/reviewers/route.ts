import { defineRoute } from "@/lib/server/http/define-route";
import { db } from "@/lib/server/db";
import { listReviewers } from "@/lib/server/services/knowledge/assign-reviewer";

/** Who an item can be assigned to: active people whose role may approve knowledge. */
export const GET = defineRoute({ auth: "workspace:read", handler: async () => listReviewers(db()) });
