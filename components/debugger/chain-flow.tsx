"use client";

import { MarkerType, Position, ReactFlow, type Edge, type Node } from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import type { TraceDetail } from "@/lib/client/debugger";

type Verdict = "known" | "failed" | "unprobed";
const STROKE: Record<Verdict, string> = { known: "#059669", failed: "#dc2626", unprobed: "#a1a1aa" };
const RING: Record<Verdict, string> = { known: "ring-emerald-500", failed: "ring-red-500", unprobed: "ring-zinc-300" };
const WORD: Record<Verdict, string> = { known: "known", failed: "not known", unprobed: "not probed" };

/**
 * The failed item's chain, left to right: each concept ringed by its definition probe, each
 * step drawn by its single-hop probe (green known, red not known, grey not asked).
 */
export function ChainFlow({ trace }: { trace: TraceDetail }) {
  const verdict = (level: "L1" | "L2", position: number): Verdict => {
    const p = trace.probes.results.find((r) => r.level === level && r.position === position);
    // A weak probe passed shows nothing: drawn like a step not asked.
    return !p || (p.correct && p.weak) ? "unprobed" : p.correct ? "known" : "failed";
  };
  const names = [trace.steps[0]?.subject, ...trace.steps.map((s) => s.object)];
  const nodes: Node[] = names.map((name, i) => {
    const v = verdict("L1", i);
    return {
      id: `c${i}`,
      position: { x: i * 300, y: 0 },
      data: { label: name },
      draggable: false,
      connectable: false,
      sourcePosition: Position.Right,
      targetPosition: Position.Left,
      className: `!w-40 !rounded-lg !border-0 !bg-white !px-2 !py-2 !text-xs !text-zinc-900 ring-2 ${RING[v]} ${i === names.length - 1 ? "!font-semibold" : ""}`,
      ariaLabel: `${name}: definition ${WORD[v]}`,
    };
  });
  const edges: Edge[] = trace.steps.map((s, i) => {
    const v = verdict("L2", i);
    return {
      id: `s${i}`,
      source: `c${i}`,
      target: `c${i + 1}`,
      label: `${s.predicate.replace(/_/g, " ")} ${v === "known" ? "✓" : v === "failed" ? "✗" : "?"}`,
      ariaLabel: `step ${i + 1}, ${s.predicate.replace(/_/g, " ")}: ${WORD[v]}`,
      style: { stroke: STROKE[v], strokeWidth: 2, strokeDasharray: v === "unprobed" ? "4 4" : undefined },
      markerEnd: { type: MarkerType.ArrowClosed, color: STROKE[v] },
      labelStyle: { fill: STROKE[v], fontSize: 11, fontWeight: 600 },
      labelBgStyle: { fill: "#fff" },
    };
  });
  return (
    <div data-testid="trace-chain">
      <div className="h-40 rounded-md bg-zinc-50 ring-1 ring-zinc-200 [&_.react-flow__handle]:opacity-0">
        <ReactFlow nodes={nodes} edges={edges} fitView fitViewOptions={{ padding: 0.12, maxZoom: 1 }} nodesDraggable={false} nodesConnectable={false} elementsSelectable={false} zoomOnScroll={false} panOnDrag={false} preventScrolling={false} proOptions={{ hideAttribution: true }} />
      </div>
      <p className="mt-1.5 flex flex-wrap gap-x-4 text-xs text-zinc-500">
        <span><span className="font-semibold text-emerald-700">green ✓</span> the model knows it (its probe was answered)</span>
        <span><span className="font-semibold text-red-700">red ✗</span> it does not</span>
        <span><span className="font-semibold text-zinc-500">grey</span> not asked (no definition, or too few concepts to ask with)</span>
        <span>Links are steps; rings are the concepts’ definitions.</span>
      </p>
    </div>
  );
}
