"use client";

import { BaseEdge, useInternalNode, type EdgeProps } from "@xyflow/react";
import { memo } from "react";

/**
 * A straight edge between two discs of the overview, from rim to rim: a force layout puts
 * neighbours in any direction, so fixed left and right handles would loop around the nodes.
 */
export const FloatingEdge = memo(function FloatingEdge({ id, source, target, markerEnd, style, label, labelStyle, labelShowBg, labelBgPadding, interactionWidth }: EdgeProps) {
  const s = useInternalNode(source);
  const t = useInternalNode(target);
  if (!s || !t) return null;
  const rs = (s.width ?? 0) / 2;
  const rt = (t.width ?? 0) / 2;
  const sx = s.internals.positionAbsolute.x + rs;
  const sy = s.internals.positionAbsolute.y + rs;
  const tx = t.internals.positionAbsolute.x + rt;
  const ty = t.internals.positionAbsolute.y + rt;
  const d = Math.hypot(tx - sx, ty - sy) || 1;
  const ux = (tx - sx) / d;
  const uy = (ty - sy) / d;
  const path = `M ${sx + ux * rs} ${sy + uy * rs} L ${tx - ux * (rt + 1)} ${ty - uy * (rt + 1)}`;
  return (
    <BaseEdge
      id={id}
      path={path}
      markerEnd={markerEnd}
      style={style}
      label={label}
      labelX={(sx + tx) / 2}
      labelY={(sy + ty) / 2}
      labelStyle={labelStyle}
      labelShowBg={labelShowBg}
      labelBgPadding={labelBgPadding}
      interactionWidth={interactionWidth}
    />
  );
});
