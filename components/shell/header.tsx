"use client";

import { usePathname } from "next/navigation";
import { Suspense } from "react";
import { DisciplineSwitcher, DisciplineSwitcherFallback } from "./discipline-switcher";
import { navItemForPath } from "./nav-items";

export function Header() {
  const item = navItemForPath(usePathname());
  return (
    <header className="flex h-14 shrink-0 items-center justify-between gap-4 border-b border-zinc-200 bg-white px-6">
      <h1 className="truncate text-base font-semibold tracking-tight text-zinc-900">{item?.label ?? "ProDa Studio"}</h1>
      {/* Only where the page narrows to the discipline chosen (the home page too); the sidebar's
          links keep the choice on the other pages, which are about the whole workspace. */}
      {(!item || item.scoped) && (
        <Suspense fallback={<DisciplineSwitcherFallback />}>
          <DisciplineSwitcher />
        </Suspense>
      )}
    </header>
  );
}
