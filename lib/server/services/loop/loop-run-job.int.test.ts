// The loop as a job, as the Pipeline page runs it: POST /api/loop-runs queues a `loop-run` job, a
// real pg-boss worker runs it, and each stage that has work is an ordinary child JobRun of it.
// Then GET /api/pipeline/stages shows every stage up to date, a second run does no work, and
// "Run from here" on build-v1 runs build-v1 and what follows, never extraction or the benchmark.
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import * as loopRuns from "@/app/api/loop-runs/route";
import * as pipelineStages from "@/app/api/pipeline/stages/route";
import type { Role } from "@/lib/auth/roles";
import { corpusImportJob } from "@/lib/jobs/corpus-import";
import { knowledgeExtractJob } from "@/lib/jobs/knowledge-extract";
import { loopRunJob } from "@/lib/jobs/loop-run";
import { modelTrainJob } from "@/lib/jobs/model-train";
import { getBoss } from "@/lib/server/jobs/boss";
import { createAccount } from "@/lib/server/services/auth/accounts";
import { createToken } from "@/lib/server/services/auth/api-tokens";
import { ensureDefaultDisciplines } from "@/lib/server/services/disciplines";
import { cancelRun } from "@/lib/server/services/jobs/control-run";
import { LOOP_STAGES, stageResultSchema } from "@/lib/server/services/loop/loop-report";
import { pipelineViewSchema, startedLoopRunSchema } from "@/lib/server/services/loop/pipeline-view";
import { useTestDatabase } from "@/test/database";
import { startFineTuneServer } from "@/test/fine-tune-server";
import { SHARED_CORPUS } from "@/test/fixtures";
import { callRoute } from "@/test/http";
import { corpusImportHandler } from "@/workers/handlers/corpus-import";
import { runInline } from "@/workers/runtime/run-inline";
import { startWorkers } from "@/workers/runtime/start-workers";
import { workerShutdown } from "@/workers/runtime/run-watch";
import { sweepStaleRuns } from "@/workers/runtime/sweep";

const t = useTestDatabase();
const as: Partial<Record<Role, Record<string, string>>> = {};

beforeAll(async () => {
  const db = t.db();
  await ensureDefaultDisciplines(db);
  for (const role of ["LEAD", "ADMIN", "EXPERT", "ANNOTATOR", "VIEWER"] as Role[]) {
    const email = `${role.toLowerCase()}@example.test`;
    const user = await db.$transaction((tx) => createAccount(tx, { email, name: role, password: "a long password 1", role }));
    as[role] = { authorization: `Bearer ${(await createToken(db, { userId: user.id, email, name: role, role, via: "session" }, { name: "t" }, null)).token}` };
  }
  const imported = await runInline(db, corpusImportJob, corpusImportHandler, { source: { kind: "path", path: path.join(SHARED_CORPUS, "biology") }, discipline: "biology" });
  expect(imported.outcome, imported.error ?? "").toBe("succeeded");
  await startWorkers(await getBoss({ supervise: true }), { pollingIntervalSeconds: 0.5 });
}, 120_000);

const start = async (body: unknown, role: Role = "LEAD") => callRoute(loopRuns.POST, "POST", "/api/loop-runs", { headers: as[role], body });
const view = async () => pipelineViewSchema.parse((await callRoute(pipelineStages.GET, "GET", "/api/pipeline/stages", { headers: as.VIEWER })).json);

/** Polls the run's row until it ends (the worker runs it; there is nothing to wait on but its state). */
async function finished(runId: string) {
  for (;;) {
    const run = await t.db().jobRun.findUniqueOrThrow({ where: { id: runId } });
    if (["SUCCEEDED", "FAILED", "CANCELLED"].includes(run.status)) return run;
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function runLoopJob(body: Record<string, unknown>) {
  const res = await start(body);
  expect(res.status, res.text).toBe(202);
  const { jobRunId } = startedLoopRunSchema.parse(res.json);
  const run = await finished(jobRunId);
  expect(run.status, `${run.error}`).toBe("SUCCEEDED");
  const children = await t.db().jobRun.findMany({ where: { parentRunId: jobRunId }, orderBy: { createdAt: "asc" } });
  const loopRun = await t.db().loopRun.findFirstOrThrow({ where: { jobRunId } });
  const stages = Object.fromEntries(stageResultSchema.array().parse(loopRun.stages).map((s) => [s.stage, s]));
  return { run, children, loopRun, stages };
}

describe("the loop-run job", () => {
  it("runs each stage as a child job, shows every stage up to date, then does no work, then reruns from build-v1 only what follows", async () => {
    const first = await runLoopJob({ autoApprove: true, budget: 10 });
    expect(first.run).toMatchObject({ type: loopRunJob.name, progress: 1, parentRunId: null });
    expect(first.loopRun.status).toBe("done");
    expect(Object.values(first.stages).map((s) => s.stage)).toEqual([...LOOP_STAGES]);
    // One ordinary run per stage that ran a job (build-v2 applies patches, patch approves them, report compares: no job).
    expect(first.children.map((c) => c.type)).toEqual([
      "knowledge-extract", "benchmark-build", "training-set-build", "orthogonality-check", "model-train", "model-evaluate",
      "model-debug", "orthogonality-check", "model-train", "model-evaluate",
    ]);
    for (const c of first.children) expect(c).toMatchObject({ status: "SUCCEEDED", progress: 1, origin: "API_TOKEN", createdById: first.run.createdById });
    const recorded = await t.db().loopStage.findMany({ where: { jobRunId: { not: null } } });
    expect(recorded.map((r) => r.jobRunId).sort()).toEqual(first.children.filter((c) => recorded.some((r) => r.jobRunId === c.id)).map((c) => c.id).sort());
    expect(recorded.length).toBeGreaterThanOrEqual(8);

    const v = await view();
    expect(v.stages.map((s) => [s.name, s.state])).toEqual(LOOP_STAGES.map((s) => [s, "up to date"]));
    expect(v).toMatchObject({ live: false, reviewUrl: null, loop: { jobRunId: first.run.id, state: "done", progress: 1, currentStage: null } });
    const byName = Object.fromEntries(v.stages.map((s) => [s.name, s]));
    expect(byName["train-v1"].lastRun?.jobRunId).toBe(first.children[4].id);
    expect(byName.extract.counts.map((c) => c.label)).toEqual(["concepts", "relations", "chains"]);
    expect(byName["evaluate-v1"].counts[0]).toMatchObject({ label: "accuracy", value: expect.stringMatching(/^\d+\.\d%$/) });

    const second = await runLoopJob({ autoApprove: true });
    expect(second.children).toEqual([]);
    expect(Object.values(second.stages).every((s) => s.status === "up to date")).toBe(true);

    const third = await runLoopJob({ autoApprove: true, from: "build-v1" });
    expect(third.stages.extract.status).toBe("up to date");
    expect(third.stages.benchmark.status).toBe("up to date");
    expect(third.stages["build-v1"]).toMatchObject({ status: "ran", reason: expect.stringContaining("(run from here)") });
    for (const s of ["gates-v1", "train-v1", "evaluate-v1", "trace"] as const) expect(third.stages[s].status).toBe("ran");
    const types = third.children.map((c) => c.type);
    expect(types).not.toContain("knowledge-extract");
    expect(types).not.toContain("benchmark-build");
    expect(types.slice(0, 3)).toEqual(["training-set-build", "orthogonality-check", "model-train"]);
    expect((await view()).stages.every((s) => s.state === "up to date")).toBe(true);
  }, 300_000);

  it("refuses bad input naming the field, other roles than leads and admins, and a second live loop; none queues anything", async () => {
    const count = () => t.db().jobRun.count({ where: { type: loopRunJob.name } });
    const before = await count();
    for (const [body, field] of [[{ from: "compile" }, "from"], [{ budget: "10" }, "budget"], [{ budget: 0 }, "budget"], [{ trainer: "bundle" }, "trainer"], [{ fast: true }, "fast"]] as const) {
      const res = await start(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(JSON.stringify(res.json)).toContain(field);
    }
    const unknown = await start({ from: "compile" });
    expect((unknown.json as { error: { details: unknown } }).error.details).toEqual({ fields: [expect.objectContaining({ field: "from", message: expect.stringContaining("build-v1") })] });
    for (const role of ["EXPERT", "ANNOTATOR", "VIEWER"] as Role[]) {
      const res = await start({}, role);
      expect(res.status, role).toBe(403);
      expect(res.json).toMatchObject({ error: { code: "FORBIDDEN" } });
    }
    expect(await count()).toBe(before);

    const live = await start({}, "ADMIN");
    expect(live.status, live.text).toBe(202);
    const again = await start({});
    expect(again.status).toBe(409);
    expect(again.json).toMatchObject({ error: { code: "CONFLICT", details: { runId: startedLoopRunSchema.parse(live.json).jobRunId } } });
    expect(await count()).toBe(before + 1);
    await finished(startedLoopRunSchema.parse(live.json).jobRunId);
  }, 120_000);

  it("resumes a loop run whose worker died mid-stage, and the stage run it was in from its checkpoint: not queued on its own, not run twice", async () => {
    const db = t.db();
    const expired = new Date(Date.now() - 60_000);
    const dead = { status: "RUNNING" as const, attempts: 1, workerId: "dead-host:1:abc", leaseExpiresAt: expired, startedAt: expired, origin: "SYSTEM" as const };
    const payload = { autoApprove: true, from: "extract" as const };
    const parent = await db.jobRun.create({ data: { ...dead, type: loopRunJob.name, payload, conflictKey: loopRunJob.conflictKey!(payload) } });
    // The dead delivery had recorded its options in effect (the previous loop's, as it always does).
    const previous = await db.loopRun.findFirstOrThrow({ orderBy: { startedAt: "desc" } });
    const stale = await db.loopRun.create({ data: { options: { ...(previous.options as object), from: "extract" }, jobRunId: parent.id } });
    // The stage it was in: the extraction the loop sends, keys in another order, as jsonb keeps them.
    const childPayload = { label: "proda loop", engine: "local" as const };
    const orphan = await db.jobRun.create({ data: { ...dead, type: knowledgeExtractJob.name, payload: childPayload, parentRunId: parent.id, conflictKey: knowledgeExtractJob.conflictKey!(childPayload) } });
    // A stage of an ended loop run, left waiting: nobody would resume it.
    const ended = await db.jobRun.create({ data: { type: loopRunJob.name, payload, status: "FAILED", finishedAt: expired, origin: "SYSTEM" } });
    const abandoned = await db.jobRun.create({ data: { type: knowledgeExtractJob.name, payload: childPayload, parentRunId: ended.id, status: "WAITING", origin: "SYSTEM" } });

    const swept = await sweepStaleRuns(db);
    expect(swept).toMatchObject({ waiting: [orphan.id], released: [abandoned.id] });
    expect(await db.jobRun.findUniqueOrThrow({ where: { id: orphan.id } })).toMatchObject({ status: "WAITING", message: expect.stringContaining("waits for its loop run"), workerId: null, bossJobId: null });
    expect(await db.jobRun.findUniqueOrThrow({ where: { id: abandoned.id } })).toMatchObject({ status: "FAILED", error: expect.stringContaining("loop run ended") });
    const resumed = await finished(parent.id);
    expect(resumed.status, `${resumed.error}`).toBe("SUCCEEDED");
    expect(resumed.attempts).toBe(2);
    expect(await db.loopRun.findUniqueOrThrow({ where: { id: stale.id } })).toMatchObject({ status: "failed" });
    const loopRun = await db.loopRun.findFirstOrThrow({ where: { jobRunId: parent.id, id: { not: stale.id } } });
    expect(loopRun.status).toBe("done");
    expect(stageResultSchema.array().parse(loopRun.stages)[0]).toMatchObject({ stage: "extract", status: "ran" });
    // The stage went on in its own run (its second attempt), and no other extraction was started.
    expect(await db.jobRun.findUniqueOrThrow({ where: { id: orphan.id } })).toMatchObject({ status: "SUCCEEDED", attempts: 2 });
    const children = await db.jobRun.findMany({ where: { parentRunId: parent.id }, orderBy: { createdAt: "asc" } });
    expect(children.map((c) => c.id)).toEqual([orphan.id]);
    const logs = await db.jobLog.findMany({ where: { runId: parent.id } });
    expect(logs.map((l) => l.message)).toContainEqual(expect.stringContaining(`Resuming its stage run ${orphan.id}`));
  }, 120_000);

  it("releases a dead loop's fine-tune stage that the resumed loop does not come back to, and cancels its job at the provider", async () => {
    const db = t.db();
    const server = await startFineTuneServer();
    try {
      await db.endpoint.create({ data: { name: "ft-orphan", baseUrl: server.baseURL, model: "qwen2.5-7b" } });
      server.plan({ statuses: ["running", "running", "succeeded"] });
      const created = await fetch(`${server.baseURL}/fine_tuning/jobs`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ model: "qwen2.5-7b", training_file: "file-0" }) });
      const remote = (await created.json()) as { id: string };
      const expired = new Date(Date.now() - 60_000);
      const dead = { status: "RUNNING" as const, attempts: 1, workerId: "dead-host:2:def", leaseExpiresAt: expired, startedAt: expired, origin: "SYSTEM" as const };
      const payload = { autoApprove: true, from: "report" as const };
      const parent = await db.jobRun.create({ data: { ...dead, type: loopRunJob.name, payload, conflictKey: loopRunJob.conflictKey!(payload) } });
      // The stage it was in: a fine-tune of a model this loop will not train again (the workspace went on without it).
      const trainingSet = await db.trainingSet.findFirstOrThrow();
      const trainPayload = { trainingSetId: trainingSet.id, trainer: "openai" as const, name: "V9", endpoint: "ft-orphan" };
      const orphan = await db.jobRun.create({ data: { ...dead, type: modelTrainJob.name, payload: trainPayload, parentRunId: parent.id } });
      await db.fineTune.create({
        data: { runId: orphan.id, trainingSetId: trainingSet.id, trainer: "openai", endpoint: "ft-orphan", name: "V9", stage: "CUSTOM", hyperparameters: {}, state: "running", remoteJobId: remote.id },
      });

      expect(await sweepStaleRuns(db)).toMatchObject({ requeued: [parent.id], waiting: [orphan.id] });
      const resumed = await finished(parent.id);
      expect(resumed.status, `${resumed.error}`).toBe("SUCCEEDED");
      expect(await db.jobRun.findUniqueOrThrow({ where: { id: orphan.id } })).toMatchObject({ status: "FAILED", error: expect.stringContaining("did not resume this stage") });
      const cancels = server.requests.filter((r) => r.method === "POST" && r.path === `/v1/fine_tuning/jobs/${remote.id}/cancel`);
      expect(cancels).toHaveLength(1);
      expect(await db.fineTune.findUniqueOrThrow({ where: { runId: orphan.id } })).toMatchObject({ state: "cancelled" });
    } finally {
      await server.close();
    }
  }, 120_000);

  it("shows a loop job cancelled while still queued as cancelled, not the loop before it or none", async () => {
    // Recorded as the API queues it, then cancelled before any worker took it (it has no queue job here, so none will).
    const payload = loopRunJob.payload.parse({ autoApprove: false });
    const queued = await t.db().jobRun.create({ data: { type: loopRunJob.name, payload, conflictKey: loopRunJob.conflictKey!(payload) } });
    expect(await cancelRun(t.db(), queued.id)).toMatchObject({ status: "CANCELLED" });
    const { loop, live } = await view();
    expect(live).toBe(false);
    expect(loop).toMatchObject({ jobRunId: queued.id, state: "cancelled", currentStage: null });
  });

  it("cancelling a loop run cancels its running stage and stops the loop there", async () => {
    const db = t.db();
    const res = await start({ autoApprove: true, from: "build-v1" });
    const { jobRunId } = startedLoopRunSchema.parse(res.json);
    let child = null;
    while (!child) {
      child = await db.jobRun.findFirst({ where: { parentRunId: jobRunId, status: "RUNNING" } });
      if (!child) await new Promise((r) => setTimeout(r, 100));
    }
    await cancelRun(db, jobRunId);
    expect((await finished(jobRunId)).status).toBe("CANCELLED");
    const children = await db.jobRun.findMany({ where: { parentRunId: jobRunId } });
    expect(children.filter((c) => !["SUCCEEDED", "CANCELLED"].includes(c.status))).toEqual([]);
    // build-v1 to evaluate-v2 would run a job each: the loop stopped long before.
    expect(children.length).toBeLessThan(8);
    const loopRun = await db.loopRun.findFirstOrThrow({ where: { jobRunId } });
    const stages = stageResultSchema.array().parse(loopRun.stages);
    expect(loopRun.status).toBe("failed");
    expect(stages.at(-1)).toMatchObject({ stage: "report", status: "not run" });
    expect(stages.map((s) => s.stage)).toEqual([...LOOP_STAGES]);
  }, 120_000);

  /**
   * A loop training through `server` whose worker is told to stop (SIGTERM, a deploy) while V1's
   * fine-tuning job waits for its next poll: the stage then waits for its loop run. The caller sets
   * workerShutdown.requested back.
   */
  async function loopStoppedInFineTune(server: Awaited<ReturnType<typeof startFineTuneServer>>, endpoint: string, statuses: string[]) {
    const db = t.db();
    await db.endpoint.create({ data: { name: endpoint, baseUrl: server.baseURL, model: "qwen2.5-7b" } });
    server.plan({ statuses });
    const res = await start({ autoApprove: true, trainer: "openai", endpoint });
    expect(res.status, res.text).toBe(202);
    const { jobRunId } = startedLoopRunSchema.parse(res.json);
    await expect.poll(() => db.jobRun.count({ where: { parentRunId: jobRunId, type: "model-train", status: "WAITING" } }), { timeout: 60_000 }).toBe(1);
    const train = await db.jobRun.findFirstOrThrow({ where: { parentRunId: jobRunId, type: "model-train" } });
    workerShutdown.requested = true;
    await expect.poll(async () => (await db.jobRun.findUniqueOrThrow({ where: { id: train.id } })).message, { timeout: 20_000 }).toContain("waits for its loop run");
    return { jobRunId, train };
  }

  // Last two: the loop keeps the options it last ran with (a remote trainer, whose server is closed after).
  it("resumes the remote fine-tune of a loop stopped with its worker (a deploy): one upload and one fine-tuning job per model, polled on, never started again", async () => {
    const db = t.db();
    const server = await startFineTuneServer();
    try {
      let stopped;
      try {
        stopped = await loopStoppedInFineTune(server, "ft-loop", ["validating_files", "running", "succeeded"]);
        await expect.poll(async () => (await db.jobRun.findUniqueOrThrow({ where: { id: stopped!.jobRunId } })).status, { timeout: 20_000 }).toBe("QUEUED");
      } finally {
        workerShutdown.requested = false; // a worker again: it takes the loop run back
      }
      const { jobRunId, train } = stopped;
      server.plan({ statuses: ["succeeded"] }); // V2's, later in the loop, is done at its first poll
      const run = await finished(jobRunId);
      expect(run.status, `${run.error}`).toBe("SUCCEEDED");
      const posts = (p: RegExp) => server.requests.filter((r) => r.method === "POST" && p.test(r.path)).length;
      expect(posts(/\/files$/)).toBe(2); // V1 and V2
      expect(posts(/\/fine_tuning\/jobs$/)).toBe(2);
      const trains = await db.jobRun.findMany({ where: { parentRunId: jobRunId, type: "model-train" }, orderBy: { createdAt: "asc" } });
      expect(trains.map((r) => [r.id === train.id, r.status])).toEqual([[true, "SUCCEEDED"], [false, "SUCCEEDED"]]);
      const logs = (await db.jobLog.findMany({ where: { runId: train.id }, orderBy: { id: "asc" } })).map((l) => l.message);
      expect(logs).toContainEqual(expect.stringContaining("its loop run resumes this stage"));
      expect(logs.filter((m) => m.startsWith("Fine-tuning job "))).toHaveLength(1);
      const fineTunes = await db.fineTune.findMany({ where: { runId: { in: trains.map((r) => r.id) } } });
      expect(fineTunes.map((f) => f.state)).toEqual(["succeeded", "succeeded"]); // both, whatever order they are read in
    } finally {
      await server.close();
    }
  }, 180_000);

  it("cancels at the provider the fine-tune of a loop cancelled while its worker was stopped: the stage released, its job does not train on", async () => {
    const db = t.db();
    const server = await startFineTuneServer();
    try {
      let train;
      try {
        const stopped = await loopStoppedInFineTune(server, "ft-loop-cancelled", ["validating_files", "running", "running", "running", "succeeded"]);
        train = stopped.train;
        // A lead cancels the loop before any worker resumes it: nobody will poll its fine-tune again.
        await cancelRun(db, stopped.jobRunId);
        expect((await finished(stopped.jobRunId)).status).toBe("CANCELLED");
        expect((await sweepStaleRuns(db)).released).toEqual([train.id]);
      } finally {
        workerShutdown.requested = false;
      }
      const cancels = server.requests.filter((r) => r.method === "POST" && /\/fine_tuning\/jobs\/[^/]+\/cancel$/.test(r.path));
      expect(cancels).toHaveLength(1);
      expect(await db.fineTune.findFirstOrThrow({ where: { runId: train.id } })).toMatchObject({ state: "cancelled" });
      expect(await db.jobRun.findUniqueOrThrow({ where: { id: train.id } })).toMatchObject({ status: "FAILED", error: expect.stringContaining("loop run ended") });
      const logs = (await db.jobLog.findMany({ where: { runId: train.id } })).map((l) => l.message);
      expect(logs).toContainEqual(expect.stringMatching(/^Fine-tuning job \S+ cancelled at ft-loop-cancelled/));
    } finally {
      await server.close();
    }
  }, 180_000);
});
