import { z } from "zod";
import { defineRoute } from "@/lib/server/http/define-route";
import { db } from "@/lib/server/db";
import { itemHistory } from "@/lib/server/services/knowledge/review";

export const GET = defineRoute({
  auth: "workspace:read",
  query: z.object({ type: z.enum(["concept", "relation", "chain"]), id: z.string().min(1) }),
  handler: async ({ query }) => ({ items: await itemHistory(db(), query.type, query.id) }),
});
