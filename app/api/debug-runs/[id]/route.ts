import { z } from "zod";
import { defineRoute } from "@/lib/server/http/define-route";
import { db } from "@/lib/server/db";
import { debugRunDetail } from "@/lib/server/queries/debugger";

export const GET = defineRoute({ auth: "workspace:read", params: z.object({ id: z.string() }), handler: async ({ params }) => debugRunDetail(db(), params.id) });
