import { z } from "zod";
import type { ChatModel } from "../ports";
import { canonicalName } from "./canonical";
import type { Extraction, Extractor, Predicate } from "./types";

export const VERIFY_TRIPLES_PROMPT_VERSION = "verify-triple-v1";

const verdict = z.object({ supported: z.boolean(), reason: z.string().max(400) });

const SYSTEM = `You check facts extracted from textbook sentences. Given one sentence and one claimed relation, decide whether the sentence itself states the relation as a fact.
Answer supported=false when: either end is not a self-contained concept (a fragment, a pronoun, "this process", a vague word), the sentence states something else (a misread structure, a reversed direction, a list of members read as kinds), or the statement is hedged, conditional, negated or only reported. Answer as JSON: {"supported": true|false, "reason": "..."}.`;

/** What verification refused, with the model's reason. */
export type RefusedTriple = { subject: string; predicate: string; object: string; reason: string };

/**
 * An extractor whose every triple is checked by a chat model against its evidence sentence; a
 * triple the model does not find stated there is dropped, with the chains that used it and the
 * concepts nothing else names. Its settings include the check, so a chunk extracted without it
 * is extracted again with it.
 */
export function withTripleVerification(inner: Extractor, model: ChatModel, refused?: (r: RefusedTriple) => void): Extractor {
  return {
    info: { ...inner.info, version: `${inner.info.version}+verified`, model: inner.info.model ?? model.model, promptVersion: [inner.info.promptVersion, VERIFY_TRIPLES_PROMPT_VERSION].filter(Boolean).join("+") },
    async extract(chunk, vocabulary) {
      const extraction = await inner.extract(chunk, vocabulary);
      return verifyExtraction(model, extraction, vocabulary, refused);
    },
  };
}

export async function verifyExtraction(model: ChatModel, x: Extraction, vocabulary: Predicate[], refused?: (r: RefusedTriple) => void): Promise<Extraction> {
  const phrase = new Map(vocabulary.map((p) => [p.name, p.phrase]));
  const verdicts = await Promise.all(
    x.triples.map((t) =>
      model.complete({
        schemaName: "triple_verdict",
        schema: verdict,
        system: SYSTEM,
        user: `Sentence: ${t.evidence}\nClaimed relation: "${t.subject}" ${phrase.get(t.predicate) ?? t.predicate} "${t.object}"`,
        temperature: 0,
      }),
    ),
  );
  const keep = x.triples.map((_, i) => verdicts[i].supported);
  x.triples.forEach((t, i) => !keep[i] && refused?.({ subject: t.subject, predicate: t.predicate, object: t.object, reason: verdicts[i].reason }));
  // Where each kept triple now stands, so the chains' step indices follow.
  const position = new Map<number, number>();
  x.triples.forEach((_, i) => keep[i] && position.set(i, position.size));
  const triples = x.triples.filter((_, i) => keep[i]);
  const chains = x.chains.filter((c) => c.steps.every((s) => keep[s])).map((c) => ({ ...c, steps: c.steps.map((s) => position.get(s)!) }));
  const named = new Set(triples.flatMap((t) => [canonicalName(t.subject), canonicalName(t.object)]));
  // A concept defined by the chunk (a glossary line) stays even without a relation.
  const concepts = x.concepts.filter((c) => named.has(canonicalName(c.name)) || c.definitionSource === "glossary");
  return { chains, triples, concepts };
}
