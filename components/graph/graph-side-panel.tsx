"use client";

import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";
import type { useReview } from "@/lib/client/curation";
import type { GraphConcept, GraphRelation, Subgraph } from "@/lib/client/graph";
import { cx } from "@/lib/client/cx";
import { ChainBuilder } from "./chain-builder";
import { ChainInspector } from "./chain-inspector";
import { ChainList } from "./chain-list";
import { CommentThread } from "./comment-thread";
import { ConceptInspector } from "./concept-inspector";
import { NewConceptForm } from "./new-concept-form";
import { NewRelationForm } from "./new-relation-form";
import { RelationInspector } from "./relation-inspector";
import { ReviewQueuePanel } from "./review-queue-panel";
import type { ReviewSession } from "./use-review-session";

/** What the inspector shows and the A / R keys act on: one concept, relation or chain. */
export type Selection = { kind: "concept" | "relation" | "chain"; id: string } | null;
export type Mode = "inspect" | "queue" | "compose";

type Props = {
  data: Subgraph;
  /** the subgraph is being fetched (a queue item not drawn is being brought in) */
  loading: boolean;
  /** the L3 level filter: off hides the chains list */
  showChains: boolean;
  discipline: string | null;
  canEdit: boolean;
  /** the signed-in user's id: "me" in the queue */
  me: string;
  mode: Mode;
  setMode: (m: Mode) => void;
  selection: Selection;
  setSelection: (s: Selection) => void;
  session: ReviewSession;
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

/** Beside the canvas: the review queue, the inspector with the item's comments, the chain composer, and the chains in view. */
export function GraphSidePanel(p: Props) {
  const nameOf = (id: string) => p.data.concepts.find((c) => c.id === id)?.name ?? id;
  const concept: GraphConcept | undefined = p.selection?.kind === "concept" ? p.data.concepts.find((c) => c.id === p.selection!.id) : undefined;
  const relation: GraphRelation | undefined = p.selection?.kind === "relation" ? p.data.relations.find((r) => r.id === p.selection!.id) : undefined;
  const chain = p.selection?.kind === "chain" ? p.data.chains.find((c) => c.id === p.selection!.id) : undefined;
  const tabs: { key: Mode; label: string }[] = [
    { key: "inspect", label: "Inspect" },
    { key: "queue", label: `Queue (${p.session.total})` },
    ...(p.canEdit ? [{ key: "compose" as const, label: "Compose" }] : []),
  ];
  const shown = concept ?? relation ?? chain;
  const thread = p.selection && shown ? <CommentThread key={`${p.selection.kind}:${p.selection.id}`} level={p.selection.kind} id={p.selection.id} canComment={p.canEdit} /> : null;
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
      {p.mode === "queue" && <ReviewQueuePanel session={p.session} canEdit={p.canEdit} me={p.me} />}
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
      ) : p.mode === "queue" && !p.selection ? null : (
        <Card
          title={concept?.name ?? (relation ? "L2 relation" : chain ? "L3 chain" : "Inspector")}
          description={concept ? "L1 concept" : shown ? undefined : p.selection ? undefined : "Select a node, an edge or a chain · ?: keyboard shortcuts"}
          data-testid="graph-inspector"
        >
          {concept ? (
            <ConceptInspector concept={concept} others={p.data.concepts.filter((c) => c.id !== concept.id)} around={p.data.relations.filter((r) => r.subjectId === concept.id || r.objectId === concept.id)} nameOf={nameOf} canEdit={p.canEdit} onFocus={() => p.onFocus(concept.id)} review={p.review} thread={thread} />
          ) : relation ? (
            <RelationInspector relation={relation} vocabulary={p.vocabulary} nameOf={nameOf} canEdit={p.canEdit} review={p.review} thread={thread} />
          ) : chain ? (
            <ChainInspector chain={chain} canEdit={p.canEdit} review={p.review} thread={thread} />
          ) : p.selection ? (
            <p className="text-xs text-zinc-500">{p.loading ? "Bringing it into the graph…" : "Not in this view: change the filters above the graph to see it."}</p>
          ) : (
            <div className="space-y-3">
              <p className="text-xs text-zinc-500">Click a concept for its definition and history, or an edge for its evidence in the source chunk.{p.canEdit ? " To draw a relation, drag from the dot on a concept's rim (in a large overview, select the concept first) to another concept." : ""}</p>
              {p.canEdit && p.discipline && <NewConceptForm discipline={p.discipline} />}
            </div>
          )}
        </Card>
      )}
      {p.showChains && p.mode !== "queue" && (
        <ChainList
          chains={p.data.chains}
          chainId={p.chainId}
          canEdit={p.canEdit}
          setChainId={p.setChainId}
          setSelection={p.setSelection}
          onEdit={(c, steps) => (p.setEditingChain(c), p.setComposing(steps), p.setMode("compose"))}
        />
      )}
    </div>
  );
}
