import { describe, expect, it } from "vitest";
import type { OptionOperator } from "../tester/types";
import { compareModels, type ComparedItem, type ComparedModel } from "./compare";
import { externalCorrelations } from "./correlation";
import { ancestry, lineageSince, linkPatches, type PatchLink } from "./flips";
import { parseScoresCsv, splitCsvLine } from "./scores-csv";

// Ten items, the answer first: "alpha" ties with two distractors for the longest option (1/3 credit each).
const OPTIONS: { text: string; operator: OptionOperator }[] = [
  { text: "alpha", operator: "ANSWER" },
  { text: "beta", operator: "INVREL" },
  { text: "gamma", operator: "TRUNC" },
  { text: "delta", operator: "NEARMISS" },
];
const spec: [string, string, number][] = [
  ["i1", "bio", 2], ["i2", "bio", 2], ["i3", "bio", 3], ["i4", "bio", 3], ["i5", "bio", 2],
  ["i6", "bio", 3], ["i7", "chem", 2], ["i8", "chem", 2], ["i9", "chem", 3], ["i10", "chem", 3],
];
const items: ComparedItem[] = spec.map(([id, discipline, hops]) => ({ id, discipline, hops, stem: `Question ${id}?`, options: OPTIONS, answerIndex: 0 }));
const model = (name: string, choices: (number | null)[]): ComparedModel => ({ name, answers: new Map(choices.map((c, i) => [`i${i + 1}`, c])) });
// A: right on i1 i2 i5 i7 i9 (5/10); wrong by INVREL (i3, i10), TRUNC (i4), no option (i6), NEARMISS (i8).
const A = model("A", [0, 0, 1, 2, 0, null, 0, 3, 0, 1]);
// B: right on all but i5 (9/10): fixes i3 i4 i6 i8 i10, breaks i5 (choosing the INVREL distractor).
const B = model("B", [0, 0, 0, 0, 1, 0, 0, 0, 0, 0]);
const disciplines = [{ slug: "bio", name: "Biology" }, { slug: "chem", name: "Chemistry" }];

describe("comparing versions on one benchmark (hand-computed)", () => {
  const c = compareModels({ items, disciplines, models: [A, B], pair: ["A", "B"] });

  it("gives each version's accuracy with its 95% Wilson interval", () => {
    const a = c.metrics.get("A")!;
    const b = c.metrics.get("B")!;
    expect([a.correct, a.n, a.accuracy]).toEqual([5, 10, 0.5]);
    expect([b.correct, b.n, b.accuracy]).toEqual([9, 10, 0.9]);
    // 5/10: centre 0.5, half-width 1.96·√(0.025 + 0.009604) / 1.38416 = 0.263410.
    expect(a.interval.low).toBeCloseTo(0.23659, 5);
    expect(a.interval.high).toBeCloseTo(0.76341, 5);
    // 9/10: centre 1.09208 / 1.38416 = 0.788983, half-width 1.96·√0.018604 / 1.38416 = 0.193140.
    expect(b.interval.low).toBeCloseTo(0.595843, 5);
    expect(b.interval.high).toBeCloseTo(0.982123, 5);
  });

  it("pairs the two on the same items: +40 points, 5 fixed, 1 broken, exact McNemar p = 2·(1 + 6)/64", () => {
    expect(c.pair).toMatchObject({ first: "A", second: "B", n: 10, firstCorrect: 5, secondCorrect: 9, fixed: 5, broken: 1, mcnemar: { onlyFirst: 1, onlySecond: 5, method: "exact" } });
    expect(c.pair!.deltaPoints).toBeCloseTo(40, 10);
    // The gain's paired 95% interval, in points, as `proda loop` reports it: around +40, and reaching
    // below zero on 10 items, as McNemar's p = 0.22 says.
    expect(c.pair!.interval.low).toBeLessThan(0);
    expect(c.pair!.interval.high).toBeGreaterThan(40);
    expect(c.pair!.interval.high).toBeLessThanOrEqual(100);
    expect(c.pair!.mcnemar.pValue).toBeCloseTo(14 / 64, 12);
    expect(c.pair!.sentence).toBe("B − A: +40.0 points (50.0% → 90.0% on 10 items), McNemar p = 0.22: 5 fixed, 1 broken. Could be noise (p ≥ 0.05): too few items changed to tell a gain from chance.");
  });

  it("breaks accuracy down by discipline with counts, the pair's delta and the answer-bias baselines", () => {
    const [bio, chem] = c.byDiscipline;
    expect(bio).toMatchObject({ slug: "bio", name: "Biology", items: 6, models: { A: { n: 6, correct: 3, accuracy: 0.5 }, B: { n: 6, correct: 5 } }, pair: { fixed: 3, broken: 1 } });
    expect(bio.models.B.accuracy).toBeCloseTo(5 / 6, 12);
    expect(bio.pair!.deltaPoints).toBeCloseTo(100 * (5 / 6 - 3 / 6), 10);
    expect(chem).toMatchObject({ slug: "chem", items: 4, models: { A: { correct: 2, accuracy: 0.5 }, B: { correct: 4, accuracy: 1 } }, pair: { deltaPoints: 50, fixed: 2, broken: 0 } });
    // Four options: chance 1/4; the answer is among the 3 longest options: 1/3, the best cue.
    expect(bio.baseline).toEqual({ chance: 0.25, bestCue: 0.333, cue: "longest option" });
    expect(c.answerBias).toMatchObject({ items: 10, chance: 0.25, longestOption: 0.333 });
  });

  it("breaks accuracy down by chain length, and says which distractor each wrong answer chose", () => {
    expect(c.byLength.map((r) => [r.hops, r.items, r.models.A.correct, r.models.B.correct])).toEqual([
      [2, 5, 4, 4],
      [3, 5, 1, 5],
    ]);
    const ops = c.metrics.get("A")!.byOperator;
    expect([ops.INVREL.rate, ops.TRUNC.rate, ops.NEARMISS.rate, ops.unparseable.rate]).toEqual([0.2, 0.1, 0.1, 0.1]);
  });

  it("lists the flips in benchmark order with what the wrong side chose", () => {
    expect(c.flips).toEqual([
      { itemId: "i3", kind: "fixed", wrongChose: "INVREL" },
      { itemId: "i4", kind: "fixed", wrongChose: "TRUNC" },
      { itemId: "i5", kind: "broken", wrongChose: "INVREL" },
      { itemId: "i6", kind: "fixed", wrongChose: null },
      { itemId: "i8", kind: "fixed", wrongChose: "NEARMISS" },
      { itemId: "i10", kind: "fixed", wrongChose: "INVREL" },
    ]);
  });

  it("without a pair there are no deltas and no flips; a version that answered nothing has no cells", () => {
    const none = compareModels({ items, disciplines, models: [A, model("C", [])], pair: null });
    expect(none.pair).toBeNull();
    expect(none.flips).toEqual([]);
    expect(none.byDiscipline[0].pair).toBeNull();
    expect(none.byDiscipline[0].models.C).toBeUndefined();
    expect(none.metrics.get("C")!.n).toBe(0);
  });
});

describe("flips → patches", () => {
  // s0 a base set; s1 V1's data; s2 = s1 + patches (V2's data).
  const parents = new Map<string, string | null>([["s0", null], ["s1", null], ["s2", "s1"]]);
  const set = (id: string) => ({ id, name: "data", version: Number(id.slice(1)) });
  const patch = (id: string, targetKind: "concept" | "relation", targetId: string, appliedTo: string | null, itemIds: string[]): PatchLink => ({
    id, targetKind, targetId, target: `${targetKind} ${targetId}`, form: "relation", status: appliedTo ? "APPLIED" : "PROPOSED", appliedTo: appliedTo ? set(appliedTo) : null, itemIds,
  });
  const patches = [
    patch("p1", "relation", "r1", "s2", ["i3"]),
    patch("p2", "concept", "c9", "s2", ["i7"]),
    patch("p3", "relation", "r1", null, []),
    patch("p4", "concept", "c4", "s7", ["i4"]),
  ];

  it("the newer version's lineage is its sets less the older one's", () => {
    expect(ancestry("s2", parents)).toEqual(["s2", "s1"]);
    expect([...lineageSince("s2", "s1", parents)]).toEqual(["s2"]);
    expect([...lineageSince("s2", "s0", parents)]).toEqual(["s2", "s1"]);
    expect([...lineageSince(null, "s1", parents)]).toEqual([]);
  });

  it("links a patch made for the item, and one in the lineage that teaches a step of its chain; not one outside the lineage", () => {
    const lineage = lineageSince("s2", "s1", parents);
    // i3's chain uses r1: p1 was made for it and applied to V2's data; p3 also targets r1 but went nowhere.
    expect(linkPatches("i3", { conceptIds: [], relationIds: ["r1"] }, patches, lineage).map((p) => [p.id, p.via, p.inLineage])).toEqual([["p1", "item", true]]);
    // i5 broke: p2 taught c9, a concept on its chain, in V2's data: the patch that preceded the regression.
    expect(linkPatches("i5", { conceptIds: ["c9"], relationIds: [] }, patches, lineage).map((p) => [p.id, p.via, p.inLineage])).toEqual([["p2", "chain", true]]);
    // i4: p4 was made for its failure but applied elsewhere: listed, after those in the lineage.
    expect(linkPatches("i4", { conceptIds: ["c9"], relationIds: [] }, patches, lineage).map((p) => [p.id, p.via, p.inLineage])).toEqual([
      ["p2", "chain", true],
      ["p4", "item", false],
    ]);
  });
});

describe("external correlation", () => {
  const accuracy = new Map([["A", 0.1], ["B", 0.2], ["C", 0.3], ["D", 0.4]]);
  const scores = [
    ...[["A", 30], ["B", 40], ["C", 40], ["D", 50]].map(([model, score]) => ({ model: model as string, benchmark: "GPQA", score: score as number })),
    ...[["A", 60], ["B", 50], ["C", 70], ["E", 99]].map(([model, score]) => ({ model: model as string, benchmark: "MMLU-Pro", score: score as number })),
  ];
  const [gpqa, mmlu, overall] = externalCorrelations(scores, accuracy);

  it("is Spearman's ρ per benchmark, ties by average ranks, with the sample size; unevaluated models left out", () => {
    // GPQA ranks 1, 2.5, 2.5, 4 against 1, 2, 3, 4: 4.5 / √(4.5 · 5).
    expect(gpqa).toMatchObject({ benchmark: "GPQA", n: 4 });
    expect(gpqa.rho).toBeCloseTo(4.5 / Math.sqrt(22.5), 12);
    // MMLU-Pro ranks 2, 1, 3 against 1, 2, 3 (E was not evaluated here): 1 / √(2 · 2).
    expect(mmlu).toMatchObject({ benchmark: "MMLU-Pro", n: 3 });
    expect(mmlu.rho).toBeCloseTo(0.5, 12);
  });

  it("pools every model × benchmark pair for the overall ρ", () => {
    // Ranks 1, 2.5, 2.5, 4.5, 6, 4.5, 7 against 1.5, 3.5, 5.5, 7, 1.5, 3.5, 5.5: 6.75 / √(27 · 26.5).
    expect(overall).toMatchObject({ benchmark: "overall", n: 7 });
    expect(overall.rho).toBeCloseTo(6.75 / Math.sqrt(27 * 26.5), 12);
    expect(overall.rho).toBeCloseTo(0.252347, 6);
  });

  it("has nothing to say without scores", () => {
    expect(externalCorrelations([], accuracy)).toEqual([]);
  });
});

describe("external scores CSV", () => {
  const known = new Set(["V1", "V2", "qwen base"]);

  it("reads the header's columns in any order, quoted fields and blank lines", async () => {
    const rows = await parseScoresCsv(["\uFEFFScore,model,benchmark", "41.5,V1,GPQA", "", '0.62,"qwen base","MMLU-Pro"'], known);
    expect(rows).toEqual([
      { line: 2, model: "V1", benchmark: "GPQA", score: 41.5 },
      { line: 4, model: "qwen base", benchmark: "MMLU-Pro", score: 0.62 },
    ]);
    expect(splitCsvLine('"a ""b"", c",d')).toEqual(['a "b", c', "d"]);
    expect(splitCsvLine('"open,d')).toBeNull();
  });

  it("refuses the whole file with every bad line numbered: unknown model, bad score, repeats, wrong field counts", async () => {
    const lines = ["model,benchmark,score", "V1,GPQA,40", "V9,GPQA,41", "V2,GPQA,high", "V1,gpqa,42", "V2,GPQA", "V2,MMLU-Pro,55"];
    const refused = await parseScoresCsv(lines, known).then(() => null, (e: { code: string; message: string; details: unknown }) => e);
    expect(refused?.code).toBe("BAD_INPUT");
    expect(refused?.message).toBe("4 bad lines; nothing was imported");
    expect(refused?.details).toEqual({
      lines: [
        { line: 3, message: 'model: no model version named "V9"' },
        { line: 4, message: 'score: "high" is not a number' },
        { line: 5, message: "V1 on gpqa is already on line 2" },
        { line: 6, message: "expected 3 fields (model, benchmark, score), found 2" },
      ],
      linesNotListed: 0,
    });
  });

  it("refuses a file without the header", async () => {
    await expect(parseScoresCsv(["V1,GPQA,40"], known)).rejects.toMatchObject({ details: { lines: [{ line: 1, message: expect.stringContaining("the header must name the columns model,benchmark,score") }] } });
    await expect(parseScoresCsv([], known)).rejects.toMatchObject({ details: { lines: [{ line: 1, message: expect.stringContaining("the file is empty") }] } });
  });
});
