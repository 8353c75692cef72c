import { defineRoute } from "@/lib/server/http/define-route";
import { db } from "@/lib/server/db";
import { invite, inviteInput, listInvitations } from "@/lib/server/services/auth/invitations";

export const GET = defineRoute({ auth: "users:manage", handler: async () => ({ items: await listInvitations(db()) }) });

/** Answers the invitation link once (`path`, relative to the studio's address). */
export const POST = defineRoute({
  auth: "users:manage",
  body: inviteInput,
  status: 201,
  handler: async ({ principal, body, ip }) => invite(db(), principal, body, ip),
});
