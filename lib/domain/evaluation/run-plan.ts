import { DomainError } from "../errors";

export const DEFAULT_EVALUATION_BATCH = 16;

export type RunPlan = {
  /** the benchmark's items, each once */
  total: number;
  /** of those, already answered by an earlier attempt of the run */
  answered: number;
  /** the items still to ask, in the benchmark's order */
  remaining: string[];
  /** `remaining` cut into batches of at most `batchSize`, each answered and stored before the next */
  batches: string[][];
};

/**
 * What an evaluation still has to ask. `itemIds` in the benchmark's order (by position): the
 * remaining items keep it, so a resumed run asks the same items in the same order as the first
 * attempt would have, and never one whose answer is already stored. Answers to ids that are not
 * (or no longer) in the benchmark are ignored; an id listed twice is asked once.
 */
export function planRun(itemIds: readonly string[], answered: Iterable<string>, batchSize = DEFAULT_EVALUATION_BATCH): RunPlan {
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new DomainError("BAD_INPUT", `batchSize must be a positive integer, got ${batchSize}`);
  const done = new Set(answered);
  const items = [...new Set(itemIds)];
  const remaining = items.filter((id) => !done.has(id));
  const batches: string[][] = [];
  for (let at = 0; at < remaining.length; at += batchSize) batches.push(remaining.slice(at, at + batchSize));
  return { total: items.length, answered: items.length - remaining.length, remaining, batches };
}
