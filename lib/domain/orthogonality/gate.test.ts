import { describe, expect, it } from "vitest";
import { seededRandom } from "../random";
import { type GateText, checkOrthogonality, createBenchmarkIndex, ngramHashes, normalizeText } from "./index";

// Seeded, so the random corpora, and so the test outcomes, are the same on every run.
const rng = seededRandom;
const rand = rng(42);
const VOCAB = Array.from({ length: 5000 }, () =>
  Array.from({ length: 3 + Math.floor(rand() * 6) }, () => String.fromCharCode(97 + Math.floor(rand() * 26))).join(""),
);
const words = (next: () => number, n: number): string[] => Array.from({ length: n }, () => VOCAB[Math.floor(next() * VOCAB.length)]);
const randomTexts = (seed: number, count: number, length: number, prefix: string): GateText[] => {
  const next = rng(seed);
  return Array.from({ length: count }, (_, i) => ({ id: `${prefix}${i}`, text: words(next, length).join(" ") }));
};

const STEM =
  "A train leaves the station at noon travelling at sixty miles per hour, while a second train leaves the same " +
  "station two hours later travelling at eighty miles per hour. When does the second train catch up?";
const BENCH: GateText[] = [
  { id: "b-train", text: STEM },
  { id: "b-cell", text: "Which organelle in a eukaryotic cell is responsible for producing most of the ATP used by the cell during aerobic respiration?" },
];
const check = (text: string, bench = BENCH, options = {}) => createBenchmarkIndex(bench, options).check({ id: "t", text });

describe("normalizeText", () => {
  it("lowercases, applies NFKC, splits on punctuation and collapses whitespace", () => {
    expect(normalizeText("  Hello,\tＷＯＲＬＤ!  it's  x²-ready ")).toEqual(["hello", "world", "it", "s", "x2", "ready"]);
  });
});

describe("orthogonality gate", () => {
  it("finds a benchmark stem copied verbatim into a longer instance, with the shared words", () => {
    const v = check(`Here is a practice problem for you. ${STEM} Show your working step by step.`);
    expect(v).toHaveLength(1);
    expect(v[0]).toMatchObject({ trainingId: "t", benchmarkId: "b-train", kind: "ngram", similarity: 1 });
    expect(v[0].shared).toBe("a train leaves the station at noon travelling at sixty miles per hour");
  });

  it("still finds the stem after case, punctuation and width changes", () => {
    const v = check(
      "A TRAIN leaves the station -- at ｎｏｏｎ, travelling at SIXTY miles-per-hour; while a second train leaves " +
        "the same station two hours later... travelling at eighty miles per hour!! When does the second train catch up",
    );
    expect(v.map((x) => [x.benchmarkId, x.kind, x.similarity])).toEqual([["b-train", "ngram", 1]]);
  });

  it("does not call a paraphrase sharing only 12 consecutive words an n-gram violation", () => {
    const v = check("Consider this: the station at noon travelling at sixty miles per hour, while a car departs later. Compute when.");
    expect(v.filter((x) => x.kind === "ngram")).toEqual([]);
    expect(v).toEqual([]);
  });

  it("reports an exact copy (both an n-gram hit and a near-duplicate) as the n-gram violation only", () => {
    expect(check(STEM).map((x) => x.kind)).toEqual(["ngram"]);
  });

  it("finds a near duplicate that shares no 13-gram", () => {
    const original = words(rng(7), 40);
    const edited = original.map((w, i) => (i % 13 === 12 ? `changed${i}` : w)); // words 12, 25, 38
    const bench = [{ id: "b-near", text: original.join(" ") }];
    const shared13 = [...ngramHashes(edited)].filter((h) => ngramHashes(original).has(h));
    expect(shared13).toEqual([]);
    // Every edit that breaks all 13-grams also breaks 5 of each 13 word 5-grams, so the 5-gram
    // Jaccard of such a pair is about 0.5 (here 24/48); the default 0.8 cannot be reached.
    const v = check(edited.join(" "), bench, { minhashThreshold: 0.4 });
    expect(v).toHaveLength(1);
    expect(v[0]).toMatchObject({ benchmarkId: "b-near", kind: "near-duplicate", shared: original.join(" ").slice(0, 200) });
    expect(v[0].similarity).toBeGreaterThanOrEqual(0.4);
  });

  it("finds a short item (below the 8-token n-gram floor) repeated with new punctuation at the default threshold", () => {
    const v = check("DEFINE osmosis, in one sentence!", [{ id: "b-short", text: "Define osmosis in one sentence." }]);
    expect(v).toEqual([{ trainingId: "t", benchmarkId: "b-short", kind: "near-duplicate", shared: "define osmosis in one sentence", similarity: 1 }]);
  });

  it("matches items of 8 to 12 tokens as one whole-text shingle, and ignores shorter ones", () => {
    const bench = [
      { id: "b10", text: "What is the boiling point of water at sea level?" },
      { id: "b7", text: "Name the largest planet in the sky" },
    ];
    const text = "Quick quiz. What is the boiling point of water at sea level? Also name the largest planet in the sky, and more.";
    expect(check(text, bench).map((x) => [x.benchmarkId, x.kind, x.shared])).toEqual([
      ["b10", "ngram", "what is the boiling point of water at sea level"],
    ]);
  });

  it("caps the violations per instance", () => {
    const bench = randomTexts(11, 7, 20, "b");
    const text = bench.map((b) => b.text).join(" ");
    expect(check(text, bench)).toHaveLength(5);
    expect(check(text, bench, { maxViolationsPerInstance: 2 })).toHaveLength(2);
  });

  it("gives no violation for unrelated texts", () => {
    expect(check("Photosynthesis converts light energy into chemical energy stored in glucose inside the chloroplasts of plant leaves.")).toEqual([]);
  });

  it("gives zero violations for 2,000 random instances against 500 random items", () => {
    const result = checkOrthogonality(randomTexts(1, 2000, 60, "t"), randomTexts(2, 500, 50, "b"));
    expect(result).toEqual({ checked: 2000, violations: [] });
  });

  it("is deterministic", () => {
    const bench = [...BENCH, ...randomTexts(3, 200, 50, "b")];
    const training = [...randomTexts(4, 300, 60, "t"), { id: "leak", text: `Intro. ${STEM}` }, { id: "copy", text: bench[5].text }];
    const first = checkOrthogonality(training, bench);
    expect(first.violations.map((v) => v.trainingId)).toEqual(["leak", "copy"]);
    expect(checkOrthogonality(training, bench)).toEqual(first);
  });
});
