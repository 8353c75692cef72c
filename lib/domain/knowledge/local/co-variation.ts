import { leadingNounPhrase } from "./noun-phrases";

const PRONOUN = /^(?:it|they|this|these|that|those|he|she|we|you|i|there)$/i;
/** A quantity as named in "as X rises": determiners dropped, at most five words, no pronoun. */
function quantity(text: string): string | null {
  const words = text.replace(/^.*,\s*/, "").trim().split(/\s+/).filter((w) => !/^(?:the|a|an|its|their|our)$/i.test(w));
  if (words.length === 0 || words.length > 5 || PRONOUN.test(words.join(" ")) || !/^[\p{L}]/u.test(words[0])) return null;
  return words.join(" ");
}
import type { RawTriple } from "./patterns";

const UP = "rises|rise|rose|increases|increase|increased|grows|grow|grew|goes up|go up|went up|expands|expand|climbs|climb";
const DOWN = "falls|fall|fell|decreases|decrease|decreased|declines|decline|declined|drops|drop|dropped|goes down|go down|went down|shrinks|shrink";
const MOVE = `(${UP}|${DOWN})`;
const direction = (verb: string) => (new RegExp(`^(?:${UP})$`, "i").test(verb) ? 1 : -1);

const SHIFT_UP = /^(?:an?\s+)?(?:increase|rise|growth|gain)\s+in\s+/i;
const SHIFT_DOWN = /^(?:an?\s+)?(?:decrease|fall|decline|drop|reduction|loss)\s+in\s+/i;
// "a higher price", "lower income", "greater demand": a level instead of a change.
const LEVEL_UP = /^(?:an?\s+)?(?:higher|greater|larger|more)\s+/i;
const LEVEL_DOWN = /^(?:an?\s+)?(?:lower|smaller|less|fewer)\s+/i;
const shift = (np: string): { dir: number; rest: string } | null =>
  SHIFT_UP.test(np) ? { dir: 1, rest: np.replace(SHIFT_UP, "") }
  : SHIFT_DOWN.test(np) ? { dir: -1, rest: np.replace(SHIFT_DOWN, "") }
  : LEVEL_UP.test(np) ? { dir: 1, rest: np.replace(LEVEL_UP, "") }
  : LEVEL_DOWN.test(np) ? { dir: -1, rest: np.replace(LEVEL_DOWN, "") }
  : null;
const HEDGE = String.raw`(?:(?:almost\s+)?always\s+|usually\s+|often\s+|generally\s+|typically\s+|will\s+|would\s+|can\s+|may\s+|also\s+|then\s+)*`;
const RAISE = /^(?:increases?|raises?|boosts?|expands?)$/i;
const LOWER = /^(?:decreases?|reduces?|lowers?|cuts?|shrinks?)$/i;

/**
 * How two quantities move together, as economics and the sciences state it:
 * "As the price rises, the quantity demanded falls" → price decreases quantity demanded;
 * "An increase in temperature causes a decrease in solubility" → temperature decreases solubility.
 */
export function coVariationTriples(sentence: string): RawTriple[] {
  const as = new RegExp(String.raw`^(?:as|when|if|whenever)\s+(.+?)\s+${MOVE}\b[^,]*,\s*(.+?)\s+(?:\w+ly\s+|also\s+|will\s+|tends?\s+to\s+)*${MOVE}\b`, "i").exec(sentence);
  if (as) {
    const x = quantity(as[1]);
    const y = quantity(as[3]);
    if (x && y && x.toLowerCase() !== y.toLowerCase()) {
      return [{ subject: x, predicate: direction(as[2]) === direction(as[4]) ? "increases" : "decreases", object: y, evidence: sentence, pattern: "co-variation" }];
    }
  }
  const cause = new RegExp(String.raw`^(.*?)\s+${HEDGE}(?:causes|cause|leads\s+to|lead\s+to|results\s+in|result\s+in|produces|produce)\s+(.+)$`, "i").exec(sentence);
  if (cause) {
    const from = shift(cause[1].replace(/^.*?,\s*/, "").replace(/^.*\b(?:that|because|since|when|if)\s+(?=\S)/i, "").replace(/^(?:the|this|that)\s+/i, "").trim());
    const to = shift(cause[2].trim());
    if (from && to) {
      const x = leadingNounPhrase(from.rest);
      const y = leadingNounPhrase(to.rest);
      if (x && y && x.toLowerCase() !== y.toLowerCase()) return [{ subject: x, predicate: from.dir === to.dir ? "increases" : "decreases", object: y, evidence: sentence, pattern: "co-variation" }];
    }
  }
  // "A rise in price decreases the quantity demanded", "a fall in price will increase it".
  const direct = new RegExp(String.raw`^(.*?)\s+${HEDGE}(?<!\b(?:a|an|the)\s+)(increases?|raises?|boosts?|expands?|decreases?|reduces?|lowers?|cuts?|shrinks?)\s+(.+)$`, "i").exec(sentence);
  if (direct) {
    const from = shift(direct[1].replace(/^.*?,\s*/, "").replace(/^.*\b(?:that|because|since|when|if)\s+(?=\S)/i, "").replace(/^(?:the|this|that)\s+/i, "").trim());
    const verb = RAISE.test(direct[2]) ? 1 : LOWER.test(direct[2]) ? -1 : 0;
    const x = from && leadingNounPhrase(from.rest);
    const y = leadingNounPhrase(direct[3]);
    if (from && verb && x && y && x.toLowerCase() !== y.toLowerCase()) return [{ subject: x, predicate: from.dir * verb > 0 ? "increases" : "decreases", object: y, evidence: sentence, pattern: "co-variation" }];
  }
  return [];
}
