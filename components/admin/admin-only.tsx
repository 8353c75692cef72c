import type { ReactNode } from "react";
import { can, type Action } from "@/lib/auth/permissions";
import { ROLE_INFO } from "@/lib/auth/roles";
import { currentUser } from "@/lib/server/auth/current-user";

/** Renders an admin page only for roles allowed the action; others read why not. */
export async function RequirePermission({ action, children }: { action: Action; children: ReactNode }) {
  const user = await currentUser();
  if (can(user?.role, action)) return children;
  return (
    <div className="p-6" data-testid="forbidden">
      <p className="rounded-lg border border-zinc-200 bg-white p-6 text-sm text-zinc-600">
        This page is for admins. Your role ({user ? ROLE_INFO[user.role].label : "none"}) cannot open it.
      </p>
    </div>
  );
}
