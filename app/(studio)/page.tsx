import type { Metadata } from "next";
import { Suspense } from "react";
import { HomeView } from "@/components/shell/home-view";

export const metadata: Metadata = { title: "Home" };

/** The studio opens on the loop as a checklist: what this workspace has done, and what comes next. */
export default function StudioHome() {
  return (
    <Suspense>
      <HomeView />
    </Suspense>
  );
}
