import type { Connection } from "@xyflow/react";

type Handlers = {
  onSelect: (conceptId: string | null) => void;
  onEdgeSelect?: (relationId: string) => void;
  /** set when the user may draw a relation from one node to another */
  onConnect?: (subjectId: string, objectId: string) => void;
};

/** What both canvases (overview and focus) do with clicks and a drawn connection, and how they draw. */
export function canvasInteractions({ onSelect, onEdgeSelect, onConnect }: Handlers) {
  return {
    // Measured (bench/graph-fps.ts): culling off-screen elements recomputes visibility and
    // mounts nodes on every pan frame; drawing all 2,000 is smoother (p95 83 → 67 ms).
    onlyRenderVisibleElements: false,
    nodesConnectable: !!onConnect,
    onConnect: (c: Connection) => {
      if (c.source && c.target && c.source !== c.target) onConnect?.(c.source, c.target);
    },
    onEdgeClick: (_: unknown, e: { id: string }) => onEdgeSelect?.(e.id),
    onNodeClick: (_: unknown, n: { id: string }) => onSelect(n.id),
    onPaneClick: () => onSelect(null),
    proOptions: { hideAttribution: true },
  };
}
