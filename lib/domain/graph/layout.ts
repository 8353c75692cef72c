import dagre from "@dagrejs/dagre";

export type LayoutInput = {
  nodes: { id: string; width: number; height: number }[];
  edges: { id: string; source: string; target: string }[];
  direction?: "LR" | "TB";
};
export type LayoutResult = Record<string, { x: number; y: number }>;

/**
 * Positions for a directed graph (dagre, layered): relations flow left to right, so a chain
 * reads as a row. Pure and synchronous; the studio runs it in a Web Worker.
 */
export function layoutGraph({ nodes, edges, direction = "LR" }: LayoutInput): LayoutResult {
  const g = new dagre.graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: direction, nodesep: 24, ranksep: 90, marginx: 20, marginy: 20 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of nodes) g.setNode(n.id, { width: n.width, height: n.height });
  for (const e of edges) if (g.hasNode(e.source) && g.hasNode(e.target)) g.setEdge(e.source, e.target, {}, e.id);
  dagre.layout(g);
  const out: LayoutResult = {};
  for (const n of nodes) {
    const p = g.node(n.id);
    // dagre gives centres; React Flow places nodes by their top-left corner.
    out[n.id] = { x: p.x - n.width / 2, y: p.y - n.height / 2 };
  }
  return out;
}
