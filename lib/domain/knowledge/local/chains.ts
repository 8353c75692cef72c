import { canonicalName } from "../canonical";
import { chainProblem } from "../chain-rules";
import type { ExtractedChain, ExtractedTriple } from "../types";

export const MAX_CHAINS_PER_CHUNK = 6;
/** One sentence may carry a step of this many chains: one passage must not dominate the benchmark. */
export const MAX_CHAINS_PER_SENTENCE = 2;
const MAX_STEPS = 4;

/**
 * Paths of 2 to 4 edges where each edge ends where the next begins, never visiting a node
 * twice; longest first, and a path contained in an emitted one is not emitted again. Edges are
 * given by index; `from` and `to` name their ends.
 */
export function linkPaths<T>(edges: T[], from: (e: T) => string, to: (e: T) => string, max: number, accept: (path: number[]) => boolean = () => true, sentenceOf?: (e: T) => string): number[][] {
  const bySource = new Map<string, number[]>();
  edges.forEach((e, i) => {
    const k = from(e);
    const list = bySource.get(k);
    if (list) list.push(i);
    else bySource.set(k, [i]);
  });
  const paths: number[][] = [];
  const walk = (path: number[], seen: Set<string>) => {
    if (path.length >= 2) paths.push(path);
    if (path.length === MAX_STEPS) return;
    for (const i of bySource.get(to(edges[path[path.length - 1]])) ?? []) {
      const reached = to(edges[i]);
      if (!seen.has(reached)) walk([...path, i], new Set([...seen, reached]));
    }
  };
  edges.forEach((e, i) => walk([i], new Set([from(e), to(e)])));
  const emitted: number[][] = [];
  const uses = new Map<string, number>();
  const key = (p: number[]) => `,${p.join(",")},`;
  for (const p of paths.sort((a, b) => b.length - a.length || a[0] - b[0])) {
    if (emitted.length >= max) break;
    if (emitted.some((e) => key(e).includes(key(p))) || !accept(p)) continue;
    const sentences = sentenceOf ? [...new Set(p.map((i) => sentenceOf(edges[i])))] : [];
    if (sentences.some((s) => (uses.get(s) ?? 0) >= MAX_CHAINS_PER_SENTENCE)) continue;
    for (const s of sentences) uses.set(s, (uses.get(s) ?? 0) + 1);
    emitted.push(p);
  }
  return emitted;
}

/** A chunk's triples linked into chains by the canonical names of their ends, where the chain rules hold. */
export function linkChains(triples: ExtractedTriple[], phrase: (predicate: string) => string): ExtractedChain[] {
  const sound = (p: number[]) => chainProblem(p.map((i) => triples[i])) === null;
  const paths = linkPaths(triples, (t) => canonicalName(t.subject), (t) => canonicalName(t.object), MAX_CHAINS_PER_CHUNK, sound, (t) => t.evidence);
  return paths.map((steps) => ({ steps, summary: summarise(steps.map((i) => triples[i]), phrase) }));
}

/** "Light energy is converted into chemical energy, which is contained in glucose." */
export function summarise(steps: Pick<ExtractedTriple, "subject" | "predicate" | "object">[], phrase: (predicate: string) => string): string {
  const [first, ...rest] = steps;
  return [`${first.subject} ${phrase(first.predicate)} ${first.object}`, ...rest.map((s) => `which ${phrase(s.predicate)} ${s.object}`)].join(", ") + ".";
}
