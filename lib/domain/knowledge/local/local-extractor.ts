import { canonicalName } from "../canonical";
import type { ExtractedConcept, ExtractedTriple, Extraction, Extractor, Predicate } from "../types";
import { linkChains } from "./chains";
import { coVariationTriples } from "./co-variation";
import { conceptRefusal } from "./concept-quality";
import { nameCase } from "./name-case";
import { CONFIDENCE_THRESHOLD, scoreTriple, statementRefusal } from "./confidence";
import { resolveHeads } from "./coreference";
import { appositionTriples, exampleTriples, glossaryEntry, glossaryTriples, namingDefinitions, sentenceTriples, type RawTriple } from "./patterns";
import { chunkSentences } from "./sentences";

export const LOCAL_EXTRACTOR_VERSION = "local-v3";
const MAX_DEFINITION_WORDS = 45;

/** What the local engine refused in a chunk, by reason: for reports, never written. */
export type Refusals = Map<string, number>;

/**
 * The offline extractor: relation sentences found by verb patterns over noun phrases, each
 * scored (how reliable its pattern is, less what makes the reading doubtful) and kept only above
 * a threshold; chains linked from the kept triples inside the chunk (L3), the triples (L2), and
 * the concepts at their ends, plus every term a glossary line or a naming sentence defines (L1).
 * Rule-based and honest about it: its measured precision is in bench/knowledge-precision.md.
 */
export function createLocalExtractor(): Extractor {
  return {
    info: { id: "local", version: LOCAL_EXTRACTOR_VERSION, model: null, promptVersion: null },
    async extract(chunk, vocabulary) {
      return extractLocally(chunk.text, vocabulary);
    },
  };
}

export function extractLocally(text: string, vocabulary: Predicate[], refusals?: Refusals): Extraction {
  const known = new Map(vocabulary.map((p) => [p.name, p]));
  const sentences = chunkSentences(text);
  const defined = new Map<string, ExtractedConcept>();
  const define = (name: string, definition: string, source: "glossary" | "sentence", aliases: string[] = []) => {
    const key = canonicalName(name);
    if (!key || conceptRefusal(name) || (defined.has(key) && defined.get(key)!.definitionSource === "glossary")) return;
    defined.set(key, { name: nameCase(name, text, definition.startsWith(name) ? definition : `${name}:`), aliases: aliases.filter((a) => !conceptRefusal(a)), definition, evidence: definition, definitionSource: source });
  };
  const candidates: RawTriple[] = [];
  for (const s of resolvePronouns(sentences)) {
    const entry = glossaryEntry(s.evidence);
    if (entry) {
      define(entry.term, entry.gloss, "glossary", entry.aliases);
      candidates.push(...glossaryTriples(s.evidence));
      continue;
    }
    if (statementRefusal(s.evidence)) continue;
    for (const n of namingDefinitions(s.evidence)) define(n.name, n.definition, "sentence");
    // "The nucleus (plural = nuclei) houses…": an aside in parentheses is read around, not through.
    const text = s.text.replace(/\s*\([^()]*\)/g, "");
    const moved = coVariationTriples(text).map((t) => ({ ...t, evidence: s.evidence }));
    const read = moved.length ? moved : sentenceTriples(text, s.evidence);
    candidates.push(...read.map((t) => (s.resolved ? { ...t, via: t.via ?? s.resolved } : t)), ...exampleTriples(s.evidence), ...appositionTriples(s.evidence));
  }
  // Only what the engine is sure enough of is kept, the surest reading first.
  const best = new Map<string, ExtractedTriple>();
  for (const t of resolveHeads(candidates).map(upward)) {
    if (!known.has(t.predicate) || canonicalName(t.subject) === canonicalName(t.object)) continue;
    const { confidence, refusal } = scoreTriple(t);
    if (refusal || confidence < CONFIDENCE_THRESHOLD) {
      const reason = refusal?.replace(/"[^"]*"/g, "…") ?? "below the confidence threshold";
      refusals?.set(reason, (refusals.get(reason) ?? 0) + 1);
      continue;
    }
    const id = `${canonicalName(t.subject)}|${t.predicate}|${canonicalName(t.object)}`;
    if ((best.get(id)?.confidence ?? -1) >= confidence) continue;
    best.set(id, { subject: nameCase(t.subject, text, t.evidence), predicate: t.predicate, object: nameCase(t.object, text, t.evidence), evidence: t.evidence, confidence });
  }
  const triples = [...best.values()];
  // L3, then L2: chains over the triples; the triples are the chains' steps plus the rest.
  const chains = linkChains(triples, (p) => known.get(p)?.phrase ?? p);
  // L1: the concepts at the ends of the triples and the terms the chunk defines.
  const aliases = abbreviations(text);
  const concepts = new Map<string, ExtractedConcept>(defined);
  for (const t of triples) {
    for (const name of [t.subject, t.object]) {
      const key = canonicalName(name);
      if (concepts.has(key)) continue;
      const definition = definitionOf(name, sentences);
      concepts.set(key, { name, aliases: aliases.get(key) ?? [], definition, evidence: mentionOf(name, sentences), definitionSource: definition ? "sentence" : undefined });
    }
  }
  for (const [key, c] of concepts) if (aliases.has(key)) c.aliases = [...new Set([...c.aliases, ...aliases.get(key)!])];
  return { chains, triples, concepts: [...concepts.values()] };
}

/**
 * Wholes and parts are written one way, from the part up ("nervous tissue consists of glial
 * cells" is "glial cells are part of nervous tissue"), so that a chain can climb from a kind to
 * its class to the whole it belongs to: each relation is what its sentence says, read upwards.
 */
function upward(t: RawTriple): RawTriple {
  if (t.predicate === "consists_of") return { ...t, subject: t.object, predicate: "part_of", object: t.subject };
  if (t.predicate === "contains") return { ...t, subject: t.object, predicate: "located_in", object: t.subject };
  return t;
}

/**
 * "The nucleus is… It contains…": a sentence that opens with "it" or "they" (or "this is") is
 * read with the previous sentence's subject in its place. "…release hormones. These hormones
 * regulate…": a sentence that opens with "this" or "these" and a noun is read with the mention
 * of the previous two sentences that ends in that noun, when there is exactly one such name.
 * The evidence stays the sentence as written.
 */
function resolvePronouns(sentences: string[]): { text: string; evidence: string; resolved: "pronoun" | "anaphor" | null }[] {
  let previousSubject: string | null = null;
  const recent: string[][] = [];
  return sentences.map((s) => {
    const pronoun = /^(?:It|They)\s+(?=\w)|^(?:This|These)\s+(?=(?:is|are|was|were)\b)/.exec(s);
    let text = pronoun && previousSubject ? `${previousSubject} ${s.slice(pronoun[0].length)}` : s;
    let resolved: "pronoun" | "anaphor" | null = text !== s ? "pronoun" : null;
    const demonstrative = resolved ? null : /^(?:This|These|That|Those|Such)\s+((?:[\w-]+\s+){1,3})/.exec(`${s} `);
    if (demonstrative) {
      const words = demonstrative[1].trim().split(/\s+/);
      // The longest run of words after "these" that ends a name mentioned just before, when one name does.
      for (let k = words.length; k >= 1; k--) {
        const head = canonicalName(words.slice(0, k).join(" "));
        const antecedents = [...new Set(recent.flat().filter((m) => m === head || m.endsWith(` ${head}`)))];
        if (antecedents.length !== 1 || conceptRefusal(words.slice(0, k).join(" "))) continue;
        const rest = s.replace(/^\S+\s+/, "").split(/\s+/).slice(k).join(" ");
        text = `${antecedents[0]} ${rest}`;
        resolved = "anaphor";
        break;
      }
    }
    const read = sentenceTriples(text, s);
    previousSubject = read[0]?.subject ?? (pronoun ? previousSubject : null);
    recent.push(read.flatMap((t) => [canonicalName(t.subject), canonicalName(t.object)]));
    if (recent.length > 2) recent.shift();
    return { text, evidence: s, resolved };
  });
}

/** "adenosine triphosphate (ATP)" → ATP is an alias of adenosine triphosphate. */
function abbreviations(text: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const re = /\b((?:[A-Za-z][\w-]*\s+){0,4}[A-Za-z][\w-]*)\s+\(([A-Z][A-Za-z0-9]{1,9})\)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const abbr = m[2];
    const words = m[1].split(/\s+/);
    // Take as many trailing words as the abbreviation has capitals (roughly its expansion).
    const n = Math.min(words.length, Math.max(1, abbr.replace(/[^A-Z]/g, "").length));
    const key = canonicalName(words.slice(-n).join(" "));
    out.set(key, [...new Set([...(out.get(key) ?? []), abbr])]);
  }
  return out;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * A sentence that defines the concept ("X is a…", "X refers to…", "X (Y) is the…"), whole: a
 * definition is never cut, so a sentence too long to be one is not taken.
 */
function definitionOf(name: string, sentences: string[]): string | null {
  const re = new RegExp(`^(?:the\\s+|an?\\s+)?${escape(name)}\\s*(?:\\([^)]*\\)\\s*)?(?:is|are|refers? to|means|describes?)\\s+(?:the|an?|any|one)\\b`, "i");
  const s = sentences.find((x) => re.test(x) && x.split(/\s+/).length <= MAX_DEFINITION_WORDS && !statementRefusal(x));
  return s ?? null;
}

function mentionOf(name: string, sentences: string[]): string | null {
  const lower = name.toLowerCase();
  return sentences.find((s) => s.toLowerCase().includes(lower)) ?? null;
}
