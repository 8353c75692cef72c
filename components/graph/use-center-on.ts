"use client";

import { getViewportForBounds, type Edge, type Node, type ReactFlowInstance } from "@xyflow/react";
import { useEffect, type RefObject } from "react";

type Box = { x: number; y: number; width: number; height: number };

/**
 * Brings the given concepts into view when they change (the item under review), unless they are
 * all in view already: the canvas does not jump while the reviewer can see what they decide on.
 * `version` is the layout's, so a new layout is followed too. `boxOf` says where a concept is
 * when it may not be a React Flow node (the overview's bulk-drawn discs); by default the node's box.
 */
export function useCenterOn<N extends Node, E extends Edge>(
  flow: RefObject<ReactFlowInstance<N, E> | null>,
  pane: RefObject<HTMLElement | null>,
  ids: string[] | undefined,
  version: number | undefined,
  boxOf?: (id: string) => Box | null,
) {
  const key = ids?.join(",") ?? "";
  useEffect(() => {
    const rf = flow.current;
    const screen = pane.current?.getBoundingClientRect();
    if (!rf || !screen || !key) return;
    const nodeBox = (id: string): Box | null => {
      const n = rf.getInternalNode(id);
      return n ? { ...n.internals.positionAbsolute, width: n.width ?? 0, height: n.height ?? 0 } : null;
    };
    const boxes = key.split(",").flatMap((id) => (boxOf ?? nodeBox)(id) ?? []);
    if (!boxes.length) return;
    const inView = boxes.every((b) => {
      const a = rf.flowToScreenPosition({ x: b.x, y: b.y });
      const z = rf.flowToScreenPosition({ x: b.x + b.width, y: b.y + b.height });
      return a.x >= screen.left && a.y >= screen.top && z.x <= screen.right && z.y <= screen.bottom;
    });
    if (inView) return;
    const x = Math.min(...boxes.map((b) => b.x));
    const y = Math.min(...boxes.map((b) => b.y));
    const bounds = { x, y, width: Math.max(...boxes.map((b) => b.x + b.width)) - x, height: Math.max(...boxes.map((b) => b.y + b.height)) - y };
    void rf.setViewport(getViewportForBounds(bounds, screen.width, screen.height, 0.02, Math.max(rf.getZoom(), 0.8), 0.6), { duration: 300 });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- boxOf follows the layout, whose version is a dependency
  }, [flow, pane, key, version]);
}
