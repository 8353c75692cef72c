import { canonicalName } from "../canonical";
import type { ExtractedConcept, ExtractedTriple, Extraction, Extractor, Predicate } from "../types";
import { linkChains } from "./chains";
import { coVariationTriples } from "./co-variation";
import { resolveHeads } from "./coreference";
import { exampleTriples, glossaryTriples, sentenceTriples } from "./patterns";
import { chunkSentences } from "./sentences";

export const LOCAL_EXTRACTOR_VERSION = "local-v2";
const DEFINITION_WORDS = 30;

/**
 * The offline extractor: relation sentences found by verb patterns over noun phrases, linked
 * into chains inside the chunk (L3), the triples those chains and the other sentences state
 * (L2), and the concepts at their ends with a definition when the chunk gives one (L1).
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

export function extractLocally(text: string, vocabulary: Predicate[]): Extraction {
  const known = new Map(vocabulary.map((p) => [p.name, p]));
  const sentences = chunkSentences(text);
  // Relation sentences first: every candidate triple, deduplicated by canonical identity.
  const triples: ExtractedTriple[] = [];
  const seen = new Set<string>();
  const candidates = resolveHeads(resolvePronouns(sentences).flatMap((s) => {
      const moved = coVariationTriples(s.text).map((t) => ({ ...t, evidence: s.evidence }));
      const glossary = glossaryTriples(s.evidence);
      if (glossary.length) return glossary;
      return [...(moved.length ? moved : sentenceTriples(s.text, s.evidence)), ...exampleTriples(s.evidence)];
    }));
  {
    for (const t of candidates) {
      if (!known.has(t.predicate) || canonicalName(t.subject) === canonicalName(t.object)) continue;
      const id = `${canonicalName(t.subject)}|${t.predicate}|${canonicalName(t.object)}`;
      if (seen.has(id)) continue;
      seen.add(id);
      triples.push(t);
    }
  }
  // L3, then L2: chains over the triples; the triples are the chains' steps plus the rest.
  const chains = linkChains(triples, (p) => known.get(p)?.phrase ?? p);
  // L1: the concepts at the ends of the triples, harvested from the chunk.
  const aliases = abbreviations(text);
  const concepts = new Map<string, ExtractedConcept>();
  for (const t of triples) {
    for (const name of [t.subject, t.object]) {
      const key = canonicalName(name);
      if (concepts.has(key)) continue;
      concepts.set(key, { name, aliases: aliases.get(key) ?? [], definition: definitionOf(name, sentences), evidence: mentionOf(name, sentences) });
    }
  }
  return { chains, triples, concepts: [...concepts.values()] };
}

/**
 * "The nucleus is… It contains…": a sentence that opens with it/they is read with the previous
 * sentence's subject in its place; the evidence stays the sentence as written.
 */
function resolvePronouns(sentences: string[]): { text: string; evidence: string }[] {
  let previousSubject: string | null = null;
  return sentences.map((s) => {
    const m = /^(It|They|This|These)\s+(?=\w)/.exec(s);
    const text = m && previousSubject ? `${previousSubject} ${s.slice(m[0].length)}` : s;
    previousSubject = sentenceTriples(text, s)[0]?.subject ?? (m ? previousSubject : null);
    return { text, evidence: s };
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

/** A sentence that defines the concept ("X is a…", "X refers to…", "X, the…, is…"), trimmed. */
function definitionOf(name: string, sentences: string[]): string | null {
  const re = new RegExp(`^(?:the\\s+|an?\\s+)?${escape(name)}\\s*(?:\\([^)]*\\)\\s*)?(?:is|are|refers? to|means|describes?)\\s+(?:the|an?|any|one)\\b`, "i");
  const s = sentences.find((x) => re.test(x));
  if (!s) return null;
  const words = s.split(/\s+/);
  return words.length <= DEFINITION_WORDS ? s : `${words.slice(0, DEFINITION_WORDS).join(" ")}…`;
}

function mentionOf(name: string, sentences: string[]): string | null {
  const lower = name.toLowerCase();
  return sentences.find((s) => s.toLowerCase().includes(lower)) ?? null;
}
