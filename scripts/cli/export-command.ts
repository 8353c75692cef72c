import { DomainError } from "@/lib/domain/errors";
import { BENCHMARK_FORMATS, benchmarkExport, type BenchmarkFormat } from "@/lib/server/services/exports/benchmark-export";
import { writeExport } from "@/lib/server/services/exports/export-files";
import { TRAINING_FORMATS, trainingSetExport, type TrainingFormat } from "@/lib/server/services/exports/training-set-export";
import { resolveBenchmark, resolveTrainingSet } from "@/lib/server/services/resolve-ref";
import { withWorkspace } from "./workspace";

/** `proda export benchmark v1 --format lm-eval --out dir` / `proda export training-set V1 --format openai --out v1.jsonl` */
export async function exportCommand(what: string, ref: string, opts: { format?: string; out: string; json?: boolean }): Promise<number> {
  return withWorkspace(async (db) => {
    let exp;
    if (what === "benchmark") {
      const format = (opts.format ?? "jsonl") as BenchmarkFormat;
      if (!BENCHMARK_FORMATS.includes(format)) throw new DomainError("BAD_INPUT", `--format for a benchmark is one of ${BENCHMARK_FORMATS.join(", ")}`);
      exp = await benchmarkExport(db, (await resolveBenchmark(db, ref)).id, format);
    } else if (what === "training-set") {
      const format = (opts.format ?? "openai") as TrainingFormat;
      if (!TRAINING_FORMATS.includes(format)) throw new DomainError("BAD_INPUT", `--format for a training set is one of ${TRAINING_FORMATS.join(", ")}`);
      exp = await trainingSetExport(db, (await resolveTrainingSet(db, ref)).id, format);
    } else {
      throw new DomainError("BAD_INPUT", `export what? "benchmark" or "training-set", not "${what}"`);
    }
    const files = await writeExport(exp, opts.out);
    if (opts.json) console.log(JSON.stringify({ name: exp.name, kind: exp.kind, files }, null, 2));
    else console.log(`Wrote ${exp.kind === "file" ? files[0] : `${files.length} files under ${opts.out}`}`);
    return 0;
  });
}
