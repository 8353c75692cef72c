import { trainingSetBuildJob } from "@/lib/jobs/training-set-build";
import type { TrainingSetBuildReport } from "@/lib/server/services/builder/build-training-set";
import { trainingSetBuildHandler } from "@/workers/handlers/training-set-build";
import { runInline } from "@/workers/runtime/run-inline";
import { runFailed } from "./output";
import { withWorkspace } from "./workspace";

type Options = { name: string; budget?: string; discipline?: string[]; approvedOnly?: boolean; testedOnly?: boolean; note?: string; paraphrase?: boolean; endpoint?: string; json?: boolean };

export async function buildCommand(opts: Options): Promise<number> {
  return withWorkspace(async (db) => {
    const run = await runInline(db, trainingSetBuildJob, trainingSetBuildHandler, {
      name: opts.name,
      budget: opts.budget === undefined ? undefined : Number(opts.budget),
      disciplines: opts.discipline,
      approvedOnly: opts.approvedOnly,
      testedOnly: opts.testedOnly,
      note: opts.note,
      paraphrase: opts.paraphrase,
      endpoint: opts.endpoint,
    });
    const report = run.result as TrainingSetBuildReport | undefined;
    if (!report) return runFailed("build", run, opts.json);
    if (opts.json) console.log(JSON.stringify({ runId: run.runId, ...report }, null, 2));
    else {
      console.log(`Training set ${report.name} v${report.version}: ${report.instances} instances from L1 concepts and L2 relations.`);
      console.log(`  ${Object.entries(report.byKind).map(([k, n]) => `${k} ${n}`).join(", ")}`);
      console.log("Next: `proda check` runs the orthogonality gate against the benchmarks.");
    }
    return 0;
  });
}
