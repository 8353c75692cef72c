import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { fetchJson } from "./api";
import type { SubgraphView } from "@/lib/domain/knowledge/views";

export type { ConceptView as GraphConcept, EdgeView as GraphRelation, SubgraphView as Subgraph } from "@/lib/domain/knowledge/views";
type Subgraph = SubgraphView;
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
