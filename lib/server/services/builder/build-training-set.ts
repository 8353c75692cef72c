import { synthesize, type BuilderInput, type InstanceKind } from "@/lib/domain/builder";
import { paraphraseInstance } from "@/lib/domain/builder/paraphrase";
import type { ChatModel } from "@/lib/domain/ports";
import { DomainError } from "@/lib/domain/errors";
import type { TrainingSetBuildPayload } from "@/lib/jobs/training-set-build";
import type { Db } from "@/lib/server/db";
import { loadLevels, selectDisciplines } from "@/lib/server/queries/structure";
import { mapWithModel } from "@/lib/server/services/model-for";
import { vocabularyOf } from "@/lib/server/services/knowledge/vocabulary";
import type { Progress } from "@/lib/server/services/progress";
import { contentHash } from "./content-hash";
import { frozenCoverage } from "./approve-training-set";
import { indexBenchmarks, instanceText } from "./check-orthogonality";
import { gatherCoreInputs } from "./core-inputs";

const WRITE_BATCH = 2000;

export type TrainingSetBuildReport = {
  trainingSetId: string;
  name: string;
  version: number;
  instances: number;
  byDiscipline: Record<string, number>;
  byKind: Record<InstanceKind, number>;
  /** instances not written because the gate would refuse them against the benchmarks, by kind of overlap */
  decontaminated?: Record<string, number>;
};

/**
 * Builds a training set version with the Builder engine, discipline by discipline, writing
 * instances in batches. The set stays BUILDING (unusable) until the last batch and its CORE
 * inputs are written; a retried run clears its own partial rows and writes them again.
 */
export async function buildTrainingSet(ctx: Progress, payload: TrainingSetBuildPayload, model?: ChatModel): Promise<TrainingSetBuildReport> {
  const { db } = ctx;
  const set = await claimSet(db, ctx.runId, payload);
  // Finished by an earlier attempt that died before reporting: its report is stored with it.
  if (set.status !== "BUILDING") return (set.core as { report: TrainingSetBuildReport }).report;
  await db.trainingInstance.deleteMany({ where: { trainingSetId: set.id } });
  const disciplines = await selectDisciplines(db, payload.testedOnly ? await testedDisciplines(db, payload.disciplines) : payload.disciplines);
  const byDiscipline: Record<string, number> = {};
  const byKind = emptyKinds();
  let position = 0;
  let paraphraseFailures = 0;
  // Decontamination: what the gate would refuse against the benchmarks built so far is not
  // written (the Builder itself never sees a chain; only its output meets the benchmark here).
  const gate = (await db.benchmark.count()) ? (await indexBenchmarks(db, undefined)).index : null;
  const decontaminated: Record<string, number> = {};
  for (const [i, d] of disciplines.entries()) {
    await ctx.throwIfCancelled();
    await ctx.progress(i / (disciplines.length + 1), `Synthesising ${d.name}`);
    const { concepts, relations } = await loadLevels(db, d.id, { approvedOnly: payload.approvedOnly });
    // Built field by field: the Builder's input has no place for chains.
    const input: BuilderInput = {
      discipline: d.slug,
      concepts: concepts.map((c) => ({ id: c.id, name: c.name, definition: c.definition, chunkId: c.chunkId, approved: c.status === "APPROVED" })),
      relations: relations.map((r) => ({ id: r.id, subjectId: r.subjectId, predicate: r.predicate, objectId: r.objectId, evidence: r.evidence, chunkId: r.chunkId, approved: r.status === "APPROVED" })),
      vocabulary: await vocabularyOf(db, d.id),
    };
    const synthesis = synthesize([input], { budget: payload.budget });
    const { stats } = synthesis;
    let instances = synthesis.instances;
    if (model) {
      // The optional paraphrase: a rewording that drops a taught concept's name keeps the template.
      const names = new Map(concepts.map((c) => [c.id, c.name]));
      const result = await mapWithModel(instances, async (x) => (await paraphraseInstance(model, x, x.conceptIds.map((id) => names.get(id) ?? ""))).instance);
      instances = result.items;
      paraphraseFailures += result.failed;
    }
    if (gate) {
      instances = instances.filter((x, n) => {
        const found = gate.check({ id: String(n), text: instanceText(x.prompt, x.completion), conceptIds: x.conceptIds, relationIds: x.relationIds });
        for (const v of found.slice(0, 1)) decontaminated[v.kind] = (decontaminated[v.kind] ?? 0) + 1;
        if (found.length) stats.byKind[x.kind]--;
        return found.length === 0;
      });
    }
    byDiscipline[d.slug] = instances.length;
    for (const [k, n] of Object.entries(stats.byKind)) byKind[k as InstanceKind] += n;
    for (let at = 0; at < instances.length; at += WRITE_BATCH) {
      await ctx.throwIfCancelled();
      await db.trainingInstance.createMany({
        data: instances.slice(at, at + WRITE_BATCH).map((x) => ({
          trainingSetId: set.id,
          disciplineId: d.id,
          position: position++,
          kind: x.kind,
          prompt: x.prompt,
          completion: x.completion,
          conceptIds: x.conceptIds,
          relationIds: x.relationIds,
          chunkId: x.chunkId,
          contentHash: contentHash(x.prompt, x.completion),
        })),
      });
    }
  }
  await ctx.progress(disciplines.length / (disciplines.length + 1), "Computing the CORE report");
  const report = { ...reportOf(set, byDiscipline, byKind, position), ...(gate ? { decontaminated } : {}) };
  const core = await gatherCoreInputs(db, set.id, disciplines.map((d) => d.id), payload.note ?? null);
  await db.trainingSet.update({ where: { id: set.id }, data: { status: "DRAFT", instanceCount: position, core: { ...core, report }, lineage: core.lineage } });
  const dropped = Object.values(decontaminated).reduce((a, b) => a + b, 0);
  await ctx.log(`${set.name} v${set.version}: ${position} instances${model ? ` (paraphrased with ${model.endpoint}; ${paraphraseFailures} invalid answers kept their template)` : ""}${dropped ? `; ${dropped} not written because they overlap the benchmarks` : ""}`);
  return report;
}

const emptyKinds = (): Record<InstanceKind, number> => ({ definition: 0, relation: 0, inverse: 0, explanation: 0, contrast: 0 });
const reportOf = (set: { id: string; name: string; version: number }, byDiscipline: Record<string, number>, byKind: Record<InstanceKind, number>, instances: number): TrainingSetBuildReport => ({
  trainingSetId: set.id,
  name: set.name,
  version: set.version,
  instances,
  byDiscipline,
  byKind,
});

/** The set row of this run: found on a retry, created (next version of its name) the first time. */
async function claimSet(db: Db, runId: string, payload: TrainingSetBuildPayload) {
  const existing = await db.trainingSet.findUnique({ where: { runId } });
  if (existing) return existing;
  return db.$transaction(async (tx) => {
    // One version sequence per name: concurrent builds of one name wait for each other here.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`training-set:${payload.name}`}))`;
    const latest = await tx.trainingSet.findFirst({ where: { name: payload.name }, orderBy: { version: "desc" }, select: { id: true, version: true } });
    let parentId = latest?.id ?? null;
    if (payload.parentId) {
      const parent = await tx.trainingSet.findUnique({ where: { id: payload.parentId }, select: { id: true } });
      if (!parent) throw new DomainError("NOT_FOUND", `No training set ${payload.parentId} to derive from`);
      parentId = parent.id;
    }
    return tx.trainingSet.create({
      data: {
        name: payload.name,
        version: (latest?.version ?? 0) + 1,
        parentId,
        runId,
        createdBy: payload.requestedBy ?? null,
        settings: { budget: payload.budget ?? null, approvedOnly: payload.approvedOnly ?? false, disciplines: payload.disciplines ?? [], testedOnly: payload.testedOnly ?? false, paraphrase: payload.paraphrase ? (payload.endpoint ?? "default endpoint") : null },
        lineage: {},
      },
    });
  });
}

/** The disciplines (of `wanted`, or all) that a frozen benchmark covers with an active item. */
async function testedDisciplines(db: Db, wanted: string[] | undefined): Promise<string[]> {
  const covered = [...new Set((await frozenCoverage(db)).map((c) => c.disciplineId))];
  const rows = await db.discipline.findMany({ where: { id: { in: covered } }, select: { slug: true } });
  const tested = rows.map((r) => r.slug).filter((slug) => !wanted || wanted.includes(slug));
  if (!tested.length) throw new DomainError("NOTHING_TO_BUILD", "No frozen benchmark covers these disciplines: build and freeze the benchmark first (test first)");
  return tested;
}
