"use client";

import { Background, ControlButton, Controls, getViewportForBounds, MiniMap, ReactFlow, type Edge, type FinalConnectionState, type ReactFlowInstance, type Viewport } from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import { useLayoutEffect, useMemo, useRef, useState, type CSSProperties } from "react";
import type { GraphConcept, GraphRelation } from "@/lib/client/graph";
import { placeLabels, type LabelSide } from "@/lib/domain/graph/labels";
import type { OverviewInput, OverviewLayout } from "@/lib/domain/graph/overview-layout";
import { boundsOfDiscs, discAt, nearestSegment } from "@/lib/domain/graph/edge-geometry";
import { BulkLayer } from "./bulk-layer";
import { BulkMiniMap } from "./bulk-minimap";
import { canvasInteractions } from "./canvas-interactions";
import { ClusterLegend } from "./cluster-legend";
import { FloatingEdge, type FloatingEdgeData } from "./floating-edge";
import { OverviewNodeView, type OverviewNode, type OverviewNodeData } from "./overview-node";
import { LARGE_OVERVIEW, useBulkSplit } from "./use-bulk-split";
import { relationEdges } from "./relation-edges";
import { useCenterOn } from "./use-center-on";
import { useLayout } from "./use-layout";

const nodeTypes = { overview: OverviewNodeView };
type DiscData = Omit<OverviewNodeData, "connectable">;
const sameFace = (a: DiscData, b: DiscData) => (Object.keys(b) as (keyof DiscData)[]).every((k) => a[k] === b[k]);
type OverviewEdge = Edge<FloatingEdgeData>;
const edgeTypes = { floating: FloatingEdge };
/** The most connected concepts (one in ten, at most 12) are named in bold: the discipline's landmarks. */
const hubCount = (n: number) => Math.min(12, Math.ceil(n / 10));
const OVERVIEW_EDGE_LABEL_ZOOM = 0.9;
/** How far from a bulk-drawn relation, on screen, a click still selects it. */
const EDGE_HIT_PX = 6;
const MIN_ZOOM = 0.02;
const MAX_ZOOM = 3;
// Room for the labels under the bottom row and for the zoom controls at the top right; and more
// than the 40 px at which dragging a new relation near the edge pans the canvas away.
const FIT_PADDING = { top: "24px", left: "24px", right: "56px", bottom: "56px" } as const;

/** The box around every disc of a layout. */
const boundsOf = (layout: OverviewLayout) => boundsOfDiscs(Object.values(layout.nodes)) ?? { x: 0, y: 0, width: 1, height: 1 };

type Props = {
  concepts: GraphConcept[];
  relations: GraphRelation[];
  path: Set<string>;
  selectedRelation?: string | null;
  selectedConcept?: string | null;
  /** concept ids to bring into view (the item under review) */
  centerOn?: string[];
  onSelect: (conceptId: string | null) => void;
  onEdgeSelect?: (relationId: string) => void;
  /** set when the user may draw a relation from one node to another */
  onConnect?: (subjectId: string, objectId: string) => void;
};

/**
 * The discipline at a glance: components packed side by side, each laid out force-directed in
 * a Web Worker, concepts as discs sized by degree and coloured by topic cluster, and names placed
 * like a map (most connected first, never overlapping, at a readable size at any zoom).
 */
export function OverviewCanvas({ concepts, relations, path, selectedRelation, selectedConcept, centerOn, onSelect, onEdgeSelect, onConnect }: Props) {
  const wrapper = useRef<HTMLDivElement>(null);
  // The components are packed to the canvas's shape, so the picture fills it.
  const [size, setSize] = useState<{ width: number; height: number } | null>(null);
  useLayoutEffect(() => {
    const box = wrapper.current?.getBoundingClientRect();
    setSize(box && box.height > 0 ? { width: box.width, height: box.height } : { width: 800, height: 500 });
  }, []);
  // The layout depends on which concepts and links there are, not on the order a refetch lists
  // them in: the same graph keeps its picture (and the user's view) when the data is refreshed.
  const shape = useMemo(
    () => [...concepts.map((c) => c.id)].sort().join(",") + "|" + [...relations.map((r) => `${r.subjectId}>${r.objectId}`)].sort().join(","),
    [concepts, relations],
  );
  const aspect = size ? size.width / size.height : null;
  const input: OverviewInput | null = useMemo(() => {
    if (aspect === null) return null;
    const [ids, links] = shape.split("|");
    const edges = links ? links.split(",").map((l) => l.split(">")) : [];
    return { nodes: ids ? ids.split(",").map((id) => ({ id })) : [], edges: edges.map(([source, target]) => ({ source, target })), aspect };
  }, [shape, aspect]);
  const layout = useLayout("overview", input);
  const placed = layout?.result.nodes;
  // Until the layout of these concepts arrives, the previous one would leave the new ones piled at 0,0.
  const laidOut = !!placed && concepts.every((c) => placed[c.id]);
  const flow = useRef<ReactFlowInstance<OverviewNode, OverviewEdge> | null>(null);

  // The view that shows the whole layout, computed before the first draw: labels are placed for
  // it at once, instead of drawing every node a second time after a fit.
  const bounds = useMemo(() => (layout ? boundsOf(layout.result) : null), [layout]);
  const fitted = useMemo(() => (bounds && size ? getViewportForBounds(bounds, size.width, size.height, MIN_ZOOM, MAX_ZOOM, FIT_PADDING) : null), [bounds, size]);
  // Where the user moved since (for this layout), as of the end of their last gesture.
  const [moved, setMoved] = useState<{ version: number; viewport: Viewport } | null>(null);
  const viewport = moved && moved.version === layout?.version ? moved.viewport : fitted;
  const view = viewport && size ? { x: -viewport.x / viewport.zoom, y: -viewport.y / viewport.zoom, width: size.width / viewport.zoom, height: size.height / viewport.zoom, zoom: viewport.zoom } : null;
  const zoom = view?.zoom ?? null;
  const fitZoom = fitted?.zoom ?? null;

  const onPath = useMemo(() => new Set(relations.filter((r) => path.has(r.id)).flatMap((r) => [r.subjectId, r.objectId])), [relations, path]);
  const nameOf = useMemo(() => new Map(concepts.map((c) => [c.id, c.name])), [concepts]);

  // Labels are placed again when a gesture ends, not on every frame of it.
  const hubs = hubCount(concepts.length);
  const viewKey = view ? `${view.x},${view.y},${view.zoom}` : "";
  const labels = useMemo(() => {
    if (!placed || !view) return new Map<string, LabelSide>();
    const first = (id: string) => (id === selectedConcept || onPath.has(id) ? 0 : 1);
    const candidates = concepts
      .filter((c) => placed[c.id])
      .sort((a, b) => first(a.id) - first(b.id) || placed[a.id].rank - placed[b.id].rank)
      .map((c) => ({ id: c.id, x: placed[c.id].x, y: placed[c.id].y, r: placed[c.id].r, text: c.name, landmark: first(c.id) === 0 || placed[c.id].rank < hubs }));
    return placeLabels(candidates, view.zoom, view);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `view` is new each render; its key says when it changed
  }, [placed, viewKey, concepts, selectedConcept, onPath, hubs]);

  // What each concept shows. An entry keeps its object while nothing it shows changes, so placing
  // the labels again after a gesture re-renders only the concepts whose label came or went.
  const previousData = useRef(new Map<string, DiscData>());
  const dataOf = useMemo(() => {
    const next = new Map<string, DiscData>();
    for (const c of concepts) {
      const p = placed?.[c.id] ?? { cluster: -1, rank: Infinity };
      const data: DiscData = { label: c.name, status: c.status, cluster: p.cluster, labelSide: labels.get(c.id) ?? null, hub: p.rank < hubs, onPath: onPath.has(c.id) };
      const old = previousData.current.get(c.id);
      next.set(c.id, old && sameFace(old, data) ? old : data);
    }
    previousData.current = next;
    return next;
  }, [concepts, placed, labels, onPath, hubs]);

  const large = concepts.length > LARGE_OVERVIEW || relations.length > LARGE_OVERVIEW;
  const conceptIds = useMemo(() => concepts.map((c) => c.id), [concepts]);
  const { relationsInPlay, conceptsInPlay, bulkEdges, bulkDiscs } = useBulkSplit({ large, conceptIds, relations, placed, path, selectedRelation, selectedConcept, dataOf });
  const allDiscs = useMemo(() => (placed ? Object.values(placed) : []), [placed]);

  const previous = useRef(new Map<string, OverviewNode>());
  const nodes: OverviewNode[] = useMemo(() => {
    const next = new Map<string, OverviewNode>();
    const list = concepts
      .filter((c) => !conceptsInPlay || conceptsInPlay.has(c.id))
      .map((c) => {
        const p = placed?.[c.id] ?? { x: 0, y: 0, r: 8 };
        const data = dataOf.get(c.id)!;
        const position = { x: p.x - p.r, y: p.y - p.r };
        const selected = c.id === selectedConcept;
        const connectable = !!onConnect;
        const old = previous.current.get(c.id);
        const same = old && old.selected === selected && old.position.x === position.x && old.position.y === position.y && old.data.connectable === connectable && sameFace(old.data, data);
        // Known sizes: the minimap and fit-view need no DOM measurement.
        const node: OverviewNode = same ? old : { id: c.id, type: "overview", width: 2 * p.r, height: 2 * p.r, position, selected, data: { ...data, connectable } };
        next.set(c.id, node);
        return node;
      });
    previous.current = next;
    return list;
  }, [concepts, conceptsInPlay, placed, dataOf, selectedConcept, onConnect]);
  // Predicates are read close up: at the overview's zoom they would only be noise.
  const showEdgeLabels = zoom !== null && zoom >= OVERVIEW_EDGE_LABEL_ZOOM;
  const edges: OverviewEdge[] = useMemo(
    () =>
      relationEdges(relationsInPlay ? relations.filter((r) => relationsInPlay.has(r.id)) : relations, { path, selectedRelation, showLabels: showEdgeLabels, nameOf, type: "floating", labelScale: true }).map((e) => ({
        ...e,
        data: placed?.[e.source] && placed[e.target] ? { source: placed[e.source], target: placed[e.target] } : undefined,
      })),
    [relations, relationsInPlay, path, selectedRelation, showEdgeLabels, nameOf, placed],
  );

  const interactions = canvasInteractions({ onSelect, onEdgeSelect, onConnect });
  // A click on the pane may be a click on a bulk-drawn relation: the nearest one within reach.
  const onPaneClick = (event: React.MouseEvent) => {
    const rf = flow.current;
    if (rf && onEdgeSelect && bulkEdges.length > 0) {
      const p = rf.screenToFlowPosition({ x: event.clientX, y: event.clientY });
      const hit = nearestSegment(bulkEdges.map((e) => e.segment), p.x, p.y, EDGE_HIT_PX / rf.getZoom());
      if (hit !== null) return onEdgeSelect(bulkEdges[hit].id);
    }
    interactions.onPaneClick();
  };
  // A relation drawn from a React Flow node and dropped on a bulk-drawn disc: the disc under the pointer.
  const onConnectEnd = (event: MouseEvent | TouchEvent, state: FinalConnectionState) => {
    const rf = flow.current;
    if (!rf || !onConnect || state.isValid || !state.fromNode || !placed) return;
    const point = "changedTouches" in event ? event.changedTouches[0] : event;
    const p = rf.screenToFlowPosition({ x: point.clientX, y: point.clientY });
    const target = discAt(bulkDiscs, p.x, p.y);
    if (target && target.id !== state.fromNode.id) onConnect(state.fromNode.id, target.id);
  };
  const boxOf = (id: string) => (placed?.[id] ? boundsOfDiscs([placed[id]]) : null);

  useCenterOn(flow, wrapper, centerOn, layout?.version, boxOf);

  // Nothing to navigate while everything is in view: the minimap appears once zoomed in.
  const zoomedIn = zoom !== null && fitZoom !== null && zoom > fitZoom * 1.5;
  return (
    <div className="flex h-full flex-col" data-testid="graph-overview" data-laid-out={laidOut ? concepts.length : undefined} data-layout-ms={layout?.ms}>
      <div ref={wrapper} className="relative min-h-0 flex-1" style={zoom ? ({ "--overview-label-scale": 1 / zoom } as CSSProperties) : undefined}>
        {!laidOut ? (
          <div className="flex h-full items-center justify-center text-sm text-zinc-500">Laying out {concepts.length} concepts…</div>
        ) : (
          <ReactFlow
            // A new layout mounts a new canvas at the view that fits it.
            key={layout!.version}
            defaultViewport={fitted!}
            nodes={nodes}
            edges={edges}
            nodeTypes={nodeTypes}
            edgeTypes={edgeTypes}
            minZoom={MIN_ZOOM}
            maxZoom={MAX_ZOOM}
            onInit={(rf) => {
              flow.current = rf;
            }}
            // Labels take their new size (the wrapper's --overview-label-scale) when a gesture ends:
            // rescaling 2,000 of them on every frame of a zoom cut the frame rate to a third.
            onMoveEnd={(_, v: Viewport) => setMoved({ version: layout!.version, viewport: v })}
            nodesDraggable={false}
            {...interactions}
            onPaneClick={onPaneClick}
            onConnectEnd={onConnectEnd}
          >
            <Background />
            {large && <BulkLayer edges={bulkEdges} discs={bulkDiscs} labelsIn={showEdgeLabels ? view : null} onPick={onSelect} />}
            {zoomedIn && (large ? <BulkMiniMap discs={allDiscs} bounds={bounds!} pane={size!} /> : <MiniMap pannable zoomable position="bottom-right" className="ring-1 ring-zinc-200" style={{ width: 180, height: 120 }} nodeColor="#a1a1aa" />)}
            {/* React Flow fits its own nodes, and a large overview has few: fit the whole layout instead. */}
            <Controls showInteractive={false} showFitView={!large} position="top-right" fitViewOptions={{ padding: FIT_PADDING }}>
              {large && (
                <ControlButton onClick={() => void flow.current?.setViewport(fitted!, { duration: 300 })} title="Fit View" aria-label="Fit View" className="react-flow__controls-fitview">
                  <svg viewBox="0 0 32 30" aria-hidden>
                    <path d="M3.692 4.63c0-.53.4-.938.939-.938h5.215V0H4.708C2.13 0 0 2.054 0 4.63v5.216h3.692V4.631zM27.354 0h-5.2v3.692h5.17c.53 0 .984.4.984.939v5.215H32V4.631A4.624 4.624 0 0027.354 0zm.954 24.83c0 .532-.4.94-.939.94h-5.215v3.768h5.215c2.577 0 4.631-2.13 4.631-4.707v-5.139h-3.692v5.139zm-23.677.94c-.531 0-.939-.4-.939-.94v-5.138H0v5.139c0 2.577 2.13 4.707 4.708 4.707h5.138V25.77H4.631z" />
                  </svg>
                </ControlButton>
              )}
            </Controls>
          </ReactFlow>
        )}
      </div>
      <ClusterLegend
        clusters={layout?.result.clusters ?? []}
        nameOf={nameOf}
        onPick={(cluster) => {
          const bounds = boundsOfDiscs(concepts.flatMap((c) => (placed?.[c.id]?.cluster === cluster ? [placed[c.id]] : [])));
          if (bounds && size) void flow.current?.setViewport(getViewportForBounds(bounds, size.width, size.height, MIN_ZOOM, 1.5, 0.2), { duration: 400 });
        }}
      />
    </div>
  );
}
