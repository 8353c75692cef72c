// The Models and Evaluation pages' API, called as a lead over real route handlers: launches are
// refused with their reason before anything is queued, and an evaluated run reads back filtered,
// paged and item by item exactly as stored.
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import * as evaluations from "@/app/api/evaluations/route";
import * as evaluation from "@/app/api/evaluations/[id]/route";
import * as answers from "@/app/api/evaluations/[id]/answers/route";
import * as answer from "@/app/api/evaluations/[id]/answers/[itemId]/route";
import * as fineTunes from "@/app/api/fine-tunes/route";
import * as models from "@/app/api/models/route";
import { benchmarkBuildJob } from "@/lib/jobs/benchmark-build";
import { corpusImportJob } from "@/lib/jobs/corpus-import";
import { knowledgeExtractJob } from "@/lib/jobs/knowledge-extract";
import { modelEvaluateJob } from "@/lib/jobs/model-evaluate";
import { modelTrainJob } from "@/lib/jobs/model-train";
import { trainingSetBuildJob } from "@/lib/jobs/training-set-build";
import type { Principal } from "@/lib/server/auth/principal";
import { createAccount } from "@/lib/server/services/auth/accounts";
import { createToken } from "@/lib/server/services/auth/api-tokens";
import { approveTrainingSet } from "@/lib/server/services/builder/approve-training-set";
import type { TrainingSetBuildReport } from "@/lib/server/services/builder/build-training-set";
import { checkOrthogonality } from "@/lib/server/services/builder/check-orthogonality";
import { ensureDefaultDisciplines } from "@/lib/server/services/disciplines";
import { useTestDatabase } from "@/test/database";
import { SHARED_CORPUS } from "@/test/fixtures";
import { callRoute } from "@/test/http";
import { benchmarkBuildHandler } from "@/workers/handlers/benchmark-build";
import { corpusImportHandler } from "@/workers/handlers/corpus-import";
import { knowledgeExtractHandler } from "@/workers/handlers/knowledge-extract";
import { modelEvaluateHandler } from "@/workers/handlers/model-evaluate";
import { modelTrainHandler } from "@/workers/handlers/model-train";
import { trainingSetBuildHandler } from "@/workers/handlers/training-set-build";
import { runInline } from "@/workers/runtime/run-inline";
import type { EvaluationReport } from "./evaluate-model";
import type { TrainReport } from "./train-model";

const t = useTestDatabase();
let lead: Record<string, string> = {};
let approvedSetId = "";
let draftSetId = "";
let benchmarkId = "";
let v1 = "";
let report: EvaluationReport;

beforeAll(async () => {
  const db = t.db();
  await ensureDefaultDisciplines(db);
  const user = await db.$transaction((tx) => createAccount(tx, { email: "lead@example.test", name: "Lead", password: "lead password 1", role: "LEAD" }));
  const principal: Principal = { userId: user.id, email: user.email, name: user.name, role: "LEAD", via: "session" };
  lead = { authorization: `Bearer ${(await createToken(db, principal, { name: "t" }, null)).token}` };
  const ok = async (p: ReturnType<typeof runInline>) => {
    const r = await p;
    expect(r.outcome, r.error ?? "").toBe("succeeded");
    return r.result;
  };
  await ok(runInline(db, corpusImportJob, corpusImportHandler, { source: { kind: "path", path: path.join(SHARED_CORPUS, "biology") }, discipline: "biology" }));
  await ok(runInline(db, knowledgeExtractJob, knowledgeExtractHandler, { engine: "local" }));
  await ok(runInline(db, benchmarkBuildJob, benchmarkBuildHandler, { freeze: true }));
  benchmarkId = (await db.benchmark.findFirstOrThrow({ where: { status: "FROZEN" } })).id;
  approvedSetId = ((await ok(runInline(db, trainingSetBuildJob, trainingSetBuildHandler, { name: "small", budget: 25 }))) as TrainingSetBuildReport).trainingSetId;
  await checkOrthogonality(db, approvedSetId, undefined);
  await approveTrainingSet(db, null, approvedSetId);
  draftSetId = ((await ok(runInline(db, trainingSetBuildJob, trainingSetBuildHandler, { name: "draft" }))) as TrainingSetBuildReport).trainingSetId;
  v1 = ((await ok(runInline(db, modelTrainJob, modelTrainHandler, { trainingSetId: approvedSetId, trainer: "local", name: "V1" }))) as TrainReport).modelVersionId;
  report = (await ok(runInline(db, modelEvaluateJob, modelEvaluateHandler, { modelVersionId: v1, benchmarkId }))) as EvaluationReport;
}, 240_000);

// The answers are read as the browser reads them: JSON of any shape, checked by the assertions.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;
const loose = async (p: ReturnType<typeof callRoute>) => {
  const res = await p;
  return { status: res.status, json: res.json as Json };
};
const post = (route: { POST: Parameters<typeof callRoute>[0] }, url: string, body: unknown) => loose(callRoute(route.POST, "POST", url, { headers: lead, body }));
const get = (route: { GET: Parameters<typeof callRoute>[0] }, url: string, params: Record<string, string> = {}, query: Record<string, string> = {}) => loose(callRoute(route.GET, "GET", url, { headers: lead, params, query }));
const runsOf = (type: string) => t.db().jobRun.count({ where: { type, status: "QUEUED" } });

describe("launching fine-tunes and evaluations", () => {
  it("refuses a draft set (422), a taken name (409), a missing endpoint (404) and a bad trainer (400), queueing nothing", async () => {
    const draft = await post(fineTunes, "/api/fine-tunes", { trainingSetId: draftSetId, trainer: "local", name: "V9" });
    expect(draft.status).toBe(422);
    expect(draft.json).toMatchObject({ error: { message: expect.stringContaining("not approved") } });
    expect((await post(fineTunes, "/api/fine-tunes", { trainingSetId: approvedSetId, trainer: "local", name: "V1" })).status).toBe(409);
    const remote = await post(fineTunes, "/api/fine-tunes", { trainingSetId: approvedSetId, trainer: "openai", name: "V9", endpoint: "nowhere" });
    expect(remote.status).toBe(404);
    const bad = await post(fineTunes, "/api/fine-tunes", { trainingSetId: approvedSetId, trainer: "gpu-cluster", name: "V9" });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.json)).toContain("trainer");
    expect(await runsOf(modelTrainJob.name)).toBe(0);
  });

  it("queues a fine-tune (202) that the list shows at once, before a worker takes it", async () => {
    const res = await post(fineTunes, "/api/fine-tunes", { trainingSetId: approvedSetId, trainer: "local", name: "V9" });
    expect(res.status).toBe(202);
    const list = await get(fineTunes, "/api/fine-tunes");
    expect(list.json.pending).toEqual([expect.objectContaining({ runId: res.json.id, name: "V9", trainer: "local", run: expect.objectContaining({ status: "QUEUED" }) })]);
    expect(list.json.items).toEqual([expect.objectContaining({ name: "V1", state: "succeeded", trainingSet: expect.objectContaining({ id: approvedSetId }) })]);
  });

  it("evaluates on the newest frozen benchmark by default, and refuses a draft benchmark (409) or an unknown model (404)", async () => {
    const draft = await t.db().benchmark.create({ data: { version: 99, name: "draft", status: "DRAFT", seed: 1, disciplines: [], report: {} } });
    expect((await post(evaluations, "/api/evaluations", { modelVersionId: v1, benchmarkId: draft.id })).status).toBe(409);
    expect((await post(evaluations, "/api/evaluations", { modelVersionId: "no-such-model" })).status).toBe(404);
    expect(await runsOf(modelEvaluateJob.name)).toBe(0);
    const res = await post(evaluations, "/api/evaluations", { modelVersionId: v1 });
    expect(res.status).toBe(202);
    const run = await t.db().jobRun.findUniqueOrThrow({ where: { id: res.json.id } });
    expect(run.payload).toMatchObject({ modelVersionId: v1, benchmarkId });
    const list = await get(evaluations, "/api/evaluations");
    expect(list.json.pending).toEqual([expect.objectContaining({ runId: run.id, model: "V1", status: "QUEUED" })]);
    await t.db().benchmark.delete({ where: { id: draft.id } });
  });
});

describe("reading an evaluated run", () => {
  it("lists versions with lineage and last accuracy; the run with its progress and metrics", async () => {
    const list = await get(models, "/api/models");
    const version = list.json.items.find((m: { name: string }) => m.name === "V1");
    expect(version).toMatchObject({ stage: "V1", trainer: "local", trainingSet: { id: approvedSetId }, latestEvaluation: { id: report.evaluationRunId, accuracy: report.accuracy } });
    expect(list.json.endpoints).toEqual([]);
    const detail = await get(evaluation, `/api/evaluations/${report.evaluationRunId}`, { id: report.evaluationRunId });
    expect(detail.json).toMatchObject({ total: report.total, answered: report.answered, correct: report.correct, run: { status: "SUCCEEDED" }, disciplines: [{ slug: "biology" }] });
    expect(detail.json.metrics.n).toBe(report.answered);
    expect(detail.json.metrics.accuracy).toBeCloseTo(report.accuracy, 10);
    expect((await get(evaluation, "/api/evaluations/nope", { id: "nope" })).status).toBe(404);
  });

  it("pages every answer once in item order, and filters by correctness, chosen operator and discipline", async () => {
    const id = report.evaluationRunId;
    const all: { itemId: string; position: number; correct: boolean; chosenOperator: string | null; choice: number | null }[] = [];
    let cursor: string | null = null;
    do {
      const page = await get(answers, `/api/evaluations/${id}/answers`, { id }, { limit: "7", ...(cursor ? { cursor } : {}) });
      expect(page.status).toBe(200);
      all.push(...page.json.items);
      cursor = page.json.nextCursor;
    } while (cursor);
    expect(all).toHaveLength(report.answered);
    expect(new Set(all.map((a) => a.itemId)).size).toBe(report.answered);
    expect(all.map((a) => a.position)).toEqual([...all.map((a) => a.position)].sort((a, b) => a - b));

    const wrong = await get(answers, `/api/evaluations/${id}/answers`, { id }, { correct: "false", limit: "200" });
    expect(wrong.json.items).toHaveLength(report.answered - report.correct);
    expect(wrong.json.items.every((a: { correct: boolean }) => !a.correct)).toBe(true);
    const counts = new Map<string, number>();
    for (const a of all) if (a.chosenOperator) counts.set(a.chosenOperator, (counts.get(a.chosenOperator) ?? 0) + 1);
    expect(counts.size).toBeGreaterThan(0);
    for (const [op, n] of counts) {
      const chose = await get(answers, `/api/evaluations/${id}/answers`, { id }, { chose: op, limit: "200" });
      expect(chose.json.items.map((a: { chosenOperator: string }) => a.chosenOperator)).toEqual(Array(n).fill(op));
    }
    expect((await get(answers, `/api/evaluations/${id}/answers`, { id }, { discipline: "physics" })).json.items).toEqual([]);
    expect((await get(answers, `/api/evaluations/${id}/answers`, { id }, { discipline: "biology", limit: "200" })).json.items).toHaveLength(report.answered);
    const bad = await get(answers, `/api/evaluations/${id}/answers`, { id }, { correct: "maybe" });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.json)).toContain("correct");
  });

  it("opens one answer with its prompt, raw reply and the item's chain; an item it never answered is a 404", async () => {
    const id = report.evaluationRunId;
    const wrong = (await get(answers, `/api/evaluations/${id}/answers`, { id }, { correct: "false", limit: "1" })).json.items[0];
    const res = await get(answer, `/api/evaluations/${id}/answers/${wrong.itemId}`, { id, itemId: wrong.itemId });
    expect(res.status).toBe(200);
    const stored = await t.db().evaluationAnswer.findUniqueOrThrow({ where: { evaluationRunId_itemId: { evaluationRunId: id, itemId: wrong.itemId } } });
    expect(res.json.answer).toMatchObject({ prompt: stored.prompt, raw: stored.raw, choice: stored.choice, correct: false });
    expect(res.json.item.path.length).toBe(res.json.item.difficulty);
    expect(res.json.item.options[res.json.item.answerIndex].operator).toBe("ANSWER");
    expect((await get(answer, `/api/evaluations/${id}/answers/none`, { id, itemId: "none" })).status).toBe(404);
  });
});

describe("registering a served model", () => {
  it("needs an endpoint that exists (404), refuses a taken name (409), and records the version (201)", async () => {
    expect((await post(models, "/api/models", { name: "qwen-base", stage: "BASE", endpoint: "nowhere" })).status).toBe(404);
    await t.db().endpoint.create({ data: { name: "vllm", baseUrl: "http://127.0.0.1:9/v1", model: "qwen2.5-7b" } });
    const created = await post(models, "/api/models", { name: "qwen-base", stage: "BASE", endpoint: "vllm" });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ name: "qwen-base", stage: "BASE", trainer: "registered", remoteModel: "qwen2.5-7b", endpoint: "vllm" });
    expect((await post(models, "/api/models", { name: "qwen-base", stage: "BASE", endpoint: "vllm" })).status).toBe(409);
    const list = await get(models, "/api/models");
    expect(list.json.endpoints).toEqual([{ name: "vllm", model: "qwen2.5-7b", source: "settings" }]);
    expect(JSON.stringify(list.json)).not.toContain("127.0.0.1:9");
  });
});
