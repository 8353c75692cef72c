// Text normalisation shared by both sides of the gate: a benchmark item and a training instance
// must tokenise identically, or a copied question hides behind a changed comma or capital.

// Runs of letters and digits are the tokens; everything else (punctuation, symbols, whitespace of
// any kind) is a separator, so stripping punctuation and collapsing whitespace is one regex pass.
const TOKEN = /[\p{L}\p{N}]+/gu;
const ASCII_ONLY = /^[\x00-\x7f]*$/;
const ASCII_TOKEN = /[a-z0-9]+/g;
// What ends a sentence between two tokens: a full stop, ! or ? before white space (so "3.5" and
// "e.g.glucose" stay one sentence), or a line break.
const STOP = /[.!?]\s|\n/;
// TOKEN for exec(): its own lastIndex, reset on each use (the scan never re-enters itself).
const WORD = new RegExp(TOKEN.source, TOKEN.flags);

/**
 * Lowercased NFKC word tokens. NFKC runs first because it can produce capitals (fullwidth "Ａ",
 * the numeral "Ⅻ"), which the lowercasing must then see.
 */
export function normalizeText(s: string): string[] {
  // Plain ASCII needs neither NFKC (it leaves ASCII as it is) nor Unicode classes, which cost more.
  if (ASCII_ONLY.test(s)) return s.toLowerCase().match(ASCII_TOKEN) ?? [];
  return prepare(s).match(TOKEN) ?? [];
}

/** normalizeText's tokens, and where each sentence starts in them (ascending; the first is 0). */
export type SentenceTokens = {
  tokens: string[];
  starts: number[];
};

/**
 * One pass for both checks: the n-gram and MinHash ones read `tokens` (identical to
 * normalizeText), the structural one reads sentence by sentence ("in one sentence" is its rule).
 */
export function normalizeSentences(s: string): SentenceTokens {
  const text = prepare(s);
  const tokens: string[] = [];
  const starts = [0];
  let end = 0;
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
    // Most gaps are one space: only a longer one, or a line break, can hold a stop.
    const gap = m.index - end;
    if (tokens.length > 0 && (gap > 1 ? STOP.test(text.slice(end, m.index)) : text.charCodeAt(end) === 10)) starts.push(tokens.length);
    tokens.push(m[0]);
    end = m.index + m[0].length;
  }
  return { tokens, starts };
}

const prepare = (s: string) => s.normalize("NFKC").toLowerCase();
