"use client";

import { Card } from "@/components/ui/card";
import type { GraphRelation, Subgraph } from "@/lib/client/graph";
import type { Selection } from "./graph-side-panel";

type Props = {
  chains: Subgraph["chains"];
  chainId: string | null;
  canEdit: boolean;
  setChainId: (id: string | null) => void;
  setSelection: (s: Selection) => void;
  /** opens a chain's steps in the composer */
  onEdit: (chain: { id: string; summary: string | null }, steps: GraphRelation[]) => void;
};

/** The L3 chains that lie entirely in the view: choosing one draws its path and selects it. */
export function ChainList(p: Props) {
  return (
    <Card title="L3 chains" description="Choose one to draw it as a path" bodyClassName="p-0" data-testid="graph-chains">
      {p.chains.length === 0 ? (
        <p className="p-3 text-xs text-zinc-500">No chain lies entirely in this view.</p>
      ) : (
        <ul className="divide-y divide-zinc-100 text-xs">
          {p.chains.map((c) => (
            <li key={c.id}>
              <button
                type="button"
                onClick={() => {
                  // Choosing a chain draws its path and makes it the selection: the inspector and A / R follow it.
                  const off = p.chainId === c.id;
                  p.setChainId(off ? null : c.id);
                  p.setSelection(off ? null : { kind: "chain", id: c.id });
                }}
                className={p.chainId === c.id ? "w-full bg-accent-50 p-2.5 text-left text-accent-900" : "w-full p-2.5 text-left text-zinc-700 hover:bg-zinc-50"}
                data-testid="graph-chain"
                data-status={c.status}
              >
                {c.summary ?? `${c.steps.length} steps`} <span className="text-zinc-400">· {c.status.toLowerCase()}</span>
              </button>
              {p.canEdit && p.chainId === c.id && (
                <button
                  type="button"
                  className="mb-2 ml-2.5 text-accent-700 hover:underline"
                  data-testid="chain-edit"
                  onClick={() =>
                    p.onEdit(
                      { id: c.id, summary: c.summary },
                      c.steps.map((s) => ({ id: s.relation.id, subjectId: s.relation.subject.id, objectId: s.relation.object.id, predicate: s.relation.predicate, status: s.relation.status, evidence: s.relation.evidence })),
                    )
                  }
                >
                  Edit steps
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
