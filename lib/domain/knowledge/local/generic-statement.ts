/**
 * Whether a sentence states a general fact of its discipline, the only kind of sentence the
 * local engine reads relations from. A textbook also tells stories, works examples, reports what
 * someone argued, hedges ("can", "often"), sets conditions ("If…", "At temperatures above…"),
 * points at figures and speaks to the reader; a relation read from such a sentence and written
 * down as a fact is wrong even when the words are right. Glossary lines are always general.
 */

const CONDITION = /^(?:if|unless|suppose|assuming|whenever|once|when|while|although|though|as long as|provided|given|at|under|in (?:this|that|these|those|such|some|many|most|the case|each|every|any)|for (?:this|these|that|those|example|instance)|during|after|before|by the time)\b|,\s*(?:if|unless|only if|provided)\b|\bonly if\b/i;
const HEDGE = /\b(?:may|might|could|can|cannot|would|should|will|shall|often|sometimes|occasionally|usually|typically|generally|frequently|tends?\s+to|tended\s+to|likely|unlikely|possibly|probably|perhaps|presumably|seems?|seemed|appears?\s+to|almost|nearly|roughly|approximately)\b/i;
const REPORTED = /\b(?:according\s+to|argues?|argued|claims?|claimed|believes?|believed|suggests?|suggested|proposes?|proposed|writes|wrote|says|said|stated|contends?|contended|insists?|insisted|holds\s+that|held\s+that|maintains\s+that|thinks?|thought|view|views|theorists?|critics|proponents|hypothes[a-z]+|speculat[a-z]+)\b/i;
const QUOTED = /[“”"]/;
const PERSONAL = /\b(?:we|our|ours|us|you|your|yours|i|my|me|let's)\b/i;
const DEICTIC = /\b(?:figure|figures|table|tables|graph|diagram|chapter|section|module|example|exercise|above|below|following|previous|here|now|today|recently|currently|earlier|later)\b/i;
const NEGATED = /\b(?:not|no|never|none|neither|nor|cannot|without)\b|n't\b/i;
// A sentence that opens with an order to the reader is an exercise, not a statement.
const IMPERATIVE = /^(?:calculate|determine|find|consider|imagine|remember|notice|note|recall|use|compare|think|let|look|see|try|identify|explain|describe|list|name|draw|estimate|show|assume|stub|cut|take|keep|make|read|write|ask|check)\b/i;
/** Is the relation's own verb in the past ("established", "was", "led to")? An event, not a standing fact. */
export function pastTense(verb: string): boolean {
  if (/\b(?:was|were|had|did)\b/i.test(verb)) return true;
  // "is found in", "are produced by": a participle after a present "be" is not the past.
  const active = verb.replace(/\b(?:is|are|be|been|being)\s+(?:\w+ly\s+)?\w+/gi, "");
  return /\b(?:led|gave|built|made|rose|fell|grew|took|became|began|brought|drove|found|held|kept|left|met|ran|saw|sent|stood|taught|told|won|wrote)\b/i.test(active) || /\b\w{2,}ed\b/i.test(active);
}

/** Why the sentence is not a general statement of fact (for reports), or null when it is one. */
export function genericityRefusal(sentence: string): string | null {
  const s = sentence.trim();
  if (QUOTED.test(s)) return "quotes someone";
  if (IMPERATIVE.test(s)) return "addresses the reader (an exercise or instruction)";
  if (PERSONAL.test(s)) return "speaks of or to the reader";
  if (CONDITION.test(s)) return "holds only under a condition";
  if (REPORTED.test(s)) return "reports what someone holds";
  if (HEDGE.test(s)) return "is hedged";
  if (NEGATED.test(s)) return "is negated";
  if (DEICTIC.test(s)) return "points at a figure, an example or a moment";
  return null;
}
