import { defineRoute } from "@/lib/server/http/define-route";
import { db } from "@/lib/server/db";
import { listPatches, patchFilters } from "@/lib/server/queries/debugger";

export const GET = defineRoute({ auth: "workspace:read", query: patchFilters, handler: async ({ query }) => listPatches(db(), query) });
