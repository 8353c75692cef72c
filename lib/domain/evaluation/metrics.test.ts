import { describe, expect, it } from "vitest";
import type { OptionOperator } from "../tester/types";
import { evaluationMetrics, evaluationMetricsSchema, wilsonInterval, type AnsweredItem } from "./metrics";

describe("wilsonInterval", () => {
  // By hand, z = 1.96, z² = 3.8416: the denominator at n = 10 is 1 + 0.38416 = 1.38416.
  it("is [0, 0.2775] at 0/10: centre = (0 + 0.19208) / 1.38416 = half-width", () => {
    const i = wilsonInterval(0, 10);
    expect(i.low).toBe(0);
    expect(i.high).toBeCloseTo(0.27754, 4);
  });

  it("is 0.5 ± 0.2634 at 5/10: half = 1.96·√(0.025 + 0.009604) / 1.38416", () => {
    const i = wilsonInterval(5, 10);
    expect(i.low).toBeCloseTo(0.23659, 4);
    expect(i.high).toBeCloseTo(0.76341, 4);
  });

  it("is [0.7225, 1] at 10/10, the mirror of 0/10", () => {
    const i = wilsonInterval(10, 10);
    expect(i.low).toBeCloseTo(0.72246, 4);
    expect(i.high).toBe(1);
  });

  it("is [0, 1] with no items, and narrows as n grows", () => {
    expect(wilsonInterval(0, 0)).toEqual({ low: 0, high: 1 });
    const small = wilsonInterval(5, 10);
    const large = wilsonInterval(50, 100);
    expect(large.high - large.low).toBeLessThan(small.high - small.low);
    // A wider z (99%) gives a wider interval.
    expect(wilsonInterval(5, 10, 2.576).low).toBeLessThan(small.low);
  });
});

const OPS: OptionOperator[] = ["INVREL", "ANSWER", "TRUNC", "NEARMISS"];
const item = (discipline: string, hops: number, choice: number | null): AnsweredItem => ({ discipline, hops, answerIndex: 1, choice, operators: OPS });

describe("evaluationMetrics", () => {
  const items: AnsweredItem[] = [
    item("biology", 2, 1),
    item("biology", 2, 1),
    item("biology", 3, 0), // INVREL
    item("biology", 3, 2), // TRUNC
    item("physics", 2, 2), // TRUNC
    item("physics", 2, 3), // NEARMISS
    item("physics", 3, null), // unparseable
    item("physics", 10, 1),
  ];
  const m = evaluationMetrics(items);

  it("counts accuracy overall, per discipline and per chain length, unparseable as wrong", () => {
    expect(m).toMatchObject({ n: 8, correct: 3, unparseable: 1, accuracy: 3 / 8 });
    expect(m.interval).toEqual(wilsonInterval(3, 8));
    expect(m.byDiscipline.biology).toMatchObject({ n: 4, correct: 2, unparseable: 0, accuracy: 0.5 });
    expect(m.byDiscipline.physics).toMatchObject({ n: 4, correct: 1, unparseable: 1, accuracy: 0.25 });
    expect(m.byLength["2"]).toMatchObject({ n: 4, correct: 2, accuracy: 0.5 });
    expect(m.byLength["3"]).toMatchObject({ n: 3, correct: 0, unparseable: 1, accuracy: 0 });
    expect(m.byLength["3"].interval).toEqual(wilsonInterval(0, 3));
    // Numeric order of the lengths, not "10" before "2".
    expect(Object.keys(m.byLength)).toEqual(["2", "3", "10"]);
  });

  it("says which operator's distractor each wrong answer chose, among all items and among the wrong ones", () => {
    expect(m.byOperator).toEqual({
      INVREL: { count: 1, rate: 1 / 8, shareOfWrong: 1 / 5 },
      TRUNC: { count: 2, rate: 2 / 8, shareOfWrong: 2 / 5 },
      NEARMISS: { count: 1, rate: 1 / 8, shareOfWrong: 1 / 5 },
      unparseable: { count: 1, rate: 1 / 8, shareOfWrong: 1 / 5 },
      other: { count: 0, rate: 0, shareOfWrong: 0 },
    });
  });

  it("counts a choice past the last option as wrong, under other", () => {
    const odd = evaluationMetrics([item("biology", 2, 7)]);
    expect(odd).toMatchObject({ n: 1, correct: 0, byOperator: { other: { count: 1, rate: 1, shareOfWrong: 1 } } });
  });

  it("fits the schema the browser and the CLI read it with, and is the same whatever the order of the items", () => {
    expect(evaluationMetricsSchema.parse(m)).toEqual(m);
    expect(JSON.stringify(evaluationMetrics([...items].reverse()))).toBe(JSON.stringify(m));
    const empty = evaluationMetrics([]);
    expect(evaluationMetricsSchema.parse(empty)).toMatchObject({ n: 0, accuracy: 0, interval: { low: 0, high: 1 }, byDiscipline: {}, byLength: {} });
  });
});
