"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback } from "react";
import { cx } from "@/lib/client/cx";
import { JOB_STATUSES, type JobStatus } from "@/lib/client/jobs";
import { hrefWith } from "@/lib/client/url";
import { JobDetailPanel } from "./job-detail-panel";
import { JobsFilters } from "./jobs-filters";
import { JobsTable } from "./jobs-table";

const parseStatus = (s: string | null): JobStatus | undefined => JOB_STATUSES.find((x) => x === s);

/** Filters and the open run live in the URL (`status`, `type`, `run`) so a view can be shared or reloaded. */
export function JobsView() {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const status = parseStatus(params.get("status"));
  const type = params.get("type") || undefined;
  const runId = params.get("run");

  const update = useCallback(
    (changes: Record<string, string | null | undefined>) => {
      const clean = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) as Record<string, string | null>;
      router.replace(hrefWith(pathname, params, clean), { scroll: false });
    },
    [router, pathname, params],
  );
  const close = useCallback(() => update({ run: null }), [update]);

  return (
    <div className={cx("space-y-4 px-6 py-5", runId && "xl:pr-[37.5rem]")}>
      <JobsFilters status={status} type={type} onChange={update} />
      <JobsTable filters={{ status, type }} selectedId={runId} onSelect={(id) => update({ run: id })} compact={!!runId} />
      {runId && <JobDetailPanel id={runId} onClose={close} />}
    </div>
  );
}
