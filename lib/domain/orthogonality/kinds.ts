// What the gate reports, and how a person reads it. Kept apart from the engine so the studio's
// gate card and the CLI can import the words without pulling the indexes into a browser bundle.

/**
 * ngram and near-duplicate compare texts; path and shortcut compare what an instance states with
 * an item's chain (see structure.ts). Stored rows keep the kind as a plain string.
 */
export const VIOLATION_KINDS = ["ngram", "near-duplicate", "path", "shortcut"] as const;
export type ViolationKind = (typeof VIOLATION_KINDS)[number];

export type Violation = {
  trainingId: string;
  benchmarkId: string;
  kind: ViolationKind;
  /**
   * ngram: the shared words; near-duplicate: the start of the benchmark item's normalised text;
   * path and shortcut: the steps of the item's chain the instance gives away, as statements.
   */
  shared: string;
  /** ngram: share of the item's n-grams found in the instance; near-duplicate: estimated Jaccard; path, shortcut: 1. */
  similarity: number;
};

/** What most texts get: shared, so it is frozen (a caller adding to it would throw). */
export const NO_VIOLATIONS: readonly Violation[] = Object.freeze([]);

/** One offending pair in words, as the studio and `proda check` show it. */
export function describeViolation(v: { kind: string; shared: string; similarity: number }): string {
  switch (v.kind) {
    case "ngram":
      return `Shared 13-gram: “${v.shared}”`;
    case "near-duplicate":
      return `Near duplicate (${Math.round(v.similarity * 100)}%): “${v.shared}”`;
    case "path":
      return `States two steps of the item's chain: ${v.shared}`;
    case "shortcut":
      return `Names the item's start and answer in one relation: ${v.shared}`;
    default:
      // a kind written by a newer gate than this reader
      return `${v.kind}: ${v.shared}`;
  }
}
