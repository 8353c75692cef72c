import { headers } from "next/headers";
import { db } from "@/lib/server/db";
import type { SessionUser } from "@/lib/auth/session-user";
import { resolvePrincipal } from "./principal";

/** The signed-in user of the page being rendered, or null. */
export async function currentUser(): Promise<SessionUser | null> {
  const p = await resolvePrincipal(db(), await headers()).catch(() => null);
  return p && { id: p.userId, name: p.name, email: p.email, role: p.role };
}
