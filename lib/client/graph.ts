import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { fetchJson } from "./api";
import type { ChainItem } from "./knowledge";

export type GraphConcept = { id: string; name: string; aliases: string[]; definition: string | null; status: string; chunkId: string | null };
export type GraphRelation = { id: string; subjectId: string; objectId: string; predicate: string; status: string; evidence: string };
export type Subgraph = { concepts: GraphConcept[]; relations: GraphRelation[]; chains: ChainItem[]; truncated: boolean };
export type SubgraphQuery = { discipline: string | null; focus: string[]; depth: number; limit: number; status: string[]; predicate: string[] };

export const graphKeys = { subgraph: (q: SubgraphQuery) => ["knowledge", "subgraph", q] as const };

export function useSubgraph(q: SubgraphQuery) {
  return useQuery({
    queryKey: graphKeys.subgraph(q),
    queryFn: () =>
      fetchJson<Subgraph>("/api/knowledge/subgraph", {
        method: "POST",
        body: { discipline: q.discipline ?? undefined, focus: q.focus, depth: q.depth, limit: q.limit, ...(q.status.length ? { status: q.status } : {}), ...(q.predicate.length ? { predicate: q.predicate } : {}) },
      }),
    placeholderData: keepPreviousData,
  });
}
