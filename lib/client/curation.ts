import { useMutation, useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import type { ReviewLevel, ReviewResult } from "@/lib/domain/knowledge/review-queue";
import { fetchJson } from "./api";
import type { Subgraph } from "./graph";
import { leaveQueues } from "./review-queue";

/** The three levels of the structure, as the review API names them. */
export type Level = ReviewLevel;
export type HistoryEvent = { id: string; at: string; action: string; actorEmail: string | null; details: Record<string, unknown> | null };
export type RelationDetail = {
  relation: { id: string; predicate: string; evidence: string; status: string; subject: { id: string; name: string }; object: { id: string; name: string } };
  chunk: { id: string; heading: string | null; text: string; document: { title: string } } | null;
};

const subgraphs = (qc: QueryClient) => qc.getQueriesData<Subgraph>({ queryKey: ["knowledge", "subgraph"] });

/**
 * Applies a change to every cached subgraph at once (optimistic), and returns how to undo it
 * when the server refuses.
 */
function optimistic(qc: QueryClient, change: (g: Subgraph) => Subgraph) {
  const before = subgraphs(qc);
  for (const [key, data] of before) if (data) qc.setQueryData(key, change(data));
  return () => before.forEach(([key, data]) => qc.setQueryData(key, data));
}

const settle = (qc: QueryClient) => qc.invalidateQueries({ queryKey: ["knowledge"] });

export function useUpdateConcept() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...patch }: { id: string; name?: string; aliases?: string[]; definition?: string | null }) =>
      fetchJson(`/api/knowledge/concepts/${encodeURIComponent(id)}`, { method: "PATCH", body: patch }),
    onMutate: ({ id, ...patch }) => optimistic(qc, (g) => ({ ...g, concepts: g.concepts.map((c) => (c.id === id ? { ...c, ...patch } : c)) })),
    onError: (_e, _v, undo) => undo?.(),
    onSettled: () => settle(qc),
  });
}

export function useReview() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { level: Level; ids: string[]; status: "APPROVED" | "REJECTED" | "DRAFT" }) => fetchJson<ReviewResult>("/api/knowledge/review", { method: "POST", body }),
    onMutate: ({ level, ids, status }) => {
      const undoGraph = optimistic(qc, (g) => ({
        ...g,
        concepts: level === "concept" ? g.concepts.map((c) => (ids.includes(c.id) ? { ...c, status } : c)) : g.concepts,
        relations: level === "relation" ? g.relations.map((r) => (ids.includes(r.id) ? { ...r, status } : r)) : g.relations,
        chains: level === "chain" ? g.chains.map((c) => (ids.includes(c.id) ? { ...c, status } : c)) : g.chains,
      }));
      // A decided item leaves the queue of drafts at once; one put back to draft returns with the refetch.
      const undoQueues = status === "DRAFT" ? () => {} : leaveQueues(qc, level, ids);
      return () => (undoGraph(), undoQueues());
    },
    onError: (_e, _v, undo) => undo?.(),
    onSettled: () => settle(qc),
  });
}

export function useCreateRelation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { subjectId: string; predicate: string; objectId: string; evidence: string }) => fetchJson<{ id: string }>("/api/knowledge/relations", { method: "POST", body }),
    onSettled: () => settle(qc),
  });
}

export function useCreateChain() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { relationIds: string[]; summary?: string }) => fetchJson<{ id: string }>("/api/knowledge/chains", { method: "POST", body }),
    onSettled: () => settle(qc),
  });
}

export function useHistory(type: Level, id: string | null) {
  return useQuery({
    queryKey: ["knowledge", "history", type, id] as const,
    queryFn: () => fetchJson<{ items: HistoryEvent[] }>("/api/knowledge/history", { query: { type, id } }),
    enabled: !!id,
  });
}

export function useRelationDetail(id: string | null) {
  return useQuery({ queryKey: ["knowledge", "relation", id] as const, queryFn: () => fetchJson<RelationDetail>(`/api/knowledge/relations/${encodeURIComponent(id!)}`), enabled: !!id });
}

export function useMergeConcepts() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { keepId: string; mergeId: string }) => fetchJson("/api/knowledge/concepts/merge", { method: "POST", body }),
    onSettled: () => settle(qc),
  });
}

export function useUpdateRelation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...patch }: { id: string; predicate?: string; evidence?: string }) => fetchJson(`/api/knowledge/relations/${encodeURIComponent(id)}`, { method: "PATCH", body: patch }),
    onMutate: ({ id, ...patch }) => optimistic(qc, (g) => ({ ...g, relations: g.relations.map((r) => (r.id === id ? { ...r, ...patch } : r)) })),
    onError: (_e, _v, undo) => undo?.(),
    onSettled: () => settle(qc),
  });
}

export function useUpdateChainSteps() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, relationIds }: { id: string; relationIds: string[] }) => fetchJson(`/api/knowledge/chains/${encodeURIComponent(id)}`, { method: "PATCH", body: { relationIds } }),
    onSettled: () => settle(qc),
  });
}
