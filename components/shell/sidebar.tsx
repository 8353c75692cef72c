"use client";

import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { can } from "@/lib/auth/permissions";
import { cx } from "@/lib/client/cx";
import { useSessionUser } from "@/lib/client/session";
import { DISCIPLINE_PARAM, navHref } from "@/lib/client/url";
import { LogoMark, NavIcon } from "./nav-icons";
import { NAV_ITEMS, navItemForPath, OTHER_PAGES, type NavItem } from "./nav-items";
import { UserMenu } from "./user-menu";

const GROUPS: NavItem["group"][] = ["Pipeline", "Operations", "Admin"];
const ITEMS = [...NAV_ITEMS, ...OTHER_PAGES];

function NavLinks() {
  // Studio pages render per request (they need the session), so the URL is known on the server.
  const discipline = useSearchParams().get(DISCIPLINE_PARAM);
  const active = navItemForPath(usePathname());
  const { role } = useSessionUser();
  const visible = ITEMS.filter((i) => !i.permission || can(role, i.permission));
  return (
    <nav aria-label="Studio" className="flex flex-col gap-5 px-3">
      {GROUPS.filter((g) => visible.some((i) => i.group === g)).map((group) => (
        <div key={group}>
          <p className="px-2 pb-1.5 text-[11px] font-medium tracking-wider text-zinc-500 uppercase">{group}</p>
          <ul className="flex flex-col gap-0.5">
            {visible.filter((i) => i.group === group).map((item) => {
              const isActive = active?.key === item.key;
              return (
                <li key={item.key}>
                  <Link
                    href={navHref(item.href, discipline)}
                    aria-current={isActive ? "page" : undefined}
                    data-testid={`nav-${item.key}`}
                    title={item.coming ? `${item.label}: coming, not built yet` : undefined}
                    className={cx(
                      "group relative flex h-8 items-center gap-2.5 rounded-md px-2 text-sm transition-colors",
                      isActive ? "bg-white/10 font-medium text-white" : "text-zinc-400 hover:bg-white/5 hover:text-zinc-100",
                    )}
                  >
                    {isActive && <span className="absolute inset-y-1.5 -left-3 w-0.5 rounded-r bg-accent-500" aria-hidden />}
                    <NavIcon name={item.key} className={cx("size-4 shrink-0", isActive ? "text-accent-100" : "text-zinc-500 group-hover:text-zinc-300")} />
                    {item.label}
                    {item.coming && (
                      <span className="ml-auto rounded bg-white/5 px-1.5 py-px text-[10px] font-normal tracking-wide text-zinc-500 uppercase" data-testid="nav-coming">
                        soon
                      </span>
                    )}
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

export function Sidebar() {
  return (
    <aside className="flex w-56 shrink-0 flex-col border-r border-zinc-800 bg-zinc-950" data-testid="sidebar">
      <Link href="/" className="flex h-14 shrink-0 items-center gap-2.5 px-5" data-testid="home-link" aria-label="ProDa Studio: home, the loop step by step">
        <LogoMark className="size-7" />
        <div className="leading-tight">
          <p className="text-sm font-semibold tracking-tight text-white">ProDa Studio</p>
          <p className="text-[11px] text-zinc-500">Programming with data</p>
        </div>
      </Link>
      <div className="flex-1 overflow-y-auto pt-4 pb-6">
        <NavLinks />
      </div>
      <UserMenu />
    </aside>
  );
}
