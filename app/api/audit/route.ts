import { defineRoute } from "@/lib/server/http/define-route";
import { db } from "@/lib/server/db";
import { auditFilters, listAudit } from "@/lib/server/queries/audit";

export const GET = defineRoute({ auth: "audit:read", query: auditFilters, handler: async ({ query }) => listAudit(db(), query) });
