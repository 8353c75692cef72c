/// <reference lib="webworker" />
import type { LayoutRequest, LayoutResponse } from "./use-layout";
import { layoutGraph } from "@/lib/domain/graph/layout";
import { layoutOverview } from "@/lib/domain/graph/overview-layout";

// Layout of thousands of nodes takes long enough to drop frames: it runs here, off the main thread.
self.onmessage = (e: MessageEvent<LayoutRequest>) => {
  const req = e.data;
  const started = performance.now();
  const laid = req.kind === "overview" ? { id: req.id, kind: req.kind, result: layoutOverview(req.input) } : { id: req.id, kind: req.kind, result: layoutGraph(req.input) };
  const res: LayoutResponse = { ...laid, ms: Math.round(performance.now() - started) };
  (self as unknown as Worker).postMessage(res);
};
