import { z } from "zod";

/**
 * How many runs of each job kind one worker process runs at once: PRODA_WORKER_CONCURRENCY is a
 * number for every kind ("2") and/or `kind=n` pairs ("1,model-evaluate=4,model-train=0"); a kind
 * set to 0 is left to other workers (a machine that only evaluates, one that only trains). The
 * default, 1 per kind, runs at most one run of each kind at a time (up to one per kind at once).
 */
export function workerConcurrency(kinds: readonly string[], value: string | undefined = process.env.PRODA_WORKER_CONCURRENCY): Map<string, number> {
  const count = z.coerce.number().int().min(0).max(64);
  const out = new Map(kinds.map((k) => [k, 1]));
  const problems: string[] = [];
  for (const part of (value ?? "").split(",").map((p) => p.trim()).filter(Boolean)) {
    const [kind, n] = part.includes("=") ? part.split("=").map((x) => x.trim()) : [null, part];
    const parsed = count.safeParse(n);
    if (!parsed.success) problems.push(`"${part}": the count must be a whole number from 0 to 64`);
    else if (kind === null) for (const k of kinds) out.set(k, parsed.data);
    else if (!out.has(kind)) problems.push(`"${part}": no job kind ${kind} (kinds: ${kinds.join(", ")})`);
    else out.set(kind, parsed.data);
  }
  if (problems.length) throw new Error(`PRODA_WORKER_CONCURRENCY: ${problems.join("; ")}`);
  return out;
}
