"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { Select } from "@/components/ui/field";
import { useDisciplines } from "@/lib/client/corpus";
import { DISCIPLINE_PARAM, hrefWithDiscipline } from "@/lib/client/url";

/** Scopes every page to one discipline through `?discipline=<slug>`, so the choice survives navigation and reloads. */
export function DisciplineSwitcher() {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const current = params.get(DISCIPLINE_PARAM) ?? "";
  const { data: disciplines, isError } = useDisciplines();
  // Keep an unknown or not-yet-loaded slug selectable so the control never lies about the URL.
  const missing = current && !disciplines?.some((d) => d.slug === current);

  return (
    <Select
      aria-label="Discipline"
      data-testid="discipline-switcher"
      value={current}
      title={isError ? "Could not load the disciplines" : undefined}
      onChange={(e) => router.push(hrefWithDiscipline(pathname, params, e.target.value || null), { scroll: false })}
      className="w-56"
    >
      <option value="">All disciplines</option>
      {missing && <option value={current}>{current}</option>}
      {disciplines?.map((d) => (
        <option key={d.id} value={d.slug}>
          {d.name}
        </option>
      ))}
    </Select>
  );
}

export function DisciplineSwitcherFallback() {
  return (
    <Select aria-label="Discipline" disabled className="w-56">
      <option>All disciplines</option>
    </Select>
  );
}
