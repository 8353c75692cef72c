import { jobDefinitions } from "@/lib/jobs/registry";
import type { ImportCounts } from "@/lib/domain/corpus/import-outcome";
import type { RunCreator } from "@/lib/domain/jobs/run-creator";
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { fetchJson } from "./api";
import { corpusKeys } from "./corpus";

export const JOB_STATUSES = ["QUEUED", "RUNNING", "WAITING", "SUCCEEDED", "FAILED", "CANCELLED"] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** Still going: queued, running, or waiting on something remote (a rate limit, a fine-tune). */
export const isActiveStatus = (s: JobStatus | undefined | null): boolean => s === "QUEUED" || s === "RUNNING" || s === "WAITING";

/** Titles of the job types the workers run (mirrors lib/jobs/registry without importing server code). */
// Titles come from the job definitions the workers run (lib/jobs holds only names, schemas and options).
export const JOB_TYPES: Record<string, string> = Object.fromEntries(jobDefinitions.map((d) => [d.name, d.title]));
export const jobTitle = (type: string) => JOB_TYPES[type] ?? type;

export type JobRun = {
  id: string;
  type: string;
  status: JobStatus;
  progress: number;
  message: string | null;
  error: string | null;
  attempts: number;
  payload: unknown;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  updatedAt: string;
  cancelRequestedAt: string | null;
  createdBy: RunCreator;
};

/** What starting, cancelling or retrying a run answers: the stored row, without the names the list adds. */
export type JobRunRow = Omit<JobRun, "createdBy">;
/** A row of the Jobs list: an import's outcome comes summed up, without its whole report. */
export type JobRunSummary = JobRun & { importCounts: ImportCounts | null };
export type JobRunDetail = JobRun & { result: unknown; parentRunId: string | null };
/** A loop run's stage runs (JobRun.parentRunId), in the order they ran. */
export type ChildRun = { id: string; type: string; status: JobStatus; progress: number };
export type JobLogLevel = "info" | "warn" | "error";
export type JobLog = { id: string; at: string; level: JobLogLevel; message: string };
export type JobRunResponse = { run: JobRunDetail; logs: JobLog[]; children: ChildRun[] };
export type JobsPage = { items: JobRunSummary[]; nextCursor: string | null };
export type JobFilters = { status?: JobStatus; type?: string };

/**
 * What a person would call the run: its label, the path it imports, the name it builds, or the
 * disciplines it covers (by name, through `disciplineName`; payloads hold slugs).
 */
export function jobLabel(payload: unknown, type?: string, disciplineName: (slug: string) => string = (s) => s): string | null {
  if (!payload || typeof payload !== "object") return null;
  const p = payload as { label?: unknown; name?: unknown; disciplines?: unknown; discipline?: unknown; source?: { kind?: unknown; path?: unknown } };
  if (typeof p.label === "string" && p.label) return p.label;
  if (p.source?.kind === "path" && typeof p.source.path === "string") return p.source.path;
  const slugs: unknown[] = Array.isArray(p.disciplines) ? p.disciplines : [p.discipline];
  const names = slugs.filter((s): s is string => typeof s === "string" && s !== "").map(disciplineName);
  const scope = names.length ? names.join(", ") : null;
  if (typeof p.name === "string" && p.name) return scope ? `${p.name} (${scope})` : p.name;
  // Runs over the whole structure name no discipline: say so rather than nothing.
  return scope ?? (type && ALL_DISCIPLINE_JOBS.has(type) ? "all disciplines" : null);
}
const ALL_DISCIPLINE_JOBS = new Set(["knowledge-extract", "benchmark-build", "training-set-build"]);

export const jobKeys = {
  all: ["jobs"] as const,
  lists: () => [...jobKeys.all, "list"] as const,
  list: (filters: JobFilters) => [...jobKeys.lists(), filters] as const,
  details: () => [...jobKeys.all, "detail"] as const,
  detail: (id: string) => [...jobKeys.details(), id] as const,
};

const PAGE_SIZE = 50;
const ACTIVE_POLL_MS = 1500;
// A slow heartbeat still surfaces runs started elsewhere (the CLI, another tab).
const IDLE_POLL_MS = 15_000;
export const RUN_POLL_MS = 1000;

/**
 * How often to refetch a list of runs' outcomes (fine-tunes, evaluations, debug runs): while one
 * is queued or going, every 1.5 s; otherwise not at all.
 */
export const pollWhileLive = (data: { pending: unknown[]; items: { run?: { status: string } | null }[] } | undefined): number | false =>
  data && (data.pending.length || data.items.some((i) => isActiveStatus(i.run?.status as JobStatus | undefined))) ? 1500 : false;

export function useJobs(filters: JobFilters) {
  return useInfiniteQuery({
    queryKey: jobKeys.list(filters),
    queryFn: ({ pageParam, signal }) =>
      fetchJson<JobsPage>("/api/jobs", { query: { ...filters, cursor: pageParam, limit: PAGE_SIZE }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchInterval: (q) =>
      q.state.data?.pages.some((p) => p.items.some((r) => isActiveStatus(r.status))) ? ACTIVE_POLL_MS : IDLE_POLL_MS,
    // Switching the status filter keeps the old rows on screen until the new ones arrive.
    placeholderData: keepPreviousData,
  });
}

export function useJobRun(id: string | null | undefined) {
  return useQuery({
    queryKey: jobKeys.detail(id ?? ""),
    queryFn: ({ signal }) => fetchJson<JobRunResponse>(`/api/jobs/${encodeURIComponent(id!)}`, { signal }),
    enabled: !!id,
    refetchInterval: (q) => (isActiveStatus(q.state.data?.run.status) ? RUN_POLL_MS : false),
  });
}

/** A run changed state: its detail, every jobs list, and (for imports) the Corpus import list. */
function invalidateRun(qc: QueryClient, run: Pick<JobRunRow, "id" | "type">) {
  const keys: readonly (readonly unknown[])[] = [
    jobKeys.detail(run.id),
    jobKeys.lists(),
    ...(run.type === "corpus-import" ? [corpusKeys.imports()] : []),
  ];
  return Promise.all(keys.map((queryKey) => qc.invalidateQueries({ queryKey })));
}

export function useCancelJob() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => fetchJson<JobRunRow>(`/api/jobs/${encodeURIComponent(id)}/cancel`, { method: "POST" }),
    onSuccess: (run) => invalidateRun(qc, run),
  });
}

export function useRetryJob() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => fetchJson<JobRunRow>(`/api/jobs/${encodeURIComponent(id)}/retry`, { method: "POST" }),
    onSuccess: (run) => invalidateRun(qc, run),
  });
}
