import { familyOf } from "../knowledge/chain-rules";
import type { GraphIndex } from "../knowledge/graph-index";

const MAX_DEPTH = 5;

/**
 * Every concept the structure reaches from the start by a path of the chain's shape: the same
 * families of predicates in the same order, where a transitive family (kinds, parts, causes) may
 * take several steps ("A is a kind of X1, X1 is a kind of X2" is also met two classes further
 * up). Any of them answers the question too, so none may stand as a distractor.
 */
export function alsoRight(graph: GraphIndex, start: string, predicates: string[]): Set<string> {
  // The chain's shape: runs of one family; "other" predicates match only themselves, once.
  const segments: { family: string; predicate: string; transitive: boolean }[] = [];
  for (const p of predicates) {
    const family = familyOf(p);
    const last = segments[segments.length - 1];
    if (last && family !== "other" && last.family === family) continue;
    segments.push({ family, predicate: p, transitive: family !== "other" });
  }
  const matches = (segment: (typeof segments)[number], predicate: string) => (segment.family === "other" ? predicate === segment.predicate : familyOf(predicate) === segment.family);
  const reached = new Set<string>();
  const seen = new Set<string>();
  // A state is a concept and how far through the shape the path to it has come (after a step).
  let frontier: { id: string; at: number }[] = [{ id: start, at: -1 }];
  for (let depth = 0; depth < MAX_DEPTH && frontier.length; depth++) {
    const next: { id: string; at: number }[] = [];
    for (const { id, at } of frontier) {
      for (const r of graph.outOf(id)) {
        // Either stay in the current (transitive) segment or move on to the next one.
        for (const k of [at, at + 1]) {
          if (k < 0 || k >= segments.length || (k === at && !segments[k].transitive) || !matches(segments[k], r.predicate)) continue;
          const key = `${r.objectId}|${k}`;
          if (seen.has(key)) continue;
          seen.add(key);
          next.push({ id: r.objectId, at: k });
          if (k === segments.length - 1) reached.add(r.objectId);
        }
      }
    }
    frontier = next;
  }
  reached.delete(start);
  return reached;
}
