import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient, type InfiniteData, type QueryClient } from "@tanstack/react-query";
import type { CommentThread, CommentView, QueuePage, ReviewLevel, UserRef } from "@/lib/domain/knowledge/review-queue";
import { fetchJson } from "./api";

export type { QueueItem, QueuePage, ReviewLevel, CommentView, UserRef } from "@/lib/domain/knowledge/review-queue";
export type QueueLevel = "all" | ReviewLevel;
export type QueueAssignee = "anyone" | "me" | "none";
export type QueueFilters = { discipline: string | null; level: QueueLevel; assignee: QueueAssignee };
type Reviewer = UserRef & { role: string };

export const reviewKeys = {
  queues: ["knowledge", "review-queue"] as const,
  queue: (f: QueueFilters) => ["knowledge", "review-queue", f] as const,
  comments: (level: ReviewLevel, id: string) => ["knowledge", "comments", level, id] as const,
  reviewers: ["knowledge", "reviewers"] as const,
};

/** Queue rows are keyed by level and id: ids are unique only within a level. */
export const itemKey = (i: { level: ReviewLevel; id: string }) => `${i.level}:${i.id}`;

export function useReviewQueue(f: QueueFilters) {
  return useInfiniteQuery({
    queryKey: reviewKeys.queue(f),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      fetchJson<QueuePage>("/api/knowledge/review-queue", { query: { discipline: f.discipline, level: f.level, assignee: f.assignee, cursor: pageParam, limit: 50 } }),
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

/**
 * Takes decided items out of every cached queue at once (optimistic: the queue holds drafts
 * only), and returns how to put them back when the server refuses.
 */
export function leaveQueues(qc: QueryClient, level: ReviewLevel, ids: string[]) {
  const gone = new Set(ids.map((id) => itemKey({ level, id })));
  const before = qc.getQueriesData<InfiniteData<QueuePage>>({ queryKey: reviewKeys.queues });
  for (const [key, data] of before) {
    if (!data) continue;
    const removed = data.pages.reduce((n, p) => n + p.items.filter((i) => gone.has(itemKey(i))).length, 0);
    const pages = data.pages.map((p) => ({
      ...p,
      items: p.items.filter((i) => !gone.has(itemKey(i))),
      total: p.total - removed,
      byLevel: { ...p.byLevel, [level]: p.byLevel[level] - removed },
    }));
    qc.setQueryData(key, { ...data, pages });
  }
  return () => before.forEach(([key, data]) => qc.setQueryData(key, data));
}

export function useReviewers(enabled: boolean) {
  return useQuery({ queryKey: reviewKeys.reviewers, queryFn: () => fetchJson<{ items: Reviewer[] }>("/api/knowledge/reviewers"), enabled, staleTime: 60_000 });
}

export function useAssign() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { level: ReviewLevel; ids: string[]; assigneeId: string | null }) =>
      fetchJson<{ updated: number; assignee: UserRef | null }>("/api/knowledge/assignments", { method: "POST", body }),
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: reviewKeys.queues });
      // Each assignment is an event of its item's history.
      void qc.invalidateQueries({ queryKey: ["knowledge", "history"] });
    },
  });
}

export function useComments(level: ReviewLevel, id: string) {
  return useInfiniteQuery({
    queryKey: reviewKeys.comments(level, id),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => fetchJson<CommentThread>("/api/knowledge/comments", { query: { level, id, cursor: pageParam, limit: 100 } }),
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function useAddComment() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { level: ReviewLevel; id: string; text: string }) => fetchJson<CommentView>("/api/knowledge/comments", { method: "POST", body }),
    onSuccess: (_c, v) => {
      void qc.invalidateQueries({ queryKey: reviewKeys.comments(v.level, v.id) });
      // The queue rows count comments; the item's history lists them.
      void qc.invalidateQueries({ queryKey: reviewKeys.queues });
      void qc.invalidateQueries({ queryKey: ["knowledge", "history", v.level, v.id] });
    },
  });
}
