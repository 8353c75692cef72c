import { z } from "zod";
import { defineRoute } from "@/lib/server/http/define-route";
import { db } from "@/lib/server/db";
import { updateUser, updateUserInput } from "@/lib/server/services/auth/users";

/** Rename, change role, deactivate (`active: false`, which ends sessions and tokens at once) or reactivate. */
export const PATCH = defineRoute({
  auth: "users:manage",
  params: z.object({ id: z.string() }),
  body: updateUserInput,
  handler: async ({ principal, params, body, ip }) => updateUser(db(), principal, params.id, body, ip),
});
