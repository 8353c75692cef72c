import { MarkerType, type Edge } from "@xyflow/react";
import type { GraphRelation } from "@/lib/client/graph";

/** Below this zoom edge labels are unreadable and cost the most to draw: they are left out. */
export const EDGE_LABEL_ZOOM = 0.45;

type Options = {
  /** relation ids of the chain drawn as a path */
  path: Set<string>;
  selectedRelation?: string | null;
  showLabels: boolean;
  nameOf: Map<string, string>;
  /** the edge type: the focus view's default curves, or the overview's straight floating lines */
  type?: string;
  /** the overview keeps predicates at one screen size: a scaled font with a halo instead of a measured box */
  labelScale?: boolean;
};

/**
 * How a relation's line looks by review status, wherever it is drawn (a React Flow edge, or the
 * large overview's bulk paths): a draft keeps React Flow's default grey.
 */
export const RELATION_STROKE: Record<"DRAFT" | "APPROVED" | "REJECTED", { stroke: string; strokeDasharray?: string }> = {
  DRAFT: { stroke: "#b1b1b7" },
  APPROVED: { stroke: "#10b981" },
  REJECTED: { stroke: "#fca5a5", strokeDasharray: "4 3" },
};

/** L2 relations as directed edges: styled by review status, the chain's path and the selection. */
export function relationEdges(relations: GraphRelation[], { path, selectedRelation, showLabels, nameOf, type, labelScale }: Options): Edge[] {
  return relations.map((r) => ({
    id: r.id,
    source: r.subjectId,
    target: r.objectId,
    type,
    label: showLabels ? r.predicate : undefined,
    // Screen readers hear the relation, not its ids.
    ariaLabel: `${nameOf.get(r.subjectId) ?? "?"} ${r.predicate.replace(/_/g, " ")} ${nameOf.get(r.objectId) ?? "?"} (${r.status.toLowerCase()})`,
    animated: path.has(r.id),
    markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16 },
    style:
      r.id === selectedRelation
        ? { stroke: "#f59e0b", strokeWidth: 3 }
        : path.has(r.id)
          ? { stroke: "var(--color-accent-600)", strokeWidth: 2 }
          : r.status === "APPROVED" || r.status === "REJECTED"
            ? RELATION_STROKE[r.status]
            : undefined,
    interactionWidth: 16,
    ...(labelScale
      ? { labelStyle: { fontSize: "calc(10px * var(--overview-label-scale, 1))", stroke: "#fff", strokeWidth: 3, paintOrder: "stroke", fill: "#52525b" }, labelShowBg: false }
      : { labelStyle: { fontSize: 10 }, labelBgPadding: [4, 2] as [number, number] }),
  }));
}
