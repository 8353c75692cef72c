import MiniSearch, { type Options, type SearchResult } from "minisearch";
import { contentOf, tokensOf } from "./words";
import type { StatementDoc, StudentModel } from "./types";

/**
 * The index over the learned statements: MiniSearch (BM25+ over an in-memory radix tree), with
 * the student's own words as its terms, so a search for "Neutrophils are a kind of" finds "A
 * neutrophil is a kind of…". Only content words are terms: the relation's small words ("of",
 * "into") would match every statement; the reader checks them itself on what is retrieved.
 * The same options must be given when an index is loaded back, so they live here once.
 */
const termsOf = (text: string) => contentOf(tokensOf(text));

export const INDEX_OPTIONS: Options<StatementDoc> = {
  idField: "id",
  fields: ["text"],
  storeFields: [],
  tokenize: termsOf,
  // Terms come out of tokenize already normalised; MiniSearch's default would only lowercase them again.
  processTerm: (term) => term,
};

export function createStatementIndex(statements: readonly string[]): MiniSearch<StatementDoc> {
  const index = new MiniSearch<StatementDoc>(INDEX_OPTIONS);
  index.addAll(statements.map((text, id) => ({ id, text })));
  return index;
}

/** In how many statements each term occurs: what makes a term worth searching by (a name's rare word, not "energy"). */
export function termFrequencies(statements: readonly string[]): Map<string, number> {
  const frequency = new Map<string, number>();
  for (const text of statements) for (const term of new Set(termsOf(text))) frequency.set(term, (frequency.get(term) ?? 0) + 1);
  return frequency;
}

/**
 * A search costs what its terms' postings hold, and a word found in many statements ("energy",
 * "kind") says little about which one is meant; so only terms in at most this share of the
 * statements (and at least MIN_COMMON of them) are searched by, or the rarest term when all are
 * common. The reader still checks every word of what is found.
 */
const COMMON_SHARE = 0.01;
const MIN_COMMON = 200;

export type Retrieved = { id: number; score: number };

/** The best `limit` statements for the words, by BM25+ on their telling terms, ties by position (so answers are reproducible). */
export function retrieve(model: StudentModel, words: readonly string[], limit: number): Retrieved[] {
  const terms = [...new Set(contentOf(words))].map((term) => ({ term, n: model.frequency.get(term) ?? 0 })).filter((t) => t.n > 0);
  if (!terms.length) return [];
  const common = Math.max(MIN_COMMON, model.statements.length * COMMON_SHARE);
  const telling = terms.filter((t) => t.n <= common);
  const query = (telling.length ? telling : [terms.reduce((a, b) => (b.n < a.n ? b : a))]).map((t) => t.term).join(" ");
  const found: SearchResult[] = model.index.search(query, { combineWith: "OR", prefix: false, fuzzy: false });
  return found
    .map((r) => ({ id: r.id as number, score: r.score }))
    .sort((a, b) => b.score - a.score || a.id - b.id)
    .slice(0, limit);
}
