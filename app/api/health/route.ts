import { defineRoute } from "@/lib/server/http/define-route";
import { db } from "@/lib/server/db";

export const GET = defineRoute({
  auth: "public",
  handler: async () => {
    await db().$queryRaw`select 1`;
    return { ok: true };
  },
});
