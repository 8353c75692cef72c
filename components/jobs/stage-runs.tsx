"use client";

import Link from "next/link";
import { jobTitle, type ChildRun } from "@/lib/client/jobs";
import { RunProgress, StatusBadge } from "./job-status";

/** A loop run's stage jobs (each an ordinary run, opened here), or, for a stage job, the loop run it belongs to. */
export function StageRuns({ parentRunId, runs }: { parentRunId: string | null; runs: ChildRun[] }) {
  if (parentRunId) {
    return (
      <p className="text-sm text-zinc-600" data-testid="job-parent">
        A stage of a <Link href={`/jobs?run=${parentRunId}`} className="text-accent-700 hover:underline">loop run</Link>: it ran in that run’s worker.
      </p>
    );
  }
  if (!runs.length) return null;
  return (
    <section aria-label="Stage jobs" className="space-y-2" data-testid="job-children">
      <h3 className="text-xs font-semibold tracking-wide text-zinc-500 uppercase">Stage jobs</h3>
      <ol className="divide-y divide-zinc-100 rounded-md ring-1 ring-zinc-200">
        {runs.map((r) => (
          <li key={r.id} className="flex items-center gap-3 px-3 py-1.5">
            <Link href={`/jobs?run=${r.id}`} className="w-40 shrink-0 truncate text-sm text-accent-700 hover:underline">
              {jobTitle(r.type)}
            </Link>
            <StatusBadge status={r.status} counts={null} />
            <RunProgress status={r.status} counts={null} progress={r.progress} className="flex-1" />
          </li>
        ))}
      </ol>
    </section>
  );
}
