/**
 * Whether a noun phrase names a concept of a discipline. The sentence patterns find phrases on
 * both sides of a verb; many of those are not concepts at all (a word about words, a pronoun,
 * a clause fragment, a piece of a formula). They are refused here, with the reason, so that the
 * extractor says nothing rather than something wrong.
 */

// Words about language, texts and reasoning: "vague term", "first suggestion", "Topics".
const META = new Set([
  "term", "terms", "word", "words", "concept", "concepts", "idea", "ideas", "notion", "notions", "topic", "topics",
  "possibility", "possibilities", "suggestion", "suggestions", "issue", "issues", "question", "questions", "answer", "answers",
  "example", "examples", "section", "sections", "chapter", "chapters", "figure", "figures", "table", "tables", "text", "texts",
  "lesson", "lessons", "module", "modules", "definition", "definitions", "name", "names", "description", "descriptions",
  "explanation", "explanations", "discussion", "point", "points", "thing", "things", "stuff", "aspect", "aspects", "case", "cases",
  "instance", "instances", "way", "ways", "manner", "sense", "kind", "kinds", "type", "types", "sort", "sorts", "variety", "version",
  "list", "lot", "lots", "something", "anything", "everything", "nothing", "someone", "everyone", "anyone", "one", "ones",
  "outline", "outlines", "summary", "introduction", "overview", "feature", "features", "detail", "details", "fact", "facts",
  "reason", "reasons", "purpose", "goal", "goals", "attempt", "attempts", "step", "steps", "situation", "situations",
  "extent", "degree", "respect", "regard", "role", "roles", "part", "parts", "piece", "pieces", "bit", "bits",
  "number", "numbers", "amount", "amounts", "portion", "proportion", "majority", "minority", "half", "percent", "percentage",
  "illustration", "illustrations", "demonstration", "depiction", "mention", "indication", "reminder", "discussion",
  "others", "other", "rest", "remainder", "whole", "same", "former", "latter", "following", "above", "below",
]);

// Words that open a phrase pointing back to something said before: "this process", "such bonds".
const ANAPHOR = /^(?:this|these|that|those|such|said|former|latter|above|aforementioned|same|its|their|his|her|our|your|my|which|whose|what)\b/i;
// A phrase that opens with an adverb or a conjunction is a fragment of a clause: "Even companies".
const FRAGMENT_START = /^(?:others|another|chances|least|even|only|also|just|still|yet|thus|then|therefore|however|hence|so|and|or|but|nor|not|no|both|either|neither|each|every|all|any|some|many|most|more|less|very|too|quite|rather|already|often|usually|sometimes|always|never|here|there|now|instead|again|further|furthermore|moreover|indeed|perhaps|maybe|whether|if|when|while|because|although|though|since|unless|until|like|unlike|about|around|over|under|into|onto|upon|within|without|through|between|among|against|toward|towards|after|before|during|from|with|by|for|of|to|in|on|at|as)\b/i;
// "CO2", "H2O", "B12": a formula or a name with digits, as opposed to a number in a phrase ("4Ps", "Chapter 2").
const CHEMICAL = /^[A-Z][A-Za-z]?\d*(?:[A-Z][a-z]?\d*)*$/;
// Third-person verbs that the tagger sometimes reads as plural nouns: "helps", "means".
const VERB_FORMS = new Set(["helps", "makes", "takes", "gives", "allows", "means", "uses", "needs", "seems", "shows", "leads", "becomes", "occurs", "remains", "includes", "involves", "requires", "provides", "depends", "refers", "consists", "contains", "causes", "affects", "creates", "produces", "exists", "happens", "tends", "appears", "keeps", "lets", "puts", "gets", "goes", "comes"]);
// Symbols of formulas and notation: a concept name never holds them ("f(x", "x^2", "ΔH").
const FORMULA = /[=^_+<>≤≥⟶→←↔∑√∫±×÷·∞∝≈≠%$#@{}[\]|\\/()]|\[equation\]|[\u0370-\u03ff]/u;

/** Why `name` is not a concept (a short reason for reports), or null when it may be one. */
export function conceptRefusal(name: string): string | null {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return "empty";
  const lower = words.map((w) => w.toLowerCase());
  if (FORMULA.test(name) || words.some((w) => /^\d/.test(w) || (/\d/.test(w) && !CHEMICAL.test(w))) || words.some((w) => /^[a-z]$/i.test(w) && w.toLowerCase() !== "a")) return "a piece of a formula";
  if (ANAPHOR.test(name)) return "points back to something said before";
  if (FRAGMENT_START.test(name)) return "a fragment of a clause";
  if (words.length === 1 && VERB_FORMS.has(lower[0])) return "a verb, not a concept";
  if (META.has(lower[lower.length - 1]) || (lower.length === 2 && META.has(`${lower[0]} ${lower[1]}`))) return "a word about words or texts, not a concept";
  if (lower.every((w) => META.has(w))) return "a word about words or texts, not a concept";
  if (!/^[\p{L}][\p{L}\p{N}'’ -]*$/u.test(name) || /['’]$/.test(name)) return "not a name";
  // "practice of building", "process of making": a gerund cut from its object.
  if (/\bof\s+\w+ing$/i.test(name)) return "cut before what it acts on";
  // "hormones insulin", "elements hydrogen": two nouns side by side, the first plural, are a list or a fragment.
  if (words.length >= 2 && words.slice(0, -1).some((w, i) => i === words.length - 2 && PLURAL_MODIFIER.test(w) && !KEEPS_PLURAL.test(w))) return "a list or a fragment, not a name";
  // (Lower case only: "Great Depression" and "Simple Random Sampling" are names.)
  if (words.length >= 2 && JUDGING.test(words[0])) return "judges rather than names";
  return null;
}

// A plural noun just before the head ("elements hydrogen"), as opposed to "sales tax", "arms race", "physics".
const PLURAL_MODIFIER = /^[a-z]{3,}[^su]s$/i;
const KEEPS_PLURAL = /^(?:sales|arms|goods|savings|earnings|means|news|economics|physics|mathematics|statistics|politics|ethics|species|series|systems|sports|customs|clothes|humanities|sciences|rights|affairs|assets|resources|operations|communications|relations|services|materials|genetics|dynamics|mechanics|electronics|thermodynamics|linguistics|logistics)$/i;
// Adjectives that grade or praise: "slow process", "famed leader", "great power" name no kind.
const JUDGING = /^(?:famed|famous|renowned|good|bad|best|worst|better|worse|important|excellent|powerful|useful|significant|notable|remarkable|incredible|amazing|interesting|various|several|many|multiple|numerous|different|certain|particular|adjacent|required|developed|slow|urgent)$/;

/**
 * Words that name a concept too general to carry an argument: a chain through "quantity",
 * "process" or "cells" joins things that only share a word, so its conclusion does not follow.
 * They may stand at the ends of a triple, never inside a chain.
 */
export const GENERAL = new Set([
  "quantity", "quantities", "process", "processes", "system", "systems", "structure", "structures", "substance", "substances",
  "material", "materials", "property", "properties", "factor", "factors", "component", "components", "element", "elements",
  "activity", "activities", "change", "changes", "condition", "conditions", "effect", "effects", "result", "results",
  "individual", "individuals", "people", "person", "persons", "human", "humans", "group", "groups", "organism", "organisms",
  "cell", "cells", "organ", "organs", "tissue", "tissues", "body", "bodies", "object", "objects", "unit", "units",
  "energy", "matter", "force", "forces", "value", "values", "level", "levels", "state", "states", "form", "forms",
  "function", "functions", "area", "areas", "region", "regions", "field", "fields", "molecule", "molecules",
  "compound", "compounds", "particle", "particles", "amount", "term", "concept", "idea", "way", "thing", "kind", "type",
  "part", "whole", "set", "sum", "total", "difference",
]);

/** A name made only of general words ("cells", "social groups" is not: "social" narrows it). */
export function isGeneral(name: string): boolean {
  const lower = name.toLowerCase().trim().split(/\s+/);
  return lower.length === 1 && GENERAL.has(lower[0]);
}
