"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { Card } from "@/components/ui/card";
import { Stat } from "@/components/ui/stat";
import { errorMessage } from "@/lib/client/api";
import { useDisciplineName } from "@/lib/client/corpus";
import { useCan } from "@/lib/client/session";
import { useBenchmarkAction, type BenchmarkDetail } from "@/lib/client/tester";
import type { AnswerBias } from "@/lib/domain/tester/answer-bias";
import { Badge } from "@/components/ui/badge";
import { cx } from "@/lib/client/cx";
import { hrefWith } from "@/lib/client/url";
import { formatPercent } from "@/lib/client/format";
import { StatusOf } from "./benchmark-list";

const OPERATOR_HELP = {
  INVREL: "inverted relation",
  TRUNC: "stopped early",
  NEARMISS: "off the chain",
};

/** A version's header: its state, what can be done with it, and its statistics. */
export function BenchmarkSummary({ detail }: { detail: BenchmarkDetail }) {
  const { benchmark: b, stats } = detail;
  const canFreeze = useCan("benchmark:freeze");
  const canReview = useCan("benchmark:review");
  const action = useBenchmarkAction();
  const disciplineName = useDisciplineName();
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const maxLength = Math.max(1, ...stats.byLength.map((l) => l.n));
  return (
    <Card
      title={
        <span className="flex items-center gap-2">
          {b.name} <StatusOf benchmark={b} />
        </span>
      }
      description={b.status === "FROZEN" ? "Frozen: its items are fixed. Make a new version to change them." : "Draft: review items, then freeze it before training."}
      actions={
        <>
          <a className="text-xs font-medium text-accent-700 hover:underline" href={`/api/benchmarks/${b.id}/export?format=jsonl`} download data-testid="benchmark-download-jsonl">
            JSONL
          </a>
          <a className="text-xs font-medium text-accent-700 hover:underline" href={`/api/benchmarks/${b.id}/export?format=lm-eval`} download data-testid="benchmark-download-lm-eval">
            lm-eval task (zip)
          </a>
          {canReview && (
            <Button size="sm" loading={action.isPending && action.variables?.path.endsWith("/versions")} onClick={() => action.mutate({ path: `/api/benchmarks/${b.id}/versions` }, { onSuccess: (v) => router.push(hrefWith(pathname, params, { benchmark: v.id, item: null })) })}>
              New version
            </Button>
          )}
          {canFreeze && b.status === "DRAFT" && (
            <ConfirmButton
              size="sm"
              variant="primary"
              data-testid="benchmark-freeze"
              loading={action.isPending && action.variables?.path.endsWith("/freeze")}
              title={`Freeze ${b.name}?`}
              consequence={`${stats.items === 1 ? "Its one active item becomes the fixed test" : `Its ${stats.items.toLocaleString()} active items become the fixed tests`} that training sets are checked and models are measured against, and can no longer be edited. To change ${stats.items === 1 ? "it" : "them"} later, make a new version.`}
              confirmLabel="Freeze"
              onConfirm={() => action.mutate({ path: `/api/benchmarks/${b.id}/freeze` })}
            >
              Freeze
            </ConfirmButton>
          )}
        </>
      }
      data-testid="benchmark-summary"
    >
      {action.error && <ErrorAlert className="mb-3">{errorMessage(action.error)}</ErrorAlert>}
      <dl className="grid grid-cols-2 gap-4 sm:grid-cols-5">
        <Stat label="Items" value={stats.items.toLocaleString()} sub={stats.rejected ? `${stats.rejected} rejected` : "active"} data-testid="benchmark-items" />
        {(["INVREL", "TRUNC", "NEARMISS"] as const).map((op) => (
          <Stat key={op} label={op} value={stats.byOperator[op].toLocaleString()} sub={OPERATOR_HELP[op]} data-testid={`operator-${op}`} />
        ))}
        <Stat label="Disciplines" value={stats.byDiscipline.length} sub={b.report.withoutChains?.length ? `${b.report.withoutChains.length} without chains` : "all with chains"} />
      </dl>
      <div className="mt-4 grid gap-6 md:grid-cols-2">
        <div>
          <h3 className="mb-2 text-xs font-medium text-zinc-500">By chain length (difficulty)</h3>
          <ul className="space-y-1">
            {stats.byLength.map((l) => (
              <li key={l.length} className="flex items-center gap-2 text-xs">
                <span className="w-14 text-zinc-600">{l.length} steps</span>
                <span className="h-2 rounded bg-accent-500" style={{ width: `${(l.n / maxLength) * 70}%` }} />
                <span className="tabular-nums text-zinc-700">{l.n}</span>
              </li>
            ))}
          </ul>
        </div>
        <div>
          <h3 className="mb-2 text-xs font-medium text-zinc-500">By discipline</h3>
          <p className="text-xs leading-5 text-zinc-700">
            {stats.byDiscipline.map((d) => `${d.name} ${d.n}`).join(" · ") || "—"}
          </p>
          {!!b.report.withoutChains?.length && <p className="mt-1 text-xs text-amber-700">No chains to test in {b.report.withoutChains.map(disciplineName).join(", ")}: extract them with an LLM endpoint or compose chains in the graph.</p>}
          {b.report.skipped && Object.keys(b.report.skipped).length > 0 && (
            <p className="mt-1 text-xs text-zinc-500">Chains not tested: {Object.entries(b.report.skipped).map(([reason, n]) => `${n} (${reason})`).join(", ")}</p>
          )}
        </div>
      </div>
      <ItemChecks rejectedBy={stats.rejectedBy} bias={b.report.answerBias} />
    </Card>
  );
}

const BIAS_LIMIT = 0.35;
const MIN_ITEMS_FOR_BIAS = 20;
const pct = formatPercent;

/**
 * What the automatic checks refused, by reason, and how well guessing by a surface cue does on
 * the kept items: near chance, nobody can pick the answer without knowing it.
 */
function ItemChecks({ rejectedBy, bias }: { rejectedBy: BenchmarkDetail["stats"]["rejectedBy"]; bias?: AnswerBias }) {
  const baselines = bias ? ([["Longest option", bias.longestOption], ["Most words shared with the question", bias.stemOverlap], ["Most frequent option", bias.mostFrequentOption]] as const) : [];
  return (
    <div className="mt-4 grid gap-6 border-t border-zinc-100 pt-4 md:grid-cols-2" data-testid="benchmark-checks">
      <div>
        <h3 className="mb-2 text-xs font-medium text-zinc-500">Rejected by the checks</h3>
        {rejectedBy.length === 0 ? (
          <p className="text-xs text-zinc-500">None: every item passed.</p>
        ) : (
          <ul className="space-y-0.5 text-xs text-zinc-700">
            {rejectedBy.map((r) => (
              <li key={r.reason} className="flex gap-2">
                <span className="w-8 text-right tabular-nums">{r.n}</span>
                <span>{r.reason}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
      <div>
        <h3 className="mb-2 text-xs font-medium text-zinc-500">Answer bias {bias ? `(chance ${pct(bias.chance)})` : ""}</h3>
        {!bias ? (
          <p className="text-xs text-zinc-500">Not measured for this version (built before the checks).</p>
        ) : bias.items < MIN_ITEMS_FOR_BIAS ? (
          <p className="text-xs text-zinc-500" data-testid="answer-bias">
            Measured once the version has {MIN_ITEMS_FOR_BIAS} items or more: on {bias.items} {bias.items === 1 ? "item" : "items"} a rate says nothing.
          </p>
        ) : (
          <ul className="space-y-0.5 text-xs text-zinc-700" data-testid="answer-bias">
            {baselines.map(([label, value]) => (
              <li key={label} className="flex items-center gap-2">
                <span className={cx("w-10 text-right font-medium tabular-nums", value > BIAS_LIMIT ? "text-red-700" : "text-zinc-900")}>{pct(value)}</span>
                <span>{label}</span>
                {value > BIAS_LIMIT && <Badge tone="red">guessable</Badge>}
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
