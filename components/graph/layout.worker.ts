/// <reference lib="webworker" />
import { layoutGraph, type LayoutInput } from "@/lib/domain/graph/layout";

// Layout of thousands of nodes takes long enough to drop frames: it runs here, off the main thread.
self.onmessage = (e: MessageEvent<{ id: number; input: LayoutInput }>) => {
  const { id, input } = e.data;
  (self as unknown as Worker).postMessage({ id, positions: layoutGraph(input) });
};
