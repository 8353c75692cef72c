import { runFailed } from "./output";
import { benchmarkBuildJob } from "@/lib/jobs/benchmark-build";
import type { BenchmarkBuildReport } from "@/lib/server/services/tester/build-benchmark";
import { benchmarkBuildHandler } from "@/workers/handlers/benchmark-build";
import { runInline } from "@/workers/runtime/run-inline";
import { withWorkspace } from "./workspace";

type Options = { discipline?: string[]; approvedOnly?: boolean; seed?: string; name?: string; freeze?: boolean; reword?: boolean; verify?: boolean; endpoint?: string; json?: boolean };

export async function benchmarkCommand(opts: Options): Promise<number> {
  return withWorkspace(async (db) => {
    const run = await runInline(db, benchmarkBuildJob, benchmarkBuildHandler, {
      disciplines: opts.discipline,
      approvedOnly: opts.approvedOnly,
      seed: opts.seed === undefined ? undefined : Number(opts.seed),
      name: opts.name,
      freeze: opts.freeze,
      reword: opts.reword,
      verify: opts.verify,
      endpoint: opts.endpoint,
    });
    const report = run.result as BenchmarkBuildReport | undefined;
    if (!report) return runFailed("benchmark", run, opts.json);
    if (opts.json) console.log(JSON.stringify({ runId: run.runId, ...report }, null, 2));
    else {
      console.log(`Benchmark v${report.version}${report.frozen ? " (frozen)" : ""}: ${report.items} items from L3 chains.`);
      console.log(`Distractors: INVREL ${report.byOperator.INVREL}, TRUNC ${report.byOperator.TRUNC}, NEARMISS ${report.byOperator.NEARMISS}.`);
      for (const [slug, n] of Object.entries(report.byDiscipline)) console.log(`  ${slug.padEnd(22)} ${String(n).padStart(6)} item${n === 1 ? "" : "s"}`);
      for (const [reason, n] of Object.entries(report.skipped)) console.log(`  chains skipped ${n}: ${reason}`);
      for (const [reason, n] of Object.entries(report.rejected)) console.log(`  items rejected ${n}: ${reason}`);
      const bias = report.answerBias;
      console.log(`Answer bias (chance ${pct(bias.chance)}): longest option ${pct(bias.longestOption)}, most words shared with the stem ${pct(bias.stemOverlap)}, most frequent option ${pct(bias.mostFrequentOption)}.`);
      if (report.withoutChains.length) console.log(`No chains to test in: ${report.withoutChains.join(", ")}`);
    }
    return 0;
  });
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

