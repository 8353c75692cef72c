"use client";

import { useHistory } from "@/lib/client/curation";
import { formatDateTime } from "@/lib/client/format";

/** Who changed an item and how, from the audit log. */
export function HistoryList({ type, id }: { type: "concept" | "relation" | "chain"; id: string }) {
  const { data } = useHistory(type, id);
  if (!data?.items.length) return <p className="text-zinc-400">No changes yet.</p>;
  return (
    <ol className="space-y-1" data-testid="item-history">
      {data.items.map((h) => (
        <li key={h.id} className="text-zinc-600">
          <span className="font-mono">{h.action.replace("knowledge.", "")}</span> {h.details && "status" in h.details ? String(h.details.status).toLowerCase() : ""} ·{" "}
          {h.actorEmail ?? "extractor"} · {formatDateTime(h.at)}
        </li>
      ))}
    </ol>
  );
}
