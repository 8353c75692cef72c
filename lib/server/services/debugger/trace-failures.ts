import { DomainError } from "@/lib/domain/errors";
import { aggregateTraces, buildProbes, diagnose, type DebugStructure, type Probe, type ProbeResult, type TraceProbes, type Unprobed } from "@/lib/domain/debugger";
import type { BenchmarkIndex } from "@/lib/domain/orthogonality";
import type { ItemOption, PathStep } from "@/lib/domain/tester";
import type { ModelDebugPayload } from "@/lib/jobs/model-debug";
import type { Prisma } from "@/lib/server/db";
import type { Progress } from "@/lib/server/services/progress";
import { optionalModel } from "@/lib/server/services/model-for";
import { answererFor, type Answerer } from "@/lib/server/services/models/answer-model-for";
import { frozenGate, gateOf, loadStructures } from "./debug-inputs";
import { proposePatches } from "./propose-patches";

export type DebugReport = {
  debugRunId: string;
  evaluationRunId: string;
  model: string;
  failures: number;
  traced: number;
  byDiagnosis: Record<string, number>;
  patches: { proposed: number; gateFailed: number; written: number };
};

type FailedItem = { id: string; disciplineId: string; path: PathStep[]; options: ItemOption[]; choice: number | null };
const RAW_KEPT = 600;

/**
 * The Debugger over one evaluation run: each failed item is walked back through its chain by
 * asking the same model probes built from the structure (lib/domain/debugger), and diagnosed.
 * A probe the orthogonality gate would refuse against a frozen benchmark is not asked (it is
 * recorded as unprobed, with why). One trace per item, written as it is made, so a restarted
 * worker traces only the rest. Then the patches for the deficient concepts and relations.
 */
export async function traceFailures(ctx: Progress, payload: ModelDebugPayload): Promise<DebugReport> {
  const { db } = ctx;
  const evaluation = await assertTraceable(db, payload.evaluationRunId);
  const failed = await failedItems(ctx, evaluation.id);
  const run = await db.debugRun.upsert({
    where: { runId: ctx.runId },
    create: { runId: ctx.runId, evaluationRunId: evaluation.id, total: failed.length, createdBy: payload.requestedBy ?? null },
    update: { total: failed.length },
  });
  const done = new Set((await db.failureTrace.findMany({ where: { debugRunId: run.id }, select: { itemId: true } })).map((t) => t.itemId));
  if (done.size) await ctx.log(`Resuming: ${done.size} of ${failed.length} failures were traced before`);
  const structures = await loadStructures(db, failed.map((f) => f.disciplineId));
  const gate = await frozenGate(db);
  const answerer = await answererFor(ctx, evaluation.modelVersion);
  const pending = failed.filter((f) => !done.has(f.id));
  let traced = done.size;
  let next = 0;
  const worker = async () => {
    while (next < pending.length) {
      const item = pending[next++];
      await ctx.throwIfCancelled();
      const trace = await traceItem(item, structures.get(item.disciplineId)!, gate, answerer, ctx.signal);
      await db.failureTrace.createMany({ data: [{ debugRunId: run.id, ...trace }], skipDuplicates: true });
      traced++;
      await ctx.progress((0.9 * traced) / Math.max(1, failed.length), `Traced ${traced} of ${failed.length} failures`);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(answerer.concurrency, pending.length)) }, worker));

  const traces = await db.failureTrace.findMany({ where: { debugRunId: run.id }, select: { id: true, itemId: true, disciplineId: true, diagnosis: true, conceptId: true, relationId: true, probes: true } });
  const slugs = new Map((await db.discipline.findMany({ select: { id: true, slug: true } })).map((d) => [d.id, d.slug]));
  const aggregates = aggregateTraces(traces.map((t) => ({ discipline: slugs.get(t.disciplineId) ?? t.disciplineId, diagnosis: t.diagnosis, conceptId: t.conceptId, relationId: t.relationId })));
  await ctx.progress(0.92, "Proposing patches for the deficient concepts and relations");
  const chosen = new Map(failed.map((f) => [f.id, f.choice === null ? null : (f.options[f.choice]?.conceptId ?? null)]));
  const writer = await optionalModel(ctx, payload.llmPatches, payload.endpoint);
  if (writer) await ctx.progress(0.93, `Writing patches with ${writer.endpoint} (${writer.model})`);
  const patches = await proposePatches(db, run.id, traces, structures, gate, chosen, writer);
  await db.debugRun.update({ where: { id: run.id }, data: { traced: traces.length, aggregates: aggregates as unknown as Prisma.InputJsonValue, finishedAt: new Date() } });
  await ctx.log(`Traced ${traces.length} failures: ${Object.entries(aggregates.byDiagnosis).filter(([, n]) => n).map(([k, n]) => `${n} ${k.toLowerCase().replace(/_/g, " ")}`).join(", ") || "none"}; ${patches.proposed} patches proposed${writer ? ` (${patches.written} written by ${writer.endpoint}, ${patches.kept} kept their template)` : ""}`);
  return { debugRunId: run.id, evaluationRunId: evaluation.id, model: evaluation.modelVersion.name, failures: failed.length, traced: traces.length, byDiagnosis: aggregates.byDiagnosis, patches: { proposed: patches.proposed, gateFailed: patches.gateFailed, written: patches.written } };
}

/** Only a finished evaluation can be traced (404, 409 otherwise): checked when tracing is launched and when its job runs. */
export async function assertTraceable(db: Progress["db"], evaluationRunId: string) {
  const evaluation = await db.evaluationRun.findUnique({
    where: { id: evaluationRunId },
    select: { id: true, finishedAt: true, modelVersion: { select: { id: true, name: true, trainer: true, endpoint: true, remoteModel: true } } },
  });
  if (!evaluation) throw new DomainError("NOT_FOUND", `No evaluation run ${evaluationRunId}`, { fields: [{ field: "evaluationRunId", message: "no such evaluation run" }] });
  if (!evaluation.finishedAt) throw new DomainError("CONFLICT", "The evaluation has not answered every item yet: trace it once it has finished");
  return evaluation;
}

/** The run's wrong answers with their items' chains (ids recorded on each step) and the option chosen. */
async function failedItems(ctx: Progress, evaluationRunId: string): Promise<FailedItem[]> {
  const answers = await ctx.db.evaluationAnswer.findMany({ where: { evaluationRunId, correct: false }, select: { itemId: true, choice: true } });
  const choice = new Map(answers.map((a) => [a.itemId, a.choice]));
  const items = await ctx.db.benchmarkItem.findMany({ where: { id: { in: [...choice.keys()] } }, select: { id: true, disciplineId: true, path: true, options: true }, orderBy: { position: "asc" } });
  return items.map((i) => ({ id: i.id, disciplineId: i.disciplineId, path: i.path as PathStep[], options: i.options as ItemOption[], choice: choice.get(i.id) ?? null }));
}

async function traceItem(item: FailedItem, structure: DebugStructure, gate: BenchmarkIndex | null, answerer: Answerer, signal: AbortSignal) {
  const built = buildProbes({ id: item.id, path: item.path }, structure);
  const unprobed: Unprobed[] = [...built.unprobed];
  const asked: Probe[] = [];
  for (const p of built.probes) {
    const verdict = gateOf(gate, `probe:${item.id}:${p.level}:${p.position}`, p.stem, p.options.map((o) => o.text).join(" "), p.options.map((o) => o.conceptId), p.relationId ? [p.relationId] : []);
    if (verdict.passed) asked.push(p);
    else unprobed.push({ level: p.level, position: p.position, reason: `the probe would overlap a frozen benchmark item (${verdict.violations[0].kind})` });
  }
  const probes: ProbeResult[] = [];
  for (const p of asked) {
    const a = await answerer.model.answer({ stem: p.stem, options: p.options.map((o) => o.text) }, { signal });
    probes.push({ ...p, choice: a.choice, raw: a.raw.slice(0, RAW_KEPT), correct: a.choice === p.answerIndex });
  }
  const d = diagnose(item.path.length, probes, unprobed);
  return {
    itemId: item.id,
    disciplineId: item.disciplineId,
    diagnosis: d.diagnosis,
    step: d.step,
    conceptId: d.conceptId,
    relationId: d.relationId,
    chosenOperator: item.choice === null ? null : (item.options[item.choice]?.operator ?? null),
    probes: { results: probes, unprobed, because: d.because } satisfies TraceProbes as unknown as Prisma.InputJsonValue,
  };
}
