"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { RunFollower } from "@/components/jobs/run-follower";
import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FieldLabel, Input, Select } from "@/components/ui/field";
import { ROLE_INFO } from "@/lib/auth/roles";
import { errorMessage } from "@/lib/client/api";
import { useDisciplineName } from "@/lib/client/corpus";
import { isActiveStatus, useJobRun } from "@/lib/client/jobs";
import { knowledgeKeys, useStartExtraction } from "@/lib/client/knowledge";
import { useCan, useSessionUser } from "@/lib/client/session";

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

type Result = { created?: { concepts: number; relations: number; chains: number }; chunks?: { extracted: number; skipped: number; failed: number } };

/** Starts an extraction job for the scoped discipline (or all) and follows it. */
export function ExtractPanel({ discipline }: { discipline: string | null }) {
  const disciplineName = useDisciplineName();
  const { role } = useSessionUser();
  const allowed = useCan("knowledge:edit");
  const start = useStartExtraction();
  const qc = useQueryClient();
  const [engine, setEngine] = useState<"local" | "llm">("local");
  const [endpoint, setEndpoint] = useState("");
  const [runId, setRunId] = useState<string | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const run = useJobRun(runId).data?.run;
  const running = !!run && isActiveStatus(run.status);

  return (
    <Card title="Extract" description={discipline ? `Chunks of ${disciplineName(discipline)} not yet extracted` : "Chunks of every discipline not yet extracted"} data-testid="extract-panel">
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
              disabled={running}
              data-testid="extract-start"
              onClick={() => start.mutate({ discipline: discipline ?? undefined, engine, endpoint: endpoint || undefined }, { onSuccess: (r) => (setResult(null), setRunId(r.id)) })}
            >
              Extract
            </Button>
          </div>
        </div>
      )}
      {runId && (
        <RunFollower
          key={runId}
          runId={runId}
          discipline={discipline}
          data-testid="extract-run"
          onDone={(r) => {
            setResult(r as Result | null);
            void qc.invalidateQueries({ queryKey: knowledgeKeys.all });
          }}
        />
      )}
      {result?.created && (
        <p className="mt-2 text-sm text-zinc-700" data-testid="extract-result">
          {plural(result.chunks?.extracted ?? 0, "chunk")} extracted ({result.chunks?.skipped ?? 0} already done): {plural(result.created.concepts, "new concept")},{" "}
          {plural(result.created.relations, "relation")}, {plural(result.created.chains, "chain")}.
        </p>
      )}
    </Card>
  );
}
