import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { evaluationMetricsSchema } from "@/lib/domain/evaluation";
import { benchmarkBuildJob } from "@/lib/jobs/benchmark-build";
import { corpusImportJob } from "@/lib/jobs/corpus-import";
import { BY_CLI } from "@/lib/jobs/created-by";
import { createRun } from "@/lib/jobs/enqueue";
import { knowledgeExtractJob } from "@/lib/jobs/knowledge-extract";
import { modelEvaluateJob } from "@/lib/jobs/model-evaluate";
import { modelTrainJob, type ModelTrainPayload } from "@/lib/jobs/model-train";
import { trainingSetBuildJob } from "@/lib/jobs/training-set-build";
import { approveTrainingSet } from "@/lib/server/services/builder/approve-training-set";
import { checkOrthogonality } from "@/lib/server/services/builder/check-orthogonality";
import type { TrainingSetBuildReport } from "@/lib/server/services/builder/build-training-set";
import { ensureDefaultDisciplines } from "@/lib/server/services/disciplines";
import { cancelRun } from "@/lib/server/services/jobs/control-run";
import { useTestDatabase } from "@/test/database";
import { SHARED_CORPUS } from "@/test/fixtures";
import { startFineTuneServer } from "@/test/fine-tune-server";
import { startOpenAiServer } from "@/test/openai-server";
import { benchmarkBuildHandler } from "@/workers/handlers/benchmark-build";
import { corpusImportHandler } from "@/workers/handlers/corpus-import";
import { knowledgeExtractHandler } from "@/workers/handlers/knowledge-extract";
import { modelEvaluateHandler } from "@/workers/handlers/model-evaluate";
import { modelTrainHandler } from "@/workers/handlers/model-train";
import { trainingSetBuildHandler } from "@/workers/handlers/training-set-build";
import { executeRun } from "@/workers/runtime/execute-run";
import { runInline } from "@/workers/runtime/run-inline";
import type { EvaluationReport } from "./evaluate-model";
import { registerModel } from "./register-model";
import type { TrainReport } from "./train-model";

const t = useTestDatabase();
let approvedSetId = "";
let draftSetId = "";
let benchmarkId = "";
let items = 0;

beforeAll(async () => {
  const db = t.db();
  await ensureDefaultDisciplines(db);
  const ok = async (p: Promise<{ outcome: string; error: string | null }>) => expect((await p).outcome, (await p).error ?? "").toBe("succeeded");
  await ok(runInline(db, corpusImportJob, corpusImportHandler, { source: { kind: "path", path: path.join(SHARED_CORPUS, "biology") }, discipline: "biology" }));
  await ok(runInline(db, knowledgeExtractJob, knowledgeExtractHandler, { engine: "local" }));
  await ok(runInline(db, benchmarkBuildJob, benchmarkBuildHandler, { freeze: true }));
  const bench = await db.benchmark.findFirstOrThrow({ where: { status: "FROZEN" } });
  benchmarkId = bench.id;
  items = await db.benchmarkItem.count({ where: { benchmarkId, status: "ACTIVE" } });
  const built = await runInline(db, trainingSetBuildJob, trainingSetBuildHandler, { name: "loop", budget: 25 });
  approvedSetId = (built.result as TrainingSetBuildReport).trainingSetId;
  await checkOrthogonality(db, approvedSetId, undefined);
  await approveTrainingSet(db, null, approvedSetId);
  draftSetId = ((await runInline(db, trainingSetBuildJob, trainingSetBuildHandler, { name: "draft" })).result as TrainingSetBuildReport).trainingSetId;
}, 240_000);

/** A run of a job executed step by step, as a worker would (waits included), without a queue. */
async function startRun(payload: ModelTrainPayload) {
  const run = await t.db().$transaction((tx) => createRun(tx, modelTrainJob, payload, "Queued", BY_CLI));
  const step = () => executeRun(t.db(), modelTrainHandler, run.id, payload, { retryCount: 0, retryLimit: 0 });
  return { id: run.id, step };
}

describe("the local student", () => {
  it("trains only from an approved training set", async () => {
    const run = await runInline(t.db(), modelTrainJob, modelTrainHandler, { trainingSetId: draftSetId, trainer: "local", name: "refused" });
    expect(run.outcome).toBe("failed");
    expect(run.error).toMatch(/not approved/);
    expect(await t.db().modelVersion.count({ where: { name: "refused" } })).toBe(0);
  });

  it("becomes model version V1 with its lineage, evaluates above chance and below 1, every item answered once", async () => {
    const trained = await runInline(t.db(), modelTrainJob, modelTrainHandler, { trainingSetId: approvedSetId, trainer: "local", name: "V1" });
    expect(trained.outcome, trained.error ?? "").toBe("succeeded");
    const v1 = trained.result as TrainReport;
    expect(v1).toMatchObject({ name: "V1", stage: "V1", trainer: "local" });
    expect(v1.statements).toBeGreaterThan(0);
    const stored = await t.db().modelVersion.findUniqueOrThrow({ where: { id: v1.modelVersionId }, include: { artefact: { select: { format: true } }, fineTune: true } });
    expect(stored).toMatchObject({ trainingSetId: approvedSetId, benchmarkId, artefact: { format: expect.stringContaining("student") }, fineTune: { state: "succeeded" } });

    const run = await runInline(t.db(), modelEvaluateJob, modelEvaluateHandler, { modelVersionId: v1.modelVersionId, benchmarkId });
    expect(run.outcome, run.error ?? "").toBe("succeeded");
    const report = run.result as EvaluationReport;
    expect(report.answered).toBe(items);
    expect(report.accuracy).toBeGreaterThan(0.25);
    expect(report.accuracy).toBeLessThan(1);
    const answers = await t.db().evaluationAnswer.findMany({ where: { evaluationRunId: report.evaluationRunId } });
    expect(new Set(answers.map((a) => a.itemId)).size).toBe(items);
    expect(answers.every((a) => a.prompt.includes("A.") && a.raw.length > 0 && a.parsedBy === "student")).toBe(true);
    // A wrong answer names the operator of the distractor it chose.
    expect(answers.filter((a) => !a.correct && a.choice !== null).every((a) => ["INVREL", "TRUNC", "NEARMISS"].includes(a.chosenOperator!))).toBe(true);
    const m = evaluationMetricsSchema.parse((await t.db().evaluationRun.findUniqueOrThrow({ where: { id: report.evaluationRunId } })).metrics);
    expect(m.byDiscipline.biology.n).toBe(items);
    expect(Object.keys(m.byLength).length).toBeGreaterThan(0);
    expect(m.interval.low).toBeLessThan(m.accuracy);
    expect(m.interval.high).toBeGreaterThan(m.accuracy);
  }, 120_000);

  it("resumes an evaluation with the items not yet answered, keeping the answers it has", async () => {
    const v1 = await t.db().modelVersion.findUniqueOrThrow({ where: { name: "V1" } });
    const first = await t.db().evaluationRun.findFirstOrThrow({ where: { modelVersionId: v1.id }, include: { answers: { select: { id: true, itemId: true } } } });
    // As if the worker had died after ten answers: the others are gone.
    const kept = first.answers.slice(0, 10);
    await t.db().evaluationAnswer.deleteMany({ where: { evaluationRunId: first.id, id: { notIn: kept.map((a) => a.id) } } });
    await t.db().jobRun.update({ where: { id: first.runId! }, data: { status: "QUEUED", finishedAt: null } });
    const again = await executeRun(t.db(), modelEvaluateHandler, first.runId!, { modelVersionId: v1.id, benchmarkId }, { retryCount: 0, retryLimit: 0 });
    expect(again.outcome).toBe("succeeded");
    const logs = await t.db().jobLog.findMany({ where: { runId: first.runId! }, select: { message: true } });
    expect(logs.map((l) => l.message)).toContainEqual(expect.stringMatching(/Resuming: 10 of \d+ items were answered before/));
    const after = await t.db().evaluationAnswer.findMany({ where: { evaluationRunId: first.id }, select: { id: true, itemId: true } });
    expect(after).toHaveLength(items);
    for (const a of kept) expect(after.find((b) => b.itemId === a.itemId)!.id).toBe(a.id);
  }, 120_000);
});

describe("a remote fine-tune through the OpenAI-compatible API (scripted server on 127.0.0.1)", () => {
  const posts = (server: Awaited<ReturnType<typeof startFineTuneServer>>, p: RegExp) => server.requests.filter((r) => r.method === "POST" && p.test(r.path)).length;

  it("uploads once, creates one job, survives a worker restart while polling, and becomes a version on its endpoint", async () => {
    const server = await startFineTuneServer();
    try {
      await t.db().endpoint.create({ data: { name: "ft", baseUrl: server.baseURL, model: "qwen2.5-7b" } });
      const run = await startRun({ trainingSetId: approvedSetId, trainer: "openai", name: "V1-remote", endpoint: "ft", hyperparameters: { epochs: 2, learningRateMultiplier: 0.5, method: "lora" } });
      expect((await run.step()).outcome).toBe("waiting");
      // A new worker takes the run from its checkpoint: it polls the same job.
      let report = await run.step();
      for (let i = 0; report.outcome === "waiting" && i < 10; i++) report = await run.step();
      expect(report.outcome).toBe("succeeded");
      expect(posts(server, /\/files$/)).toBe(1);
      expect(posts(server, /\/fine_tuning\/jobs$/)).toBe(1);
      const created = server.requests.find((r) => r.method === "POST" && /\/fine_tuning\/jobs$/.test(r.path))!;
      expect(created.json).toMatchObject({ model: "qwen2.5-7b", hyperparameters: { n_epochs: 2, learning_rate_multiplier: 0.5 } });
      const v = await t.db().modelVersion.findUniqueOrThrow({ where: { name: "V1-remote" }, include: { fineTune: true } });
      expect(v).toMatchObject({ trainer: "openai", endpoint: "ft", remoteModel: expect.stringContaining("ft:"), trainingSetId: approvedSetId, fineTune: { state: "succeeded", remoteJobId: expect.any(String) } });

      // The version is evaluated where it was trained: every item asked of the fine-tuned model once.
      const evaluated = await runInline(t.db(), modelEvaluateJob, modelEvaluateHandler, { modelVersionId: v.id, benchmarkId });
      expect(evaluated.outcome, evaluated.error ?? "").toBe("succeeded");
      const chats = server.requests.filter((r) => r.method === "POST" && /\/chat\/completions$/.test(r.path));
      expect(chats).toHaveLength(items);
      expect(new Set(chats.map((r) => r.json!.model))).toEqual(new Set([v.remoteModel]));
      expect((evaluated.result as EvaluationReport).answered).toBe(items);
    } finally {
      await server.close();
    }
  });

  it("shows a remote failure's message, and cancels the remote job when the run is cancelled", async () => {
    const server = await startFineTuneServer();
    try {
      await t.db().endpoint.update({ where: { name: "ft" }, data: { baseUrl: server.baseURL } });
      server.plan({ statuses: ["validating_files", "failed"], error: "The training file has 3 lines that are not chat messages" });
      const failing = await startRun({ trainingSetId: approvedSetId, trainer: "openai", name: "V2-failed", endpoint: "ft" });
      let report = await failing.step();
      for (let i = 0; report.outcome === "waiting" && i < 10; i++) report = await failing.step();
      expect(report.outcome).toBe("failed");
      expect((await t.db().jobRun.findUniqueOrThrow({ where: { id: failing.id } })).error).toMatch(/3 lines that are not chat messages/);
      expect(await t.db().modelVersion.count({ where: { name: "V2-failed" } })).toBe(0);

      server.plan({ statuses: ["validating_files", "running", "running", "running", "running", "succeeded"] });
      const cancelled = await startRun({ trainingSetId: approvedSetId, trainer: "openai", name: "V2-cancelled", endpoint: "ft" });
      expect((await cancelled.step()).outcome).toBe("waiting");
      // Cancelled while waiting for its next poll: no handler runs again, so the cancel reaches the provider from here.
      await cancelRun(t.db(), cancelled.id);
      expect((await t.db().jobRun.findUniqueOrThrow({ where: { id: cancelled.id } })).status).toBe("CANCELLED");
      expect(posts(server, /\/fine_tuning\/jobs\/[^/]+\/cancel$/)).toBe(1);
      expect((await t.db().fineTune.findUniqueOrThrow({ where: { runId: cancelled.id } })).state).toBe("cancelled");
    } finally {
      await server.close();
    }
  });
});

describe("evaluating a model an endpoint serves (scripted server on 127.0.0.1)", () => {
  it("answers every item exactly once through 429s and 500s, and records malformed replies as unparseable", async () => {
    const asked = new Map<string, number>();
    let malformed = 0;
    const server = await startOpenAiServer((body, n) => {
      if (n === 1) return { status: 429, headers: { "retry-after": "1" } };
      if (n === 2 || n === 3) return { status: 500 };
      const question = body.messages.map((m) => m.content).join("\n");
      asked.set(question, (asked.get(question) ?? 0) + 1);
      // One item in four gets a reply that names no single option.
      if (asked.size % 4 === 0) return (malformed++, { content: "It could be A or C, hard to say." });
      return { content: "B" };
    });
    try {
      await t.db().endpoint.create({ data: { name: "served", baseUrl: server.baseURL, model: "base-model", concurrency: 3 } });
      const base = await registerModel(t.db(), null, { name: "base", stage: "BASE", endpoint: "served" });
      const run = await runInline(t.db(), modelEvaluateJob, modelEvaluateHandler, { modelVersionId: base.id, benchmarkId });
      expect(run.outcome, run.error ?? "").toBe("succeeded");
      expect(asked.size).toBe(items);
      expect([...asked.values()].every((n) => n === 1)).toBe(true);
      expect(server.maxInFlight()).toBeLessThanOrEqual(3);
      const report = run.result as EvaluationReport;
      expect(report).toMatchObject({ answered: items, unparseable: malformed });
      const unparseable = await t.db().evaluationAnswer.findMany({ where: { evaluationRunId: report.evaluationRunId, choice: null } });
      expect(unparseable).toHaveLength(malformed);
      expect(unparseable.every((a) => a.raw.includes("A or C") && !a.correct && a.parsedBy === null)).toBe(true);
    } finally {
      await server.close();
    }
  }, 60_000);
});
