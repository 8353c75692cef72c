"use client";

import Link from "next/link";
import { Card } from "@/components/ui/card";
import { SkeletonRows } from "@/components/ui/skeleton";
import { ErrorAlert } from "@/components/ui/alert";
import { errorMessage } from "@/lib/client/api";
import { cx } from "@/lib/client/cx";
import { formatInt } from "@/lib/client/format";
import { usePipelineStatus } from "@/lib/client/pipeline";
import { navHref } from "@/lib/client/url";
import type { PipelineStatus } from "@/lib/domain/pipeline-status";

type Step = { key: string; label: string; href: string; done: boolean; count: string; next: string };

/** The loop's steps in order, each done or not by the workspace's own counts. */
export function pipelineSteps(s: PipelineStatus): Step[] {
  return [
    { key: "corpus", label: "Corpus imported", href: "/corpus", done: s.documents > 0, count: `${formatInt(s.documents)} documents, ${formatInt(s.chunks)} chunks`, next: "Import textbook documents (upload, or `proda import <folder>`)." },
    { key: "extracted", label: "Knowledge extracted", href: "/knowledge", done: s.chains > 0, count: `${formatInt(s.concepts)} concepts, ${formatInt(s.relations)} relations, ${formatInt(s.chains)} chains from ${formatInt(s.extractedChunks)} of ${formatInt(s.chunks)} chunks`, next: "Extract L1 concepts, L2 relations and L3 chains on the Knowledge page." },
    { key: "reviewed", label: "Knowledge reviewed", href: "/knowledge?view=graph", done: s.reviewed > 0, count: `${formatInt(s.reviewed)} of ${formatInt(s.concepts + s.relations + s.chains)} items reviewed`, next: "Experts approve or reject items in the graph (A / R, the review queue)." },
    { key: "benchmark", label: "Benchmark frozen", href: "/tester", done: s.frozenBenchmarks > 0, count: s.frozenBenchmarks ? `${formatInt(s.frozenItems)} items in the newest frozen version` : "none frozen", next: "Build the benchmark from the chains, review it, and freeze it before any training." },
    { key: "training", label: "Training set approved", href: "/builder", done: s.approvedTrainingSets > 0, count: `${formatInt(s.approvedTrainingSets)} approved of ${formatInt(s.trainingSets)}`, next: "Build V1 from L1/L2, run the orthogonality gate, approve it." },
    { key: "trained", label: "Model trained", href: "/models", done: s.trainedModels > 0, count: `${formatInt(s.trainedModels)} fine-tuned versions`, next: "Fine-tune V1 on the approved set: a GPU endpoint, your own GPUs (the bundle), or the local student." },
    { key: "evaluated", label: "Model evaluated", href: "/evaluation", done: s.finishedEvaluations > 0, count: `${formatInt(s.finishedEvaluations)} finished evaluation runs`, next: "Evaluate V1 (and the base model it starts from) on the frozen benchmark." },
    { key: "traced", label: "Failures traced", href: "/debugger", done: s.tracedFailures > 0, count: `${formatInt(s.tracedFailures)} failed items traced`, next: "Trace V1's failed items back to the missing concept or relation on the Debugger page." },
    { key: "patched", label: "Patches approved", href: "/debugger", done: s.approvedPatches > 0, count: `${formatInt(s.approvedPatches)} patches approved`, next: "Review the patches the Debugger proposes (an editor with the schema), approve them, and make V2." },
    { key: "compared", label: "V2 compared", href: "/dashboards", done: s.comparedVersions > 1, count: `${formatInt(s.comparedVersions)} versions evaluated on one frozen benchmark`, next: "Train V2 = V1 + patches, evaluate it, and compare it with V1 on the Dashboards page." },
  ];
}

/** The home page: the loop as a checklist, each step linking to its page with its count, the next one marked. */
export function PipelineChecklist({ discipline }: { discipline: string | null }) {
  const { data, error, isLoading } = usePipelineStatus();
  const steps = data ? pipelineSteps(data) : [];
  const next = steps.find((s) => !s.done);
  return (
    <Card title="The loop, step by step" description="What this workspace has done, and what comes next" data-testid="pipeline-checklist">
      {error ? (
        <ErrorAlert>{errorMessage(error)}</ErrorAlert>
      ) : isLoading ? (
        <SkeletonRows rows={6} />
      ) : (
        <ol className="divide-y divide-zinc-100">
          {steps.map((s, i) => {
            const isNext = s === next;
            return (
              <li key={s.key} data-testid="pipeline-step" data-step={s.key} data-done={s.done} data-next={isNext || undefined} className={cx("flex items-start gap-3 py-2.5", isNext && "rounded-md bg-accent-50/60 px-2")}>
                <span
                  aria-hidden
                  className={cx(
                    "mt-0.5 flex size-5 shrink-0 items-center justify-center rounded-full text-[11px] font-medium",
                    s.done ? "bg-emerald-600 text-white" : isNext ? "bg-accent-600 text-white" : "bg-zinc-100 text-zinc-500",
                  )}
                >
                  {s.done ? "✓" : i + 1}
                </span>
                <div className="min-w-0 flex-1">
                  <Link href={navHref(s.href, discipline)} className="text-sm font-medium text-zinc-900 hover:text-accent-700 hover:underline">
                    {s.label}
                  </Link>
                  <span className="sr-only">{s.done ? " (done)" : isNext ? " (next)" : ""}</span>
                  <p className="text-xs text-zinc-600" data-testid="pipeline-count">
                    {s.count}
                  </p>
                  {isNext && <p className="mt-1 text-xs text-accent-800">Next: {s.next}</p>}
                </div>
              </li>
            );
          })}
        </ol>
      )}
    </Card>
  );
}
