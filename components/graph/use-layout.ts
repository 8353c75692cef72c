"use client";

import { useEffect, useRef, useState } from "react";
import type { LayoutInput, LayoutResult } from "@/lib/domain/graph/layout";
import type { OverviewInput, OverviewLayout } from "@/lib/domain/graph/overview-layout";

type Kinds = { layered: { input: LayoutInput; result: LayoutResult }; overview: { input: OverviewInput; result: OverviewLayout } };
export type LayoutRequest = { [K in keyof Kinds]: { id: number; kind: K; input: Kinds[K]["input"] } }[keyof Kinds];
/** `ms`: how long the layout took in the worker (the canvas shows it to benchmarks as data-layout-ms). */
export type LayoutResponse = { [K in keyof Kinds]: { id: number; kind: K; result: Kinds[K]["result"]; ms: number } }[keyof Kinds];

/**
 * A layout computed in a Web Worker: layered (a focus view, chains read left to right) or the
 * discipline overview. Null until the first one arrives; `version` changes with each layout
 * that arrives, so the canvas can fit the view to it.
 */
export function useLayout<K extends keyof Kinds>(kind: K, input: Kinds[K]["input"] | null): { result: Kinds[K]["result"]; version: number; ms: number } | null {
  const worker = useRef<Worker | null>(null);
  const seq = useRef(0);
  const [layout, setLayout] = useState<{ result: Kinds[K]["result"]; version: number; ms: number } | null>(null);
  useEffect(() => {
    worker.current = new Worker(new URL("./layout.worker.ts", import.meta.url), { type: "module" });
    worker.current.onmessage = (e: MessageEvent<LayoutResponse>) => {
      if (e.data.id === seq.current) setLayout({ result: e.data.result as Kinds[K]["result"], version: e.data.id, ms: e.data.ms });
    };
    return () => worker.current?.terminate();
  }, []);
  useEffect(() => {
    if (!input || !worker.current) return;
    seq.current++;
    worker.current.postMessage({ id: seq.current, kind, input } as LayoutRequest);
  }, [kind, input]);
  return layout;
}
