// The Debugger end to end, offline: V1 is trained (local student) on the full training set minus
// the instances that teach one relation of a chain; the item that needs it fails; its trace names
// that relation at that step; the patches for it pass the gate; V2 = V1 + patches, trained and
// evaluated the same way, answers the item again and keeps every item V1 answered.
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildProbes, traceProbesSchema, patchContentSchema } from "@/lib/domain/debugger";
import type { PathStep } from "@/lib/domain/tester";
import { benchmarkBuildJob } from "@/lib/jobs/benchmark-build";
import { corpusImportJob } from "@/lib/jobs/corpus-import";
import { knowledgeExtractJob } from "@/lib/jobs/knowledge-extract";
import { modelDebugJob } from "@/lib/jobs/model-debug";
import { modelEvaluateJob } from "@/lib/jobs/model-evaluate";
import { modelTrainJob } from "@/lib/jobs/model-train";
import { trainingSetBuildJob } from "@/lib/jobs/training-set-build";
import { approveTrainingSet } from "@/lib/server/services/builder/approve-training-set";
import type { TrainingSetBuildReport } from "@/lib/server/services/builder/build-training-set";
import { checkOrthogonality } from "@/lib/server/services/builder/check-orthogonality";
import { ensureDefaultDisciplines } from "@/lib/server/services/disciplines";
import type { EvaluationReport } from "@/lib/server/services/models/evaluate-model";
import type { TrainReport } from "@/lib/server/services/models/train-model";
import { useTestDatabase } from "@/test/database";
import { SHARED_CORPUS } from "@/test/fixtures";
import { benchmarkBuildHandler } from "@/workers/handlers/benchmark-build";
import { corpusImportHandler } from "@/workers/handlers/corpus-import";
import { knowledgeExtractHandler } from "@/workers/handlers/knowledge-extract";
import { modelDebugHandler } from "@/workers/handlers/model-debug";
import { modelEvaluateHandler } from "@/workers/handlers/model-evaluate";
import { modelTrainHandler } from "@/workers/handlers/model-train";
import { trainingSetBuildHandler } from "@/workers/handlers/training-set-build";
import { executeRun } from "@/workers/runtime/execute-run";
import { runInline } from "@/workers/runtime/run-inline";
import { startOpenAiServer } from "@/test/openai-server";
import { registerModel } from "@/lib/server/services/models/register-model";
import type { Principal } from "@/lib/server/auth/principal";
import { applyPatches } from "./apply-patches";
import { loadStructures } from "./debug-inputs";
import { launchDebug } from "./launch-debug";
import { assignForReview } from "./assign";
import { addPatchComment, listPatchComments } from "./patch-thread";
import { listTraces } from "@/lib/server/queries/debugger";
import { decidePatch, editPatch } from "./review-patch";
import type { DebugReport } from "./trace-failures";

const t = useTestDatabase();
const ok = async <T>(p: ReturnType<typeof runInline>): Promise<T> => {
  const r = await p;
  expect(r.outcome, r.error ?? "").toBe("succeeded");
  return r.result as T;
};

/** Trains the local student on an approved copy of `setId` and evaluates it: which items it answers. */
async function trainAndEvaluate(setId: string, name: string, benchmarkId: string) {
  const db = t.db();
  await checkOrthogonality(db, setId, undefined);
  await approveTrainingSet(db, null, setId);
  const model = await ok<TrainReport>(runInline(db, modelTrainJob, modelTrainHandler, { trainingSetId: setId, trainer: "local", name }));
  const report = await ok<EvaluationReport>(runInline(db, modelEvaluateJob, modelEvaluateHandler, { modelVersionId: model.modelVersionId, benchmarkId }));
  const answers = await db.evaluationAnswer.findMany({ where: { evaluationRunId: report.evaluationRunId }, select: { itemId: true, correct: true } });
  return { report, right: new Set(answers.filter((a) => a.correct).map((a) => a.itemId)) };
}

let benchmarkId = "";
let v1SetId = "";
let target: { itemId: string; step: number; relationId: string };
let v1: Awaited<ReturnType<typeof trainAndEvaluate>>;
let full: Set<string>;
let debug: DebugReport;

beforeAll(async () => {
  const db = t.db();
  await ensureDefaultDisciplines(db);
  await ok(runInline(db, corpusImportJob, corpusImportHandler, { source: { kind: "path", path: path.join(SHARED_CORPUS, "biology") }, discipline: "biology" }));
  await ok(runInline(db, knowledgeExtractJob, knowledgeExtractHandler, { engine: "local" }));
  await ok(runInline(db, benchmarkBuildJob, benchmarkBuildHandler, { freeze: true }));
  benchmarkId = (await db.benchmark.findFirstOrThrow({ where: { status: "FROZEN" } })).id;
  const fullSet = (await ok<TrainingSetBuildReport>(runInline(db, trainingSetBuildJob, trainingSetBuildHandler, { name: "full" }))).trainingSetId;
  full = (await trainAndEvaluate(fullSet, "FULL", benchmarkId)).right;

  // V1: the full set without the instances that teach one step of an item the full set gets right.
  const items = await db.benchmarkItem.findMany({ where: { benchmarkId, status: "ACTIVE", id: { in: [...full] } }, select: { id: true, path: true, disciplineId: true }, orderBy: { position: "asc" } });
  const structures = await loadStructures(db, items.map((i) => i.disciplineId));
  for (const item of items) {
    const steps = item.path as PathStep[];
    const step = steps.length - 1;
    // A step whose answer is in the question's words is probed weakly (a pass shows nothing): not a target.
    if (!buildProbes({ id: item.id, path: steps }, structures.get(item.disciplineId)!).probes.some((p) => p.level === "L2" && p.position === step && !p.weak)) continue;
    const relationId = steps[step].relationId!;
    const set = (await ok<TrainingSetBuildReport>(runInline(db, trainingSetBuildJob, trainingSetBuildHandler, { name: "V1-data" }))).trainingSetId;
    await db.trainingInstance.deleteMany({ where: { trainingSetId: set, relationIds: { has: relationId } } });
    await db.trainingSet.update({ where: { id: set }, data: { instanceCount: await db.trainingInstance.count({ where: { trainingSetId: set } }) } });
    const result = await trainAndEvaluate(set, `V1-${item.id.slice(-6)}`, benchmarkId);
    if (result.right.has(item.id)) continue;
    // The item fails without the relation. Its step probe has three or four options, so the student
    // may still pass it (by elimination): then the trace rightly cannot name the relation, and the
    // next item is tried. The test asks that the Debugger names it wherever the probe shows it.
    const report = await ok<DebugReport>(runInline(db, modelDebugJob, modelDebugHandler, { evaluationRunId: result.report.evaluationRunId }));
    const trace = await db.failureTrace.findUniqueOrThrow({ where: { debugRunId_itemId: { debugRunId: report.debugRunId, itemId: item.id } } });
    const probe = traceProbesSchema.parse(trace.probes).results.find((p) => p.level === "L2" && p.position === step);
    if (probe?.correct) continue;
    // When a concept of the item is not known either, the Debugger names that concept first (a
    // missing concept explains the failure before any relation): such an item is no target here.
    if (trace.diagnosis === "MISSING_CONCEPT") continue;
    v1SetId = set;
    v1 = result;
    debug = report;
    target = { itemId: item.id, step, relationId };
    break;
  }
  expect(v1SetId, "some item fails once one of its relations is no longer taught, and its step probe shows it").not.toBe("");
}, 300_000);

describe("the Debugger", () => {
  it("traces every failure of V1, and names the relation left out at its step", async () => {
    const failures = v1.report.answered - v1.report.correct;
    expect(debug).toMatchObject({ failures, traced: failures });
    const trace = await t.db().failureTrace.findUniqueOrThrow({ where: { debugRunId_itemId: { debugRunId: debug.debugRunId, itemId: target.itemId } } });
    expect(["MISSING_RELATION", "WRONG_RELATION"]).toContain(trace.diagnosis);
    expect(trace).toMatchObject({ step: target.step, relationId: target.relationId });
    const probes = traceProbesSchema.parse(trace.probes);
    const failed = probes.results.filter((p) => !p.correct);
    expect(failed.map((p) => p.relationId)).toContain(target.relationId);
    // Probes come from the structure: none repeats the item's question.
    const item = await t.db().benchmarkItem.findUniqueOrThrow({ where: { id: target.itemId } });
    expect(probes.results.every((p) => p.stem !== item.stem)).toBe(true);
    const run = await t.db().debugRun.findUniqueOrThrow({ where: { id: debug.debugRunId } });
    expect(run.aggregates).toMatchObject({ failures, relations: expect.arrayContaining([expect.objectContaining({ id: target.relationId })]) });
  });

  it("resumes: run again after losing a trace, it traces only that item and keeps the others", async () => {
    const traces = await t.db().failureTrace.findMany({ where: { debugRunId: debug.debugRunId }, orderBy: { id: "asc" } });
    const [lost, ...kept] = traces;
    await t.db().failureTrace.delete({ where: { id: lost.id } });
    const run = await t.db().debugRun.findUniqueOrThrow({ where: { id: debug.debugRunId } });
    await t.db().jobRun.update({ where: { id: run.runId! }, data: { status: "QUEUED", finishedAt: null } });
    const again = await executeRun(t.db(), modelDebugHandler, run.runId!, { evaluationRunId: v1.report.evaluationRunId }, { retryCount: 0, retryLimit: 0 });
    expect(again.outcome).toBe("succeeded");
    const after = await t.db().failureTrace.findMany({ where: { debugRunId: debug.debugRunId } });
    expect(after).toHaveLength(traces.length);
    for (const k of kept) expect(after.find((a) => a.itemId === k.itemId)!.id).toBe(k.id);
    expect(after.find((a) => a.itemId === lost.itemId)).toMatchObject({ diagnosis: lost.diagnosis, step: lost.step });
    const logs = await t.db().jobLog.findMany({ where: { runId: run.runId! }, select: { message: true } });
    expect(logs.map((l) => l.message)).toContainEqual(`Resuming: ${kept.length} of ${traces.length} failures were traced before`);
  });

  it("proposes patches for that relation, in several forms, that pass the gate and link back to the failure", async () => {
    const patches = await t.db().patch.findMany({ where: { debugRunId: debug.debugRunId, targetKind: "relation", targetId: target.relationId } });
    expect(patches.map((p) => p.form)).toEqual(expect.arrayContaining(["relation", "inverse"]));
    expect(patches.every((p) => p.gatePassed)).toBe(true);
    const trace = await t.db().failureTrace.findUniqueOrThrow({ where: { debugRunId_itemId: { debugRunId: debug.debugRunId, itemId: target.itemId } } });
    expect(patches.every((p) => p.itemIds.includes(trace.itemId))).toBe(true);
    for (const p of patches) expect(patchContentSchema.parse(p.content).relationIds).toContain(target.relationId);
  });

  it("refuses a stale edit with the latest version, and an approval of a patch the gate refuses", async () => {
    const patch = await t.db().patch.findFirstOrThrow({ where: { debugRunId: debug.debugRunId, form: "relation", targetId: target.relationId } });
    const content = patchContentSchema.parse(patch.content);
    const edited = await editPatch(t.db(), null, patch.id, { version: 1, content: { ...content, completion: `${content.completion} ` } });
    expect(edited.version).toBe(2);
    await expect(editPatch(t.db(), null, patch.id, { version: 1, content })).rejects.toMatchObject({ code: "CONFLICT", details: { latest: { version: 2 } } });
    // Copying a frozen item's question into a patch makes the gate refuse it, and approval with it.
    const item = await t.db().benchmarkItem.findUniqueOrThrow({ where: { id: target.itemId } });
    const leaky = await editPatch(t.db(), null, patch.id, { version: 2, content: { ...content, prompt: item.stem, completion: (item.options as { text: string }[]).map((o) => o.text).join(", ") } });
    expect(leaky.gatePassed).toBe(false);
    await expect(decidePatch(t.db(), null, patch.id, { decision: "approve" })).rejects.toMatchObject({ code: "ORTHOGONALITY_VIOLATION" });
    const fixed = await editPatch(t.db(), null, patch.id, { version: 3, content });
    expect(fixed.gatePassed).toBe(true);
  });

  const make = (role: "ANNOTATOR" | "VIEWER", email: string) => t.db().user.upsert({ where: { email }, create: { name: role, email, role, emailVerified: true }, update: {} });

  it("assigns a failure to an annotator, and the failure list filters by assignee (me, nobody, someone)", async () => {
    const [first, second] = (await listTraces(t.db(), debug.debugRunId, { limit: 2 })).items;
    const annotator = await make("ANNOTATOR", "ann@example.test");
    const viewer = await make("VIEWER", "vi@example.test");
    await expect(assignForReview(t.db(), null, "trace", first.id, { assigneeId: viewer.id })).rejects.toMatchObject({ code: "BAD_INPUT" });
    await expect(assignForReview(t.db(), null, "trace", "nope", { assigneeId: annotator.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await assignForReview(t.db(), null, "trace", first.id, { assigneeId: annotator.id });
    const ids = async (assignee: string, me: string | null = null) => (await listTraces(t.db(), debug.debugRunId, { limit: 200, assignee }, me)).items.map((i) => i.id);
    expect(await ids("me", annotator.id)).toEqual([first.id]);
    expect(await ids(annotator.id)).toEqual([first.id]);
    expect(await ids("none")).toContain(second.id);
    expect(await ids("none")).not.toContain(first.id);
    expect(await ids("me", viewer.id)).toEqual([]);
    expect((await listTraces(t.db(), debug.debugRunId, { limit: 1 })).items[0].assignee).toEqual({ id: annotator.id, name: "ANNOTATOR" });
    const events = await t.db().auditEvent.findMany({ where: { action: "trace.assigned", targetId: first.id } });
    expect(events).toHaveLength(1);
    await assignForReview(t.db(), null, "trace", first.id, { assigneeId: null });
    expect(await ids(annotator.id)).toEqual([]);
  });

  it("assigns a patch only to someone who may review patches, and keeps its comments in order", async () => {
    const patch = await t.db().patch.findFirstOrThrow({ where: { debugRunId: debug.debugRunId } });
    const annotator = await make("ANNOTATOR", "ann@example.test");
    const viewer = await make("VIEWER", "vi@example.test");
    await expect(assignForReview(t.db(), null, "patch", patch.id, { assigneeId: viewer.id })).rejects.toMatchObject({ code: "BAD_INPUT" });
    expect(await assignForReview(t.db(), null, "patch", patch.id, { assigneeId: annotator.id })).toEqual({ id: patch.id, assigneeId: annotator.id });
    await addPatchComment(t.db(), null, patch.id, { text: "first" });
    await addPatchComment(t.db(), null, patch.id, { text: "second" });
    const thread = await listPatchComments(t.db(), patch.id, { limit: 1 });
    expect(thread.items.map((c) => c.text)).toEqual(["first"]);
    expect((await listPatchComments(t.db(), patch.id, { limit: 10, cursor: thread.nextCursor! })).items.map((c) => c.text)).toEqual(["second"]);
    await expect(listPatchComments(t.db(), "nope", { limit: 10 })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("V2 = V1 + approved patches answers the item again and keeps what V1 answered", async () => {
    const proposed = await t.db().patch.findMany({ where: { debugRunId: debug.debugRunId, status: "PROPOSED", gatePassed: true }, orderBy: { id: "asc" } });
    // One patch approved and applied first; the others approved later: the second V2 holds them all.
    const [first, ...later] = proposed;
    await decidePatch(t.db(), null, first.id, { decision: "approve" });
    const early = await applyPatches(t.db(), null, debug.debugRunId);
    expect(early).toMatchObject({ parent: { id: v1SetId }, patches: 1 });
    for (const p of later) await decidePatch(t.db(), null, p.id, { decision: "approve" });
    const applied = await applyPatches(t.db(), null, debug.debugRunId);
    const v1Count = await t.db().trainingInstance.count({ where: { trainingSetId: v1SetId } });
    expect(applied).toMatchObject({ parent: { id: v1SetId }, version: early.version + 1, patches: proposed.length, added: proposed.length, instances: v1Count + proposed.length });
    const set = await t.db().trainingSet.findUniqueOrThrow({ where: { id: applied.trainingSetId } });
    expect(set).toMatchObject({ parentId: v1SetId, status: "DRAFT" });
    expect((set.lineage as { patches: unknown[] }).patches).toHaveLength(proposed.length);
    expect(await t.db().patch.count({ where: { debugRunId: debug.debugRunId, status: "APPLIED", appliedToId: set.id } })).toBe(proposed.length);
    // Nothing new to apply a second time.
    await expect(applyPatches(t.db(), null, debug.debugRunId)).rejects.toMatchObject({ code: "NOTHING_TO_BUILD" });

    const v2 = await trainAndEvaluate(set.id, "V2", benchmarkId);
    expect(v2.right.has(target.itemId)).toBe(true);
    for (const id of v1.right) expect(v2.right.has(id), `V2 still answers ${id}`).toBe(true);
  }, 120_000);

  it("writes patches with an LLM endpoint when asked: a rewrite keeps every taught name, or the template stays", async () => {
    // The scripted writer forgets the names in its first answer (that patch keeps its template)
    // and keeps them in every other, marking what it wrote.
    const server = await startOpenAiServer((body, n) => {
      const names = /Concept names to keep: (.*)$/m.exec(body.messages.at(-1)!.content)?.[1]?.split("; ") ?? [];
      const answer = n === 1 ? { prompt: "What is this about?", completion: "It is about something that matters." } : { prompt: `What links ${names.join(" and ")}?`, completion: `Rewritten by the writer: ${names.join(", ")} are linked as the textbook says.` };
      return { content: JSON.stringify(answer) };
    });
    try {
      await t.db().endpoint.create({ data: { name: "writer", baseUrl: server.baseURL, model: "writer-7b" } });
      const report = await ok<DebugReport>(runInline(t.db(), modelDebugJob, modelDebugHandler, { evaluationRunId: v1.report.evaluationRunId, llmPatches: true, endpoint: "writer" }));
      const patches = await t.db().patch.findMany({ where: { debugRunId: report.debugRunId } });
      expect(server.requests).toHaveLength(patches.length);
      expect(server.requests.every((r) => r.body.response_format?.json_schema?.name === "training_example")).toBe(true);
      const written = patches.filter((p) => p.author === "llm:writer");
      expect(written).toHaveLength(patches.length - 1);
      expect(report.patches.written).toBe(written.length);
      for (const p of written) expect(patchContentSchema.parse(p.generated).completion).toMatch(/^Rewritten by the writer/);
      const kept = patches.find((p) => p.author === "template")!;
      expect(patchContentSchema.parse(kept.content).completion).not.toMatch(/Rewritten|something that matters/);
      // Same targets and forms as the templates' run: the writer changes the words, not what is patched.
      const templated = await t.db().patch.findMany({ where: { debugRunId: debug.debugRunId }, select: { targetId: true, form: true } });
      expect(patches.map((p) => `${p.targetId}:${p.form}`).sort()).toEqual(templated.map((p) => `${p.targetId}:${p.form}`).sort());
    } finally {
      await server.close();
    }
  }, 120_000);

  it("refuses to launch with a patch endpoint that does not exist (404), queueing nothing", async () => {
    const lead: Principal = { userId: "nobody", email: "lead@proda.test", name: "Lead", role: "LEAD", via: "cli" };
    const before = await t.db().jobRun.count();
    await expect(launchDebug(t.db(), lead, { evaluationRunId: v1.report.evaluationRunId, patchEndpoint: "nowhere" })).rejects.toMatchObject({ code: "NOT_FOUND", message: 'No endpoint named "nowhere"' });
    expect(await t.db().jobRun.count()).toBe(before);
  });

  it("traces a model served by an endpoint the same way: the probes go to that endpoint, each once", async () => {
    // A served model that always answers "B": it knows nothing, and says so on every probe.
    const server = await startOpenAiServer(() => ({ content: "B" }));
    try {
      await t.db().endpoint.create({ data: { name: "served", baseUrl: server.baseURL, model: "base-7b" } });
      const base = await registerModel(t.db(), null, { name: "served-base", stage: "BASE", endpoint: "served" });
      const evaluated = await ok<EvaluationReport>(runInline(t.db(), modelEvaluateJob, modelEvaluateHandler, { modelVersionId: base.id, benchmarkId }));
      const asked = server.requests.length;
      const report = await ok<DebugReport>(runInline(t.db(), modelDebugJob, modelDebugHandler, { evaluationRunId: evaluated.evaluationRunId }));
      expect(report).toMatchObject({ model: "served-base", failures: evaluated.answered - evaluated.correct, traced: evaluated.answered - evaluated.correct });
      const traces = await t.db().failureTrace.findMany({ where: { debugRunId: report.debugRunId } });
      const probes = traces.flatMap((tr) => traceProbesSchema.parse(tr.probes).results);
      const probeRequests = server.requests.slice(asked).map((r) => r.body.messages.at(-1)!.content);
      expect(probeRequests).toHaveLength(probes.length);
      for (const p of probes) expect(probeRequests.filter((c) => c.includes(p.stem)).length).toBeGreaterThan(0);
      expect(probes.every((p) => p.raw === "B")).toBe(true);
    } finally {
      await server.close();
    }
  }, 120_000);
});
