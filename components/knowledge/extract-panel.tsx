"use client";

import { useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useState } from "react";
import { RunProgress, StatusBadge } from "@/components/jobs/job-status";
import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FieldLabel, Input, Select } from "@/components/ui/field";
import { ROLE_INFO } from "@/lib/auth/roles";
import { errorMessage } from "@/lib/client/api";
import { isActiveStatus, useJobRun } from "@/lib/client/jobs";
import { knowledgeKeys, useStartExtraction } from "@/lib/client/knowledge";
import { useCan, useSessionUser } from "@/lib/client/session";
import { jobHref } from "@/lib/client/url";

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

type Result = { created?: { concepts: number; relations: number; chains: number }; chunks?: { extracted: number; skipped: number; failed: number } };

/** Starts an extraction job for the scoped discipline (or all) and follows it. */
export function ExtractPanel({ discipline }: { discipline: string | null }) {
  const { role } = useSessionUser();
  const allowed = useCan("knowledge:edit");
  const start = useStartExtraction();
  const qc = useQueryClient();
  const [engine, setEngine] = useState<"local" | "llm">("local");
  const [endpoint, setEndpoint] = useState("");
  const [runId, setRunId] = useState<string | null>(null);
  const run = useJobRun(runId).data?.run;
  const finished = run && !isActiveStatus(run.status);
  useEffect(() => {
    if (finished) void qc.invalidateQueries({ queryKey: knowledgeKeys.all });
  }, [finished, qc]);
  const result = run?.result as Result | null | undefined;

  return (
    <Card title="Extract" description={discipline ? `Chunks of ${discipline} not yet extracted` : "Chunks of every discipline not yet extracted"} data-testid="extract-panel">
      {!allowed ? (
        <p className="text-sm text-zinc-600">Your role ({ROLE_INFO[role].label}) can read the structure; experts and admins extract and curate it.</p>
      ) : (
        <div className="space-y-3">
          <div>
            <FieldLabel htmlFor="extract-engine">Engine</FieldLabel>
            <Select id="extract-engine" value={engine} onChange={(e) => setEngine(e.target.value as "local" | "llm")} className="w-full" data-testid="extract-engine">
              <option value="local">Local (offline sentence patterns)</option>
              <option value="llm">LLM endpoint</option>
            </Select>
          </div>
          {engine === "llm" && (
            <div>
              <FieldLabel htmlFor="extract-endpoint" hint="empty: the only one configured">Endpoint name</FieldLabel>
              <Input id="extract-endpoint" value={endpoint} onChange={(e) => setEndpoint(e.target.value)} className="w-full" placeholder="from Settings, or env" />
            </div>
          )}
          {start.error && <ErrorAlert>{errorMessage(start.error)}</ErrorAlert>}
          <div className="flex justify-end">
            <Button
              variant="primary"
              loading={start.isPending}
              disabled={!!run && !finished}
              data-testid="extract-start"
              onClick={() => start.mutate({ discipline: discipline ?? undefined, engine, endpoint: endpoint || undefined }, { onSuccess: (r) => setRunId(r.id) })}
            >
              Extract
            </Button>
          </div>
        </div>
      )}
      {runId && run && (
        <div className="mt-4 space-y-2 border-t border-zinc-200 pt-4" data-testid="extract-run" data-status={run.status}>
          <div className="flex items-center gap-3">
            <StatusBadge status={run.status} />
            <RunProgress status={run.status} progress={run.progress} className="flex-1" />
            <Link href={jobHref(runId, discipline)} className="text-xs font-medium text-accent-700 hover:underline">
              View job
            </Link>
          </div>
          <p className="truncate text-xs text-zinc-600">{run.message}</p>
          {run.error && <ErrorAlert title="The extraction failed">{run.error}</ErrorAlert>}
          {finished && result?.created && (
            <p className="text-sm text-zinc-700" data-testid="extract-result">
              {plural(result.chunks?.extracted ?? 0, "chunk")} extracted ({result.chunks?.skipped ?? 0} already done): {plural(result.created.concepts, "new concept")},{" "}
              {plural(result.created.relations, "relation")}, {plural(result.created.chains, "chain")}.
            </p>
          )}
        </div>
      )}
    </Card>
  );
}
