import { z } from "zod";
import { defineRoute } from "@/lib/server/http/define-route";
import { db } from "@/lib/server/db";
import { revokeInvitation } from "@/lib/server/services/auth/invitations";

export const DELETE = defineRoute({
  auth: "users:manage",
  params: z.object({ id: z.string() }),
  handler: async ({ principal, params, ip }) => revokeInvitation(db(), principal, params.id, ip),
});
