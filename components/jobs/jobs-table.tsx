"use client";

import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ErrorAlert } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import { SkeletonRows } from "@/components/ui/skeleton";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { Badge } from "@/components/ui/badge";
import { errorMessage } from "@/lib/client/api";
import { formatDateTime, formatRelative, runDuration } from "@/lib/client/format";
import { isActiveStatus, jobLabel, jobTitle, useJobs, type JobFilters } from "@/lib/client/jobs";
import { useNow } from "@/lib/client/use-now";
import { RunProgress, STATUS_LABEL, StatusBadge } from "./job-status";

type Props = {
  filters: JobFilters;
  selectedId: string | null;
  onSelect: (id: string) => void;
  /** Beside an open detail panel only the columns that identify a run are shown. */
  compact?: boolean;
};

export function JobsTable({ filters, selectedId, onSelect, compact = false }: Props) {
  const jobs = useJobs(filters);
  const runs = jobs.data?.pages.flatMap((p) => p.items) ?? [];
  const live = runs.some((r) => isActiveStatus(r.status));
  // Running durations tick every second; finished rows only need their "x min ago" refreshed.
  const now = useNow(live ? 1000 : 30_000);

  return (
    <Card
      title="Runs"
      description="Newest first"
      bodyClassName="p-0"
      actions={live && <Badge tone="blue" dot pulse>Live</Badge>}
      data-testid="jobs-table"
    >
      {jobs.isPending ? (
        <SkeletonRows rows={8} />
      ) : jobs.isError ? (
        <div className="p-4">
          <ErrorAlert title="Could not load the jobs">{errorMessage(jobs.error)}</ErrorAlert>
        </div>
      ) : runs.length === 0 ? (
        <EmptyState title={filters.status ? `No ${STATUS_LABEL[filters.status].toLowerCase()} jobs` : "No jobs yet"}>
          {filters.status || filters.type
            ? "Clear the filters to see every run."
            : "Imports and other long runs appear here. Start one by importing files on the Corpus page."}
        </EmptyState>
      ) : (
        <div className="overflow-x-auto">
          <Table>
            <thead>
              <tr>
                <Th>Job</Th>
                {!compact && <Th>Label</Th>}
                <Th>Status</Th>
                <Th className={compact ? "w-32" : "w-44"}>Progress</Th>
                {!compact && <Th>Message</Th>}
                {!compact && <Th numeric>Attempts</Th>}
                <Th>Created</Th>
                {!compact && <Th numeric>Duration</Th>}
              </tr>
            </thead>
            <tbody>
              {runs.map((run) => (
                <Tr
                  key={run.id}
                  interactive
                  selected={run.id === selectedId}
                  onClick={() => onSelect(run.id)}
                  data-testid="job-row"
                  data-run-id={run.id}
                  data-status={run.status}
                >
                  <Td className="whitespace-nowrap">
                    <button type="button" className="font-medium text-zinc-900 hover:text-accent-700">
                      {jobTitle(run.type)}
                    </button>
                    {compact && <p className="max-w-48 truncate text-xs text-zinc-500">{jobLabel(run.payload, run.type) ?? "–"}</p>}
                  </Td>
                  {!compact && (
                    <Td className="max-w-56 truncate text-zinc-600" title={jobLabel(run.payload, run.type) ?? undefined}>
                      {jobLabel(run.payload, run.type) ?? <span className="text-zinc-400">–</span>}
                    </Td>
                  )}
                  <Td>
                    <StatusBadge status={run.status} />
                  </Td>
                  <Td>
                    <RunProgress status={run.status} progress={run.progress} className={compact ? "w-28" : "w-40"} />
                  </Td>
                  {!compact && (
                    <Td className="max-w-72 truncate text-zinc-600" title={run.message ?? undefined}>
                      {run.message ?? <span className="text-zinc-400">–</span>}
                    </Td>
                  )}
                  {!compact && <Td numeric>{run.attempts}</Td>}
                  <Td className="whitespace-nowrap text-zinc-600" title={formatDateTime(run.createdAt)}>
                    {formatRelative(run.createdAt, now)}
                  </Td>
                  {!compact && <Td numeric>{runDuration(run.startedAt, run.finishedAt, now)}</Td>}
                </Tr>
              ))}
            </tbody>
          </Table>
          {jobs.hasNextPage && (
            <div className="flex justify-center border-t border-zinc-100 p-3">
              <Button size="sm" onClick={() => jobs.fetchNextPage()} loading={jobs.isFetchingNextPage}>
                Load more
              </Button>
            </div>
          )}
        </div>
      )}
    </Card>
  );
}
