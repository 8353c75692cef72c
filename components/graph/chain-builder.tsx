"use client";

import { Button } from "@/components/ui/button";
import { errorMessage } from "@/lib/client/api";
import { useCreateChain, useReview, useUpdateChainSteps } from "@/lib/client/curation";
import type { GraphRelation } from "@/lib/client/graph";

type Props = {
  steps: GraphRelation[];
  setSteps: (steps: GraphRelation[]) => void;
  /** set when editing the steps of an existing chain */
  editing: { id: string; summary: string | null } | null;
  nameOf: (id: string) => string;
  onDone: () => void;
  review: ReturnType<typeof useReview>;
};

/** Where the path breaks, in words, or null when every step starts where the previous one ended. */
export function linkProblem(steps: GraphRelation[], nameOf: (id: string) => string): string | null {
  if (steps.length < 2) return "A chain needs at least 2 steps.";
  for (let i = 1; i < steps.length; i++) {
    if (steps[i].subjectId !== steps[i - 1].objectId) return `Step ${i + 1} starts at “${nameOf(steps[i].subjectId)}”, but step ${i} ends at “${nameOf(steps[i - 1].objectId)}”.`;
  }
  return null;
}

const move = <T,>(list: T[], from: number, to: number) => {
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item);
  return next;
};

/**
 * Compose a chain by clicking relations in order, or edit an existing chain's steps (remove,
 * reorder, add by clicking). Reachability is checked as you go, and again by the server, whose
 * refusal is shown as is.
 */
export function ChainBuilder({ steps, setSteps, editing, nameOf, onDone, review }: Props) {
  const create = useCreateChain();
  const save = useUpdateChainSteps();
  const problem = linkProblem(steps, nameOf);
  const chainId = editing?.id ?? create.data?.id;
  const failure = create.error ?? save.error ?? (review.error && review.variables?.level === "chain" ? review.error : null);
  // What the page knows the server will refuse stays disabled, saying why: steps that do not
  // link, or exactly the steps the server just refused.
  const key = steps.map((s) => s.id).join(",");
  const refused = create.error && create.variables?.relationIds.join(",") === key ? errorMessage(create.error) : null;
  const blocked = problem ?? refused;
  return (
    <div className="space-y-2 text-xs" data-testid="chain-builder">
      <p className="text-zinc-600">{editing ? `Editing: ${editing.summary ?? "chain"}. ` : ""}Click relations (edges) to add steps.</p>
      <ol className="space-y-1" data-testid="chain-steps">
        {steps.map((s, i) => (
          <li key={`${s.id}-${i}`} className="flex items-center gap-1">
            <span className="w-4 text-zinc-400">{i + 1}.</span>
            <span className="min-w-0 flex-1">
              {nameOf(s.subjectId)} <span className="font-mono text-accent-700">{s.predicate}</span> {nameOf(s.objectId)}
            </span>
            <button type="button" aria-label={`Move step ${i + 1} up`} disabled={i === 0} onClick={() => setSteps(move(steps, i, i - 1))} className="px-1 text-zinc-400 hover:text-zinc-800 disabled:opacity-30">
              ↑
            </button>
            <button type="button" aria-label={`Move step ${i + 1} down`} disabled={i === steps.length - 1} onClick={() => setSteps(move(steps, i, i + 1))} className="px-1 text-zinc-400 hover:text-zinc-800 disabled:opacity-30">
              ↓
            </button>
            <button type="button" aria-label={`Remove step ${i + 1}`} onClick={() => setSteps(steps.filter((_, j) => j !== i))} className="px-1 text-zinc-400 hover:text-red-600">
              ×
            </button>
          </li>
        ))}
      </ol>
      {problem && steps.length > 0 && <p className="text-amber-700" data-testid="chain-problem">{problem}</p>}
      <div className="flex flex-wrap gap-2">
        {editing ? (
          <Button size="sm" disabled={!!problem} title={problem ?? undefined} loading={save.isPending} onClick={() => save.mutate({ id: editing.id, relationIds: steps.map((s) => s.id) })} data-testid="chain-save">
            Save steps
          </Button>
        ) : (
          !create.data && (
            <Button
              size="sm"
              variant="primary"
              disabled={!!blocked}
              title={blocked ?? undefined}
              loading={create.isPending}
              onClick={() => create.mutate({ relationIds: steps.map((s) => s.id), summary: `${nameOf(steps[0].subjectId)} … ${nameOf(steps[steps.length - 1].objectId)}` })}
              data-testid="chain-create"
            >
              Create chain
            </Button>
          )
        )}
        {chainId && (
          <Button size="sm" variant="primary" loading={review.isPending} onClick={() => review.mutate({ level: "chain", ids: [chainId], status: "APPROVED" }, { onSuccess: onDone })} data-testid="chain-approve">
            Approve chain
          </Button>
        )}
        <Button size="sm" variant="ghost" onClick={onDone}>
          {editing ? "Close" : "Clear"}
        </Button>
      </div>
      {failure && (
        <p role="alert" className="rounded bg-red-50 px-2 py-1 text-red-800" data-testid="chain-error">
          {errorMessage(failure)}
        </p>
      )}
      {create.data && !review.isSuccess && <p className="text-emerald-700">Chain created as a draft.</p>}
      {save.isSuccess && <p className="text-emerald-700">Steps saved.</p>}
    </div>
  );
}
