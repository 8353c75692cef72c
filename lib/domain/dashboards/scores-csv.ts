import { z } from "zod";
import { LineErrors } from "../line-errors";

/** An external benchmark's name as leads type it (GPQA, MMLU-Pro, ...). */
export const externalBenchmarkSchema = z.string().trim().min(1, "is required").max(60, "is longer than 60 characters").regex(/^[^\u0000-\u001f,]+$/, "may not contain commas or control characters");
/** A score as the external benchmark reports it: a percentage, a fraction or any scale (only ranks are compared). */
export const externalScoreValueSchema = z.number().finite().min(-1e6).max(1e6);

export const SCORES_CSV_HEADER = ["model", "benchmark", "score"] as const;

export type ScoreLine = { line: number; model: string; benchmark: string; score: number };

/** One CSV record: fields split on commas, a field in double quotes may hold commas and "" for a quote. */
export function splitCsvLine(line: string): string[] | null {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    let field = "";
    if (line[i] === '"') {
      i++;
      for (;;) {
        if (i >= line.length) return null; // an unterminated quote
        if (line[i] === '"') {
          if (line[i + 1] === '"') {
            field += '"';
            i += 2;
          } else {
            i++;
            break;
          }
        } else field += line[i++];
      }
      if (i < line.length && line[i] !== ",") return null;
    } else {
      const end = line.indexOf(",", i);
      field = end === -1 ? line.slice(i) : line.slice(i, end);
      i = end === -1 ? line.length : end;
    }
    fields.push(field.trim());
    if (i >= line.length) return fields;
    i++; // the comma
  }
}

/**
 * Reads `model,benchmark,score` CSV (the header first, its columns in any order; blank lines
 * skipped) and checks every line before anything is kept: an unknown model, a bad score, a bad
 * name or the same model and benchmark twice is an error naming its line, and any error refuses
 * the whole file (400, the lines listed).
 */
export async function parseScoresCsv(lines: Iterable<string> | AsyncIterable<string>, knownModels: ReadonlySet<string>): Promise<ScoreLine[]> {
  const errors = new LineErrors();
  const rows: ScoreLine[] = [];
  const seen = new Map<string, number>();
  let columns: number[] | null = null;
  let lineNo = 0;
  for await (const raw of lines) {
    lineNo++;
    const text = lineNo === 1 ? raw.replace(/^\uFEFF/, "") : raw;
    if (!text.trim()) continue;
    const fields = splitCsvLine(text);
    if (!fields) {
      errors.add({ line: lineNo, message: "a quoted field is not closed" });
      continue;
    }
    if (!columns) {
      const header = fields.map((f) => f.toLowerCase());
      const at = SCORES_CSV_HEADER.map((c) => header.indexOf(c));
      if (at.includes(-1) || header.length !== SCORES_CSV_HEADER.length) {
        errors.add({ line: lineNo, message: `the header must name the columns ${SCORES_CSV_HEADER.join(",")}, not ${fields.join(",")}` });
        errors.refuse("bad line");
      }
      columns = at;
      continue;
    }
    if (fields.length !== SCORES_CSV_HEADER.length) {
      errors.add({ line: lineNo, message: `expected 3 fields (model, benchmark, score), found ${fields.length}` });
      continue;
    }
    const [model, benchmark, scoreText] = columns.map((c) => fields[c]);
    const problems: string[] = [];
    if (!model) problems.push("model: is required");
    else if (!knownModels.has(model)) problems.push(`model: no model version named "${model}"`);
    const name = externalBenchmarkSchema.safeParse(benchmark);
    if (!name.success) problems.push(`benchmark: ${name.error.issues[0].message}`);
    const score = externalScoreValueSchema.safeParse(scoreText === "" ? Number.NaN : Number(scoreText));
    if (!score.success) problems.push(`score: "${scoreText}" is not a number`);
    if (problems.length) {
      errors.add({ line: lineNo, message: problems.join("; ") });
      continue;
    }
    const key = `${model}\u0000${name.data!.toLowerCase()}`;
    const earlier = seen.get(key);
    if (earlier) {
      errors.add({ line: lineNo, message: `${model} on ${name.data} is already on line ${earlier}` });
      continue;
    }
    seen.set(key, lineNo);
    rows.push({ line: lineNo, model, benchmark: name.data!, score: score.data! });
  }
  if (!columns) {
    errors.add({ line: 1, message: `the file is empty: its first line is the header ${SCORES_CSV_HEADER.join(",")}` });
  }
  if (errors.count) errors.refuse(errors.count === 1 ? "bad line" : "bad lines");
  return rows;
}
