import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { fetchJson } from "./api";
import type { JobRunRow } from "./jobs";

type StatusCounts = { DRAFT: number; APPROVED: number; REJECTED: number };
export type KnowledgeStats = {
  disciplines: { slug: string; name: string; chunks: number; extractedChunks: number; concepts: StatusCounts; relations: StatusCounts; chains: StatusCounts }[];
  reachability: number;
  violations: { message: string }[];
};
export type { ConceptView as ConceptItem, RelationView as RelationItem, ChainView as ChainItem, SearchResult } from "@/lib/domain/knowledge/views";
import type { SearchResult } from "@/lib/domain/knowledge/views";

export const knowledgeKeys = {
  all: ["knowledge"] as const,
  stats: (discipline: string | null) => ["knowledge", "stats", discipline] as const,
  search: (q: string, discipline: string | null) => ["knowledge", "search", q, discipline] as const,
};

export function useKnowledgeStats(discipline: string | null) {
  return useQuery({ queryKey: knowledgeKeys.stats(discipline), queryFn: () => fetchJson<KnowledgeStats>("/api/knowledge/stats", { query: { discipline } }) });
}

export function useKnowledgeSearch(q: string, discipline: string | null) {
  return useQuery({
    queryKey: knowledgeKeys.search(q, discipline),
    queryFn: () => fetchJson<SearchResult>("/api/knowledge/search", { query: { q, discipline, limit: 20 } }),
    enabled: q.length > 1,
  });
}

export function useStartExtraction() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { discipline?: string; engine: "local" | "llm"; endpoint?: string; force?: boolean }) =>
      fetchJson<JobRunRow>("/api/knowledge/extractions", { method: "POST", body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ["jobs"] }),
  });
}

export type PredicateRow = { name: string; phrase: string; inverse: string };

export function useVocabulary(discipline: string | null) {
  return useQuery({
    queryKey: ["knowledge", "vocabulary", discipline] as const,
    queryFn: () => fetchJson<{ items: PredicateRow[] }>("/api/knowledge/vocabulary", { query: { discipline } }),
    enabled: !!discipline,
  });
}

export function useSaveVocabulary(discipline: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (items: PredicateRow[]) => fetchJson<{ items: PredicateRow[] }>("/api/knowledge/vocabulary", { method: "PUT", query: { discipline }, body: { items } }),
    onSuccess: (data) => qc.setQueryData(["knowledge", "vocabulary", discipline], data),
  });
}
