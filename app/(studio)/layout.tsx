import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { REQUESTED_PATH_HEADER, safeNextPath } from "@/lib/client/url";
import type { ReactNode } from "react";
import { Header } from "@/components/shell/header";
import { Sidebar } from "@/components/shell/sidebar";
import { SessionProvider } from "@/lib/client/session";
import { currentUser } from "@/lib/server/auth/current-user";
import { db } from "@/lib/server/db";
import { setupRequired } from "@/lib/server/services/auth/setup";

/** Every studio page is for signed-in users; a fresh install first asks for its admin. */
export default async function StudioLayout({ children }: { children: ReactNode }) {
  const user = await currentUser();
  if (!user) {
    if (await setupRequired(db())) redirect("/setup");
    // Back to the page that was asked for once signed in (a deep link survives the sign-in).
    const asked = safeNextPath((await headers()).get(REQUESTED_PATH_HEADER));
    redirect(asked && asked !== "/" ? `/sign-in?next=${encodeURIComponent(asked)}` : "/sign-in");
  }
  return (
    <SessionProvider user={user}>
      <div className="flex h-dvh overflow-hidden">
        <Sidebar />
        <div className="flex min-w-0 flex-1 flex-col">
          <Header />
          <main className="scroll-stable min-h-0 flex-1 overflow-y-auto">{children}</main>
        </div>
      </div>
    </SessionProvider>
  );
}
