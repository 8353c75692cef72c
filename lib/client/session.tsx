"use client";

import { createContext, useContext, type ReactNode } from "react";
import { can, type Action } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session-user";

const SessionContext = createContext<SessionUser | null>(null);

export function SessionProvider({ user, children }: { user: SessionUser; children: ReactNode }) {
  return <SessionContext.Provider value={user}>{children}</SessionContext.Provider>;
}

/** The signed-in user; studio pages render only for one. */
export function useSessionUser(): SessionUser {
  const user = useContext(SessionContext);
  if (!user) throw new Error("useSessionUser outside the studio layout");
  return user;
}

/** Whether the signed-in user's role allows an action (the same table the server enforces). */
export function useCan(action: Action): boolean {
  return can(useContext(SessionContext)?.role, action);
}
