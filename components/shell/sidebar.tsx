"use client";

import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { Suspense } from "react";
import { cx } from "@/lib/client/cx";
import { DISCIPLINE_PARAM, navHref } from "@/lib/client/url";
import { LogoMark, NavIcon } from "./nav-icons";
import { NAV_ITEMS, navItemForPath, type NavItem } from "./nav-items";

const GROUPS: NavItem["group"][] = ["Pipeline", "Operations"];

function NavLinks({ discipline }: { discipline: string | null }) {
  const active = navItemForPath(usePathname());
  return (
    <nav aria-label="Studio" className="flex flex-col gap-5 px-3">
      {GROUPS.map((group) => (
        <div key={group}>
          <p className="px-2 pb-1.5 text-[11px] font-medium tracking-wider text-zinc-500 uppercase">{group}</p>
          <ul className="flex flex-col gap-0.5">
            {NAV_ITEMS.filter((i) => i.group === group).map((item) => {
              const isActive = active?.key === item.key;
              return (
                <li key={item.key}>
                  <Link
                    href={navHref(item.href, discipline)}
                    aria-current={isActive ? "page" : undefined}
                    data-testid={`nav-${item.key}`}
                    className={cx(
                      "group relative flex h-8 items-center gap-2.5 rounded-md px-2 text-sm transition-colors",
                      isActive ? "bg-white/10 font-medium text-white" : "text-zinc-400 hover:bg-white/5 hover:text-zinc-100",
                    )}
                  >
                    {isActive && <span className="absolute inset-y-1.5 -left-3 w-0.5 rounded-r bg-accent-500" aria-hidden />}
                    <NavIcon name={item.key} className={cx("size-4 shrink-0", isActive ? "text-accent-100" : "text-zinc-500 group-hover:text-zinc-300")} />
                    {item.label}
                  </Link>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </nav>
  );
}

function NavLinksWithDiscipline() {
  return <NavLinks discipline={useSearchParams().get(DISCIPLINE_PARAM)} />;
}

export function Sidebar() {
  return (
    <aside className="flex w-56 shrink-0 flex-col border-r border-zinc-800 bg-zinc-950" data-testid="sidebar">
      <div className="flex h-14 shrink-0 items-center gap-2.5 px-5">
        <LogoMark className="size-7" />
        <div className="leading-tight">
          <p className="text-sm font-semibold tracking-tight text-white">ProDa Studio</p>
          <p className="text-[11px] text-zinc-500">Programming with data</p>
        </div>
      </div>
      <div className="flex-1 overflow-y-auto pt-4 pb-6">
        {/* The links render without the discipline until the URL is read, at the same size. */}
        <Suspense fallback={<NavLinks discipline={null} />}>
          <NavLinksWithDiscipline />
        </Suspense>
      </div>
    </aside>
  );
}
