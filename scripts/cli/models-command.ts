import { DomainError } from "@/lib/domain/errors";
import { STUDENT_LABEL } from "@/lib/domain/student";
import { hyperparametersSchema, nextVersionName } from "@/lib/domain/training";
import { evaluationMetricsSchema } from "@/lib/domain/evaluation";
import { modelEvaluateJob } from "@/lib/jobs/model-evaluate";
import { modelTrainJob, type ModelTrainPayload } from "@/lib/jobs/model-train";
import type { Db } from "@/lib/server/db";
import { listModels } from "@/lib/server/queries/models";
import { approveTrainingSet } from "@/lib/server/services/builder/approve-training-set";
import type { EvaluationReport } from "@/lib/server/services/models/evaluate-model";
import { registerModel, type RegisterModelInput } from "@/lib/server/services/models/register-model";
import type { TrainReport } from "@/lib/server/services/models/train-model";
import { newestFrozenBenchmark, resolveBenchmark, resolveTrainingSet } from "@/lib/server/services/resolve-ref";
import { modelEvaluateHandler } from "@/workers/handlers/model-evaluate";
import { modelTrainHandler } from "@/workers/handlers/model-train";
import { runInline } from "@/workers/runtime/run-inline";
import { runFailed } from "./output";
import { withWorkspace } from "./workspace";

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** The lead's approval: test first and the gate are enforced (a 422 with its reasons otherwise). */
export async function approveCommand(ref: string, opts: { json?: boolean }): Promise<number> {
  return withWorkspace(async (db) => {
    const set = await resolveTrainingSet(db, ref);
    const approved = await approveTrainingSet(db, null, set.id);
    if (opts.json) console.log(JSON.stringify({ id: approved.id, name: approved.name, version: approved.version, status: approved.status, approvedAt: approved.approvedAt }, null, 2));
    else {
      const next = nextVersionName((await db.modelVersion.findMany({ select: { name: true } })).map((m) => m.name));
      console.log(`${approved.name} v${approved.version} is approved for fine-tuning. Next: \`proda train --trainer local --training-set ${approved.name}@${approved.version} --name ${next}\`.`);
    }
    return 0;
  });
}

type TrainOptions = { trainingSet?: string; trainer: ModelTrainPayload["trainer"]; name: string; stage?: ModelTrainPayload["stage"]; endpoint?: string; baseModel?: string; epochs?: string; learningRate?: string; learningRateMultiplier?: string; batchSize?: string; loraRank?: string; seed?: string; json?: boolean };

async function newestApproved(db: Db) {
  const set = await db.trainingSet.findFirst({ where: { status: "APPROVED" }, orderBy: [{ approvedAt: "desc" }, { createdAt: "desc" }] });
  if (!set) throw new DomainError("NOT_FOUND", "No approved training set: `proda approve <name>` once the benchmark is frozen and the gate passed");
  return set;
}

const num = (v: string | undefined) => (v === undefined ? undefined : Number(v));

export async function trainCommand(opts: TrainOptions): Promise<number> {
  return withWorkspace(async (db) => {
    const set = opts.trainingSet ? await resolveTrainingSet(db, opts.trainingSet) : await newestApproved(db);
    const hyperparameters = { epochs: num(opts.epochs), learningRate: num(opts.learningRate), learningRateMultiplier: num(opts.learningRateMultiplier), batchSize: num(opts.batchSize), loraRank: num(opts.loraRank), seed: num(opts.seed) };
    const run = await runInline(db, modelTrainJob, modelTrainHandler, {
      trainingSetId: set.id,
      trainer: opts.trainer,
      name: opts.name,
      stage: opts.stage,
      endpoint: opts.endpoint,
      baseModel: opts.baseModel,
      // Parsed by the job's schema: the defaults (3 epochs, LoRA) fill what was not given.
      hyperparameters: hyperparametersSchema.parse(Object.fromEntries(Object.entries(hyperparameters).filter(([, v]) => v !== undefined))),
    });
    const report = run.result as TrainReport | undefined;
    if (!report) return runFailed("train", run, opts.json);
    if (opts.json) console.log(JSON.stringify({ runId: run.runId, trainingSet: { id: set.id, name: set.name, version: set.version }, ...report }, null, 2));
    else {
      const what = report.trainer === "local" ? `${STUDENT_LABEL}, ${report.statements} statements from ${report.instances} instances` : `${report.remoteModel} (${report.trainer})`;
      console.log(`Model ${report.name} (${report.stage}) trained on ${set.name} v${set.version}: ${what}.`);
      console.log(`Next: \`proda eval --model ${report.name}\`.`);
    }
    return 0;
  });
}

export async function evalCommand(opts: { model: string; benchmark?: string; json?: boolean }): Promise<number> {
  return withWorkspace(async (db) => {
    const model = await db.modelVersion.findUnique({ where: { name: opts.model }, select: { id: true, name: true } });
    if (!model) throw new DomainError("NOT_FOUND", `No model version named ${opts.model} (\`proda models\` lists them)`);
    const benchmark = opts.benchmark ? await resolveBenchmark(db, opts.benchmark) : await newestFrozenBenchmark(db);
    if (!benchmark) throw new DomainError("NOT_FOUND", "No frozen benchmark: `proda benchmark --freeze` builds and freezes one");
    const run = await runInline(db, modelEvaluateJob, modelEvaluateHandler, { modelVersionId: model.id, benchmarkId: benchmark.id });
    const report = run.result as EvaluationReport | undefined;
    if (!report) return runFailed("eval", run, opts.json);
    const stored = await db.evaluationRun.findUniqueOrThrow({ where: { id: report.evaluationRunId }, select: { metrics: true } });
    const m = evaluationMetricsSchema.parse(stored.metrics);
    if (opts.json) {
      console.log(JSON.stringify({ runId: run.runId, evaluationRunId: report.evaluationRunId, model: model.name, benchmark: { id: benchmark.id, version: benchmark.version }, ...m }, null, 2));
    } else {
      console.log(`${model.name} on benchmark v${benchmark.version}: ${pct(m.accuracy)} of ${m.n} items (95% interval ${pct(m.interval.low)}–${pct(m.interval.high)}), ${m.unparseable} unparseable.`);
      for (const [slug, g] of Object.entries(m.byDiscipline)) console.log(`  ${slug.padEnd(20)} ${pct(g.accuracy).padStart(6)} of ${g.n}`);
      console.log(`  wrong answers chose: ${(["INVREL", "TRUNC", "NEARMISS"] as const).map((k) => `${k} ${m.byOperator[k].count}`).join(", ")}`);
      console.log(`  by chain length: ${Object.entries(m.byLength).map(([k, g]) => `${k} hops ${pct(g.accuracy)}`).join(", ")}`);
    }
    return 0;
  });
}

export async function modelsCommand(opts: { json?: boolean }): Promise<number> {
  return withWorkspace(async (db) => {
    const models = await listModels(db);
    if (opts.json) console.log(JSON.stringify({ items: models }, null, 2));
    else if (!models.length) console.log("No model versions yet: `proda train --trainer local --name V1`, or `proda models register`.");
    else {
      for (const m of models) {
        const lineage = m.trainingSet ? `${m.trainingSet.name} v${m.trainingSet.version}` : "no training set";
        const serving = m.trainer === "local" ? STUDENT_LABEL : `${m.remoteModel} at ${m.endpoint}`;
        const score = m.latestEvaluation ? `, ${pct(m.latestEvaluation.accuracy)} on its last evaluation` : "";
        console.log(`${m.name.padEnd(12)} ${m.stage.padEnd(9)} ${m.trainer.padEnd(10)} ${lineage}; ${serving}${score}`);
      }
    }
    return 0;
  });
}

export async function registerCommand(opts: RegisterModelInput & { json?: boolean }): Promise<number> {
  return withWorkspace(async (db) => {
    const created = await registerModel(db, null, opts);
    if (opts.json) console.log(JSON.stringify(created, null, 2));
    else console.log(`Registered ${created.name} (${created.stage}): ${created.remoteModel} at ${created.endpoint}. Next: \`proda eval --model ${created.name}\`.`);
    return 0;
  });
}
