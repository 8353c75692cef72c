"use client";

import { Button } from "@/components/ui/button";
import { errorMessage } from "@/lib/client/api";
import { useCreateChain, useReview } from "@/lib/client/curation";
import type { GraphRelation } from "@/lib/client/graph";

type Props = { steps: GraphRelation[]; nameOf: (id: string) => string; onRemoveLast: () => void; onDone: () => void; review: ReturnType<typeof useReview> };

/** Where the path breaks, in words, or null when every step starts where the previous one ended. */
export function linkProblem(steps: GraphRelation[], nameOf: (id: string) => string): string | null {
  if (steps.length < 2) return "A chain needs at least 2 steps.";
  for (let i = 1; i < steps.length; i++) {
    if (steps[i].subjectId !== steps[i - 1].objectId) return `Step ${i + 1} starts at “${nameOf(steps[i].subjectId)}”, but step ${i} ends at “${nameOf(steps[i - 1].objectId)}”.`;
  }
  return null;
}

/** Compose a chain by clicking relations in order; reachability is checked as you go, and again by the server. */
export function ChainBuilder({ steps, nameOf, onRemoveLast, onDone, review }: Props) {
  const create = useCreateChain();
  const problem = linkProblem(steps, nameOf);
  const created = create.data?.id;
  return (
    <div className="space-y-2 text-xs" data-testid="chain-builder">
      <p className="text-zinc-600">Click relations (edges) in order.</p>
      <ol className="list-decimal space-y-1 pl-4" data-testid="chain-steps">
        {steps.map((s) => (
          <li key={s.id}>
            {nameOf(s.subjectId)} <span className="font-mono text-accent-700">{s.predicate}</span> {nameOf(s.objectId)}
          </li>
        ))}
      </ol>
      {problem && steps.length > 0 && <p className="text-amber-700" data-testid="chain-problem">{problem}</p>}
      <div className="flex flex-wrap gap-2">
        <Button size="sm" variant="ghost" disabled={!steps.length} onClick={onRemoveLast}>
          Remove last
        </Button>
        {!created ? (
          <Button size="sm" variant="primary" disabled={steps.length < 2} loading={create.isPending} onClick={() => create.mutate({ relationIds: steps.map((s) => s.id), summary: `${nameOf(steps[0].subjectId)} … ${nameOf(steps[steps.length - 1].objectId)}` })} data-testid="chain-create">
            Create chain
          </Button>
        ) : (
          <Button size="sm" variant="primary" loading={review.isPending} onClick={() => review.mutate({ level: "chain", ids: [created], status: "APPROVED" }, { onSuccess: onDone })} data-testid="chain-approve">
            Approve chain
          </Button>
        )}
      </div>
      {(create.error || (review.error && review.variables?.level === "chain")) && (
        <p role="alert" className="rounded bg-red-50 px-2 py-1 text-red-800" data-testid="chain-error">
          {errorMessage(create.error ?? review.error)}
        </p>
      )}
      {created && !review.isSuccess && <p className="text-emerald-700">Chain created as a draft.</p>}
    </div>
  );
}
