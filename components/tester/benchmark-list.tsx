"use client";

import { useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { useState } from "react";
import { RunFollower } from "@/components/jobs/run-follower";
import { LlmStepOption } from "@/components/settings/llm-step-option";
import { ErrorAlert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { SkeletonRows } from "@/components/ui/skeleton";
import { errorMessage } from "@/lib/client/api";
import { useDisciplineName } from "@/lib/client/corpus";
import { cx } from "@/lib/client/cx";
import { formatRelative } from "@/lib/client/format";
import { useCan } from "@/lib/client/session";
import { testerKeys, useBenchmarks, useBuildBenchmark, type Benchmark } from "@/lib/client/tester";
import { hrefWith } from "@/lib/client/url";

/** The benchmark versions, newest first; the selected one is the `benchmark` search param. */
export function BenchmarkList({ selected, discipline }: { selected: string | null; discipline: string | null }) {
  const { data, isLoading } = useBenchmarks();
  const params = useSearchParams();
  const pathname = usePathname();
  return (
    <div className="grid items-start gap-6 md:grid-cols-2 2xl:grid-cols-1">
      <Card title="Benchmark versions" description="Frozen versions are the fixed tests" bodyClassName="p-0" data-testid="benchmark-list">
        {isLoading ? (
          <SkeletonRows rows={3} className="p-4" />
        ) : !data?.items.length ? (
          <EmptyState title="No benchmark yet">Build one from the L3 chains before any training: the tests come first.</EmptyState>
        ) : (
          <ul className="divide-y divide-zinc-100">
            {data.items.map((b) => (
              <li key={b.id}>
                <Link
                  href={hrefWith(pathname, params, { benchmark: b.id, item: null })}
                  className={cx("flex items-center gap-2 px-4 py-2.5 text-sm hover:bg-zinc-50", b.id === selected && "bg-accent-50/60")}
                  aria-current={b.id === selected ? "true" : undefined}
                  data-testid="benchmark-version"
                >
                  <span className="font-medium text-zinc-900">v{b.version}</span>
                  <StatusOf benchmark={b} />
                  <span className="ml-auto text-xs text-zinc-500 tabular-nums">
                    {b.itemCount} item{b.itemCount === 1 ? "" : "s"}
                  </span>
                  <span className="w-20 text-right text-xs whitespace-nowrap text-zinc-400">{formatRelative(b.createdAt)}</span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <BuildBenchmarkCard discipline={discipline} />
    </div>
  );
}

export function StatusOf({ benchmark }: { benchmark: Pick<Benchmark, "status"> }) {
  return benchmark.status === "FROZEN" ? <Badge tone="blue">frozen</Badge> : <Badge tone="amber">draft</Badge>;
}

function BuildBenchmarkCard({ discipline }: { discipline: string | null }) {
  const disciplineName = useDisciplineName();
  const allowed = useCan("benchmark:build");
  const build = useBuildBenchmark();
  const qc = useQueryClient();
  const [approvedOnly, setApprovedOnly] = useState(false);
  const [reword, setReword] = useState(false);
  const [verify, setVerify] = useState(false);
  const [endpoint, setEndpoint] = useState("");
  const [runId, setRunId] = useState<string | null>(null);
  if (!allowed) return null;
  return (
    <Card title="Build a benchmark" description={discipline ? `From the chains of ${disciplineName(discipline)}` : "From the chains of every discipline"} data-testid="build-benchmark">
      <p className="text-xs text-zinc-600">One multiple-choice item per chain: the answer is its conclusion, the distractors come from INVREL, TRUNC and NEARMISS.</p>
      <label className="mt-3 flex items-center gap-2 text-sm text-zinc-700">
        <input type="checkbox" checked={approvedOnly} onChange={(e) => setApprovedOnly(e.target.checked)} /> Approved chains only
      </label>
      <label className="mt-2 flex items-center gap-2 text-sm text-zinc-700">
        <input type="checkbox" checked={reword} onChange={(e) => setReword(e.target.checked)} data-testid="build-benchmark-reword" /> Reword the stems naturally with an LLM endpoint
      </label>
      <LlmStepOption label={reword ? "Verify every item (always, when stems are reworded)" : "Verify every item with an LLM endpoint (answered with its evidence, and with its answer removed)"} checked={verify || reword} onChecked={setVerify} endpoint={endpoint} onEndpoint={setEndpoint} />
      {build.error && <ErrorAlert className="mt-3">{errorMessage(build.error)}</ErrorAlert>}
      <div className="mt-3 flex justify-end">
        <Button
          variant="primary"
          loading={build.isPending}
          data-testid="build-benchmark-start"
          onClick={() => build.mutate({ approvedOnly, disciplines: discipline ? [discipline] : undefined, reword, verify, endpoint: endpoint || undefined }, { onSuccess: (r) => setRunId(r.id) })}
        >
          Build benchmark
        </Button>
      </div>
      {runId && <RunFollower key={runId} runId={runId} discipline={discipline} data-testid="build-benchmark-run" onDone={() => void qc.invalidateQueries({ queryKey: testerKeys.all })} />}
    </Card>
  );
}
