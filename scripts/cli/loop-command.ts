import type { LoopOptions, LoopReport } from "@/lib/server/services/loop/loop-report";
import { describeGain } from "@/lib/server/services/loop/loop-figures";
import { runLoop, type LoopOutcome } from "@/lib/server/services/loop/run-loop";
import { jobHandlers } from "@/workers/handlers";
import type { JobHandler } from "@/workers/runtime/job-context";
import { runInline } from "@/workers/runtime/run-inline";
import { printError } from "./output";
import { withWorkspace } from "./workspace";

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const perDiscipline = (by: Record<string, number>) => Object.entries(by).map(([slug, a]) => `${slug} ${pct(a)}`).join(", ");

/** `proda loop`: exit 0 when the loop is done or waits for the patch review, 1 when a stage (a gate) failed. */
export async function loopCommand(opts: LoopOptions & { json?: boolean }): Promise<number> {
  return withWorkspace(async (db) => {
    // Each stage's job runs here, with its own handler, exactly as its own command runs it.
    const outcome = await runLoop(db, (def, payload) => runInline(db, def, jobHandlers[def.name] as JobHandler<typeof payload>, payload), opts);
    const { failure, report } = outcome;
    if (failure && !failure.gate) {
      // Not a verdict on the data but an error: the CLI's one error shape, with what the stages did.
      printError({ code: failure.code, message: failure.message, runId: failure.runId, details: { loopRunId: outcome.loopRunId, stages: report.stages } }, opts.json);
      if (!opts.json) printStages(report);
      return 1;
    }
    if (opts.json) console.log(JSON.stringify(report, null, 2));
    else printText(outcome);
    if (failure) {
      if (!opts.json) console.error(`proda: ${failure.message}`);
      return 1;
    }
    return 0;
  });
}

function printStages(report: LoopReport) {
  for (const s of report.stages) console.log(`${s.stage.padEnd(14)} ${s.status.padEnd(19)} ${s.reason}`);
}

function printText({ report: r, status }: LoopOutcome) {
  printStages(r);
  console.log("");
  const k = r.knowledge;
  console.log(`Knowledge: ${k.concepts} concepts, ${k.relations} relations, ${k.chains} chains; reachability ${pct(k.reachability)}.`);
  if (r.benchmark) console.log(`Benchmark: ${r.benchmark.items} items (distractors INVREL ${r.benchmark.byOperator.INVREL}, TRUNC ${r.benchmark.byOperator.TRUNC}, NEARMISS ${r.benchmark.byOperator.NEARMISS}).`);
  for (const role of ["V1", "V2"] as const) {
    const set = r.trainingSets[role];
    if (!set) continue;
    const gate = r.orthogonality[role];
    const model = r.models[role];
    const patches = role === "V2" && r.trainingSets.V2 ? `, ${r.trainingSets.V2.patches} of them from patches` : "";
    console.log(`${role}: ${set.instances} instances${patches}; ${gate ? `${gate.violations} orthogonality violations` : "not checked"}${model ? `; accuracy ${pct(model.accuracy)} (${perDiscipline(model.byDiscipline)})` : ""}.`);
  }
  if (r.gain) console.log(`${describeGain(r.gain)}.`);
  if (r.failures) {
    const diagnoses = Object.entries(r.failures.byDiagnosis).filter(([, n]) => n).map(([d, n]) => `${n} ${d.toLowerCase().replace(/_/g, " ")}`);
    console.log(`Failures of V1: ${r.failures.V1}, traced ${r.failures.traced}${diagnoses.length ? `: ${diagnoses.join(", ")}` : ""}.`);
  }
  if (status === "waiting") console.log(`\nThe loop waits for the patch review: ${r.stages.find((s) => s.status === "waiting for review")?.reason}.`);
}
