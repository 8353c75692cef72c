"use client";

import { useEffect, useRef, useState } from "react";
import type { LayoutInput, LayoutResult } from "@/lib/domain/graph/layout";

/** Positions for the graph, computed in a Web Worker; null until the first layout arrives. */
export function useLayout(input: LayoutInput | null): LayoutResult | null {
  const worker = useRef<Worker | null>(null);
  const seq = useRef(0);
  const [positions, setPositions] = useState<LayoutResult | null>(null);
  useEffect(() => {
    worker.current = new Worker(new URL("./layout.worker.ts", import.meta.url), { type: "module" });
    worker.current.onmessage = (e: MessageEvent<{ id: number; positions: LayoutResult }>) => {
      if (e.data.id === seq.current) setPositions(e.data.positions);
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
