import nlp from "compromise";

const DETERMINERS = new Set(["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "the", "a", "an", "this", "that", "these", "those", "some", "many", "most", "all", "each", "every", "any", "several", "its", "their", "his", "her", "our", "your", "such", "both", "certain", "other", "another", "various", "different", "much", "more", "few"]);
const VAGUE = new Set(["it", "they", "them", "this", "that", "these", "those", "which", "who", "what", "one", "ones", "others", "other", "thing", "things", "way", "ways", "process", "processes", "result", "results", "effect", "effects", "example", "examples", "part", "parts", "type", "types", "kind", "kinds", "form", "forms", "amount", "number", "reason", "idea", "fact", "case", "cases", "something", "someone", "people", "person", "he", "she", "we", "you", "i", "there", "here", "term", "terms", "word", "words", "lot", "use", "study", "figure", "table", "chapter", "section", "value", "values", "level", "levels", "factor", "factors", "change", "changes", "role", "function", "area", "system", "systems", "individuals", "group", "groups", "aspect", "aspects", "feature", "features", "set", "order", "time", "times", "point", "points", "place", "places", "work", "question", "problem", "answer", "situation", "condition", "conditions", "ability", "variety", "range", "series", "step", "steps", "stage", "stages", "event", "events", "addition", "rest", "others", "same", "all", "much", "many", "first", "second", "end", "side", "sense", "approach", "method", "methods", "model", "models", "areas", "aspect", "means", "manner", "kinds", "sorts", "instance", "instances", "extent", "degree", "others"]);
// A noun phrase ends at these words; "of" may continue it once (law of demand).
const STOP = new Set(["along", "around", "beyond", "upon", "despite", "behind", "beside", "past", "in", "on", "at", "by", "for", "from", "with", "into", "onto", "during", "through", "throughout", "within", "across", "over", "under", "between", "among", "to", "as", "than", "because", "since", "while", "when", "where", "which", "that", "who", "whose", "whom", "if", "so", "but", "or", "and", "nor", "is", "are", "was", "were", "be", "been", "being", "can", "may", "will", "would", "should", "could", "must", "has", "have", "had", "not", "also", "such", "via", "per", "about", "after", "before", "until", "without", "against", "toward", "towards", "like", "unlike", "including", "especially", "then", "thus", "therefore", "however"]);
for (const p of ["near", "inside", "outside", "beside", "beneath", "below", "above", "amid", "regarding", "concerning"]) STOP.add(p);
const MAX_WORDS = 5;
// -ing words that are nouns, not verb forms ("a building", "conditioning").
const NOUN_ING = /^(?:building|ring|string|thing|king|spring|wing|ceiling|meaning|learning|reasoning|spending|funding|housing|clothing|bonding|signaling|marketing|conditioning|sampling|training|feeling|painting|writing|reading)$/i;
const SUBORDINATOR = /^(?:when|where|while|if|as|because|after|before|until|that|which|so)$/;
const IRREGULAR_PARTICIPLE = /^(?:found|made|known|built|given|taken|seen|held|bound|born|drawn|shown|grown|thrown|written|done|led|kept|left|lost|run|sent|set|told|brought|caught|sought|taught|thought|spread|laid|hidden|chosen|driven|worn|torn|borne)$/;
// "structure containing ependymal cells": a verb of relation in -ing starts a clause.
const RELATING_ING = /^(?:containing|consisting|including|producing|secreting|releasing|forming|surrounding|connecting|linking|carrying|causing|allowing|providing|involving|resulting|leading|using|requiring|binding|storing|transporting|regulating|controlling)$/;
const CHANGE_NOUNS = /^(?:increases?|decreases?|changes?|rises?|falls?|drops?|shifts?|reductions?|declines?|growth|loss|gains?)$/i;
const QUANTITY = /^\s*(?:(?:a|an|the)\s+)?(?:(?:large|small|high|low|great|huge|certain|significant|growing|wide)\s+)?(?:lot|lots|number|numbers|amount|amounts|concentration|concentrations|variety|range|set|series|majority|portion|proportion|percentage|fraction|group|couple|pair)\s+of\s+/i;
const PREPOSITIONS = new Set(["in", "on", "at", "by", "for", "from", "with", "into", "onto", "during", "through", "throughout", "within", "across", "over", "under", "between", "among", "to", "via", "per", "about", "after", "before", "until", "without", "against", "toward", "towards", "like", "unlike", "near", "inside", "outside", "along", "around", "beyond", "upon", "despite", "behind", "beside", "past", "over"]);
const AUXILIARY = new Set(["can", "will", "may", "must", "should", "would", "could", "might", "is", "are", "was", "were", "has", "have", "had", "do", "does", "did"]);
const DEMONSTRATIVE = /^(?:this|these|those|that|such)$/i;
const QUESTION = /^(?:what|whether|why|how|who|whom|which|where|when|if)\b/i;

const words = (s: string) => s.split(/\s+/).filter(Boolean);
const clean = (w: string) => w.replace(/^[“"'(\[]+|[”"'),.;:!?\]]+$/g, "");

/**
 * The noun phrase at the start of `text` (an object), or null: determiners dropped, cut at the
 * first preposition or clause word (one "of" is kept), at most five words, and its last word a
 * noun for compromise's tagger, never a pronoun or a vague word.
 */
export function leadingNounPhrase(text: string, keepQuantity = false, whole = false): string | null {
  // "a lot of information", "large numbers of receptors": the quantity is not the concept
  // (but "X is the proportion of Y" does not make X a Y: callers that classify keep it and refuse).
  if (keepQuantity && QUANTITY.test(text)) return null;
  // "one of the chemical groups…" names a chemical group.
  const unquantified = text.replace(QUANTITY, "").replace(/^\s*(?:one|any|each|either|some|many|most)\s+of\s+(?:the\s+)?/i, "");
  const ws = words(unquantified.split(/[,;:()—–]/)[0]).map(clean).filter(Boolean);
  // "these hormones", "such bonds": the phrase points back to something said before.
  if (ws.length && DEMONSTRATIVE.test(ws[0])) return null;
  while (ws.length && DETERMINERS.has(ws[0].toLowerCase())) ws.shift();
  const out: string[] = [];
  let ofUsed = false;
  let consumed = ws.length;
  for (const [i, w] of ws.entries()) {
    const lw = w.toLowerCase();
    consumed = i;
    // "an increase based on…", "force acting on an object", "sketch showing all forces": a
    // participle before a preposition or a determiner ends the phrase.
    const next = ws[i + 1]?.toLowerCase() ?? "";
    if (out.length > 0 && (/ed$/.test(lw) || IRREGULAR_PARTICIPLE.test(lw)) && (PREPOSITIONS.has(next) || next === "of" || SUBORDINATOR.test(next))) break;
    if (out.length > 0 && /ing$/.test(lw) && !NOUN_ING.test(lw) && (PREPOSITIONS.has(next) || DETERMINERS.has(next) || RELATING_ING.test(lw))) break;
    if (lw === "of" && !ofUsed && out.length > 0 && out.length < 3) {
      ofUsed = true;
      out.push(w);
      continue;
    }
    // "the amount consumers can afford": the phrase is the subject of a clause, not a concept.
    if (out.length > 0 && AUXILIARY.has(lw)) return null;
    // "…true belief passes the test": a verb before a determiner means the phrase swallowed a clause.
    if (out.length > 0 && /s$/.test(lw) && /^(?:the|a|an|its|their|his|her|our|this|these|those)$/.test(next) && tagsOf(`it ${lw}`)[1]?.includes("Verb")) return null;
    if (STOP.has(lw) || lw === "of") break;
    if (ofUsed && DEMONSTRATIVE.test(lw)) return null;
    if (ofUsed && DETERMINERS.has(lw)) continue;
    out.push(w);
    consumed = i + 1;
    if (out.length >= MAX_WORDS) {
      // A name cut at the word limit is not the name.
      const after = ws[i + 1]?.toLowerCase();
      if (after && !STOP.has(after) && after !== "of") return null;
      break;
    }
  }
  // "total energy of an isolated system is constant": a phrase followed by its verb is a subject.
  if (AUXILIARY.has(ws[consumed]?.toLowerCase() ?? "") && out.length > 0) return null;
  // In a list every item is a whole phrase: "fitness rings or home appliances with…" is not a list of two.
  if (whole && ws.slice(consumed).some((w) => !/^(?:etc|and|or)$/i.test(w))) return null;
  while (out.length && ["of"].includes(out[out.length - 1].toLowerCase())) out.pop();
  // "the price of a good or service": when the "of" part is not a concept, the head alone may be.
  const of = out.findIndex((w) => w.toLowerCase() === "of");
  return acceptPhrase(out) ?? (of > 0 && out.length - of <= 2 ? acceptPhrase(out.slice(0, of)) : null);
}

/** The noun phrase that ends `text` (a subject): the last clause before the verb, determiners dropped. */
export function trailingNounPhrase(text: string): string | null {
  let clause = text.split(/[,;:()—–]|\b(?:which|when|because|while|if|although|though|whereas|and|but|so|unless|whether)\b/i).pop() ?? "";
  // "The plants that can be gathered in warm regions include…": the subject is the antecedent.
  const relative = /^(.*?)\s+(?:that|who)\s+\S/i.exec(clause);
  if (relative) clause = relative[1];
  let ws = words(clause).map(clean).filter(Boolean);
  // "For molecules of high symmetry such as…": an opening preposition is not part of the phrase.
  while (ws.length > 1 && PREPOSITIONS.has(ws[0].toLowerCase())) ws.shift();
  if (ws.length && DEMONSTRATIVE.test(ws[0])) return null;
  while (ws.length && DETERMINERS.has(ws[0].toLowerCase())) ws.shift();
  const stops = ws.map((w) => STOP.has(w.toLowerCase()) || w.toLowerCase() === "of");
  const lastStop = stops.lastIndexOf(true);
  const ofIndex = ws.findIndex((w) => w.toLowerCase() === "of");
  const keepOf = lastStop === ofIndex && ofIndex > 0 && ofIndex < 3 && !DETERMINERS.has(ws[0].toLowerCase()) && !VAGUE.has(ws[ofIndex - 1].toLowerCase());
  // "A decrease in supply leads to…": a change in something is itself the subject.
  const changeIn = lastStop === 1 && ws[1].toLowerCase() === "in" && CHANGE_NOUNS.test(ws[0]) && ws.length <= 4;
  if (lastStop >= 0 && !keepOf && !changeIn) {
    // "forces acting on the free body affect…": the noun after a preposition is not the subject.
    if (PREPOSITIONS.has(ws[lastStop].toLowerCase()) || ws[lastStop].toLowerCase() === "of") return null;
    ws = ws.slice(lastStop + 1);
  }
  while (ws.length && DETERMINERS.has(ws[0].toLowerCase())) ws.shift();
  if (ws.some((w) => DEMONSTRATIVE.test(w))) return null;
  ws = ws.filter((w) => !DETERMINERS.has(w.toLowerCase()) || w.toLowerCase() === "of");
  if (ws.length > MAX_WORDS) return null;
  return acceptPhrase(ws);
}

// Generic heads add nothing to a concept's name: "a lipid molecule" is a lipid.
const GENERIC_HEADS = new Set(["molecule", "molecules", "structure", "structures", "substance", "substances", "compound", "compounds", "entity", "entities", "thing", "things"]);
const NON_NOUN = ["Verb", "Adverb", "Pronoun", "Preposition", "Conjunction", "Determiner", "QuestionWord", "Value"];

// "an example of a virus" names the virus; "an illustration of dispersion" names nothing.
const OF_TRANSPARENT = new Set(["example", "examples", "instance", "instances", "type", "types", "kind", "kinds", "form", "forms"]);
const EVALUATIVE = new Set(["excellent", "good", "great", "best", "quickest", "fastest", "important", "perfect", "classic", "clear", "simple", "useful", "key", "major", "main", "primary", "particular", "specific", "typical", "common", "famous", "well-known"]);

function acceptPhrase(input: string[]): string | null {
  let ws = [...input];
  while (ws.length > 1 && EVALUATIVE.has(ws[0].toLowerCase())) ws.shift();
  const of = ws.findIndex((w) => w.toLowerCase() === "of");
  if (of > 0) {
    const before = ws[of - 1].toLowerCase();
    // "type of memory" names memory; "glial cell type of the CNS" names a glial cell.
    if (OF_TRANSPARENT.has(before)) ws = of === 1 ? ws.slice(of + 1) : ws.slice(0, of - 1);
    // "a member of an organization" is in it, not a kind of it.
    else if (VAGUE.has(before) || ["illustration", "inability", "ability", "lack", "use", "member", "members"].includes(before)) return null;
  }
  // A phrase that opens with a verb form ("allowing…", "holding an amount") is a clause, not a concept.
  if (ws.length > 1 && /ing$/i.test(ws[0]) && !NOUN_ING.test(ws[0])) return null;
  // ("a specific cell-membrane molecule" keeps its head: what is left would be a modifier, not a name.)
  if (ws.length > 1 && GENERIC_HEADS.has(ws[ws.length - 1].toLowerCase()) && !/-|(?:ic|al|ar|ous|ive)$/i.test(ws[ws.length - 2])) ws.pop();
  // "glial cell type", "lymphocyte kind": the classifier word adds nothing to the name.
  if (ws.length > 1 && /^(?:type|types|kind|kinds|variety|varieties)$/i.test(ws[ws.length - 1])) ws.pop();
  if (ws.length === 0) return null;
  const phrase = ws.join(" ");
  // "quantity demanded", "amount supplied": a measure named by its participle is a concept.
  if (/^(?:quantity|quantities|amount|level|volume|output|number)\s+[a-z]+ed$/i.test(phrase)) return phrase;
  if (QUESTION.test(phrase)) return null;
  const last = ws[ws.length - 1].toLowerCase();
  if (VAGUE.has(last) && ws.length === 1) return null;
  if (ws.every((w) => VAGUE.has(w.toLowerCase()) || DETERMINERS.has(w.toLowerCase()))) return null;
  if (!/^[\p{L}][\p{L}\p{N}'’-]*$/u.test(ws[0]) || /\d{3,}/.test(phrase) || phrase.length < 3) return null;
  // The tagger guesses differently with and without context ("net external force" opens with an
  // imperative alone, "interest rates" ends in a verb after "the"): a word counts as a verb or
  // a non-noun head only when both readings agree.
  const bare = tagsOf(phrase);
  const inContext = tagsOf(`the ${phrase}`).slice(1);
  const readings = [bare, inContext].filter((r) => r.length === ws.length);
  const both = (test: (tags: string[]) => boolean, i: number) => readings.length > 0 && readings.every((r) => test(r[i]));
  const at = ws.length - 1;
  const notNoun = (h: string[]) => !h.includes("Noun") && (NON_NOUN.some((t) => h.includes(t)) || h.includes("Adjective"));
  if (ws.length === 1 ? !singleWordConcept(bare[0] ?? [], ws[0]) : both(notNoun, at)) return null;
  if (readings.some((r) => r[at].includes("Pronoun"))) return null;
  // "fast acting", "disease emerging": a head that is a verb form is a clause; so is an opening
  // participle ("squeezed out") or adverb ("rapidly expanding").
  const headTags = bare[at] ?? [];
  const firstTags = bare[0] ?? [];
  if (ws.length > 1 && /(?:ing|ed)$/i.test(ws[at]) && !NOUN_ING.test(ws[at]) && headTags.includes("Verb") && !headTags.includes("Noun")) return null;
  if (ws.length > 1 && firstTags.some((t) => t === "Adverb" || t === "PastTense") && !firstTags.includes("Noun") && !firstTags.includes("Adjective")) return null;
  // "contains genetic information", "celebrates patriotism": a phrase opening with a verb in the
  // third person is a predicate, whatever the article-led reading says.
  if (ws.length > 1 && firstTags.includes("Verb") && firstTags.includes("PresentTense") && !firstTags.includes("Infinitive")) return null;
  // A finite verb inside means the phrase swallowed a clause.
  if (ws.some((_, i) => both((t) => t.includes("Verb") && !t.includes("Gerund") && !t.includes("Participle") && !t.includes("Noun") && !t.includes("Adjective"), i))) return null;
  return phrase;
}


/**
 * One word alone: an adjective ("useful", "due") or an -ing form ("acting") is not a concept;
 * a word that is also a verb is one when, as the object of a verb, the tagger reads it as a
 * noun ("reduces price", "affects demand") and not as a verb ("to remember", "to provide").
 */
function singleWordConcept(bare: string[], word: string): boolean {
  if (bare.includes("Noun")) return true;
  if (bare.includes("Adjective") || (/ing$/i.test(word) && !NOUN_ING.test(word))) return false;
  if (NON_NOUN.some((t) => t !== "Verb" && bare.includes(t))) return false;
  return tagsOf(`reduces ${word}`)[1]?.includes("Noun") ?? false;
}

function tagsOf(text: string): string[][] {
  return (nlp(text).terms().json() as { terms: { tags: string[] }[] }[]).map((t) => t.terms[0]?.tags ?? []);
}
