"use client";

import { Panel, useReactFlow, useViewport } from "@xyflow/react";
import { memo, useMemo, type PointerEvent } from "react";
import type { Disc } from "@/lib/domain/graph/edge-geometry";

const WIDTH = 180;
const HEIGHT = 120;

/**
 * The minimap of a large overview, whose concepts are mostly not React Flow nodes (BulkLayer):
 * every disc as a dot within the layout's bounds, the part in view as a rectangle; a click or a drag moves the view there.
 */
type Box = { x: number; y: number; width: number; height: number };

export function BulkMiniMap({ discs, bounds, pane }: { discs: Disc[]; bounds: Box; pane: { width: number; height: number } }) {
  const rf = useReactFlow();
  const scale = Math.max(bounds.width / WIDTH, bounds.height / HEIGHT);
  const moveTo = (e: PointerEvent<SVGSVGElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    const x = bounds.x + (e.clientX - box.left - (WIDTH - bounds.width / scale) / 2) * scale;
    const y = bounds.y + (e.clientY - box.top - (HEIGHT - bounds.height / scale) / 2) * scale;
    void rf.setCenter(x, y, { zoom: rf.getZoom() });
  };
  return (
    <Panel position="bottom-right" className="rounded bg-white shadow-sm ring-1 ring-zinc-200">
      <svg
        width={WIDTH}
        height={HEIGHT}
        viewBox={`${bounds.x + (bounds.width - WIDTH * scale) / 2} ${bounds.y + (bounds.height - HEIGHT * scale) / 2} ${WIDTH * scale} ${HEIGHT * scale}`}
        className="block cursor-pointer"
        role="img"
        aria-label="Minimap: click or drag to move the view"
        data-testid="graph-minimap"
        onPointerDown={(e) => (e.currentTarget.setPointerCapture(e.pointerId), moveTo(e))}
        onPointerMove={(e) => e.buttons === 1 && moveTo(e)}
      >
        <Dots discs={discs} />
        <InView pane={pane} stroke={scale} />
      </svg>
    </Panel>
  );
}

const Dots = memo(function Dots({ discs }: { discs: Disc[] }) {
  const d = useMemo(() => discs.map((c) => `M${Math.round(c.x - c.r)} ${Math.round(c.y)}a${Math.round(c.r)} ${Math.round(c.r)} 0 1 0 ${Math.round(2 * c.r)} 0a${Math.round(c.r)} ${Math.round(c.r)} 0 1 0 ${-Math.round(2 * c.r)} 0`).join(""), [discs]);
  return <path d={d} fill="#a1a1aa" />;
});

/** The part of the canvas in view; re-rendered on every frame of a pan, alone. */
function InView({ pane, stroke }: { pane: { width: number; height: number }; stroke: number }) {
  const { x, y, zoom } = useViewport();
  return <rect x={-x / zoom} y={-y / zoom} width={pane.width / zoom} height={pane.height / zoom} fill="rgb(99 102 241 / 0.08)" stroke="rgb(99 102 241)" strokeWidth={1.5 * stroke} />;
}
