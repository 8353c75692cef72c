"use client";

import Link from "next/link";
import { useState } from "react";
import { ROLE_INFO } from "@/lib/auth/roles";
import { fetchJson } from "@/lib/client/api";
import { useSessionUser } from "@/lib/client/session";

/** Who is signed in, with their role, a link to their account and sign-out. */
export function UserMenu() {
  const user = useSessionUser();
  const [leaving, setLeaving] = useState(false);
  async function signOut() {
    setLeaving(true);
    await fetchJson("/api/session", { method: "DELETE" }).catch(() => null);
    window.location.assign("/sign-in");
  }
  const initials = user.name.split(/\s+/).map((w) => w[0]).join("").slice(0, 2).toUpperCase();
  return (
    <div className="border-t border-zinc-800 p-3" data-testid="user-menu">
      <Link href="/account" className="flex items-center gap-2.5 rounded-md px-2 py-1.5 hover:bg-white/5" title="Your account: password and API tokens">
        <span className="flex size-7 shrink-0 items-center justify-center rounded-full bg-accent-600 text-[11px] font-semibold text-white" aria-hidden>
          {initials}
        </span>
        <span className="min-w-0 leading-tight">
          <span className="block truncate text-sm text-zinc-100" data-testid="user-name">{user.name}</span>
          <span className="block truncate text-[11px] text-zinc-500" data-testid="user-role" data-role={user.role}>
            {ROLE_INFO[user.role].label} · {user.email}
          </span>
        </span>
      </Link>
      <button
        type="button"
        onClick={signOut}
        disabled={leaving}
        data-testid="sign-out"
        className="mt-1 w-full rounded-md px-2 py-1 text-left text-xs text-zinc-400 hover:bg-white/5 hover:text-zinc-100 disabled:opacity-50"
      >
        {leaving ? "Signing out…" : "Sign out"}
      </button>
    </div>
  );
}
