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
      {/* Administration and account pages are not about one discipline. */}
      {(!item || item.group === "Pipeline" || item.group === "Operations") && (
        <Suspense fallback={<DisciplineSwitcherFallback />}>
          <DisciplineSwitcher />
        </Suspense>
      )}
    </header>
  );
}
