"use client";

import type * as Monaco from "monaco-editor";

let ready: Promise<typeof Monaco> | null = null;

/**
 * Monaco from this app's own bundle, never a CDN (unreachable offline and behind firewalls):
 * workers are built from the package (JSON's own for JSON), then @monaco-editor/react is told
 * to use this instance. Once per page.
 */
export function loadMonaco(): Promise<typeof Monaco> {
  ready ??= (async () => {
    self.MonacoEnvironment = {
      getWorker(_id: string, label: string) {
        if (label === "json") return new Worker(new URL("monaco-editor/languages/features/json/json.worker", import.meta.url), { type: "module" });
        return new Worker(new URL("monaco-editor/editor/editor.worker", import.meta.url), { type: "module" });
      },
    };
    const monaco = await import("monaco-editor");
    const { loader } = await import("@monaco-editor/react");
    loader.config({ monaco });
    return monaco;
  })();
  return ready;
}
