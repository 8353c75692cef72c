"use client";

import { useState } from "react";
import { ErrorAlert } from "@/components/ui/alert";
import { Badge, type Tone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Input } from "@/components/ui/field";
import { errorMessage, fetchJson } from "@/lib/client/api";
import type { SearchResult } from "@/lib/client/knowledge";
import { useCan } from "@/lib/client/session";
import { useBenchmarkAction, type BenchmarkItem, type OptionOperator } from "@/lib/client/tester";
import { ChainPath } from "./chain-path";

const TONE: Record<OptionOperator, Tone> = { ANSWER: "green", INVREL: "red", TRUNC: "amber", NEARMISS: "blue" };
const LETTERS = "ABCDEFGH";

/** One item: its chain drawn, the options with the operator that made each, and review actions while it is a draft. */
export function ItemDetail({ item, benchmarkId, frozen }: { item: BenchmarkItem; benchmarkId: string; frozen: boolean }) {
  const canReview = useCan("benchmark:review") && !frozen;
  const action = useBenchmarkAction();
  const [stem, setStem] = useState(item.stem);
  const [replacing, setReplacing] = useState<number | null>(null);
  const path = `/api/benchmarks/${benchmarkId}/items/${item.id}`;
  const edit = (body: Record<string, unknown>, then?: () => void) => action.mutate({ path, method: "PATCH", body }, { onSuccess: then });
  return (
    <Card title={`Item #${item.position + 1}`} description={`${item.discipline.name} · difficulty ${item.difficulty} (chain length)`} data-testid="item-detail">
      <div className="space-y-4">
        {item.rejectionReason && (
          <p className="rounded-md bg-red-50 px-2.5 py-1.5 text-xs text-red-800" data-testid="item-detail-rejection">
            Rejected by the Tester’s checks: {item.rejectionReason}.{canReview ? " Restore it if you judge otherwise." : ""}
          </p>
        )}
        <ChainPath path={item.path} />
        {canReview ? (
          <div>
            <label htmlFor="item-stem" className="text-xs font-medium text-zinc-500">
              Question
            </label>
            <textarea id="item-stem" value={stem} onChange={(e) => setStem(e.target.value)} rows={3} className="mt-1 w-full rounded-md border border-zinc-300 p-2 text-sm" data-testid="item-stem" />
            {stem !== item.stem && (
              <div className="mt-1 flex justify-end gap-2">
                <Button size="sm" variant="ghost" onClick={() => setStem(item.stem)}>
                  Cancel
                </Button>
                <Button size="sm" variant="primary" data-testid="item-stem-save" loading={action.isPending} onClick={() => edit({ stem })}>
                  Save question
                </Button>
              </div>
            )}
          </div>
        ) : (
          <p className="text-sm text-zinc-900" data-testid="item-stem-text">
            {item.stem}
          </p>
        )}
        <ol className="space-y-1.5" data-testid="item-options">
          {item.options.map((o, i) => (
            <li key={i} className="rounded-md border border-zinc-200 px-2.5 py-1.5 text-sm">
              <div className="flex items-center gap-2">
                <span className="font-mono text-xs text-zinc-400">{LETTERS[i]}</span>
                <span className={i === item.answerIndex ? "font-medium text-emerald-800" : "text-zinc-800"}>{o.text}</span>
                <Badge tone={TONE[o.operator]} className="ml-auto" data-testid="option-operator">
                  {o.operator === "ANSWER" ? "answer" : o.operator}
                </Badge>
                {canReview && o.operator !== "ANSWER" && (
                  <Button size="sm" variant="ghost" onClick={() => setReplacing(replacing === i ? null : i)}>
                    Replace
                  </Button>
                )}
              </div>
              {o.note && <p className="mt-0.5 pl-5 text-xs text-zinc-500">{o.note}</p>}
              {replacing === i && <ReplaceDistractor discipline={item.discipline.slug} onPick={(conceptId) => edit({ replace: { index: i, conceptId } }, () => setReplacing(null))} />}
            </li>
          ))}
        </ol>
        {action.error && <ErrorAlert>{errorMessage(action.error)}</ErrorAlert>}
        {frozen && <p className="text-xs text-zinc-500">This version is frozen: its items cannot change. “New version” copies them into a draft to edit.</p>}
        {canReview && (
          <div className="flex justify-end">
            {item.status === "ACTIVE" ? (
              <Button variant="danger" size="sm" data-testid="item-reject" loading={action.isPending} onClick={() => edit({ status: "REJECTED" })}>
                Reject item
              </Button>
            ) : (
              <Button size="sm" data-testid="item-restore" loading={action.isPending} onClick={() => edit({ status: "ACTIVE" })}>
                Restore item
              </Button>
            )}
          </div>
        )}
      </div>
    </Card>
  );
}

/** Finds a concept of the item's discipline to stand in for a distractor. */
function ReplaceDistractor({ discipline, onPick }: { discipline: string; onPick: (conceptId: string) => void }) {
  const [q, setQ] = useState("");
  const [found, setFound] = useState<SearchResult["concepts"]>([]);
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      className="mt-2 space-y-1 pl-5"
      onSubmit={async (e) => {
        e.preventDefault();
        setError(null);
        try {
          setFound((await fetchJson<SearchResult>("/api/knowledge/search", { query: { q, discipline, limit: 6 } })).concepts);
        } catch (err) {
          setError(errorMessage(err));
        }
      }}
    >
      <div className="flex gap-2">
        <Input aria-label="Find a replacement concept" placeholder="Find a concept…" value={q} onChange={(e) => setQ(e.target.value)} className="flex-1" />
        <Button size="sm" type="submit" disabled={q.trim().length < 2}>
          Find
        </Button>
      </div>
      {error && <p className="text-xs text-red-700">{error}</p>}
      <ul>
        {found.map((c) => (
          <li key={c.id}>
            <button type="button" className="w-full rounded px-1 py-0.5 text-left text-sm hover:bg-zinc-100" onClick={() => onPick(c.id)}>
              {c.name}
            </button>
          </li>
        ))}
      </ul>
    </form>
  );
}
