"use client";

import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { ErrorAlert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { SkeletonRows } from "@/components/ui/skeleton";
import { errorMessage } from "@/lib/client/api";
import { useApplyPatches, useDebugRun, useDebugRuns, usePatches, type DebugRunDetail } from "@/lib/client/debugger";
import { isActiveStatus, type JobStatus } from "@/lib/client/jobs";
import { useCan } from "@/lib/client/session";
import { DIAGNOSES } from "@/lib/domain/debugger";
import { DebugRunList } from "./debug-run-list";
import { FailureList } from "./failure-list";
import { DIAGNOSIS_LABEL, DIAGNOSIS_TONE } from "./labels";

/** The Debugger: traced runs, what they found, the failures one by one, and the patches to review and apply. */
export function DebuggerView() {
  const params = useSearchParams();
  const list = useDebugRuns();
  const selected = params.get("run") ?? list.data?.items[0]?.id ?? null;
  const row = list.data?.items.find((r) => r.id === selected);
  const run = useDebugRun(selected, isActiveStatus(row?.run?.status as JobStatus | undefined));
  return (
    <div className="grid items-start gap-6 p-6 xl:grid-cols-[20rem_minmax(0,1fr)]">
      <DebugRunList selected={selected} />
      <div className="min-w-0 space-y-6">
        {!selected ? (
          <Card title="Debugger">
            <EmptyState title="No failure traced yet">
              The Debugger walks each failed item back through its chain, asking the same model one question per step and per concept, and proposes training data for exactly what it lacks.
            </EmptyState>
          </Card>
        ) : run.error ? (
          <ErrorAlert>{errorMessage(run.error)}</ErrorAlert>
        ) : !run.data ? (
          <SkeletonRows rows={6} />
        ) : (
          <>
            <Summary run={run.data} />
            <div className="grid items-start gap-6 2xl:grid-cols-[minmax(0,1fr)_24rem]">
              <FailureList run={run.data} />
              <PatchQueue run={run.data} />
            </div>
          </>
        )}
      </div>
    </div>
  );
}

function Summary({ run }: { run: DebugRunDetail }) {
  const a = run.aggregates;
  return (
    <Card title={`${run.evaluationRun.modelVersion.name} on benchmark v${run.evaluationRun.benchmark.version}`} description={`${run.traced} of ${run.total} failures traced`} data-testid="debug-summary">
      {!a ? (
        <p className="text-sm text-zinc-500">Tracing…</p>
      ) : (
        <div className="space-y-4">
          <div className="flex flex-wrap gap-2" data-testid="debug-diagnoses">
            {DIAGNOSES.map((d) => (
              <Link key={d} href={`/debugger?run=${run.id}&diagnosis=${d}`}>
                <Badge tone={a.byDiagnosis[d] ? DIAGNOSIS_TONE[d] : "neutral"}>
                  {a.byDiagnosis[d]} {DIAGNOSIS_LABEL[d]}
                </Badge>
              </Link>
            ))}
          </div>
          <div className="grid gap-4 text-sm md:grid-cols-2">
            <Ranked title="Relations behind most failures" rows={a.relations.map((r) => ({ id: r.id, failures: r.failures, label: r.label }))} />
            <Ranked title="Concepts behind most failures" rows={a.concepts.map((c) => ({ id: c.id, failures: c.failures, label: c.name }))} />
          </div>
        </div>
      )}
    </Card>
  );
}

function Ranked({ title, rows }: { title: string; rows: { id: string; failures: number; label: string }[] }) {
  return (
    <div>
      <h3 className="mb-1 text-xs font-semibold text-zinc-700">{title}</h3>
      {rows.length ? (
        <ol className="space-y-0.5">
          {rows.slice(0, 6).map((r) => (
            <li key={r.id} className="flex gap-2">
              <span className="w-6 text-right text-xs text-zinc-500 tabular-nums">{r.failures}</span>
              <span className="truncate">{r.label}</span>
            </li>
          ))}
        </ol>
      ) : (
        <p className="text-xs text-zinc-500">None.</p>
      )}
    </div>
  );
}

/** The patches to review, and V2 = V1 + the approved ones. */
function PatchQueue({ run }: { run: DebugRunDetail }) {
  const patches = usePatches(run.id);
  const apply = useApplyPatches();
  const canApply = useCan("training-sets:build");
  const items = patches.data?.items ?? [];
  const count = (s: string) => items.filter((p) => p.status === s).length;
  const firstToReview = items.find((p) => p.status === "PROPOSED");
  return (
    <Card title="Patches" description={`${count("PROPOSED")} to review · ${count("APPROVED")} approved · ${count("REJECTED")} rejected · ${count("APPLIED")} applied`} data-testid="patch-queue">
      {!items.length ? (
        <p className="text-sm text-zinc-500">No patch proposed: the traces found no single concept or relation missing.</p>
      ) : (
        <div className="space-y-3 text-sm">
          {firstToReview ? (
            <Link href={`/debugger/patches/${firstToReview.id}`} className="block rounded-md bg-accent-50 px-3 py-2 font-medium text-accent-800 hover:bg-accent-100" data-testid="patch-queue-open">
              Review the next patch →
            </Link>
          ) : (
            <p className="text-zinc-600">Every patch has been decided.</p>
          )}
          {canApply && (
            <div>
              <Button variant="primary" disabled={!count("APPROVED")} title={count("APPROVED") ? undefined : "Approve patches first"} loading={apply.isPending} onClick={() => apply.mutate(run.id)} data-testid="patch-apply">
                Make V2 from {count("APPROVED")} approved patches
              </Button>
              {apply.error && <ErrorAlert className="mt-2">{errorMessage(apply.error)}</ErrorAlert>}
              {apply.data && (
                <p className="mt-2 text-xs text-emerald-800" data-testid="patch-applied">
                  <Link href={`/builder?set=${apply.data.trainingSetId}`} className="font-medium underline">
                    {apply.data.name} v{apply.data.version}
                  </Link>{" "}
                  = {apply.data.parent.name} v{apply.data.parent.version} + {apply.data.patches} patches ({apply.data.instances.toLocaleString()} instances). Run its gate and approve it on the Builder page.
                </p>
              )}
            </div>
          )}
        </div>
      )}
    </Card>
  );
}
