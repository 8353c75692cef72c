import nlp from "compromise";
import { isPlural } from "../phrasing";
import { pastTense } from "./generic-statement";
import { leadingNounPhrase, trailingNounPhrase } from "./noun-phrases";

/**
 * A triple as a sentence pattern read it. `pattern` names the pattern (its reliability differs:
 * "is a kind of" is nearly always right, "affects" often is not); `via` says when the subject was
 * not read directly (a relative clause, a coordinated verb, a resolved pronoun or head).
 */
export type RawTriple = {
  subject: string;
  predicate: string;
  object: string;
  evidence: string;
  pattern: string;
  via?: "relative" | "coordinated" | "pronoun" | "anaphor" | "head";
  /** the subject opens its sentence or clause (read far more reliably than one found mid-sentence) */
  opening?: boolean;
  /** the relation's verb is in the past: an event or what was once so, not a standing fact */
  past?: boolean;
};

const ADV = String.raw`(?:(?:can|may|might|will|often|also|usually|typically|generally|normally|directly|eventually|then|thereby|in turn|actually|primarily|mainly|largely|ultimately|further|\w+ly)\s+)*`;
const BE = String.raw`(?:is|are|was|were|can be|may be|will be|are often|is often|is also|are also)`;
const v = (forms: string) => String.raw`\b${ADV}(?:${forms})\b`;

type Pattern = {
  name: string;
  predicate: string;
  re: RegExp;
  /** active: subject before, object after; passive: the object comes first ("Y is produced by X") */
  voice: "active" | "passive";
  /** objects may be a list ("consists of A, B and C") */
  list?: boolean;
};

const P = (name: string, predicate: string, source: string, voice: Pattern["voice"] = "active", list = false): Pattern => ({ name, predicate, re: new RegExp(source, "i"), voice, list });

// Order matters: the first pattern that yields a triple in a clause wins.
export const PATTERNS: Pattern[] = [
  P("kind-of", "is_a", String.raw`\b(?:is|are|was|were)\s+(?:a|an|one)?\s*(?:specific\s+|particular\s+|special\s+)?(?:type|kind|form|class|category|subtype|variety|branch)s?\s+of\b`),
  P("defined-as", "is_a", String.raw`\b(?:is|are)\s+defined\s+as\s+(?:a|an|the)\b`),
  // "Exponential growth refers to an increase…": a definition.
  P("refers-to", "is_a", String.raw`\b(?:refers?|referred)\s+to\s+(?:a|an|the|any)\b`),
  // "Friction is the cause of slowing", "X is a source of Y", "Y is the result of X".
  P("cause-of", "causes", String.raw`\b(?:is|are|was|were)\s+(?:thus\s+|also\s+|often\s+)?(?:the|a|one)\s+(?:main\s+|major\s+|primary\s+|leading\s+)?causes?\s+of\b`),
  P("source-of", "produces", String.raw`\b(?:is|are)\s+(?:also\s+)?(?:the|a|an)\s+(?:main\s+|major\s+|primary\s+|important\s+)?sources?\s+of\b`),
  P("result-of", "leads_to", String.raw`\b(?:is|are|was|were)\s+(?:thus\s+|also\s+)?(?:the|a)\s+(?:direct\s+)?results?\s+of\b`, "passive"),
  // Naming: "The study of motion is called kinematics", "This resultant is called the net external force".
  P("naming", "is_a", String.raw`\b(?:is|are)\s+(?:also\s+|often\s+|usually\s+|sometimes\s+)?(?:called|known\s+as|referred\s+to\s+as|termed|named)\b`, "passive"),
  P("proportional", "influences", String.raw`\b(?:is|are)\s+${ADV}(?:directly\s+|inversely\s+)?proportional\s+to\b`, "passive"),
  P("part-of", "part_of", String.raw`\b(?:is|are)\s+(?:a\s+|an\s+|one\s+)?(?:key\s+|major\s+|important\s+)?(?:part|component|parts|components|constituent|element)s?\s+of\b`),
  // Definitions: "A phospholipid is a lipid…", "Peroxisomes are small, round organelles…" (subject at the start).
  P("copula", "is_a", String.raw`(?:^|,\s+|\b(?:that|since|because|while|if|as|when|so)\s+)(?:[\w'’-]+\s+){0,5}?(?:is|are|was|were)\s+(?:a|an|one\s+of\s+the)\s+(?!(?:type|kind|form|part|component|member|result|way|number|measure|set|case|same|first|second|only|most|best|key|main)s?\b)`),
  // Plural definitions without an article: "Chromosomes are linear structures."
  // "X is the Y that…", "Ribosomes are the cellular structures responsible for…": a defining description.
  P("copula-the", "is_a", String.raw`(?:^|,\s+)(?:[\w'’-]+\s+){0,5}?(?:is|are)\s+the\s+(?!(?:first|second|third|last|only|most|least|best|worst|same|main|key|primary|major|result|number|amount|sum|name|term|case|way|reason|process|study|ability)\b)`),
  P("plural-copula", "is_a", String.raw`(?:^|,\s+|\b(?:that|since|because|while|if|as|when|so)\s+)(?:[\w'’-]+\s+){0,4}?[\w'’-]+\s+are\s+(?!(?:the|a|an|not|also|often|usually|now|then|more|less|most|very|so|too|able|likely|found|called|known|used|made|being|still|all|both|each|only|just|typically|generally|said)\b)`),
  P("consists-of", "consists_of", String.raw`\b(?:consists?\s+of|(?:is|are)\s+(?:composed|made\s+up|made)\s+of|comprises?)\b`, "active", true),
  P("located-in", "located_in", String.raw`\b${BE}\s+${ADV}(?:found|located|situated|stored|concentrated|contained|embedded|housed)\s+(?:in|within|inside|at|on|near)\b`),
  P("results-from", "leads_to", String.raw`\b${ADV}(?:results?|arises?|arise|stems?|derives?)\s+from\b`, "passive"),
  P("necessary-for", "requires", String.raw`\b${BE}\s+${ADV}(?:necessary|essential|needed|required|critical|vital)\s+(?:for|to)\b`, "passive"),
  P("responsible-for", "enables", String.raw`\b${BE}\s+${ADV}responsible\s+for\b`),
  P("converted-to", "converts_to", String.raw`\b${BE}\s+${ADV}(?:converted|transformed|turned|changed)\s+(?:in)?to\b`),
  P("leads-to", "leads_to", v(String.raw`leads?\s+to|led\s+to|results?\s+in|resulted\s+in|gives?\s+rise\s+to|gave\s+rise\s+to`)),
  P("causes", "causes", v("causes|cause|caused|triggers|trigger|triggered")),
  P("caused-by", "causes", String.raw`\b${BE}\s+${ADV}caused\s+by\b`, "passive"),
  P("produces", "produces", v("produces|produce|produced|releases|release|released|generates|generate|generated|secretes|secrete|synthesizes|synthesize|emits|emit|yields|creates|create|created|built|founded|established"), "active", true),
  P("produced-by", "produces", String.raw`\b${BE}\s+${ADV}(?:produced|released|generated|secreted|synthesized|emitted|formed|made)\s+by\b`, "passive"),
  P("contains", "contains", v("contains|contain|contained|houses"), "active", true),
  P("includes", "includes", v("includes|include|included"), "active", true),
  P("increased-by", "increases", String.raw`\b${BE}\s+${ADV}(?:increased|raised|enhanced|stimulated|promoted|accelerated)\s+by\b`, "passive"),
  P("decreased-by", "decreases", String.raw`\b${BE}\s+${ADV}(?:decreased|reduced|lowered|inhibited|suppressed|prevented|blocked)\s+by\b`, "passive"),
  P("increases", "increases", v("increases|increase|increased|raises|raise|raised|boosts|enhances|enhance|stimulates|stimulate|promotes|promote|promoted|accelerates|accelerate"), "active"),
  P("decreases", "decreases", v("opposes|oppose|opposed|resists|resist|counteracts|counteract|decreases|decrease|decreased|reduces|reduce|reduced|lowers|lower|lowered|inhibits|inhibit|slows|slow|suppresses|suppress|prevents|prevent|prevented|blocks|block"), "active"),
  P("requires", "requires", v(String.raw`requires|require|required|needs|depends\s+on|depend\s+on|depended\s+on|relies\s+on|rely\s+on|relied\s+on`), "active", true),
  P("required-by", "requires", String.raw`\b${BE}\s+${ADV}required\s+(?:by|for)\b`, "passive"),
  P("regulates", "regulates", v("regulates|regulate|controls|control|controlled|governs|govern|governed|coordinates|coordinate|ruled|rules"), "active"),
  P("regulated-by", "regulates", String.raw`\b${BE}\s+${ADV}(?:regulated|controlled|governed)\s+by\b`, "passive"),
  P("transports", "transports", v("transports|transport|delivers|deliver"), "active", true),
  P("transported-by", "transports", String.raw`\b${BE}\s+${ADV}(?:transported|carried|delivered)\s+by\b`, "passive"),
  P("binds", "binds_to", v(String.raw`binds\s+to|bind\s+to|binds|attaches\s+to|attach\s+to`)),
  P("uses", "uses", v("uses|use|used|utilizes|utilize|employs|employ|employed"), "active"),
  P("used-by", "uses", String.raw`\b${BE}\s+${ADV}(?:used|utilized|employed|consumed)\s+by\b`, "passive"),
  P("measures", "measures", v("measures|measure|quantifies|quantify"), "active"),
  P("describes", "describes", v("describes|describe|explains|explain|predicts|predict"), "active"),
  P("influenced-by", "influences", String.raw`\b${BE}\s+${ADV}(?:influenced|affected|shaped|determined)\s+by\b`, "passive"),
  P("influences", "influences", v("influences|influence|influenced|affects|affect|affected|shapes|shape|shaped|determines|determine|acts\s+on|act\s+on"), "active"),
  P("enables", "enables", v("allows|allow|enables|enable|permits|permit|makes\s+possible"), "active"),
];

const NEGATION = /\b(?:not|never|no longer|cannot|can't|don't|doesn't|didn't|won't|neither|nor|rarely|seldom)\b/i;
// Reported, possible or supposed statements are not facts ("may cause", "is thought to", "some argue").
const HEDGE = /\b(?:may|might|could|would|possibly|perhaps|probably|presumably|likely|unlikely|suggests?|suggested|believed?|believes|thought\s+to|seems?|seemed|appears?\s+to|argues?|argued|claims?|claimed|hypothesi[sz]ed|speculated|allegedly|supposedly|in\s+theory|some\s+(?:scholars|researchers|scientists|people|argue|say))\b/i;
// "Some bacteria cause disease" does not say that bacteria cause disease.
const QUANTIFIER = /^(?:some|many|most|several|certain|few|numerous|various|multiple|much|other|sometimes)$/i;
const LIST_SPLIT = /\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+/;

function objectsOf(rest: string, list: boolean, keepQuantity = false): string[] {
  const text = rest.replace(/^\s+/, "");
  if (!list) {
    const np = leadingNounPhrase(text, keepQuantity);
    return np ? [np] : [];
  }
  // A list runs to the end of the clause: "A, B, and C." / "A and B, which ..."
  const clause = text.split(/[;:.]|\b(?:which|that|who|because|while|when|so that)\b/)[0];
  const items = clause.split(LIST_SPLIT).slice(0, 6);
  const out: string[] = [];
  for (const item of items) {
    const np = leadingNounPhrase(item, false, true);
    if (!np) break;
    out.push(np);
  }
  return out;
}

/** Where a phrase ends in `text` (it may have lost its determiners), or -1. */
function endOf(text: string, phrase: string): number {
  const i = text.toLowerCase().indexOf(phrase.toLowerCase());
  return i < 0 ? -1 : i + phrase.length;
}

/** "X, which is a Y, produces Z" → subject X: a parenthetical before the verb is skipped. */
function subjectText(before: string): string {
  // "Compounds that contain…": the antecedent of the relative pronoun is the subject.
  const relative = /^(.*?[\p{L}\p{N}])\s*,?\s+(?:that|which|who)\s*$/u.exec(before);
  if (relative) return `${relative[1]} `;
  const trimmed = before.trimEnd();
  if (!trimmed.endsWith(",")) return before;
  const parts = trimmed.slice(0, -1).split(",");
  return parts.length > 1 ? parts.slice(0, -1).join(",") : before;
}

/** The clause a verb stands in, up to the verb: what hedges and negations are looked for in. */
const clauseBefore = (before: string) => before.split(/[;:]|,\s+(?:but|while|whereas|although|though)\b/).pop() ?? before;

/** Is the subject phrase, where it ends `before`, led by a quantifier ("some", "many", "most")? */
function quantified(before: string, subject: string): boolean {
  const ws = before.trim().split(/\s+/);
  const n = subject.split(/\s+/).length;
  return ws.slice(Math.max(0, ws.length - n - 3), Math.max(0, ws.length - n)).some((w) => QUANTIFIER.test(w.replace(/[^\p{L}]/gu, "")));
}

/** Is the phrase followed by "and"/"or" and another noun, so that taking it alone cuts a coordination? */
export function cutCoordination(text: string, phrase: string): boolean {
  const end = endOf(text, phrase);
  if (end < 0) return false;
  return /^\s*(?:and|or)\s+(?!(?:is|are|was|were|has|have|can|may|also|then|it|they|its|their|thus|therefore|so|a|an|the)\b)[\p{L}]/iu.test(text.slice(end));
}

/** Does the subject open its sentence or clause ("Histamine increases…"), rather than sit mid-sentence? */
function opensClause(subjectSide: string, subject: string): boolean {
  const lead = subjectSide.replace(/\s+$/, "").split(/[,;:]|\b(?:that|which|who|because|since|while|when|if|although|but)\b/i).pop() ?? "";
  const extra = lead.trim().split(/\s+/).filter(Boolean).length - subject.split(/\s+/).length;
  return !/,/.test(subjectSide.replace(/,\s*$/, "")) && extra <= 2;
}

/** "Both A and B …" / "A and B …": the first of a coordinated pair of subjects, when it is one. */
function coordinatedSubject(subjectSide: string, subject: string): string | null {
  const m = new RegExp(`(?:^|,\\s*)(?:both\\s+)?([^,;:]+?)\\s+and\\s+(?:the\\s+|a\\s+|an\\s+)?${subject.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\s*$`, "i").exec(subjectSide.trim());
  if (!m) return null;
  const first = trailingNounPhrase(m[1]);
  return first && first.toLowerCase() !== subject.toLowerCase() && first.split(/\s+/).length <= 4 ? first : null;
}

/**
 * Relation triples stated by one sentence: the first pattern family whose verb has a noun
 * phrase on both sides, then what a relative clause says of the object ("…Y, which causes Z")
 * and what a coordinated verb says of the subject ("X uses Y and produces Z"). "X converts Y
 * into Z" yields Y converts_to Z. Negated, hedged and interrogative sentences state no relation.
 */
export function sentenceTriples(sentence: string, evidence = sentence, depth = 0): RawTriple[] {
  if (depth > 2 || sentence.endsWith("?") || sentence.split(/\s+/).length > 60) return [];
  // "Photosynthesis is a metabolic process that converts light energy into chemical energy":
  // the conversion and what the main clause says are both relations.
  const conversion = conversionTriples(sentence, evidence);
  const stated = patternTriples(sentence, evidence, depth);
  const key = (t: RawTriple) => `${t.subject.toLowerCase()}|${t.predicate}|${t.object.toLowerCase()}`;
  const seen = new Set(stated.map(key));
  return [...stated, ...conversion.filter((t) => !seen.has(key(t)))];
}

/** "X converts Y into Z" → Y converts_to Z; "energy is converted from Y into Z" likewise. */
function conversionTriples(sentence: string, evidence: string): RawTriple[] {
  const converts =
    /\b(?:converts?|transforms?|turns?|changes?)\s+(.+?)\s+(?:in)?to\s+(.+)$/i.exec(sentence) ??
    // "Energy is converted from potential energy back into kinetic energy."
    /\b(?:is|are|was|were|gets?)\s+(?:converted|transformed|changed)\s+from\s+(.+?)\s+(?:back\s+)?(?:in)?to\s+(.+)$/i.exec(sentence);
  if (converts) {
    const before = sentence.slice(0, converts.index);
    const from = leadingNounPhrase(converts[1]);
    const to = leadingNounPhrase(converts[2]);
    const clause = clauseBefore(before);
    if (from && to && !NEGATION.test(clause) && !HEDGE.test(clause) && trailingNounPhrase(subjectText(before))) return [{ subject: from, predicate: "converts_to", object: to, evidence, pattern: "converts" }];
  }
  return [];
}

/** The first pattern family whose verb has a noun phrase on both sides, with what follows it. */
function patternTriples(sentence: string, evidence: string, depth: number): RawTriple[] {
  for (const p of PATTERNS) {
    const m = p.re.exec(sentence);
    if (!m) continue;
    const before = sentence.slice(0, m.index);
    const after = sentence.slice(m.index + m[0].length);
    // (A negated or hedged sentence is read all the same: the scorer refuses it, saying why.)
    // "X is called Y" names X: it is a definition of Y (namingDefinitions), not a relation.
    if (p.name === "naming") return [];
    if (p.voice === "passive") {
      const patient = trailingNounPhrase(subjectText(before));
      const agent = leadingNounPhrase(after);
      if (patient && agent && patient.toLowerCase() !== agent.toLowerCase() && !quantified(before, patient)) return [{ subject: agent, predicate: p.predicate, object: patient, evidence, pattern: p.name, past: pastTense(m[0]) }];
      continue;
    }
    const subjectSide = p.re.source.startsWith("(?:^|") ? m[0].replace(/\s+(?:is|are|was|were)\s+.*$/i, " ") : before;
    const subject = trailingNounPhrase(subjectText(subjectSide));
    if (!subject) continue;
    if (quantified(subjectSide, subject)) return [];
    const opening = opensClause(subjectSide, subject);
    const past = p.re.source.startsWith("(?:^|") ? /\b(?:was|were)\b/i.test(m[0]) : pastTense(m[0]);
    // "Peroxisomes are small, round organelles": adjectives listed before the head noun.
    let objectText = p.predicate === "is_a" ? after.replace(/^(?:[\w-]+,\s+)+(?=[\w-]+\s+[\w-]+)/, "") : after;
    // "Darwin's finches are another example of adaptive radiation": a member, not a kind.
    const example = p.predicate === "is_a" && /^\s*(?:another\s+|an\s+|one\s+|a\s+good\s+|a\s+classic\s+)?examples?\s+of\s+/i.exec(objectText);
    const predicate = example ? "example_of" : p.predicate;
    if (example) objectText = objectText.slice(example[0].length);
    // "X include other institutions": the objects are the broader class, not parts.
    if ((p.predicate === "contains" || p.predicate === "includes") && /^\s*(?:other|many other|several other)\b/i.test(objectText)) continue;
    const objects = objectsOf(objectText, !!p.list, p.predicate === "is_a").filter((o) => o.toLowerCase() !== subject.toLowerCase());
    if (!objects.length) continue;
    // "The slope of the line is the slope of the curve": without a restrictive clause "the Y" names one thing, not a class.
    if (p.name === "copula-the" && !/^\s*,?\s*(?:that|which|who|responsible|used|involved|found|located|made|produced|formed|composed|consisting|containing|in\s+which|by\s+which|through\s+which)\b/i.test(objectText.slice(Math.max(0, endOf(objectText, objects[0]))))) continue;
    // "the removal of fossils and artifacts": a class cut inside a coordination means something else.
    if (!p.list && cutCoordination(objectText, objects[0])) return [];
    // "Semisynthetic macrolides include azithromycin": each item is an example of a class (a
    // plural subject); "The skeletal system includes bones": a part of a whole (a singular one).
    const out: RawTriple[] = objects.map((object) =>
      p.predicate === "includes"
        ? { subject: object, predicate: isPlural(subject) ? "example_of" : "part_of", object: subject, evidence, pattern: p.name, opening, past }
        : { subject, predicate, object, evidence, pattern: p.name, opening, past },
    );
    // "Mitochondria and chloroplasts contain DNA": what is said of the pair is said of each.
    const pair = p.predicate === "includes" ? null : coordinatedSubject(subjectSide, subject);
    if (pair) out.push(...objects.map((object) => ({ subject: pair, predicate, object, evidence, pattern: p.name, via: "coordinated" as const, opening, past })));
    const last = objects[objects.length - 1];
    const end = endOf(objectText, last);
    const rest = end < 0 ? "" : objectText.slice(end);
    // "allows relatives to invest", "requires the bank to keep reserves": what is enabled or
    // required is the action, not the one who acts.
    if ((p.predicate === "enables" || p.predicate === "requires") && /^\s+to\s+\w/i.test(rest)) continue;
    const relative = /^\s*,?\s*(?:which|that)\s+(.*)$/i.exec(rest);
    // "A neutrophil is a phagocytic cell that is attracted…": the clause restricts the
    // definition, it says something of the neutrophil, not of every phagocytic cell.
    const of = p.predicate === "is_a" ? subject : last;
    if (relative) out.push(...sentenceTriples(`${of} ${relative[1]}`, evidence, depth + 1).map((t) => ({ ...t, via: "relative" as const })));
    const coordinated = /^\s*,?\s*and\s+(?!(?:the|a|an)\b)(.*)$/i.exec(rest);
    if (coordinated && !p.list) out.push(...sentenceTriples(`${subject} ${coordinated[1]}`, evidence, depth + 1).map((t) => ({ ...t, via: "coordinated" as const })));
    return out;
  }
  return [];
}

/**
 * "organelles such as mitochondria and chloroplasts" / "cells, including neurons and glia":
 * each listed item is an example (a member) of the phrase before it.
 */
export function exampleTriples(sentence: string): RawTriple[] {
  const m = /^(.*?)(\s+such as|,\s*such as|,\s*including)\s+(.+)$/i.exec(sentence);
  if (!m || NEGATION.test(m[1]) || HEDGE.test(m[1])) return [];
  // Two lists in one sentence, or names with dates ("Fuentes (2012)"): which list goes with which phrase is a guess.
  if (/\b(?:such as|including)\b/i.test(m[3]) || /\(\d/.test(m[3])) return [];
  // The category must be the phrase right before the list, not the end of a prepositional
  // phrase ("in the company of the discussants, including…") or of a coordination ("pharmacology
  // and medical technology, such as…"), where the list may belong to something else.
  const before = m[1].trimEnd();
  const category = trailingNounPhrase(before);
  if (!category) return [];
  const first = category.split(/\s+/)[0].toLowerCase();
  const words = before.split(/\s+/);
  const at = words.map((w) => w.toLowerCase().replace(/[^\p{L}\p{N}'’-]/gu, "")).lastIndexOf(first);
  const preceding = words.slice(0, Math.max(0, at)).filter((w) => !/^(?:the|a|an)$/i.test(w)).pop()?.toLowerCase() ?? "";
  if (at < 0 || ["of", "to", "for", "by", "in", "with", "from", "on", "at", "about", "and", "or", "between", "among"].includes(preceding)) return [];
  const pattern = m[2].trim().startsWith(",") ? "such-as-after-comma" : "such-as";
  return objectsOf(m[3], true)
    .filter((o) => o.toLowerCase() !== category.toLowerCase() && o.split(/\s+/).length <= 4)
    .map((item) => ({ subject: item, predicate: "example_of", object: category, evidence: sentence, pattern }));
}

/** A glossary line: "- term: definition", with "(also, other name)" aliases in front of it. */
export function glossaryEntry(line: string): { term: string; aliases: string[]; gloss: string } | null {
  const m = /^[-•*]\s*([^:;]{2,60}?):\s+(.+)$/.exec(line);
  if (!m) return null;
  // "blood-brain barrier (BBB)": the abbreviation is another name of the term.
  const abbreviation = /^(.*?)\s*\(([^)]{1,12})\)\s*$/.exec(m[1].trim());
  const term = (abbreviation ? abbreviation[1] : m[1]).trim();
  // "law of inertia: see Newton's first law" is a cross-reference, not a definition; "Apply the
  // distributive property: a(b+c) = ab+ac" is a step of a method, not a term.
  if (!term || term.split(/\s+/).length > 6 || /\d{3,}/.test(term) || /^see\b/i.test(m[2]) || opensWithOrder(term)) return null;
  const also = /^\(also,?\s+([^)]+)\)\s*/i.exec(m[2]);
  const aliases = [...(abbreviation ? [abbreviation[2].trim()] : []), ...(also ? also[1].split(/\s*(?:,|\bor\b)\s*/).map((a) => a.trim()).filter(Boolean) : [])];
  const gloss = m[2].slice(also ? also[0].length : 0).trim();
  return gloss.split(/\s+/).length >= 3 ? { term, aliases, gloss } : null;
}

/**
 * A glossary line, "- net external force: vector sum of all external forces acting on an
 * object", defines its term: the term is a kind of the definition's head phrase.
 */
export function glossaryTriples(sentence: string): RawTriple[] {
  const entry = glossaryEntry(sentence);
  if (!entry) return [];
  // "describes the plasma membrane's structure…", "Others retreat and…": a gloss that opens with a
  // verb or is itself a sentence names no class.
  // "small, round organelle that…": the adjectives listed before the class are not the class.
  const gloss = entry.gloss.replace(/^(?:[\w-]+,\s+)+(?=[\w-]+\s+[\w-]+)/, "");
  const head = glossOpensWithVerb(gloss) ? null : leadingNounPhrase(gloss, true);
  const out: RawTriple[] = head && head.toLowerCase() !== entry.term.toLowerCase() && !cutCoordination(gloss, head) ? [{ subject: entry.term, predicate: "is_a", object: head, evidence: sentence, pattern: "glossary" }] : [];
  // "axon terminal: end of the axon", "temperature: measure of the average kinetic energy": the
  // gloss names what the term is part of, measures, causes or results from.
  const relational = RELATIONAL_GLOSS.exec(entry.gloss);
  const whole = relational && leadingNounPhrase(entry.gloss.slice(relational[0].length));
  if (relational && whole && !cutCoordination(entry.gloss.slice(relational[0].length), whole)) {
    const predicate = /^(?:measure)/i.test(relational[1]) ? "measures" : /^cause/i.test(relational[1]) ? "causes" : /^result/i.test(relational[1]) ? "leads_to" : "part_of";
    out.push(predicate === "leads_to" ? { subject: whole, predicate, object: entry.term, evidence: sentence, pattern: "glossary" } : { subject: entry.term, predicate, object: whole, evidence: sentence, pattern: "glossary" });
  }
  // What the gloss says after its class is said of the term: "helper T cells: T cells that
  // secrete cytokines", "macrophage: ameboid phagocyte found in several tissues", "myelin sheath:
  // layer of insulation that surrounds an axon, formed by oligodendrocytes".
  const end = head ? endOf(gloss, head) : 0;
  const rest = end < 0 ? "" : gloss.slice(end).split(/;/)[0];
  const be = isPlural(entry.term) ? "are" : "is";
  for (const segment of rest.split(/,\s+(?=(?:that|which|who|found|located|produced|secreted|released|made|formed|composed|contained|containing|consisting|producing|secreting|releasing|responsible)\b)/i)) {
    // The clause may follow a phrase about where ("glial cell type in the CNS that…").
    const at = GLOSS_CLAUSE.exec(segment);
    const said = at ? glossClause(entry.term, be, segment.slice(at.index)) : null;
    if (said) out.push(...sentenceTriples(said, sentence, 1).filter((t) => t.subject === entry.term || t.object === entry.term).map((t) => ({ ...t, via: "relative" as const })));
  }
  return out;
}

const RELATIONAL_GLOSS = /^(?:the\s+|a\s+|an\s+|one\s+)?(part|component|portion|region|section|segment|end|layer|subunit|member|measure|cause|result)s?\s+of\s+(?:the\s+|a\s+|an\s+)?/i;

/** "Apply the distributive property", "Find the mean": a verb and its object, an order to the reader. */
function opensWithOrder(term: string): boolean {
  const [first = "", second = ""] = term.split(/\s+/);
  if (!/^(?:the|a|an|your|each|all|every|this|these|its|their)$/i.test(second)) return false;
  const tags = (nlp(term).terms().json() as { terms: { tags: string[] }[] }[])[0]?.terms[0]?.tags ?? [];
  return tags.includes("Verb") || tags.includes("Imperative") || /^(?:use|find|apply|add|subtract|multiply|divide|write|draw|list|compute|calculate|solve|identify|determine)$/i.test(first);
}

function glossOpensWithVerb(gloss: string): boolean {
  const [first = "", second = ""] = gloss.replace(/^(?:the|a|an)\s+/i, "").split(/\s+/);
  if (/^(?:others|one|some|many|most)$/i.test(first)) return true;
  // "describes the plasma membrane's structure": a verb in the third person, then its object.
  const tags = (nlp(`it ${first}`).terms().json() as { terms: { tags: string[] }[] }[])[1]?.terms[0]?.tags ?? [];
  return /s$/i.test(first) && tags.includes("Verb") && /^(?:the|a|an|its|their|his|her|our|this|these|that|those|like|as|to|how|whether|when|if|what|which|whom|who)$/i.test(second);
}

const GLOSS_CLAUSE = /\b(?:that|which|who|found|located|situated|stored|contained|produced|secreted|released|made|formed|composed|caused|used|synthesized|transported|carried|required|regulated|controlled|containing|consisting|producing|secreting|releasing|forming|responsible)\b/i;

/** One clause of a gloss as a sentence about the term, or null: "that secrete X" → "T secrete X". */
function glossClause(term: string, be: string, segment: string): string | null {
  const relative = /^(?:that|which|who)\s+(.+)$/i.exec(segment);
  if (relative) return `${term} ${relative[1]}`;
  if (/^(?:found|located|situated|stored|contained|produced|secreted|released|made|formed|composed|caused|used|synthesized|transported|carried|required|regulated|controlled)\s+(?:in|within|inside|at|by|of|for)\s+/i.test(segment)) return `${term} ${be} ${segment}`;
  const active = /^(containing|consisting of|producing|secreting|releasing|forming|responsible for (?:producing|making|forming|secreting))\s+(.+)$/i.exec(segment);
  if (!active) return null;
  const verb = /^contain/i.test(active[1]) ? "contains" : /^consist/i.test(active[1]) ? "consists of" : "produces";
  return `${term} ${verb} ${active[2]}`;
}

/**
 * "…gluten, which is a protein in wheat…", "…the pancreas, an organ that…": an apposition or a
 * non-restrictive "which is" says what the phrase before the comma is.
 */
export function appositionTriples(sentence: string): RawTriple[] {
  const out: RawTriple[] = [];
  // ", which is a Y", ", a Y that…", ", a Y with…", ", a Y," / ", a Y.": the phrase after the comma says what the one before it is.
  const re = /,\s+(?:which|who)\s+(?:is|are)\s+(?:a\s+|an\s+)?(?=[\w-]+\s+[\w-]+)|,\s+(?:a|an)\s+(?=(?:[\w'’-]+\s+){0,3}?[\w'’-]+(?:\s+(?:that|which|who|produced|found|made|located|used|known|with|of|in|for|consisting|containing|responsible)\b|\s*[,.;]))/gi;
  for (let m = re.exec(sentence); m; m = re.exec(sentence)) {
    const before = sentence.slice(0, m.index);
    if (NEGATION.test(clauseBefore(before)) || HEDGE.test(clauseBefore(before))) continue;
    // "apples, a banana and…" is a list, not an apposition.
    if (/,\s*$|\band\s*$|\bor\s*$/.test(before) || /^[^,]*,[^,]*,/.test(sentence.slice(m.index + 1)) && /\band\b/.test(sentence.slice(m.index))) continue;
    const lead = before.split(/[,;:(]/).pop() ?? "";
    // "Dayar and Mahlika, a Turkish couple", "the era of the city-state, a political entity": which
    // phrase the apposition names is a guess.
    if (/\b(?:and|or)\s+\S+(?:\s+\S+)?\s*$/i.test(lead) || /\bof\b/i.test(lead.split(/\s+/).slice(-4).join(" "))) continue;
    const subject = trailingNounPhrase(lead);
    const object = leadingNounPhrase(sentence.slice(m.index + m[0].length), true);
    if (subject && object && subject.toLowerCase() !== object.toLowerCase()) out.push({ subject, predicate: "is_a", object, evidence: sentence, pattern: "apposition" });
  }
  return out;
}

/**
 * "The study of motion is called kinematics", "…, also known as the Krebs cycle": the sentence
 * defines the name it gives.
 */
export function namingDefinitions(sentence: string): { name: string; definition: string }[] {
  const m = /\b(?:is|are)\s+(?:also\s+|often\s+|usually\s+|sometimes\s+)?(?:called|known\s+as|referred\s+to\s+as|termed|named)\s+(.+)$/i.exec(sentence);
  if (!m || NEGATION.test(sentence.slice(0, m.index)) || HEDGE.test(sentence.slice(0, m.index))) return [];
  const name = leadingNounPhrase(m[1].replace(/^["“‘']+/, ""));
  const named = trailingNounPhrase(subjectText(sentence.slice(0, m.index)));
  if (!name || !named || /^(?:this|these|that|those|it|they)\b/i.test(sentence)) return [];
  return [{ name, definition: sentence }];
}
