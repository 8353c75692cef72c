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
import { useDisciplineName } from "@/lib/client/corpus";
import { isActiveStatus, jobLabel, jobTitle, useJobs, type JobFilters } from "@/lib/client/jobs";
import { useNow } from "@/lib/client/use-now";
import { creatorLabel, creatorParts } from "@/lib/domain/jobs/run-creator";
import { RunProgress, STATUS_LABEL, StatusBadge, TimeLeft } from "./job-status";

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
  const disciplineName = useDisciplineName();

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
                <Th className={compact ? "w-28" : "w-36"}>Progress</Th>
                {!compact && <Th>Message</Th>}
                {!compact && <Th>Started by</Th>}
                <Th>Created</Th>
                {!compact && <Th numeric>Duration</Th>}
              </tr>
            </thead>
            <tbody>
              {runs.map((run) => {
                const label = jobLabel(run.payload, run.type, disciplineName);
                const creator = creatorParts(run.createdBy);
                return (
                  <Tr
                    key={run.id}
                    interactive
                    selected={run.id === selectedId}
                    onClick={() => onSelect(run.id)}
                    data-testid="job-row"
                    data-run-id={run.id}
                    data-status={run.status}
                  >
                    {/* One flexible column takes what the others leave and truncates: the table never outgrows the page. */}
                    <Td className={compact ? "w-full max-w-0" : "whitespace-nowrap"}>
                      <button type="button" className="block max-w-full truncate font-medium text-zinc-900 hover:text-accent-700">
                        {jobTitle(run.type)}
                      </button>
                      {compact && <p className="truncate text-xs text-zinc-500" title={label ?? undefined}>{label ?? "–"}</p>}
                    </Td>
                    {!compact && (
                      <Td className="max-w-48 truncate text-zinc-600" title={label ?? undefined}>
                        {label ?? <span className="text-zinc-400">–</span>}
                      </Td>
                    )}
                    <Td className="whitespace-nowrap">
                      <StatusBadge status={run.status} counts={run.importCounts} />
                      {/* Attempts only where they tell something (a retry, a takeover): the column made the table too wide at 1440 px. */}
                      {run.attempts > 1 && <p className="mt-0.5 text-xs text-zinc-500" data-testid="job-attempts">attempt {run.attempts}</p>}
                    </Td>
                    <Td>
                      <RunProgress status={run.status} counts={run.importCounts} progress={run.progress} className={compact ? "w-24" : "w-32"} />
                      {/* Beside an open detail the selected run's estimate is in the panel. */}
                      {!compact && <TimeLeft run={run} now={now} className="mt-0.5 text-xs whitespace-nowrap text-zinc-500" />}
                    </Td>
                    {!compact && (
                      <Td className="w-full max-w-0 min-w-28 truncate text-zinc-600" title={run.message ?? undefined}>
                        {run.message ?? <span className="text-zinc-400">–</span>}
                      </Td>
                    )}
                    {!compact && (
                      <Td className="max-w-40 text-zinc-600" title={creatorLabel(run.createdBy)} data-testid="job-started-by">
                        {/* A script's token on a line of its own: the name stays readable in a narrow column. */}
                        <span className="block truncate">{creator.who}</span>
                        {creator.via && <span className="block truncate text-xs text-zinc-500"> {creator.via}</span>}
                      </Td>
                    )}
                    <Td className="whitespace-nowrap text-zinc-600" title={formatDateTime(run.createdAt)}>
                      {formatRelative(run.createdAt, now)}
                    </Td>
                    {!compact && <Td numeric>{runDuration(run.startedAt, run.finishedAt, now)}</Td>}
                  </Tr>
                );
              })}
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
