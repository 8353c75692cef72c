import { z } from "zod";
import { defineRoute } from "@/lib/server/http/define-route";
import { db } from "@/lib/server/db";
import { benchmarkItems, itemFilters } from "@/lib/server/queries/tester";

export const GET = defineRoute({ auth: "workspace:read", params: z.object({ id: z.string() }), query: itemFilters, handler: async ({ params, query }) => benchmarkItems(db(), params.id, query) });
