"use client";

import { Handle, Position, type Node, type NodeProps } from "@xyflow/react";
import { memo, type CSSProperties } from "react";
import { cx } from "@/lib/client/cx";
import type { LabelSide } from "@/lib/domain/graph/labels";
import { clusterColour } from "./cluster-colors";

export type OverviewNodeData = {
  label: string;
  status: string;
  cluster: number;
  /** where its name is drawn, or null when the label placement found no room for it */
  labelSide: LabelSide | null;
  hub: boolean;
  onPath: boolean;
  /** the user may draw a relation from this concept (a handle on its rim) to another (dropped on its disc) */
  connectable: boolean;
};
export type OverviewNode = Node<OverviewNodeData, "overview">;

// Edges are drawn rim to rim (FloatingEdge); these handles only anchor them, at the centre.
const anchor = "!pointer-events-none !left-1/2 !top-1/2 !size-px !min-h-0 !min-w-0 !border-0 !opacity-0";
// Drawing a relation: drag from the dot on the rim, drop anywhere on the other disc.
const rim = "!size-2.5 !border-white !bg-accent-500 opacity-0 transition-opacity group-hover:opacity-100";
// (Inline: the handle's own stylesheet sizes and centres it, and a utility class lost to it.)
const drop: CSSProperties = { inset: 0, width: "100%", height: "100%", minWidth: 0, minHeight: 0, transform: "none", borderRadius: "9999px", border: 0, background: "transparent" };

/**
 * A concept of the overview: a disc sized by how connected it is and coloured by its topic
 * cluster (filled when approved, light when a draft, dashed when rejected), with its name
 * underneath when the label placement gives it room. The label keeps its screen size at any zoom
 * (the canvas sets --overview-label-scale to 1/zoom).
 */
export const OverviewNodeView = memo(function OverviewNodeView({ data, selected, width }: NodeProps<OverviewNode>) {
  const { light, strong } = clusterColour(data.cluster);
  const approved = data.status === "APPROVED";
  const rejected = data.status === "REJECTED";
  return (
    <div
      className={cx("group relative rounded-full border-2", rejected && "border-dashed opacity-50", (selected || data.onPath) && "ring-4 ring-accent-500/70")}
      style={{ width, height: width, background: rejected ? "#fff" : approved ? strong : light, borderColor: rejected ? "#f87171" : strong }}
      data-testid="graph-node"
      data-status={data.status}
      data-cluster={data.cluster}
      title={data.label}
    >
      <Handle type="target" id="anchor-in" position={Position.Top} isConnectable={false} className={anchor} />
      <Handle type="source" id="anchor-out" position={Position.Bottom} isConnectable={false} className={anchor} />
      {data.connectable && (
        <>
          <Handle type="target" id="drop" position={Position.Left} isConnectableStart={false} style={drop} />
          <Handle type="source" id="rim" position={Position.Right} className={rim} />
        </>
      )}
      {/* Always in the DOM (the name is the node's text); shown where the label placement gives it room. */}
      <span className={cx("overview-label", data.hub && "font-semibold text-zinc-950", !data.labelSide && "invisible")} data-testid="graph-label" data-placed={!!data.labelSide} data-side={data.labelSide ?? undefined}>
        {data.label}
      </span>
    </div>
  );
});
