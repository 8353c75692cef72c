import { hashSeed } from "../random";
import { readStatement } from "./align";
import { readQuestion } from "./read-question";
import { retrieve } from "./statement-index";
import { contentOf, overlap, tokensOf } from "./words";
import type { AnswerOptions, StudentAnswer, StudentModel, StudentQuestion } from "./types";

/** Concepts followed from one hop to the next: enough for a few readings of each, few enough to stay fast. */
const BEAM = 8;
/** Statements read for one concept and relation, the best by BM25+. */
const RETRIEVED = 200;
/** What a concept reached a hop early is worth per hop missing (a chain stopped early, TRUNC's error). */
const EARLY = 0.5;

/** A concept reached by chaining statements: how surely, and through which statements. */
type Reached = { object: string[]; score: number; evidence: number[] };

/**
 * Answers a multiple-choice item from its stem and options only, by multi-hop reading: the
 * first clause of the question is looked up in the learned statements and each statement that
 * reads "<start> <relation> <object>" gives an object; each object with the next hop's relation
 * is looked up again, as many hops as the question has. An option scores as well as it names an
 * object reached at the last hop, times how well each statement on the way matched.
 *
 * When no chain reaches the last hop, the student does what a model that lacks a fact does: it
 * offers a concept reached earlier (a chain stopped short), else the option most associated with
 * what it retrieved; it abstains (choice null) only when it retrieved nothing at all. This is the
 * local stand-in for a GPU fine-tune, not a language model.
 */
export function answerItem(model: StudentModel, question: StudentQuestion, options: AnswerOptions = {}): StudentAnswer {
  const seed = options.seed ?? 0;
  const { first, phrases } = readQuestion(question.stem);
  const choices = question.options.map((o) => contentOf(tokensOf(o)));
  const hops = [null, ...phrases.map(tokensOf)];
  const associated = new Map<number, number>();
  const byHop: Reached[][] = [];
  let beam: Reached[] = [{ object: tokensOf(first), score: 1, evidence: [] }];
  for (const phrase of hops) {
    const next = new Map<string, Reached>();
    for (const from of beam) {
      const found = retrieve(model, phrase ? [...from.object, ...phrase] : from.object, RETRIEVED);
      for (const r of found) associated.set(r.id, Math.max(associated.get(r.id) ?? 0, r.score / found[0].score));
      for (const r of found) {
        const reading = readStatement(statementTokens(model, r.id), from.object, phrase);
        if (!reading) continue;
        const key = contentOf(reading.object).join(" ");
        const score = from.score * reading.score;
        const known = next.get(key);
        if (!known || score > known.score) next.set(key, { object: reading.object, score, evidence: [...from.evidence, r.id] });
      }
    }
    beam = [...next.entries()].sort(([ka, a], [kb, b]) => b.score - a.score || (ka < kb ? -1 : ka > kb ? 1 : 0)).slice(0, BEAM).map(([, v]) => v);
    if (!beam.length) break;
    byHop.push(beam);
  }
  if (associated.size === 0 || choices.length === 0) return { choice: null, scores: choices.map(() => 0), evidence: [] };

  // The last hop first; then concepts reached earlier, each hop short costing EARLY.
  for (let h = byHop.length - 1; h >= 0; h--) {
    const weight = EARLY ** (hops.length - 1 - h);
    const best = choices.map((o) => bestReached(byHop[h], o, weight));
    if (best.some((b) => b.score > 0)) return decide(model, question, seed, best);
  }
  // No chain names any option: the option most associated with what was retrieved.
  const associations = choices.map((o) => {
    let best = { score: 0, evidence: [] as number[] };
    for (const [id, weight] of associated) {
      const score = weight * contained(o, statementTokens(model, id));
      if (score > best.score) best = { score, evidence: [id] };
    }
    return best;
  });
  return decide(model, question, seed, associations);
}

function bestReached(reached: Reached[], option: string[], weight: number): { score: number; evidence: number[] } {
  let best = { score: 0, evidence: [] as number[] };
  for (const r of reached) {
    const score = r.score * weight * overlap(option, contentOf(r.object));
    if (score > best.score) best = { score, evidence: r.evidence };
  }
  return best;
}

/** The share of the option's words found in a statement, when it names the option (half its words or more). */
function contained(option: string[], statement: readonly string[]): number {
  if (!option.length) return 0;
  const words = new Set(statement);
  const share = option.filter((w) => words.has(w)).length / option.length;
  return share >= 0.5 ? share : 0;
}

/**
 * The best option, its scores normalised. Ties, and a guess when nothing scored (all equal), go
 * to the option with the smallest seeded hash of its text: deterministic, tied to no position
 * (shuffling the options cannot change the answer) and to no surface cue (alphabetical order
 * would be one: a benchmark's answers need not be spread evenly over it).
 */
function decide(model: StudentModel, question: StudentQuestion, seed: number, best: { score: number; evidence: number[] }[]): StudentAnswer {
  const total = best.reduce((sum, b) => sum + b.score, 0);
  const scores = best.map((b) => (total > 0 ? b.score / total : 1 / best.length));
  const lot = question.options.map((text) => hashSeed(`${seed}\u0000${question.stem}\u0000${text}`));
  let choice = 0;
  for (let i = 1; i < scores.length; i++) {
    if (scores[i] > scores[choice] || (scores[i] === scores[choice] && lot[i] < lot[choice])) choice = i;
  }
  return { choice, scores, evidence: best[choice].evidence.map((id) => model.statements[id]) };
}

// Statements read again across hops and items are tokenised once per model.
const tokenCache = new WeakMap<StudentModel, Map<number, string[]>>();
function statementTokens(model: StudentModel, id: number): string[] {
  let cache = tokenCache.get(model);
  if (!cache) tokenCache.set(model, (cache = new Map()));
  let tokens = cache.get(id);
  if (!tokens) {
    if (cache.size > 100_000) cache.clear();
    cache.set(id, (tokens = tokensOf(model.statements[id])));
  }
  return tokens;
}
