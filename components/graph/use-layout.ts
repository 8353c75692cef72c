"use client";

import { useEffect, useRef, useState } from "react";
import type { LayoutInput, LayoutResult } from "@/lib/domain/graph/layout";

/**
 * Positions for the graph, computed in a Web Worker; null until the first layout arrives.
 * `version` changes with each layout that arrives, so the canvas can fit the view to it.
 */
export function useLayout(input: LayoutInput | null): { positions: LayoutResult; version: number } | null {
  const worker = useRef<Worker | null>(null);
  const seq = useRef(0);
  const [positions, setPositions] = useState<{ positions: LayoutResult; version: number } | null>(null);
  useEffect(() => {
    worker.current = new Worker(new URL("./layout.worker.ts", import.meta.url), { type: "module" });
    worker.current.onmessage = (e: MessageEvent<{ id: number; positions: LayoutResult }>) => {
      if (e.data.id === seq.current) setPositions({ positions: e.data.positions, version: e.data.id });
    };
    return () => worker.current?.terminate();
  }, []);
  useEffect(() => {
    if (!input || !worker.current) return;
    seq.current++;
    worker.current.postMessage({ id: seq.current, input });
  }, [input]);
  return positions;
}
