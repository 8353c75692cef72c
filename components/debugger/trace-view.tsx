"use client";

import Link from "next/link";
import { ErrorAlert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { SkeletonRows } from "@/components/ui/skeleton";
import { errorMessage } from "@/lib/client/api";
import { useReviewTrace, useTrace, type TraceDetail } from "@/lib/client/debugger";
import { useCan } from "@/lib/client/session";
import { AssigneeSelect } from "./assignee-select";
import { ChainFlow } from "./chain-flow";
import { DIAGNOSIS_LABEL, DIAGNOSIS_TONE, FORM_LABEL, PATCH_TONE } from "./labels";
import { OptionsList } from "./options-list";

/** One failure as an annotator reads it: the chain with each link's probe, the item, the probes and answers, the evidence, the patches. */
export function TraceView({ id }: { id: string }) {
  const { data, error } = useTrace(id);
  const review = useReviewTrace();
  const canReview = useCan("traces:review");
  if (error) return <ErrorAlert className="m-6">{errorMessage(error)}</ErrorAlert>;
  if (!data) return <SkeletonRows rows={8} className="p-6" />;
  const t = data;
  return (
    <div className="space-y-6 p-6">
      <Card
        title={
          <span className="flex items-center gap-2">
            Item #{t.item.position + 1} failed by {t.model}
            <Badge tone={DIAGNOSIS_TONE[t.diagnosis]} data-testid="trace-diagnosis">{DIAGNOSIS_LABEL[t.diagnosis]}</Badge>
            {t.reviewed && <Badge tone="green">reviewed</Badge>}
          </span>
        }
        description={`${t.item.discipline.name} · ${t.item.difficulty}-step chain`}
        actions={
          <div className="flex items-center gap-3">
            <AssigneeSelect kind="trace" id={t.id} assigneeId={t.assigneeId} />
            <Link href={`/debugger?run=${t.debugRunId}`} className="text-xs font-medium text-accent-700 hover:underline">
              ← All failures
            </Link>
            {canReview && (
              <Button size="sm" onClick={() => review.mutate({ id: t.id, reviewed: !t.reviewed })} loading={review.isPending} data-testid="trace-reviewed">
                {t.reviewed ? "Mark not reviewed" : "Mark reviewed"}
              </Button>
            )}
          </div>
        }
        data-testid="trace-header"
      >
        <p className="text-sm text-zinc-800" data-testid="trace-because">{t.probes.because}</p>
        <div className="mt-3">
          <ChainFlow trace={t} />
        </div>
      </Card>
      <div className="grid items-start gap-6 xl:grid-cols-2">
        <div className="min-w-0 space-y-6">
          <Card title="The item" description="As the model was asked it, with the option it chose">
            <p className="mb-3 text-sm text-zinc-900">{t.item.stem}</p>
            <OptionsList options={t.item.options} answerIndex={t.item.answerIndex} choice={t.answer?.choice ?? null} />
          </Card>
          <Card title="Evidence" description="Each step's sentence in its source chunk">
            <ol className="space-y-3">
              {t.steps.map((s, i) => (
                <li key={i} className="text-sm" data-testid="trace-evidence">
                  <p className="font-medium text-zinc-900">
                    {i + 1}. {s.subject} <span className="font-mono text-xs text-zinc-500">{s.predicate}</span> {s.object}
                  </p>
                  {s.evidence ? <Evidence evidence={s.evidence} chunk={s.chunk} /> : <p className="text-xs text-zinc-400">No evidence recorded.</p>}
                </li>
              ))}
            </ol>
          </Card>
        </div>
        <div className="min-w-0 space-y-6">
          <Card title="Probes" description="Asked of the same model, built from the structure, never from the item">
            <ol className="space-y-4" data-testid="trace-probes">
              {t.probes.results.map((p, i) => (
                <li key={i} data-testid="trace-probe" data-correct={p.correct}>
                  <div className="mb-1 flex items-center gap-2 text-xs">
                    <Badge tone={p.level === "L2" ? "accent" : "blue"}>{p.level === "L2" ? `step ${p.position + 1}` : `concept ${p.position + 1}`}</Badge>
                    {p.correct ? p.weak ? <Badge tone="neutral">answered, shows nothing</Badge> : <Badge tone="green">known</Badge> : <Badge tone="red">not known</Badge>}
                  </div>
                  {p.weak && <p className="mb-1 text-xs text-zinc-500">A weak probe: {p.weak}.</p>}
                  <p className="mb-1 text-sm text-zinc-900">{p.stem}</p>
                  <OptionsList options={p.options} answerIndex={p.answerIndex} choice={p.choice} compact />
                  <details className="mt-1">
                    <summary className="cursor-pointer text-xs text-zinc-500">The model’s reply</summary>
                    <pre className="mt-1 rounded bg-zinc-50 p-2 font-mono text-[11px] whitespace-pre-wrap text-zinc-700">{p.raw || "(empty)"}</pre>
                  </details>
                </li>
              ))}
              {t.probes.unprobed.map((u, i) => (
                <li key={`u${i}`} className="text-xs text-zinc-500">
                  Not asked: {u.level === "L2" ? `step ${u.position + 1}` : `concept ${u.position + 1}`}, because {u.reason}.
                </li>
              ))}
            </ol>
          </Card>
          <PatchList trace={t} />
        </div>
      </div>
    </div>
  );
}

/** The chunk with the evidence sentence marked where it is found (else the sentence alone). */
function Evidence({ evidence, chunk }: { evidence: string; chunk: TraceDetail["steps"][number]["chunk"] }) {
  const at = chunk ? chunk.text.indexOf(evidence) : -1;
  if (!chunk || at < 0) return <p className="mt-1 rounded bg-amber-50 px-2 py-1 text-xs text-zinc-800">{evidence}</p>;
  const from = Math.max(0, at - 240);
  const to = Math.min(chunk.text.length, at + evidence.length + 240);
  return (
    <p className="mt-1 rounded bg-zinc-50 px-2 py-1.5 text-xs leading-relaxed text-zinc-600">
      {chunk.heading && <span className="mr-1 font-medium text-zinc-700">{chunk.heading}:</span>}
      {from > 0 && "…"}
      {chunk.text.slice(from, at)}
      <mark className="rounded bg-amber-100 px-0.5 text-zinc-900">{evidence}</mark>
      {chunk.text.slice(at + evidence.length, to)}
      {to < chunk.text.length && "…"}
    </p>
  );
}

function PatchList({ trace }: { trace: TraceDetail }) {
  return (
    <Card title="Patches" description="Training instances proposed for what this failure lacks" bodyClassName="p-0" data-testid="trace-patches">
      {trace.patches.length ? (
        <ul className="divide-y divide-zinc-100">
          {trace.patches.map((p) => (
            <li key={p.id}>
              <Link href={`/debugger/patches/${p.id}`} className="flex items-center gap-2 px-4 py-2.5 text-sm hover:bg-zinc-50" data-testid="trace-patch" data-gate={p.gatePassed ? "passed" : "refused"}>
                <span className="font-medium text-zinc-900">{FORM_LABEL[p.form] ?? p.form}</span>
                <span className="text-xs text-zinc-500">of the {p.targetKind}</span>
                <span className="ml-auto flex items-center gap-2">
                  {!p.gatePassed && <Badge tone="red">gate</Badge>}
                  <Badge tone={PATCH_TONE[p.status]}>{p.status.toLowerCase()}</Badge>
                </span>
              </Link>
            </li>
          ))}
        </ul>
      ) : (
        <p className="p-4 text-sm text-zinc-500">{trace.diagnosis === "COMPOSITION" ? "The model knows every step: no single concept or relation to patch." : "No patch: nothing the probes found could be written as an instance."}</p>
      )}
    </Card>
  );
}
