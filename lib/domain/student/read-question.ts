/**
 * How the student reads a question: the first clause (the start and its relation, "Light energy
 * is converted into"), then the relation of each further hop ("is located in"). The Tester says
 * every step in words and hides the concepts in between, as "something that …" for two steps and
 * as X, Y, Z for more; the hop count the stem implies is the number of clauses. A question in
 * other words (a reworded stem) is read as one clause, one hop.
 */
export type Question = {
  /** the start and the first relation, as written */
  first: string;
  /** the relation phrase of each later hop */
  phrases: string[];
};

export const MAX_HOPS = 6;

const ASKING = /\s*(?:,\s*)?(?:which|what)(?:\s+one)?\s+of\s+the\s+following(?:\s+\w+)?\s*\??\s*$/i;
const PLACEHOLDER = "[XYZW]";

export function readQuestion(stem: string): Question {
  const s = stem.replace(/\s+/g, " ").trim().replace(ASKING, "").replace(/[?.]\s*$/, "").trim();
  const something = s.split(/\s+something\s+that\s+/i);
  if (something.length > 1) return bounded(something[0], something.slice(1));
  const named = new RegExp(`^(.*?)\\s+${PLACEHOLDER},\\s+(.*)$`).exec(s);
  if (named) {
    const phrases = named[2]
      .split(/,\s*(?:and\s+)?|\s+and\s+(?=[XYZW]\s)/)
      .map((clause) => clause.trim().replace(new RegExp(`^${PLACEHOLDER}\\s+`), "").replace(new RegExp(`\\s+${PLACEHOLDER}$`), "").trim())
      .filter(Boolean);
    return bounded(named[1], phrases);
  }
  return { first: s, phrases: [] };
}

const bounded = (first: string, phrases: string[]): Question => ({ first: first.trim(), phrases: phrases.map((p) => p.trim()).filter(Boolean).slice(0, MAX_HOPS - 1) });
