import { canonicalName } from "../canonical";
import type { ExtractedChain, ExtractedTriple } from "../types";

export const MAX_CHAINS_PER_CHUNK = 8;
const MAX_STEPS = 4;

/**
 * Links a chunk's triples into chains of 2 to 4 steps where each triple's object is the next
 * one's subject (by canonical name), never visiting a concept twice. Longest first; a chain
 * contained in an emitted one is not emitted again.
 */
export function linkChains(triples: ExtractedTriple[], phrase: (predicate: string) => string): ExtractedChain[] {
  const bySubject = new Map<string, number[]>();
  triples.forEach((t, i) => {
    const k = canonicalName(t.subject);
    bySubject.set(k, [...(bySubject.get(k) ?? []), i]);
  });
  const paths: number[][] = [];
  const walk = (path: number[], seen: Set<string>) => {
    if (path.length >= 2) paths.push(path);
    if (path.length === MAX_STEPS) return;
    const last = triples[path[path.length - 1]];
    for (const i of bySubject.get(canonicalName(last.object)) ?? []) {
      const reached = canonicalName(triples[i].object);
      if (!seen.has(reached)) walk([...path, i], new Set([...seen, reached]));
    }
  };
  triples.forEach((t, i) => walk([i], new Set([canonicalName(t.subject), canonicalName(t.object)])));

  const emitted: number[][] = [];
  const key = (p: number[]) => `,${p.join(",")},`;
  for (const p of paths.sort((a, b) => b.length - a.length || a[0] - b[0])) {
    if (emitted.length >= MAX_CHAINS_PER_CHUNK) break;
    if (emitted.some((e) => key(e).includes(key(p)))) continue;
    emitted.push(p);
  }
  return emitted.map((steps) => ({ steps, summary: summarise(steps.map((i) => triples[i]), phrase) }));
}

/** "Light energy is converted into chemical energy, which is contained in glucose." */
function summarise(steps: ExtractedTriple[], phrase: (predicate: string) => string): string {
  const [first, ...rest] = steps;
  return [`${first.subject} ${phrase(first.predicate)} ${first.object}`, ...rest.map((s) => `which ${phrase(s.predicate)} ${s.object}`)].join(", ") + ".";
}
