"use client";

import type { ReactFlowInstance, Node, Edge } from "@xyflow/react";
import { useEffect, type RefObject } from "react";

/**
 * Brings the given concepts into view when they change (the item under review), unless they are
 * all in view already: the canvas does not jump while the reviewer can see what they decide on.
 * `version` is the layout's, so a new layout is followed too.
 */
export function useCenterOn<N extends Node, E extends Edge>(flow: RefObject<ReactFlowInstance<N, E> | null>, pane: RefObject<HTMLElement | null>, ids: string[] | undefined, version: number | undefined) {
  const key = ids?.join(",") ?? "";
  useEffect(() => {
    const rf = flow.current;
    const box = pane.current?.getBoundingClientRect();
    if (!rf || !box || !key) return;
    const nodes = key.split(",").flatMap((id) => rf.getInternalNode(id) ?? []);
    if (!nodes.length) return;
    const inView = nodes.every((n) => {
      const w = n.width ?? 0;
      const h = n.height ?? 0;
      const a = rf.flowToScreenPosition(n.internals.positionAbsolute);
      const b = rf.flowToScreenPosition({ x: n.internals.positionAbsolute.x + w, y: n.internals.positionAbsolute.y + h });
      return a.x >= box.left && a.y >= box.top && b.x <= box.right && b.y <= box.bottom;
    });
    if (inView) return;
    void rf.fitView({ nodes: nodes.map((n) => ({ id: n.id })), padding: 0.6, maxZoom: Math.max(rf.getZoom(), 0.8), duration: 300 });
  }, [flow, pane, key, version]);
}
