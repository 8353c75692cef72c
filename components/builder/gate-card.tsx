"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { RunFollower } from "@/components/jobs/run-follower";
import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { errorMessage } from "@/lib/client/api";
import { builderKeys, useApproveTrainingSet, useRunGate, type TrainingSetDetail } from "@/lib/client/builder";
import { formatRelative } from "@/lib/client/format";
import { useCan } from "@/lib/client/session";
import { describeViolation } from "@/lib/domain/orthogonality/kinds";

/** The orthogonality gate's last result with its offending pairs, the button that runs it, and approval. */
export function GateCard({ detail, discipline }: { detail: TrainingSetDetail; discipline: string | null }) {
  const { trainingSet: set, gate } = detail;
  const canCheck = useCan("training-sets:check");
  const canApprove = useCan("training-sets:approve");
  const run = useRunGate();
  const approve = useApproveTrainingSet();
  const qc = useQueryClient();
  const [runId, setRunId] = useState<string | null>(null);
  return (
    <Card
      title="Orthogonality gate"
      description="13-gram overlap, MinHash near duplicates and the steps of each item's chain, against every benchmark item"
      actions={
        <>
          {canCheck && (
            <Button
              size="sm"
              loading={run.isPending}
              disabled={set.status === "BUILDING"}
              data-testid="gate-run"
              onClick={() => {
                approve.reset(); // a refusal from before this run no longer says anything
                run.mutate(set.id, { onSuccess: (r) => setRunId(r.id) });
              }}
            >
              Run the gate
            </Button>
          )}
          {canApprove && set.status === "DRAFT" && (
            <Button
              size="sm"
              variant="primary"
              loading={approve.isPending}
              disabled={!!detail.approvalBlocked}
              title={detail.approvalBlocked ?? undefined}
              data-testid="training-set-approve"
              onClick={() => approve.mutate(set.id)}
            >
              Approve for training
            </Button>
          )}
        </>
      }
      data-testid="gate-card"
    >
      {!gate ? (
        <p className="text-sm text-zinc-600">Not run yet. Approval (and fine-tuning) needs a frozen benchmark for every discipline of the set and a passing gate.</p>
      ) : gate.passed ? (
        <p className="text-sm text-emerald-800" data-testid="gate-result">
          Passed {formatRelative(gate.createdAt)}: {gate.checked.toLocaleString()} instances, no overlap with {gate.benchmarkIds.length} benchmark version{gate.benchmarkIds.length === 1 ? "" : "s"}
          {gate.frozenIds.length ? ` (${gate.frozenIds.length} frozen)` : " (none frozen yet)"}.
          {gate.stale && <span className="mt-1 block text-amber-800" data-testid="gate-stale">A benchmark was frozen after this check: run the gate again before approval.</span>}
        </p>
      ) : (
        <div className="space-y-2" data-testid="gate-result">
          <p className="text-sm text-red-800">
            Failed {formatRelative(gate.createdAt)}: {gate.violations} instance–item pair{gate.violations === 1 ? "" : "s"} overlap. Remove or rewrite these instances.
          </p>
          <ul className="max-h-72 space-y-2 overflow-y-auto text-xs">
            {gate.pairs.map((p) => (
              // One pair can fail by text and by structure: the kind keeps the keys apart.
              <li key={`${p.instanceId}:${p.itemId}:${p.kind}`} className="rounded-md border border-red-200 bg-red-50/40 p-2" data-kind={p.kind}>
                <p className="font-medium text-red-900">{describeViolation(p)}</p>
                <p className="mt-1 text-zinc-700">
                  <span className="text-zinc-500">Instance:</span> {p.instance?.prompt} {p.instance?.completion}
                </p>
                <p className="text-zinc-700">
                  <span className="text-zinc-500">Benchmark v{p.item?.benchmark.version} item:</span> {p.item?.stem}
                </p>
              </li>
            ))}
          </ul>
        </div>
      )}
      {canApprove && set.status === "DRAFT" && detail.approvalBlocked && !approve.error && (
        <p className="mt-3 text-xs text-zinc-600" data-testid="approve-blocked">
          Approval waits: {detail.approvalBlocked}
        </p>
      )}
      {approve.error && <ErrorAlert className="mt-3" title="Not approved">{errorMessage(approve.error)}</ErrorAlert>}
      {set.status === "APPROVED" && <p className="mt-2 text-sm text-emerald-800">Approved for fine-tuning {formatRelative(set.approvedAt)}.</p>}
      {runId && <RunFollower key={runId} runId={runId} discipline={discipline} data-testid="gate-run-status" onDone={() => {
            approve.reset();
            void qc.invalidateQueries({ queryKey: builderKeys.all });
          }} />}
    </Card>
  );
}
