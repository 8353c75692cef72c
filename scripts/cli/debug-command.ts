import { DomainError } from "@/lib/domain/errors";
import { modelDebugJob } from "@/lib/jobs/model-debug";
import type { Db } from "@/lib/server/db";
import { applyPatches } from "@/lib/server/services/debugger/apply-patches";
import { decidePatch } from "@/lib/server/services/debugger/review-patch";
import type { DebugReport } from "@/lib/server/services/debugger/trace-failures";
import { modelDebugHandler } from "@/workers/handlers/model-debug";
import { runInline } from "@/workers/runtime/run-inline";
import { errorOf, printError, runFailed } from "./output";
import { withWorkspace } from "./workspace";

const PATCH_STATUSES = ["PROPOSED", "APPROVED", "REJECTED", "APPLIED"] as const;
const words = (k: string) => k.toLowerCase().replace(/_/g, " ");

async function evaluationToTrace(db: Db, opts: { model?: string; evaluation?: string }) {
  if (opts.evaluation) return opts.evaluation;
  const model = opts.model ? await db.modelVersion.findUnique({ where: { name: opts.model }, select: { id: true } }) : null;
  if (opts.model && !model) throw new DomainError("NOT_FOUND", `No model version named ${opts.model} (\`proda models\` lists them)`);
  const run = await db.evaluationRun.findFirst({ where: { finishedAt: { not: null }, ...(model ? { modelVersionId: model.id } : {}) }, orderBy: { finishedAt: "desc" }, select: { id: true } });
  if (!run) throw new DomainError("NOT_FOUND", `No finished evaluation${opts.model ? ` of ${opts.model}` : ""}: \`proda eval --model <name>\` first`);
  return run.id;
}

async function debugRunOf(db: Db, id?: string) {
  const run = id ? await db.debugRun.findUnique({ where: { id }, select: { id: true } }) : await db.debugRun.findFirst({ where: { finishedAt: { not: null } }, orderBy: { createdAt: "desc" }, select: { id: true } });
  if (!run) throw new DomainError("NOT_FOUND", id ? `No debug run ${id}` : "No debug run yet: `proda debug` traces the failures of an evaluation first");
  return run.id;
}

export async function debugCommand(opts: { model?: string; evaluation?: string; llmPatches?: boolean; endpoint?: string; json?: boolean }): Promise<number> {
  return withWorkspace(async (db) => {
    if (opts.endpoint && !opts.llmPatches) throw new DomainError("BAD_INPUT", "--endpoint names the endpoint that writes the patches: pass --llm-patches with it");
    const evaluationRunId = await evaluationToTrace(db, opts);
    const run = await runInline(db, modelDebugJob, modelDebugHandler, { evaluationRunId, llmPatches: opts.llmPatches, endpoint: opts.endpoint });
    const report = run.result as DebugReport | undefined;
    if (!report) return runFailed("debug", run, opts.json);
    if (opts.json) console.log(JSON.stringify({ runId: run.runId, ...report }, null, 2));
    else {
      const diagnoses = Object.entries(report.byDiagnosis).filter(([, n]) => n).map(([k, n]) => `${n} ${words(k)}`);
      console.log(`${report.model}: traced ${report.traced} of ${report.failures} failures${diagnoses.length ? `: ${diagnoses.join(", ")}` : ""}.`);
      console.log(`${report.patches.proposed} patches proposed${opts.llmPatches ? ` (${report.patches.written} written by the LLM, the rest from templates)` : ""}${report.patches.gateFailed ? ` (${report.patches.gateFailed} refused by the gate until edited)` : ""}. Next: \`proda patch list\`, then \`proda patch approve --all\` and \`proda patch apply\`.`);
    }
    return 0;
  });
}

export async function patchListCommand(opts: { debugRun?: string; status?: string; json?: boolean }): Promise<number> {
  return withWorkspace(async (db) => {
    const status = opts.status?.toUpperCase();
    if (status && !(PATCH_STATUSES as readonly string[]).includes(status)) throw new DomainError("BAD_INPUT", `--status must be one of ${PATCH_STATUSES.join(", ")}, not ${opts.status}`);
    const debugRunId = await debugRunOf(db, opts.debugRun);
    const patches = await db.patch.findMany({
      where: { debugRunId, ...(status ? { status: status as (typeof PATCH_STATUSES)[number] } : {}) },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, targetKind: true, targetId: true, form: true, author: true, status: true, gatePassed: true, version: true, itemIds: true, content: true },
    });
    if (opts.json) console.log(JSON.stringify({ debugRunId, items: patches }, null, 2));
    else if (!patches.length) console.log("No patch matches.");
    else for (const p of patches) console.log(`${p.id}  ${p.status.padEnd(8)} ${p.gatePassed ? "gate ok " : "GATE ✗  "} ${p.targetKind} ${p.form.padEnd(11)} ${(p.content as { completion?: string }).completion?.slice(0, 90) ?? ""}`);
    return 0;
  });
}

export async function patchDecideCommand(decision: "approve" | "reject", ids: string[], opts: { all?: boolean; debugRun?: string; json?: boolean }): Promise<number> {
  return withWorkspace(async (db) => {
    const targets = opts.all ? (await db.patch.findMany({ where: { debugRunId: await debugRunOf(db, opts.debugRun), status: "PROPOSED", ...(decision === "approve" ? { gatePassed: true } : {}) }, select: { id: true } })).map((p) => p.id) : ids;
    const done: { id: string; status: string }[] = [];
    let failed = 0;
    for (const id of targets) {
      try {
        const p = await decidePatch(db, null, id, { decision });
        done.push({ id: p.id, status: p.status });
      } catch (e) {
        failed++;
        const error = errorOf(e);
        if (!opts.json) printError({ ...error, message: `${id}: ${error.message}` }, false);
        else done.push({ id, status: `refused: ${error.message}` });
      }
    }
    if (opts.json) console.log(JSON.stringify({ items: done }, null, 2));
    else console.log(`${decision === "approve" ? "Approved" : "Rejected"} ${done.length} patches${failed ? `; ${failed} refused` : ""}.${decision === "approve" && done.length ? " Next: `proda patch apply`." : ""}`);
    return failed ? 1 : 0;
  });
}

export async function patchApplyCommand(opts: { debugRun?: string; json?: boolean }): Promise<number> {
  return withWorkspace(async (db) => {
    const report = await applyPatches(db, null, await debugRunOf(db, opts.debugRun));
    if (opts.json) console.log(JSON.stringify(report, null, 2));
    else {
      console.log(`${report.name} v${report.version} = ${report.parent.name} v${report.parent.version} + ${report.patches} patches: ${report.instances} instances.`);
      console.log(`Next: \`proda check\`, \`proda approve ${report.name}\`, \`proda train --trainer local --training-set ${report.name} --name V2\`.`);
    }
    return 0;
  });
}
