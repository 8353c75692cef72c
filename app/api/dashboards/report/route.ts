import { defineRoute } from "@/lib/server/http/define-route";
import { db } from "@/lib/server/db";
import { dashboardReport, reportQuery } from "@/lib/server/queries/dashboards";

/** The leads' comparison of versions on one frozen benchmark: ?benchmark=v3&models=base,V1,V2&pair=V1,V2 (all optional). */
export const GET = defineRoute({ auth: "workspace:read", query: reportQuery, handler: async ({ query }) => dashboardReport(db(), query) });
