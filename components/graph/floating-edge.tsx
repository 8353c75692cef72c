"use client";

import { BaseEdge, type Edge, type EdgeProps } from "@xyflow/react";
import { memo } from "react";
import { rimSegment, type Disc } from "@/lib/domain/graph/edge-geometry";

/** The two discs an overview edge joins, from the layout. */
export type FloatingEdgeData = { source: Disc; target: Disc };

/**
 * A straight edge between two discs of the overview, from rim to rim: a force layout puts
 * neighbours in any direction, so fixed left and right handles would loop around the nodes.
 * The ends come from the layout (overview nodes do not move); no store subscription per edge.
 */
export const FloatingEdge = memo(function FloatingEdge(props: EdgeProps<Edge<FloatingEdgeData>>) {
  const { id, data, markerEnd, style, label, labelStyle, labelShowBg, labelBgPadding, interactionWidth } = props;
  const source = data?.source ?? { x: props.sourceX, y: props.sourceY, r: 0 };
  const target = data?.target ?? { x: props.targetX, y: props.targetY, r: 0 };
  const s = rimSegment(source, target);
  return (
    <BaseEdge
      id={id}
      path={`M ${s.x1} ${s.y1} L ${s.x2} ${s.y2}`}
      markerEnd={markerEnd}
      style={style}
      label={label}
      labelX={(source.x + target.x) / 2}
      labelY={(source.y + target.y) / 2}
      labelStyle={labelStyle}
      labelShowBg={labelShowBg}
      labelBgPadding={labelBgPadding}
      interactionWidth={interactionWidth}
    />
  );
});
