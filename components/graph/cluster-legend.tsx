"use client";

import type { OverviewCluster } from "@/lib/domain/graph/overview-layout";
import { clusterColour, COLOURED_CLUSTERS } from "./cluster-colors";

/**
 * The overview's key, in a bar under the canvas (never over nodes): the largest topic clusters,
 * each named after its most connected concept (a click zooms to it), and what fill and outline
 * say about review status.
 */
export function ClusterLegend({ clusters, nameOf, onPick }: { clusters: OverviewCluster[]; nameOf: Map<string, string>; onPick: (cluster: number) => void }) {
  const shown = clusters.slice(0, COLOURED_CLUSTERS).filter((c) => c.size > 1);
  return (
    <div className="flex items-start gap-3 border-t border-zinc-200 bg-zinc-50 px-3 py-1.5 text-xs" data-testid="cluster-legend">
      <span className="shrink-0 py-0.5 font-medium text-zinc-600">Topic clusters</span>
      {/* One line, whatever the width: the canvas above keeps its height (the rest are in the title). */}
      <ul className="flex h-6 min-w-0 flex-1 flex-wrap gap-x-1 overflow-hidden" title={shown.map((c) => `${nameOf.get(c.hub) ?? "?"} (${c.size})`).join(", ")}>
        {shown.length === 0 && <li className="py-0.5 text-zinc-500">none yet: no linked concepts</li>}
        {shown.map((c) => (
          <li key={c.id}>
            <button type="button" className="flex items-center gap-1.5 rounded px-1.5 py-0.5 hover:bg-zinc-200/70" onClick={() => onPick(c.id)} title={`Zoom to the ${c.size} concepts around “${nameOf.get(c.hub) ?? "?"}”`}>
              <span className="size-2.5 shrink-0 rounded-full" style={{ background: clusterColour(c.id).strong }} />
              <span className="max-w-40 truncate text-zinc-800">{nameOf.get(c.hub) ?? "?"}</span>
              <span className="tabular-nums text-zinc-400">{c.size}</span>
            </button>
          </li>
        ))}
      </ul>
      <span className="flex shrink-0 items-center gap-2.5 py-0.5 text-[11px] text-zinc-500">
        <span className="flex items-center gap-1">
          <span className="size-2.5 rounded-full border-2 border-zinc-500 bg-zinc-500" /> approved
        </span>
        <span className="flex items-center gap-1">
          <span className="size-2.5 rounded-full border-2 border-zinc-500 bg-zinc-100" /> draft
        </span>
        <span className="flex items-center gap-1">
          <span className="size-2.5 rounded-full border-2 border-dashed border-red-400" /> rejected
        </span>
      </span>
    </div>
  );
}
