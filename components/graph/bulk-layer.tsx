"use client";

import { EdgeLabelRenderer } from "@xyflow/react";
import { memo, useMemo, type MouseEvent } from "react";
import { arrowHeadPath, type Segment } from "@/lib/domain/graph/edge-geometry";
import { DiscFace, type OverviewNodeData } from "./overview-node";
import { RELATION_STROKE } from "./relation-edges";

export type BulkEdge = { id: string; status: string; predicate: string; segment: Segment };
export type BulkDisc = { id: string; x: number; y: number; r: number; data: Omit<OverviewNodeData, "connectable"> };
type View = { x: number; y: number; width: number; height: number };

type Status = keyof typeof RELATION_STROKE;
const STATUSES = Object.keys(RELATION_STROKE) as Status[];
/** Predicates drawn at most at once: close up only a few hundred relations are on screen anyway. */
const MAX_LABELS = 300;
const round = (n: number) => Math.round(n * 10) / 10;

type LayerProps = {
  edges: BulkEdge[];
  discs: BulkDisc[];
  /** the part of the canvas in view, when predicates are to be shown (close up) */
  labelsIn: View | null;
  onPick: (conceptId: string) => void;
};

/**
 * A large overview drawn without a React Flow element per concept and relation: mounting 2,000
 * nodes and 2,400 edges took most of the overview's first draw (bench/RESULTS.md). Relations
 * are a handful of SVG paths, concepts plain discs, both inside the viewport's transform under
 * React Flow's nodes (the edge-label layer). What is in play (selected, on the drawn chain) is
 * handed to React Flow instead, with its handles and its edges' labels.
 */
export function BulkLayer({ edges, discs, labelsIn, onPick }: LayerProps) {
  const conceptOf = (e: MouseEvent) => (e.target as HTMLElement).closest<HTMLElement>("[data-concept-id]")?.dataset.conceptId;
  return (
    <EdgeLabelRenderer>
      <BulkEdges edges={edges} labelsIn={labelsIn} />
      {/* One listener for all discs; the selected one becomes a React Flow node (to draw a relation from its rim). */}
      <div
        onClick={(e) => {
          const id = conceptOf(e);
          if (id) onPick(id);
        }}
      >
        {discs.map((d) => (
          <Disc key={d.id} {...d} />
        ))}
      </div>
    </EdgeLabelRenderer>
  );
}

// Spread props, not the disc object: a new list after a gesture re-renders only the discs whose
// data (kept by identity while unchanged) or place changed.
const Disc = memo(function Disc({ id, x, y, r, data }: BulkDisc) {
  return <DiscFace id={id} data={data} selected={false} size={2 * r} style={{ position: "absolute", left: x - r, top: y - r, pointerEvents: "auto", cursor: "pointer" }} />;
});

/** Every relation as one SVG path per review status (lines, then arrowheads); predicates close up, for those in view. */
const BulkEdges = memo(function BulkEdges({ edges, labelsIn }: { edges: BulkEdge[]; labelsIn: View | null }) {
  // One pass: each relation's line and arrowhead go to the paths of its status (unknown: draft).
  const paths = useMemo(() => {
    const d = Object.fromEntries(STATUSES.map((st) => [st, { lines: "", heads: "" }])) as Record<Status, { lines: string; heads: string }>;
    for (const e of edges) {
      const into = d[(e.status in d ? e.status : "DRAFT") as Status];
      const s = e.segment;
      into.lines += `M${round(s.x1)} ${round(s.y1)}L${round(s.x2)} ${round(s.y2)}`;
      into.heads += arrowHeadPath(s, 5, 3);
    }
    return STATUSES.map((status) => ({ status, ...RELATION_STROKE[status], ...d[status] }));
  }, [edges]);
  const labels = useMemo(() => {
    if (!labelsIn) return [];
    const inView = (x: number, y: number) => x >= labelsIn.x && x <= labelsIn.x + labelsIn.width && y >= labelsIn.y && y <= labelsIn.y + labelsIn.height;
    const shown: { id: string; x: number; y: number; text: string }[] = [];
    for (const e of edges) {
      const x = (e.segment.x1 + e.segment.x2) / 2;
      const y = (e.segment.y1 + e.segment.y2) / 2;
      if (inView(x, y)) shown.push({ id: e.id, x, y, text: e.predicate });
      if (shown.length >= MAX_LABELS) break;
    }
    return shown;
  }, [edges, labelsIn]);
  return (
    <svg className="absolute left-0 top-0 size-px overflow-visible" aria-hidden data-testid="graph-bulk-edges" data-count={edges.length}>
        {paths.map((p) => (
          <g key={p.status}>
            <path d={p.lines} fill="none" stroke={p.stroke} strokeDasharray={p.strokeDasharray} />
            <path d={p.heads} fill={p.stroke} />
          </g>
        ))}
        {labels.map((l) => (
          <text
            key={l.id}
            x={l.x}
            y={l.y}
            textAnchor="middle"
            dominantBaseline="central"
            style={{ fontSize: "calc(10px * var(--overview-label-scale, 1))", stroke: "#fff", strokeWidth: "calc(3px * var(--overview-label-scale, 1))", paintOrder: "stroke", fill: "#52525b" }}
          >
            {l.text}
          </text>
        ))}
    </svg>
  );
});
