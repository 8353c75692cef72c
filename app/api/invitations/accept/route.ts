import { z } from "zod";
import { defineRoute, jsonWithCookies } from "@/lib/server/http/define-route";
import { db } from "@/lib/server/db";
import { acceptInput, acceptInvitation, describeInvitation } from "@/lib/server/services/auth/invitations";
import { signIn } from "@/lib/server/services/auth/sign-in";

/** The invitation behind a link: email and role, or 404 when invalid or expired. */
export const GET = defineRoute({
  auth: "public",
  query: z.object({ token: z.string().min(1, "is required") }),
  handler: async ({ query }) => describeInvitation(db(), query.token),
});

/** Accepts an invitation: creates the account with the chosen name and password, and signs in. */
export const POST = defineRoute({
  auth: "public",
  body: acceptInput,
  status: 201,
  handler: async ({ body, ip }) => {
    const created = await acceptInvitation(db(), body, ip);
    const { user, cookies } = await signIn(db(), { email: created.email, password: body.password }, ip);
    return jsonWithCookies({ user }, cookies, 201);
  },
});
