"use client";

import { Select } from "@/components/ui/field";
import { cx } from "@/lib/client/cx";
import { JOB_STATUSES, JOB_TYPES, type JobStatus } from "@/lib/client/jobs";
import { STATUS_LABEL } from "./job-status";

type Props = {
  status: JobStatus | undefined;
  type: string | undefined;
  onChange: (changes: { status?: string | null; type?: string | null }) => void;
};

const OPTIONS: (JobStatus | undefined)[] = [undefined, ...JOB_STATUSES];

export function JobsFilters({ status, type, onChange }: Props) {
  return (
    <div className="flex flex-wrap items-center justify-between gap-3">
      <div role="group" aria-label="Filter by status" data-testid="status-filter" className="inline-flex rounded-lg bg-zinc-200/60 p-0.5">
        {OPTIONS.map((s) => {
          const active = s === status;
          return (
            <button
              key={s ?? "all"}
              type="button"
              aria-pressed={active}
              onClick={() => onChange({ status: s ?? null })}
              className={cx(
                "h-7 rounded-md px-3 text-xs font-medium transition-colors",
                active ? "bg-white text-zinc-900 shadow-xs" : "text-zinc-600 hover:text-zinc-900",
              )}
            >
              {s ? STATUS_LABEL[s] : "All"}
            </button>
          );
        })}
      </div>
      <Select aria-label="Job type" data-testid="type-filter" value={type ?? ""} onChange={(e) => onChange({ type: e.target.value || null })} className="w-48">
        <option value="">All job types</option>
        {Object.entries(JOB_TYPES).map(([value, title]) => (
          <option key={value} value={value}>
            {title}
          </option>
        ))}
        {type && !JOB_TYPES[type] && <option value={type}>{type}</option>}
      </Select>
    </div>
  );
}
