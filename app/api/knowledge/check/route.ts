import { z } from "zod";
import { defineRoute } from "@/lib/server/http/define-route";
import { db } from "@/lib/server/db";
import { checkStructure } from "@/lib/server/services/knowledge/check-structure";

export const GET = defineRoute({ auth: "workspace:read", query: z.object({ discipline: z.string().optional() }), handler: async ({ query }) => checkStructure(db(), query.discipline) });
