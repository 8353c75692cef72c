import { useEffect } from "react";
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { PatchContent } from "@/lib/domain/debugger";
import type { CommentThread, CommentView, UserRef } from "@/lib/domain/knowledge/review-queue";
import type { debugRunDetail, listDebugRuns, listPatches, listTraces, patchDetail, traceDetail, traceFilters } from "@/lib/server/queries/debugger";
import type { ApplyReport } from "@/lib/server/services/debugger/apply-patches";
import type { AssignableKind } from "@/lib/server/services/debugger/assign";
import type { launchDebugInput } from "@/lib/server/services/debugger/launch-debug";
import { fetchJson } from "./api";
import { pollWhileLive, type JobRunRow } from "./jobs";
import type { WireOf } from "./wire";

export type DebugRunsResponse = WireOf<typeof listDebugRuns>;
export type DebugRunRow = DebugRunsResponse["items"][number];
export type DebugRunDetail = WireOf<typeof debugRunDetail>;
export type TracesPage = WireOf<typeof listTraces>;
export type TraceRow = TracesPage["items"][number];
export type TraceDetail = WireOf<typeof traceDetail>;
export type PatchesPage = WireOf<typeof listPatches>;
export type PatchDetail = WireOf<typeof patchDetail>;
export type LaunchDebugInput = z.input<typeof launchDebugInput>;
export type TraceFilters = Omit<z.infer<typeof traceFilters>, "cursor" | "limit">;


export const debuggerKeys = {
  all: ["debugger"] as const,
  runs: () => ["debugger", "runs"] as const,
  run: (id: string) => ["debugger", "run", id] as const,
  traces: (id: string, f: TraceFilters) => ["debugger", "run", id, "traces", f] as const,
  trace: (id: string) => ["debugger", "trace", id] as const,
  patches: (runId: string, status: string | undefined) => ["debugger", "patches", runId, status ?? ""] as const,
  patch: (id: string) => ["debugger", "patch", id] as const,
};

export function useDebugRuns() {
  return useQuery({
    queryKey: debuggerKeys.runs(),
    queryFn: () => fetchJson<DebugRunsResponse>("/api/debug-runs"),
    refetchInterval: (q) => pollWhileLive(q.state.data),
  });
}

/**
 * One debug run. While its job is live (`live`, from the runs list, which polls) the detail is
 * refetched every 1.5 s, and its failures and patches each time more of them are traced; once more
 * when the job ends, so the page never stays at "Tracing…" after the run finished.
 */
export function useDebugRun(id: string | null, live = false) {
  const qc = useQueryClient();
  const q = useQuery({
    queryKey: debuggerKeys.run(id ?? ""),
    queryFn: () => fetchJson<DebugRunDetail>(`/api/debug-runs/${encodeURIComponent(id!)}`),
    enabled: !!id,
    refetchInterval: live ? 1500 : false,
  });
  useEffect(() => {
    if (id && !live) void qc.invalidateQueries({ queryKey: debuggerKeys.run(id), exact: true });
  }, [id, live, qc]);
  const traced = q.data?.traced;
  const finished = q.data?.finishedAt ?? null;
  useEffect(() => {
    if (!id || traced === undefined) return;
    void qc.invalidateQueries({ queryKey: [...debuggerKeys.run(id), "traces"] });
    void qc.invalidateQueries({ queryKey: ["debugger", "patches", id] });
  }, [id, traced, finished, qc]);
  return q;
}

export function useTraces(id: string | null, f: TraceFilters) {
  return useInfiniteQuery({
    queryKey: debuggerKeys.traces(id ?? "", f),
    queryFn: ({ pageParam }) => fetchJson<TracesPage>(`/api/debug-runs/${encodeURIComponent(id!)}/traces`, { query: { ...f, cursor: pageParam, limit: 50 } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: !!id,
    placeholderData: keepPreviousData,
  });
}

export function useTrace(id: string) {
  return useQuery({ queryKey: debuggerKeys.trace(id), queryFn: () => fetchJson<TraceDetail>(`/api/traces/${encodeURIComponent(id)}`) });
}

export function usePatches(debugRunId: string | null, status?: string) {
  return useQuery({
    queryKey: debuggerKeys.patches(debugRunId ?? "", status),
    queryFn: () => fetchJson<PatchesPage>("/api/patches", { query: { debugRun: debugRunId, status, limit: 200 } }),
    enabled: !!debugRunId,
  });
}

export function usePatch(id: string) {
  return useQuery({ queryKey: debuggerKeys.patch(id), queryFn: () => fetchJson<PatchDetail>(`/api/patches/${encodeURIComponent(id)}`) });
}

export function useLaunchDebug() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: LaunchDebugInput) => fetchJson<JobRunRow>("/api/debug-runs", { method: "POST", body }),
    onSuccess: () => Promise.all([qc.invalidateQueries({ queryKey: debuggerKeys.runs() }), qc.invalidateQueries({ queryKey: ["jobs"] })]),
  });
}

export function useReviewTrace() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string; reviewed: boolean }) => fetchJson<{ id: string; reviewed: boolean }>(`/api/traces/${encodeURIComponent(v.id)}`, { method: "PATCH", body: { reviewed: v.reviewed } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: debuggerKeys.all }),
  });
}

export function useSavePatch() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string; version: number; content: PatchContent }) => fetchJson<{ id: string; version: number }>(`/api/patches/${encodeURIComponent(v.id)}`, { method: "PUT", body: { version: v.version, content: v.content } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: debuggerKeys.all }),
  });
}

export function useDecidePatch() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string; decision: "approve" | "reject"; version: number }) => fetchJson<{ id: string; status: string }>(`/api/patches/${encodeURIComponent(v.id)}/decision`, { method: "POST", body: { decision: v.decision, version: v.version } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: debuggerKeys.all }),
  });
}

export function useApplyPatches() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (debugRunId: string) => fetchJson<ApplyReport>(`/api/debug-runs/${encodeURIComponent(debugRunId)}/apply`, { method: "POST", body: {} }),
    onSuccess: () => Promise.all([qc.invalidateQueries({ queryKey: debuggerKeys.all }), qc.invalidateQueries({ queryKey: ["builder"] })]),
  });
}

export function usePatchComments(patchId: string) {
  return useInfiniteQuery({
    queryKey: [...debuggerKeys.patch(patchId), "comments"],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => fetchJson<CommentThread>(`/api/patches/${encodeURIComponent(patchId)}/comments`, { query: { cursor: pageParam, limit: 100 } }),
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function useAddPatchComment(patchId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (text: string) => fetchJson<CommentView>(`/api/patches/${encodeURIComponent(patchId)}/comments`, { method: "POST", body: { text } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: [...debuggerKeys.patch(patchId), "comments"] }),
  });
}

/** Where each kind of Debugger work lives in the API. */
const ASSIGN_ROUTE = { patch: "patches", trace: "traces" } as const satisfies Record<AssignableKind, string>;

/** Who a patch or a failure trace can be assigned to. */
export function useReviewers(kind: AssignableKind) {
  return useQuery({ queryKey: ["debugger", "reviewers", kind], queryFn: () => fetchJson<{ items: (UserRef & { role: string })[] }>(`/api/${ASSIGN_ROUTE[kind]}/reviewers`), staleTime: 60_000 });
}

export function useAssign(kind: AssignableKind, id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (assigneeId: string | null) => fetchJson<{ id: string; assigneeId: string | null }>(`/api/${ASSIGN_ROUTE[kind]}/${encodeURIComponent(id)}/assignee`, { method: "PUT", body: { assigneeId } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: debuggerKeys.all }),
  });
}
