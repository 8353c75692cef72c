"use client";

import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";
import type { useReview } from "@/lib/client/curation";
import type { GraphConcept, GraphRelation, Subgraph } from "@/lib/client/graph";
import { cx } from "@/lib/client/cx";
import { ChainBuilder } from "./chain-builder";
import { ChainInspector } from "./chain-inspector";
import { ConceptInspector } from "./concept-inspector";
import { NewConceptForm } from "./new-concept-form";
import { NewRelationForm } from "./new-relation-form";
import { RelationInspector } from "./relation-inspector";

/** What the inspector shows and the A / R keys act on: one concept, relation or chain. */
export type Selection = { kind: "concept" | "relation" | "chain"; id: string } | null;
export type Mode = "inspect" | "queue" | "compose";

type Props = {
  data: Subgraph;
  /** the L3 level filter: off hides the chains list */
  showChains: boolean;
  discipline: string | null;
  canEdit: boolean;
  mode: Mode;
  setMode: (m: Mode) => void;
  selection: Selection;
  setSelection: (s: Selection) => void;
  queue: GraphRelation[];
  composing: GraphRelation[];
  setComposing: (steps: GraphRelation[]) => void;
  editingChain: { id: string; summary: string | null } | null;
  setEditingChain: (c: { id: string; summary: string | null } | null) => void;
  pending: { subjectId: string; objectId: string } | null;
  setPending: (p: null) => void;
  chainId: string | null;
  setChainId: (id: string | null) => void;
  onFocus: (conceptId: string) => void;
  review: ReturnType<typeof useReview>;
  vocabulary: { name: string; phrase: string; inverse: string }[];
  /** shown under the tabs: the last decision with its Undo */
  notice?: ReactNode;
};

/** "Draft 12 of 135": where the reviewer is in the queue of drafts in view. */
function queuePosition(queue: GraphRelation[], relation: GraphRelation | undefined): string {
  const at = relation ? queue.findIndex((r) => r.id === relation.id) : -1;
  return at < 0 ? `${queue.length} drafts in view` : `Draft ${at + 1} of ${queue.length}`;
}

/** Beside the canvas: the inspector, the review queue, the chain composer, and the chains in view. */
export function GraphSidePanel(p: Props) {
  const nameOf = (id: string) => p.data.concepts.find((c) => c.id === id)?.name ?? id;
  const concept: GraphConcept | undefined = p.selection?.kind === "concept" ? p.data.concepts.find((c) => c.id === p.selection!.id) : undefined;
  const relation: GraphRelation | undefined = p.selection?.kind === "relation" ? p.data.relations.find((r) => r.id === p.selection!.id) : undefined;
  const chain = p.selection?.kind === "chain" ? p.data.chains.find((c) => c.id === p.selection!.id) : undefined;
  const tabs: { key: Mode; label: string }[] = [
    { key: "inspect", label: "Inspect" },
    { key: "queue", label: `Queue (${p.queue.length})` },
    ...(p.canEdit ? [{ key: "compose" as const, label: "Compose chain" }] : []),
  ];
  return (
    <div className="flex min-h-0 flex-col gap-4 overflow-y-auto">
      <div role="tablist" className="flex gap-1 rounded-lg bg-zinc-200/60 p-0.5 text-xs">
        {tabs.map((t) => (
          <button key={t.key} role="tab" aria-selected={p.mode === t.key} onClick={() => p.setMode(t.key)} className={cx("flex-1 rounded-md px-2 py-1", p.mode === t.key ? "bg-white font-medium shadow-xs" : "text-zinc-600")} data-testid={`mode-${t.key}`}>
            {t.label}
          </button>
        ))}
      </div>
      {p.notice}
      {p.pending && p.discipline && (
        <Card title="New relation">
          <NewRelationForm discipline={p.discipline} subjectId={p.pending.subjectId} objectId={p.pending.objectId} nameOf={nameOf} onDone={() => p.setPending(null)} />
        </Card>
      )}
      {p.mode === "compose" ? (
        <Card title={p.editingChain ? "Edit a chain" : "Compose a chain"}>
          <ChainBuilder
            key={p.editingChain?.id ?? "new"}
            steps={p.composing}
            setSteps={p.setComposing}
            editing={p.editingChain}
            nameOf={nameOf}
            onDone={() => (p.setComposing([]), p.setEditingChain(null))}
            review={p.review}
          />
        </Card>
      ) : p.mode === "queue" && p.queue.length === 0 ? (
        <Card title="Review queue">
          <p className="text-xs text-zinc-500">No draft relation in this view.</p>
        </Card>
      ) : (
        <Card
          title={concept?.name ?? (relation ? "L2 relation" : chain ? "L3 chain" : "Inspector")}
          description={
            p.mode === "queue"
              ? `${queuePosition(p.queue, relation)} · J/K move · A/R decide · U undo · ? keys`
              : concept
                ? "L1 concept"
                : relation || chain
                  ? undefined
                  : "Select a node, an edge or a chain · ?: keyboard shortcuts"
          }
          data-testid="graph-inspector"
        >
          {concept ? (
            <ConceptInspector concept={concept} others={p.data.concepts.filter((c) => c.id !== concept.id)} around={p.data.relations.filter((r) => r.subjectId === concept.id || r.objectId === concept.id)} nameOf={nameOf} canEdit={p.canEdit} onFocus={() => p.onFocus(concept.id)} review={p.review} />
          ) : relation ? (
            <RelationInspector relation={relation} vocabulary={p.vocabulary} nameOf={nameOf} canEdit={p.canEdit} review={p.review} />
          ) : chain ? (
            <ChainInspector chain={chain} canEdit={p.canEdit} review={p.review} />
          ) : (
            <div className="space-y-3">
              <p className="text-xs text-zinc-500">Click a concept for its definition and history, or an edge for its evidence in the source chunk.{p.canEdit ? " Drag from one node's right handle to another node to draw a relation." : ""}</p>
              {p.canEdit && p.discipline && <NewConceptForm discipline={p.discipline} />}
            </div>
          )}
        </Card>
      )}
      {p.showChains && (
        <Card title="L3 chains" description="Choose one to draw it as a path" bodyClassName="p-0" data-testid="graph-chains">
          {p.data.chains.length === 0 ? (
            <p className="p-3 text-xs text-zinc-500">No chain lies entirely in this view.</p>
          ) : (
            <ul className="divide-y divide-zinc-100 text-xs">
              {p.data.chains.map((c) => (
                <li key={c.id}>
                  <button
                    type="button"
                    onClick={() => {
                      // Choosing a chain draws its path and makes it the selection: the inspector and A / R follow it.
                      const off = p.chainId === c.id;
                      p.setChainId(off ? null : c.id);
                      p.setSelection(off ? null : { kind: "chain", id: c.id });
                      if (p.mode === "queue") p.setMode("inspect");
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
                      onClick={() => {
                        p.setEditingChain({ id: c.id, summary: c.summary });
                        p.setComposing(c.steps.map((s) => ({ id: s.relation.id, subjectId: s.relation.subject.id, objectId: s.relation.object.id, predicate: s.relation.predicate, status: s.relation.status, evidence: s.relation.evidence })));
                        p.setMode("compose");
                      }}
                    >
                      Edit steps
                    </button>
                  )}
                </li>
              ))}
            </ul>
          )}
        </Card>
      )}
    </div>
  );
}
