import { leadingNounPhrase, trailingNounPhrase } from "./noun-phrases";

export type RawTriple = { subject: string; predicate: string; object: string; evidence: string };

const ADV = String.raw`(?:(?:can|may|might|will|often|also|usually|typically|generally|normally|directly|eventually|then|thereby|in turn|actually|primarily|mainly|largely|ultimately|further|\w+ly)\s+)*`;
const BE = String.raw`(?:is|are|was|were|can be|may be|will be|are often|is often|is also|are also)`;
const v = (forms: string) => String.raw`\b${ADV}(?:${forms})\b`;

type Pattern = {
  predicate: string;
  re: RegExp;
  /** active: subject before, object after; passive: the object comes first ("Y is produced by X") */
  voice: "active" | "passive";
  /** objects may be a list ("consists of A, B and C") */
  list?: boolean;
};

const P = (predicate: string, source: string, voice: Pattern["voice"] = "active", list = false): Pattern => ({ predicate, re: new RegExp(source, "i"), voice, list });

// Order matters: the first pattern that yields a triple in a clause wins.
export const PATTERNS: Pattern[] = [
  P("is_a", String.raw`\b(?:is|are|was|were)\s+(?:a|an|one)?\s*(?:specific\s+|particular\s+|special\s+)?(?:type|kind|form|class|category|subtype|variety|branch)s?\s+of\b`),
  P("is_a", String.raw`\b(?:is|are)\s+defined\s+as\s+(?:a|an|the)\b`),
  // "Exponential growth refers to an increase…": a definition.
  P("is_a", String.raw`\b(?:refers?|referred)\s+to\s+(?:a|an|the|any)\b`),
  // "Friction is the cause of slowing", "X is a source of Y", "Y is the result of X".
  P("causes", String.raw`\b(?:is|are|was|were)\s+(?:thus\s+|also\s+|often\s+)?(?:the|a|one)\s+(?:main\s+|major\s+|primary\s+|leading\s+)?causes?\s+of\b`),
  P("produces", String.raw`\b(?:is|are)\s+(?:also\s+)?(?:the|a|an)\s+(?:main\s+|major\s+|primary\s+|important\s+)?sources?\s+of\b`),
  P("leads_to", String.raw`\b(?:is|are|was|were)\s+(?:thus\s+|also\s+)?(?:the|a)\s+(?:direct\s+)?results?\s+of\b`, "passive"),
  // Naming: "The study of motion is called kinematics", "This resultant is called the net external force".
  P("is_a", String.raw`\b(?:is|are)\s+(?:also\s+|often\s+|usually\s+|sometimes\s+)?(?:called|known\s+as|referred\s+to\s+as|termed|named)\b`, "passive"),
  P("influences", String.raw`\b(?:is|are)\s+${ADV}(?:directly\s+|inversely\s+)?proportional\s+to\b`, "passive"),
  P("part_of", String.raw`\b(?:is|are)\s+(?:a\s+|an\s+|one\s+)?(?:key\s+|major\s+|important\s+)?(?:part|component|parts|components|constituent|element)s?\s+of\b`),
  // Definitions: "A phospholipid is a lipid…", "Peroxisomes are small, round organelles…" (subject at the start).
  P("is_a", String.raw`(?:^|,\s+|\b(?:that|since|because|while|if|as|when|so)\s+)(?:[\w'’-]+\s+){0,5}?(?:is|are|was|were)\s+(?:a|an|the|one\s+of\s+the)\s+(?!(?:type|kind|form|part|component|member|result|way|number|measure|set|case|same|first|second|only|most|best|key|main)s?\b)`),
  // Plural definitions without an article: "Chromosomes are linear structures."
  P("is_a", String.raw`(?:^|,\s+|\b(?:that|since|because|while|if|as|when|so)\s+)(?:[\w'’-]+\s+){0,4}?[\w'’-]+s\s+are\s+(?!(?:the|a|an|not|also|often|usually|now|then|more|less|most|very|so|too|able|likely|found|called|known|used|made|being|still|all|both|each|only|just|typically|generally|said)\b)`),
  P("consists_of", String.raw`\b(?:consists?\s+of|(?:is|are)\s+(?:composed|made\s+up|made)\s+of|comprises?)\b`, "active", true),
  P("located_in", String.raw`\b${BE}\s+${ADV}(?:found|located|situated|stored|concentrated)\s+(?:in|within|inside|at|on|near)\b`),
  P("leads_to", String.raw`\b${ADV}(?:results?|arises?|arise|stems?|derives?)\s+from\b`, "passive"),
  P("requires", String.raw`\b${BE}\s+${ADV}(?:necessary|essential|needed|required|critical|vital)\s+(?:for|to)\b`, "passive"),
  P("enables", String.raw`\b${BE}\s+${ADV}responsible\s+for\b`),
  P("converts_to", String.raw`\b${BE}\s+${ADV}(?:converted|transformed|turned|changed)\s+(?:in)?to\b`),
  P("leads_to", v(String.raw`leads?\s+to|led\s+to|results?\s+in|resulted\s+in|gives?\s+rise\s+to|gave\s+rise\s+to`)),
  P("causes", v("causes|cause|caused|triggers|trigger|triggered")),
  P("causes", String.raw`\b${BE}\s+${ADV}caused\s+by\b`, "passive"),
  P("produces", v("produces|produce|produced|releases|release|released|generates|generate|generated|secretes|secrete|synthesizes|synthesize|emits|emit|yields|creates|create|created|built|founded|established"), "active", true),
  P("produces", String.raw`\b${BE}\s+${ADV}(?:produced|released|generated|secreted|synthesized|emitted|formed|made)\s+by\b`, "passive"),
  P("contains", v("contains|contain|contained|houses"), "active", true),
  P("has_kind", v("includes|include|included"), "active", true),
  P("increases", String.raw`\b${BE}\s+${ADV}(?:increased|raised|enhanced|stimulated|promoted|accelerated)\s+by\b`, "passive"),
  P("decreases", String.raw`\b${BE}\s+${ADV}(?:decreased|reduced|lowered|inhibited|suppressed|prevented|blocked)\s+by\b`, "passive"),
  P("increases", v("increases|increase|increased|raises|raise|raised|boosts|enhances|enhance|stimulates|stimulate|promotes|promote|promoted|accelerates|accelerate"), "active"),
  P("decreases", v("opposes|oppose|opposed|resists|resist|counteracts|counteract|decreases|decrease|decreased|reduces|reduce|reduced|lowers|lower|lowered|inhibits|inhibit|slows|slow|suppresses|suppress|prevents|prevent|prevented|blocks|block"), "active"),
  P("requires", v(String.raw`requires|require|required|needs|depends\s+on|depend\s+on|depended\s+on|relies\s+on|rely\s+on|relied\s+on`), "active", true),
  P("requires", String.raw`\b${BE}\s+${ADV}required\s+(?:by|for)\b`, "passive"),
  P("regulates", v("regulates|regulate|controls|control|controlled|governs|govern|governed|coordinates|coordinate|ruled|rules"), "active"),
  P("regulates", String.raw`\b${BE}\s+${ADV}(?:regulated|controlled|governed)\s+by\b`, "passive"),
  P("transports", v("transports|transport|delivers|deliver"), "active", true),
  P("transports", String.raw`\b${BE}\s+${ADV}(?:transported|carried|delivered)\s+by\b`, "passive"),
  P("binds_to", v(String.raw`binds\s+to|bind\s+to|binds|attaches\s+to|attach\s+to`)),
  P("uses", v("uses|use|used|utilizes|utilize|employs|employ|employed"), "active"),
  P("uses", String.raw`\b${BE}\s+${ADV}(?:used|utilized|employed|consumed)\s+by\b`, "passive"),
  P("measures", v("measures|measure|quantifies|quantify"), "active"),
  P("describes", v("describes|describe|explains|explain|predicts|predict"), "active"),
  P("influences", String.raw`\b${BE}\s+${ADV}(?:influenced|affected|shaped|determined)\s+by\b`, "passive"),
  P("influences", v("influences|influence|influenced|affects|affect|affected|shapes|shape|shaped|determines|determine|acts\s+on|act\s+on"), "active"),
  P("enables", v("allows|allow|enables|enable|permits|permit|makes\s+possible"), "active"),
];

const NEGATION = /\b(?:not|never|no longer|cannot|can't|don't|doesn't|didn't|won't|neither|nor|rarely|seldom)\s*$/i;
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
    const np = leadingNounPhrase(item);
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

/**
 * Relation triples stated by one sentence: the first pattern family whose verb has a noun
 * phrase on both sides, then what a relative clause says of the object ("…Y, which causes Z")
 * and what a coordinated verb says of the subject ("X uses Y and produces Z"). "X converts Y
 * into Z" yields Y converts_to Z. Negated and interrogative sentences state no relation.
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
    if (from && to && !NEGATION.test(before) && trailingNounPhrase(subjectText(before))) return [{ subject: from, predicate: "converts_to", object: to, evidence }];
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
    if (NEGATION.test(before)) continue;
    if (p.voice === "passive") {
      const patient = trailingNounPhrase(subjectText(before));
      const agent = leadingNounPhrase(after);
      if (patient && agent && patient.toLowerCase() !== agent.toLowerCase()) return [{ subject: agent, predicate: p.predicate, object: patient, evidence }];
      continue;
    }
    const subject = trailingNounPhrase(subjectText(p.re.source.startsWith("(?:^|") ? m[0].replace(/\s+(?:is|are|was|were)\s+.*$/i, " ") : before));
    if (!subject) continue;
    // "Peroxisomes are small, round organelles": adjectives listed before the head noun.
    const objectText = p.predicate === "is_a" ? after.replace(/^(?:[\w-]+,\s+)+(?=[\w-]+\s+[\w-]+)/, "") : after;
    // "X include other institutions": the objects are the broader class, not parts.
    if (p.predicate === "contains" && /^\s*(?:other|many other|several other)\b/i.test(objectText)) continue;
    const objects = objectsOf(objectText, !!p.list, p.predicate === "is_a").filter((o) => o.toLowerCase() !== subject.toLowerCase());
    if (!objects.length) continue;
    // "Semisynthetic macrolides include azithromycin": each item is a kind of the subject.
    const out: RawTriple[] = objects.map((object) =>
      p.predicate === "has_kind" ? { subject: object, predicate: "is_a", object: subject, evidence } : { subject, predicate: p.predicate, object, evidence },
    );
    const last = objects[objects.length - 1];
    const end = endOf(objectText, last);
    const rest = end < 0 ? "" : objectText.slice(end);
    // "allows relatives to invest", "requires the bank to keep reserves": what is enabled or
    // required is the action, not the one who acts.
    if ((p.predicate === "enables" || p.predicate === "requires") && /^\s+to\s+\w/i.test(rest)) continue;
    const relative = /^\s*,?\s*(?:which|that)\s+(.*)$/i.exec(rest);
    if (relative) out.push(...sentenceTriples(`${last} ${relative[1]}`, evidence, depth + 1));
    const coordinated = /^\s*,?\s*and\s+(?!(?:the|a|an)\b)(.*)$/i.exec(rest);
    if (coordinated && !p.list) out.push(...sentenceTriples(`${subject} ${coordinated[1]}`, evidence, depth + 1));
    return out;
  }
  return [];
}

/**
 * "organelles such as mitochondria and chloroplasts" / "cells, including neurons and glia":
 * each listed item is a kind of the phrase before it.
 */
export function exampleTriples(sentence: string): RawTriple[] {
  const m = /^(.*?)(?:\s+such as|,\s*such as|,\s*including)\s+(.+)$/i.exec(sentence);
  if (!m || NEGATION.test(m[1])) return [];
  // The category must be the phrase right before the list, not the end of a prepositional phrase.
  const before = m[1].trimEnd();
  const category = trailingNounPhrase(before);
  if (!category) return [];
  const preceding = before.slice(0, before.toLowerCase().lastIndexOf(category.toLowerCase())).trim().split(/\s+/).pop()?.toLowerCase() ?? "";
  if (["of", "to", "for", "by", "in", "with", "from", "on", "at", "about"].includes(preceding)) return [];
  return objectsOf(m[2], true)
    .filter((o) => o.toLowerCase() !== category.toLowerCase() && o.split(/\s+/).length <= 4)
    .map((item) => ({ subject: item, predicate: "is_a", object: category, evidence: sentence }));
}

/**
 * A glossary line, "- net external force: vector sum of all external forces acting on an
 * object", defines its term: the term is a kind of the definition's head phrase.
 */
export function glossaryTriples(sentence: string): RawTriple[] {
  const m = /^[-•*]\s*([^:;]{2,60}?):\s+(.+)$/.exec(sentence);
  if (!m) return [];
  const term = m[1].trim();
  // "law of inertia: see Newton's first law" is a cross-reference, not a definition.
  if (term.split(/\s+/).length > 6 || /\d{3,}/.test(term) || /^see\b/i.test(m[2])) return [];
  const head = leadingNounPhrase(m[2], true);
  if (!head || head.toLowerCase() === term.toLowerCase()) return [];
  return [{ subject: term, predicate: "is_a", object: head, evidence: sentence }];
}
