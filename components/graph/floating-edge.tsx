"use client";

import { BaseEdge, type Edge, type EdgeProps } from "@xyflow/react";
import { memo } from "react";

/** The centres and radii of the two discs an overview edge joins, from the layout. */
export type FloatingEdgeData = { sx: number; sy: number; sr: number; tx: number; ty: number; tr: number };

/**
 * A straight edge between two discs of the overview, from rim to rim: a force layout puts
 * neighbours in any direction, so fixed left and right handles would loop around the nodes.
 * The ends come from the layout (overview nodes do not move), shortened by the radii; no store
 * subscription per edge, which matters with 2,400 of them.
 */
export const FloatingEdge = memo(function FloatingEdge(props: EdgeProps<Edge<FloatingEdgeData>>) {
  const { id, data, markerEnd, style, label, labelStyle, labelShowBg, labelBgPadding, interactionWidth } = props;
  const { sx: sourceX, sy: sourceY, sr: rs, tx: targetX, ty: targetY, tr: rt } = data ?? { sx: props.sourceX, sy: props.sourceY, sr: 0, tx: props.targetX, ty: props.targetY, tr: 0 };
  const d = Math.hypot(targetX - sourceX, targetY - sourceY) || 1;
  const ux = (targetX - sourceX) / d;
  const uy = (targetY - sourceY) / d;
  const path = `M ${sourceX + ux * rs} ${sourceY + uy * rs} L ${targetX - ux * (rt + 1)} ${targetY - uy * (rt + 1)}`;
  return (
    <BaseEdge
      id={id}
      path={path}
      markerEnd={markerEnd}
      style={style}
      label={label}
      labelX={(sourceX + targetX) / 2}
      labelY={(sourceY + targetY) / 2}
      labelStyle={labelStyle}
      labelShowBg={labelShowBg}
      labelBgPadding={labelBgPadding}
      interactionWidth={interactionWidth}
    />
  );
});
