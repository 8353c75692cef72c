// The gate against a plain reference on a generated workload: the n-gram test by sets of joined
// words, the near-duplicate test by signatures compared band by band with every item, the
// structure as structure.ts gives it. The gate's tables, rolling hashes, word ids and its filter
// in front of MinHash must change how fast the answer comes, never the answer.
import { describe, expect, it } from "vitest";
import { seededRandom } from "../random";
import type { PathStep } from "../tester/types";
import { type GateInstance, type GateItem, type GateOptions, type Violation, createBenchmarkIndex } from "./gate";
import { DEFAULT_BANDS, DEFAULT_ROWS, createMinHasher, jaccardEstimate } from "./minhash";
import { NGRAM_SIZE, hashTokens, shingleSize } from "./ngrams";
import { normalizeSentences, normalizeText } from "./normalize";
import { createStructureIndex } from "./structure";

function referenceGate(items: GateItem[], options: GateOptions = {}) {
  const { ngram = NGRAM_SIZE, minhashThreshold = 0.8, maxViolationsPerInstance = 5 } = options;
  const minhasher = createMinHasher();
  const structure = createStructureIndex({ phrase: options.phrase });
  const indexed = items.map((item) => {
    structure.add(item);
    const tokens = normalizeText(item.text);
    const size = shingleSize(tokens.length, ngram);
    const grams = new Set<string>();
    for (let s = 0; size > 0 && s + size <= tokens.length; s++) grams.add(tokens.slice(s, s + size).join(" "));
    return { id: item.id, tokens, size, grams, signature: tokens.length > 0 ? minhasher.signatureOfTokens(hashTokens(tokens)) : null };
  });
  const sizes = [...new Set([ngram, ...indexed.map((i) => i.size).filter((s) => s > 0)])].sort((a, b) => b - a);
  const sameBand = (a: Uint32Array, b: Uint32Array) => {
    for (let band = 0; band < DEFAULT_BANDS; band++) {
      let all = true;
      for (let r = band * DEFAULT_ROWS; r < (band + 1) * DEFAULT_ROWS && all; r++) all = a[r] === b[r];
      if (all) return true;
    }
    return false;
  };
  return (instance: GateInstance): Violation[] => {
    const sentences = normalizeSentences(instance.text);
    const { tokens } = sentences;
    const found: Array<Violation & { order: number }> = [];
    const hit = new Set<number>();
    indexed.forEach((item, order) => {
      if (item.size === 0 || !sizes.includes(item.size)) return;
      const windows: string[] = [];
      for (let s = 0; s + item.size <= tokens.length; s++) windows.push(tokens.slice(s, s + item.size).join(" "));
      const first = windows.findIndex((w) => item.grams.has(w));
      if (first < 0) return;
      const matched = new Set(windows.filter((w) => item.grams.has(w))).size;
      hit.add(order);
      found.push({ trainingId: instance.id, benchmarkId: item.id, kind: "ngram", shared: windows[first], similarity: matched / item.grams.size, order });
    });
    if (tokens.length > 0) {
      const signature = minhasher.signatureOfTokens(hashTokens(tokens));
      indexed.forEach((item, order) => {
        if (hit.has(order) || !item.signature || !sameBand(signature, item.signature)) return;
        const similarity = jaccardEstimate(signature, item.signature);
        if (similarity >= minhashThreshold) {
          found.push({ trainingId: instance.id, benchmarkId: item.id, kind: "near-duplicate", shared: item.tokens.join(" ").slice(0, 200), similarity, order });
        }
      });
    }
    found.sort((a, b) => (a.kind === b.kind ? b.similarity - a.similarity || a.order - b.order : a.kind === "ngram" ? -1 : 1));
    const byText = found.slice(0, maxViolationsPerInstance).map(({ order: _order, ...v }): Violation => v);
    if (byText.length === maxViolationsPerInstance || structure.size === 0) return byText;
    return [...byText, ...structure.check(instance, sentences)].slice(0, maxViolationsPerInstance);
  };
}

/** Items with chains, and instances that copy, nearly copy, restate or ignore them. */
function workload(seed: number) {
  const random = seededRandom(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
  const vocab = Array.from({ length: 400 }, (_, i) => `w${i.toString(36)}${"aeiou"[i % 5]}`);
  const fancy = ["Ｑｕｉｚ", "café", "naïve", "…", "—", "“quoted”", "Straße", "x²"];
  const words = (n: number) => Array.from({ length: n }, () => (random() < 0.05 ? pick(fancy) : pick(vocab)));
  const concepts = Array.from({ length: 60 }, (_, i) => ({ id: `c${i}`, name: `${pick(vocab)} ${pick(vocab)}` }));
  const items: GateItem[] = Array.from({ length: 150 }, (_, n) => {
    const length = pick([4, 6, 8, 10, 12, 13, 20, 35, 60]);
    const chain = Array.from({ length: 3 + (n % 2) }, () => pick(concepts));
    const path: PathStep[] = chain.slice(0, -1).map((c, s) => ({ subject: c.name, subjectId: c.id, predicate: pick(["causes", "is_a", "part_of"]), object: chain[s + 1].name, objectId: chain[s + 1].id, relationId: `r${n}-${s}` }));
    // a few items repeat a run of their own words, so an n-gram counted once is tested
    const body = words(length);
    return { id: `b${n}`, text: (n % 10 === 0 ? [...body, ...body.slice(0, 14)] : body).join(pick([" ", ", ", ". ", "\n"])), path: n % 4 === 3 ? undefined : path };
  });
  const instances: GateInstance[] = Array.from({ length: 900 }, (_, n) => {
    const item = pick(items);
    const its = item.text.split(/\s+/);
    const kind = n % 9;
    const id = `t${n}`;
    if (kind === 0) return { id, text: words(40).join(" ") };
    if (kind === 1) return { id, text: `${words(5).join(" ")} ${its.slice(2, 2 + 16).join(" ")} ${words(5).join(" ")} ${its.slice(0, 14).join(" ")}` };
    if (kind === 2) return { id, text: its.map((w, i) => (i % 12 === 11 ? `${w}x` : w.toUpperCase())).join(" ") };
    if (kind === 3) return { id, text: `${item.text}!` };
    if (kind === 4) return { id, text: [...its, ...words(3)].join(" ") };
    if (kind === 5 && item.path) return { id, text: "A patch.", conceptIds: [], relationIds: item.path.slice(0, 2).map((s) => s.relationId!) };
    if (kind === 6 && item.path) return { id, text: `${item.path[0].subject} leads to ${item.path[0].object}. Then ${item.path[1].object} follows.` };
    if (kind === 7 && item.path) return { id, text: `${item.path[0].subject} ends at ${item.path.at(-1)!.object}.`, conceptIds: [item.path[0].subjectId!, item.path.at(-1)!.objectId!], relationIds: ["r-other"] };
    return { id, text: `${words(10).join(" ")} ${pick(concepts).name} ${words(10).join(" ")}` };
  });
  return { items, instances };
}

describe("the gate against the plain reference", () => {
  const { items, instances } = workload(21);
  const cases: [string, GateOptions][] = [
    ["default options", {}],
    ["a 0.4 threshold, 2 kept per instance", { minhashThreshold: 0.4, maxViolationsPerInstance: 2 }],
    ["8-grams, a 0.6 threshold", { ngram: 8, minhashThreshold: 0.6 }],
  ];
  for (const [name, options] of cases) {
    it(`finds the same violations, in the same order, with ${name}`, () => {
      const index = createBenchmarkIndex(items, options);
      const reference = referenceGate(items, options);
      const got = instances.map((x) => index.check(x));
      const expected = instances.map((x) => reference(x));
      // every kind is exercised, so an equality of empty lists proves nothing
      expect([...new Set(expected.flat().map((v) => v.kind))].sort()).toEqual(["near-duplicate", "ngram", "path", "shortcut"]);
      for (let n = 0; n < instances.length; n++) if (JSON.stringify(got[n]) !== JSON.stringify(expected[n])) expect({ instance: instances[n], got: got[n] }).toEqual({ instance: instances[n], got: expected[n] });
    });
  }
});
