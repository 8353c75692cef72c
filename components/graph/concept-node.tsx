"use client";

import { Handle, Position, type NodeProps, type Node } from "@xyflow/react";
import { memo } from "react";
import { cx } from "@/lib/client/cx";

export type ConceptNodeData = { label: string; status: string; focused: boolean; onPath: boolean };
export type ConceptNode = Node<ConceptNodeData, "concept">;

export const NODE_WIDTH = 168;
export const NODE_HEIGHT = 38;

const STATUS = {
  APPROVED: "border-emerald-500 bg-emerald-50 text-emerald-900",
  REJECTED: "border-red-300 bg-red-50 text-red-800 line-through",
  DRAFT: "border-zinc-300 bg-white text-zinc-800",
} as Record<string, string>;

/** An L1 concept, coloured by review status; memoised so panning 2,000 nodes re-renders none. */
export const ConceptNodeView = memo(function ConceptNodeView({ data, selected }: NodeProps<ConceptNode>) {
  return (
    <div
      className={cx(
        "flex items-center justify-center rounded-md border px-2 text-center text-xs leading-tight shadow-xs",
        STATUS[data.status] ?? STATUS.DRAFT,
        (selected || data.focused) && "ring-2 ring-accent-500",
        data.onPath && "border-accent-600 bg-accent-50 font-medium",
      )}
      style={{ width: NODE_WIDTH, height: NODE_HEIGHT }}
      data-testid="graph-node"
      data-status={data.status}
      title={data.label}
    >
      <Handle type="target" position={Position.Left} className="!size-1.5 !bg-zinc-400" />
      <span className="line-clamp-2">{data.label}</span>
      <Handle type="source" position={Position.Right} className="!size-1.5 !bg-zinc-400" />
    </div>
  );
});
