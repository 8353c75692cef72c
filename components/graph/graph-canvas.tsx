"use client";

import { Background, Controls, MiniMap, ReactFlow, type ReactFlowInstance } from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import { useMemo, useRef, useState } from "react";
import type { GraphConcept, GraphRelation } from "@/lib/client/graph";
import { ConceptNodeView, NODE_HEIGHT, NODE_WIDTH, type ConceptNode } from "./concept-node";
import { canvasInteractions } from "./canvas-interactions";
import { EDGE_LABEL_ZOOM, relationEdges } from "./relation-edges";
import { useCenterOn } from "./use-center-on";
import { useLayout } from "./use-layout";

const nodeTypes = { concept: ConceptNodeView };

type Props = {
  concepts: GraphConcept[];
  relations: GraphRelation[];
  focus: string[];
  /** relation ids of the chain drawn as a path */
  path: Set<string>;
  /** the selected relation, drawn thicker */
  selectedRelation?: string | null;
  /** the selected concept, ringed */
  selectedConcept?: string | null;
  onSelect: (conceptId: string | null) => void;
  onEdgeSelect?: (relationId: string) => void;
  /** concept ids to bring into view (the item under review) */
  centerOn?: string[];
  /** set when the user may draw a relation from one node to another */
  onConnect?: (subjectId: string, objectId: string) => void;
};

/**
 * A focus view: L1 concepts as nodes, L2 relations as directed edges labelled by predicate,
 * laid out in layers off the main thread so chains read left to right.
 */
export function GraphCanvas({ concepts, relations, focus, path, selectedRelation, selectedConcept, centerOn, onSelect, onEdgeSelect, onConnect }: Props) {
  // The layout depends only on which nodes and edges there are: a refetch that changes a status
  // or a definition keeps the layout (and the user's viewport).
  const shape = useMemo(() => concepts.map((c) => c.id).join(",") + "|" + relations.map((r) => `${r.id}:${r.subjectId}>${r.objectId}`).join(","), [concepts, relations]);
  const layoutInput = useMemo(
    () => ({
      nodes: concepts.map((c) => ({ id: c.id, width: NODE_WIDTH, height: NODE_HEIGHT })),
      edges: relations.map((r) => ({ id: r.id, source: r.subjectId, target: r.objectId })),
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed on the shape on purpose
    [shape],
  );
  const layout = useLayout("layered", layoutInput);
  const positions = layout?.result;
  const flow = useRef<ReactFlowInstance<ConceptNode> | null>(null);
  const pane = useRef<HTMLDivElement>(null);
  useCenterOn(flow, pane, centerOn, layout?.version);
  // Edge labels are unreadable when zoomed out and cost the most to draw: they go below this zoom.
  const [far, setFar] = useState(false);
  const onPath = useMemo(() => new Set(relations.filter((r) => path.has(r.id)).flatMap((r) => [r.subjectId, r.objectId])), [relations, path]);
  const nodes: ConceptNode[] = useMemo(
    () =>
      concepts.map((c) => ({
        id: c.id,
        type: "concept",
        // Known sizes: the minimap and fit-view need no DOM measurement (and hidden nodes have none).
        width: NODE_WIDTH,
        height: NODE_HEIGHT,
        position: positions?.[c.id] ?? { x: 0, y: 0 },
        selected: c.id === selectedConcept,
        data: { label: c.name, status: c.status, focused: focus.includes(c.id), onPath: onPath.has(c.id) },
      })),
    [concepts, positions, focus, onPath, selectedConcept],
  );
  const nameOf = useMemo(() => new Map(concepts.map((c) => [c.id, c.name])), [concepts]);
  const edges = useMemo(() => relationEdges(relations, { path, selectedRelation, showLabels: !far, nameOf }), [relations, path, selectedRelation, far, nameOf]);
  if (!positions) return <div className="flex h-full items-center justify-center text-sm text-zinc-500">Laying out {concepts.length} concepts…</div>;
  return (
    <div ref={pane} className="h-full">
      <ReactFlow
        // A new layout remounts the canvas so it fits the view to where the nodes now are (an
        // edit that re-lays the graph can move nodes out of a view fitted to the old layout).
        key={layout!.version}
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        fitView
        minZoom={0.05}
        onMove={(_, v) => v.zoom < EDGE_LABEL_ZOOM !== far && setFar(v.zoom < EDGE_LABEL_ZOOM)}
        onInit={(rf) => {
          flow.current = rf;
          setFar(rf.getZoom() < EDGE_LABEL_ZOOM);
        }}
        {...canvasInteractions({ onSelect, onEdgeSelect, onConnect })}
      >
        <Background />
        <MiniMap
          pannable
          zoomable
          position="bottom-right"
          style={{ width: 180, height: 120 }}
          className="ring-1 ring-zinc-200"
          nodeColor={(n) => (n.data as ConceptNode["data"]).status === "APPROVED" ? "#10b981" : (n.data as ConceptNode["data"]).status === "REJECTED" ? "#fca5a5" : "#a1a1aa"}
        />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}
