import { z } from "zod";
import { defineRoute, jsonWithCookies } from "@/lib/server/http/define-route";
import { db } from "@/lib/server/db";
import { setupRequired } from "@/lib/server/services/auth/setup";
import { signIn, signOut } from "@/lib/server/services/auth/sign-in";

/** Who is signed in (null when nobody), and whether the studio still needs its first admin. */
export const GET = defineRoute({
  auth: "public",
  handler: async ({ principal }) => ({
    user: principal && { id: principal.userId, name: principal.name, email: principal.email, role: principal.role },
    setupRequired: principal ? false : await setupRequired(db()),
  }),
});

export const POST = defineRoute({
  auth: "public",
  body: z.object({ email: z.string().trim().min(1, "is required").max(320), password: z.string().min(1, "is required").max(256, "must be at most 256 characters") }),
  handler: async ({ body, ip }) => {
    const { user, cookies } = await signIn(db(), body, ip);
    return jsonWithCookies({ user }, cookies);
  },
});

export const DELETE = defineRoute({
  auth: "public",
  handler: async ({ req, principal, ip }) => jsonWithCookies({ ok: true }, await signOut(db(), req.headers, principal, ip)),
});
