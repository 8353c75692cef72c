import type { Db } from "@/lib/server/db";
import { loopRunJob } from "@/lib/jobs/loop-run";
import { isLive } from "@/lib/jobs/run-lease";
import { loopLockHeld } from "@/lib/server/services/loop/loop-lock";
import { LOOP_STAGES, stageResultSchema, type StageName, type StageResult } from "@/lib/server/services/loop/loop-report";
import { pipelineViewSchema, type LoopRunView, type PipelineView, type StageState } from "@/lib/server/services/loop/pipeline-view";
import { planLoop } from "@/lib/server/services/loop/plan-loop";
import { stageCounts } from "@/lib/server/services/loop/stage-counts";
import { STAGE_INFO } from "@/lib/server/services/loop/stage-info";

type LoopRunRow = { id: string; status: string; stages: unknown; options: unknown; jobRunId: string | null; startedAt: Date; finishedAt: Date | null; error: string | null };
type JobRow = { id: string; status: string; progress: number; message: string | null; error: string | null; createdAt: Date; startedAt: Date | null; finishedAt: Date | null };

const resultsOf = (r: LoopRunRow | undefined): StageResult[] => (Array.isArray(r?.stages) ? r.stages.filter((s) => stageResultSchema.safeParse(s).success) : []);
const fromOf = (r: LoopRunRow | undefined) => {
  const from = (r?.options as { from?: unknown } | undefined)?.from;
  return (LOOP_STAGES as readonly unknown[]).includes(from) ? (from as StageName) : null;
};

/** The live loop run (its job, else `proda loop` holding the lock), else the last one. */
function loopView(job: JobRow | null, run: LoopRunRow | undefined, lockHeld: boolean): LoopRunView | null {
  const jobLive = !!job && isLive(job.status);
  const done = resultsOf(run).length;
  const running = run?.status === "running" && (jobLive || lockHeld);
  const currentStage = running && done < LOOP_STAGES.length ? LOOP_STAGES[done] : null;
  if (jobLive) {
    return {
      jobRunId: job.id, state: job.status === "QUEUED" ? "queued" : "running", progress: job.progress, message: job.message,
      currentStage: run?.jobRunId === job.id ? currentStage : null, from: run?.jobRunId === job.id ? fromOf(run) : null,
      startedAt: (job.startedAt ?? job.createdAt).toISOString(), finishedAt: null, error: null,
    };
  }
  // The newest loop job ended before its handler ran (cancelled while queued): no LoopRun is
  // its, and the last one is older. The page shows that job, not an older loop or nothing.
  if (job && run?.jobRunId !== job.id && (!run || run.startedAt < job.createdAt) && (job.status === "CANCELLED" || job.status === "FAILED")) {
    return {
      jobRunId: job.id, state: job.status === "CANCELLED" ? "cancelled" : "failed", progress: 0, message: null, currentStage: null, from: null,
      startedAt: job.createdAt.toISOString(), finishedAt: (job.finishedAt ?? job.createdAt).toISOString(), error: job.status === "FAILED" ? (job.error ?? "it failed before it started") : null,
    };
  }
  if (!run) return null;
  const ownJob = job && run.jobRunId === job.id ? job : null;
  // A LoopRun left "running" by a process that died holds no lock any more.
  const state = ownJob?.status === "CANCELLED" ? "cancelled" : running ? "running" : run.status === "running" ? "failed" : (run.status as LoopRunView["state"]);
  return {
    jobRunId: run.jobRunId, state, progress: running ? done / LOOP_STAGES.length : 1, message: null, currentStage, from: fromOf(run),
    startedAt: run.startedAt.toISOString(), finishedAt: run.finishedAt?.toISOString() ?? null,
    error: run.error ?? (state === "failed" && run.status === "running" ? "its process stopped before it finished" : null),
  };
}

/**
 * GET /api/pipeline/stages: each stage of the loop with its state (what the next loop would do,
 * the running stage, the last run's failure), its last run, what it made, and the loop run.
 */
export async function pipelineView(db: Db): Promise<PipelineView> {
  const [documents, runs, job, lockHeld, records] = await Promise.all([
    db.document.count(),
    db.loopRun.findMany({ orderBy: { startedAt: "desc" }, take: 30, select: { id: true, status: true, stages: true, options: true, jobRunId: true, startedAt: true, finishedAt: true, error: true } }),
    db.jobRun.findFirst({ where: { type: loopRunJob.name }, orderBy: { createdAt: "desc" }, select: { id: true, status: true, progress: true, message: true, error: true, createdAt: true, startedAt: true, finishedAt: true } }),
    loopLockHeld(db),
    db.loopStage.findMany({ select: { stage: true, ranAt: true, jobRunId: true } }),
  ]);
  const lastRan = new Map<StageName, { at: Date; jobRunId: string | null }>();
  for (const r of [...runs].reverse()) for (const s of resultsOf(r)) if (s.status === "ran") lastRan.set(s.stage, { at: r.finishedAt ?? r.startedAt, jobRunId: null });
  for (const r of records) lastRan.set(r.stage as StageName, { at: r.ranAt, jobRunId: r.jobRunId });
  const plan = await planLoop(db, new Set(lastRan.keys()));
  const counts = await stageCounts(db, plan.stored);
  const current = job && isLive(job.status) ? runs.find((r) => r.jobRunId === job.id) : runs[0];
  const loop = loopView(job, current, lockHeld);
  const live = (!!job && isLive(job.status)) || lockHeld;
  const failed = !live && loop?.state === "failed" ? resultsOf(current).find((s) => s.status === "failed") : undefined;
  const stages = plan.stages.map((p) => {
    let state: StageState = p.state;
    let reason = p.reason;
    // The job's message says "<stage title>: what it does now"; the card already shows the title.
    if (loop?.currentStage === p.name) [state, reason] = ["running", loop.message?.replace(`${STAGE_INFO[p.name].title}: `, "") || "running now"];
    else if (failed?.stage === p.name && p.state !== "up to date") [state, reason] = ["failed", failed.reason];
    const last = lastRan.get(p.name);
    return { name: p.name, ...STAGE_INFO[p.name], state, reason, lastRun: last ? { at: last.at.toISOString(), jobRunId: last.jobRunId } : null, counts: counts[p.name] };
  });
  const waiting = stages.some((s) => s.state === "waiting for review");
  const debugRunId = plan.made.debugRun ?? plan.stored.get("trace")?.output ?? null;
  return pipelineViewSchema.parse({ documents, stages, loop, live, reviewUrl: waiting && debugRunId ? `/debugger?run=${debugRunId}` : null });
}
