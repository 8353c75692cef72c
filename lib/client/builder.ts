import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { fetchJson } from "./api";
import type { JobRunRow } from "./jobs";

export type TrainingSet = {
  id: string;
  name: string;
  version: number;
  status: "BUILDING" | "DRAFT" | "APPROVED";
  instanceCount: number;
  settings: { budget: number | null; approvedOnly: boolean; disciplines: string[]; testedOnly?: boolean };
  parentId: string | null;
  createdAt: string;
  approvedAt: string | null;
  /** `stale`: a benchmark was frozen after the check, so approval needs the gate run again */
  gate?: { passed: boolean; violationCount: number; createdAt: string; stale: boolean } | null;
};
type Check = { pass: boolean | null; count: number; label: string };
export type CoverageRow = { discipline: string; concepts: number; coveredConcepts: number; relations: number; coveredRelations: number; approvedConcepts: number; coveredApprovedConcepts: number; approvedRelations: number; coveredApprovedRelations: number };
export type CoreReport = {
  contextualized: { share: number; grounded: number; instances: number };
  organized: { share: number; linked: number; coverage: CoverageRow[] };
  rigorous: { pass: boolean | null; checks: Record<"schema" | "duplicates" | "reachability" | "orthogonality", Check> };
  evolving: { parent: { id: string; name: string; version: number } | null; added: number; removed: number; note: string | null };
};
export type GatePair = { instanceId: string; itemId: string; kind: string; shared: string; similarity: number; instance: { prompt: string; completion: string } | null; item: { stem: string; benchmark: { version: number } } | null };
export type TrainingSetDetail = {
  trainingSet: TrainingSet & { parent: { id: string; name: string; version: number } | null };
  /** why approval would be refused now (test first, gate not run or failed), or null */
  approvalBlocked: string | null;
  byKind: Record<string, number>;
  byDiscipline: { slug: string; name: string; n: number }[];
  core: CoreReport | null;
  gate: { id: string; passed: boolean; checked: number; violations: number; benchmarkIds: string[]; frozenIds: string[]; stale: boolean; createdAt: string; pairs: GatePair[] } | null;
};
export type TrainingInstance = {
  id: string;
  position: number;
  kind: string;
  prompt: string;
  completion: string;
  conceptIds: string[];
  relationIds: string[];
  chunkId: string | null;
  discipline: { slug: string; name: string };
  /** what it teaches, by name (relations; concepts when it teaches no relation) */
  teaches: { level: "L1" | "L2"; id: string; label: string }[];
};
export type InstanceFilters = { discipline: string | null; kind: string; concept: string; relation: string };

export const builderKeys = {
  all: ["builder"] as const,
  list: () => ["builder", "sets"] as const,
  detail: (id: string) => ["builder", "set", id] as const,
  instances: (id: string, f: InstanceFilters) => ["builder", "set", id, "instances", f] as const,
};

export function useTrainingSets() {
  return useQuery({
    queryKey: builderKeys.list(),
    queryFn: () => fetchJson<{ items: TrainingSet[] }>("/api/training-sets"),
    refetchInterval: (q) => (q.state.data?.items.some((s) => s.status === "BUILDING") ? 1500 : false),
  });
}

export function useTrainingSet(id: string | null) {
  return useQuery({ queryKey: builderKeys.detail(id ?? ""), queryFn: () => fetchJson<TrainingSetDetail>(`/api/training-sets/${id}`), enabled: !!id });
}

export function useTrainingInstances(id: string | null, f: InstanceFilters) {
  return useInfiniteQuery({
    queryKey: builderKeys.instances(id ?? "", f),
    queryFn: ({ pageParam }) =>
      fetchJson<{ items: TrainingInstance[]; nextCursor: string | null }>(`/api/training-sets/${id}/instances`, {
        query: { discipline: f.discipline, kind: f.kind, concept: f.concept, relation: f.relation, cursor: pageParam, limit: 50 },
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: !!id,
    placeholderData: keepPreviousData,
  });
}

export function useBuildTrainingSet() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; budget?: number; approvedOnly?: boolean; testedOnly?: boolean; note?: string; disciplines?: string[]; paraphrase?: boolean; endpoint?: string }) => fetchJson<JobRunRow>("/api/training-sets", { method: "POST", body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ["jobs"] }),
  });
}

export function useRunGate() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => fetchJson<JobRunRow>(`/api/training-sets/${id}/check`, { method: "POST", body: {} }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ["jobs"] }),
  });
}

export function useApproveTrainingSet() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => fetchJson<TrainingSet>(`/api/training-sets/${id}/approve`, { method: "POST", body: {} }),
    onSuccess: () => qc.invalidateQueries({ queryKey: builderKeys.all }),
  });
}
