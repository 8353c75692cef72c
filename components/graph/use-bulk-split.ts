"use client";

import { useMemo } from "react";
import type { GraphRelation } from "@/lib/client/graph";
import { rimSegment } from "@/lib/domain/graph/edge-geometry";
import type { OverviewNode as Placed } from "@/lib/domain/graph/overview-layout";
import type { BulkDisc, BulkEdge } from "./bulk-layer";
import type { OverviewNodeData } from "./overview-node";

/** Above this many concepts or relations the overview draws what is not in play in bulk (BulkLayer). */
export const LARGE_OVERVIEW = 600;

type Input = {
  large: boolean;
  conceptIds: string[];
  relations: GraphRelation[];
  placed: Record<string, Placed> | undefined;
  path: Set<string>;
  selectedRelation?: string | null;
  selectedConcept?: string | null;
  dataOf: Map<string, Omit<OverviewNodeData, "connectable">>;
};

/**
 * Which concepts and relations of a large overview React Flow draws (those in play: selected, on
 * the drawn chain, touching the selected concept, under the pointer, and the ends of those
 * relations) and which the bulk layer draws (all the rest). A small overview is all React Flow.
 */
export function useBulkSplit({ large, conceptIds, relations, placed, path, selectedRelation, selectedConcept, dataOf }: Input) {
  const { relationsInPlay, conceptsInPlay } = useMemo(() => {
    if (!large) return { relationsInPlay: null, conceptsInPlay: null };
    const rels = new Set<string>();
    const ids = new Set<string>(selectedConcept ? [selectedConcept] : []);
    for (const r of relations) {
      if (!(path.has(r.id) || r.id === selectedRelation || r.subjectId === selectedConcept || r.objectId === selectedConcept)) continue;
      rels.add(r.id);
      ids.add(r.subjectId).add(r.objectId);
    }
    return { relationsInPlay: rels, conceptsInPlay: ids };
  }, [large, relations, path, selectedRelation, selectedConcept]);

  const bulkEdges: BulkEdge[] = useMemo(() => {
    if (!relationsInPlay || !placed) return [];
    return relations
      .filter((r) => !relationsInPlay.has(r.id) && placed[r.subjectId] && placed[r.objectId])
      .map((r) => ({ id: r.id, status: r.status, predicate: r.predicate, segment: rimSegment(placed[r.subjectId], placed[r.objectId]) }));
  }, [relations, relationsInPlay, placed]);
  const bulkDiscs: BulkDisc[] = useMemo(() => {
    if (!conceptsInPlay || !placed) return [];
    return conceptIds.filter((id) => !conceptsInPlay.has(id) && placed[id] && dataOf.has(id)).map((id) => ({ id, x: placed[id].x, y: placed[id].y, r: placed[id].r, data: dataOf.get(id)! }));
  }, [conceptIds, conceptsInPlay, placed, dataOf]);
  return { relationsInPlay, conceptsInPlay, bulkEdges, bulkDiscs };
}
