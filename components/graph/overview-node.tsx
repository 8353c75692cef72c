"use client";

import { Handle, Position, type Node, type NodeProps } from "@xyflow/react";
import { memo, type CSSProperties, type ReactNode } from "react";
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

// Two handles a node, no more: every handle is a store subscription, and with 2,000 nodes the
// extra anchors made each frame of a pan re-run thousands of them. Edges are drawn rim to rim
// from the layout (FloatingEdge), so the handles only serve drawing a new relation: drag from the
// dot on the rim, drop anywhere on the other disc. (Inline styles: the handle's own stylesheet
// sizes and centres it, and a utility class lost to it.)
const rim = "!size-2.5 !border-white !bg-accent-500 opacity-0 transition-opacity group-hover:opacity-100";
const drop: CSSProperties = { inset: 0, width: "100%", height: "100%", minWidth: 0, minHeight: 0, transform: "none", borderRadius: "9999px", border: 0, background: "transparent" };
const inert: CSSProperties = { ...drop, pointerEvents: "none", opacity: 0 };

type FaceProps = { id: string; data: Omit<OverviewNodeData, "connectable">; selected: boolean; size: number; style?: CSSProperties; children?: ReactNode };

/**
 * A concept as the overview draws it: a disc sized by how connected it is and coloured by its
 * topic cluster (filled when approved, light when a draft, dashed when rejected), with its name
 * beside it when the label placement gives it room. The label keeps its screen size at any zoom
 * (the canvas sets --overview-label-scale to 1/zoom). A React Flow node and a disc of the bulk
 * layer (BulkLayer) look the same.
 */
export function DiscFace({ id, data, selected, size, style, children }: FaceProps) {
  const { light, strong } = clusterColour(data.cluster);
  const approved = data.status === "APPROVED";
  const rejected = data.status === "REJECTED";
  return (
    <div
      className={cx("group relative rounded-full border-2", rejected && "border-dashed opacity-50", (selected || data.onPath) && "ring-4 ring-accent-500/70")}
      style={{ width: size, height: size, background: rejected ? "#fff" : approved ? strong : light, borderColor: rejected ? "#f87171" : strong, ...style }}
      data-testid="graph-node"
      data-concept-id={id}
      data-status={data.status}
      data-cluster={data.cluster}
      title={data.label}
    >
      {children}
      {/* Always in the DOM (the name is the node's text); shown where the label placement gives it room. */}
      <span className={cx("overview-label", data.hub && "font-semibold text-zinc-950", !data.labelSide && "invisible")} data-testid="graph-label" data-placed={!!data.labelSide} data-side={data.labelSide ?? undefined}>
        {data.label}
      </span>
    </div>
  );
}

/** A concept of the overview as a React Flow node: the disc, with the handles for drawing a relation. */
export const OverviewNodeView = memo(function OverviewNodeView({ id, data, selected, width }: NodeProps<OverviewNode>) {
  return (
    <DiscFace id={id} data={data} selected={!!selected} size={width ?? 16}>
      <Handle type="target" position={Position.Left} isConnectable={data.connectable} isConnectableStart={false} style={data.connectable ? drop : inert} />
      <Handle type="source" position={Position.Right} isConnectable={data.connectable} className={data.connectable ? rim : undefined} style={data.connectable ? undefined : inert} />
    </DiscFace>
  );
});
