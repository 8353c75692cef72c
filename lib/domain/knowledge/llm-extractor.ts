import type { ChatModel } from "@/lib/domain/ports";
import { canonicalName, normalisePredicate } from "./canonical";
import { chainsAnswer, chainsPrompt, conceptsAnswer, conceptsPrompt, LLM_PROMPT_VERSION, SYSTEM, triplesAnswer, triplesPrompt } from "./llm-prompts";
import type { ChunkInput, ExtractedChain, ExtractedConcept, ExtractedTriple, Extraction, Extractor, Predicate } from "./types";

export { LLM_PROMPT_VERSION };

const squash = (s: string) => s.replace(/\s+/g, " ").trim();
const MIN_EVIDENCE = 20;

/** The evidence as the chunk has it, when the model quoted (a long enough part of) a chunk sentence; else null. */
function grounded(evidence: string, chunk: string): string | null {
  const e = squash(evidence).replace(/^["“]|["”]$/g, "");
  const text = squash(chunk);
  if (e.length < MIN_EVIDENCE || !text.includes(e)) return null;
  return e;
}

/**
 * The LLM extractor, top-down in three calls per chunk: reasoning chains (L3), then every
 * triple including the chains' steps (L2), then the concepts at their ends (L1). Everything
 * the model says is checked against the chunk: evidence must be quoted from it, predicates
 * must be in the vocabulary, chains must link; what fails is dropped, never repaired by guess.
 */
export function createLlmExtractor(model: ChatModel): Extractor {
  return {
    info: { id: "llm", version: "1", model: model.model, promptVersion: LLM_PROMPT_VERSION },
    async extract(chunk: ChunkInput, vocabulary: Predicate[]): Promise<Extraction> {
      const { chains } = await model.complete({ schemaName: "reasoning_chains", schema: chainsAnswer, system: SYSTEM, user: chainsPrompt(chunk, vocabulary) });
      const steps = chains.flatMap((c) => c.steps);
      const { triples } = await model.complete({ schemaName: "relation_triples", schema: triplesAnswer, system: SYSTEM, user: triplesPrompt(chunk, vocabulary, steps) });

      // L2: grounded, in-vocabulary, deduplicated triples (the chains' steps included).
      const kept: ExtractedTriple[] = [];
      const index = new Map<string, number>();
      const add = (t: { subject: string; predicate: string; object: string; evidence: string }): number | null => {
        const p = normalisePredicate(t.predicate, vocabulary);
        const evidence = grounded(t.evidence, chunk.text);
        if (!p || !evidence) return null;
        const [subject, object] = p.inverted ? [t.object.trim(), t.subject.trim()] : [t.subject.trim(), t.object.trim()];
        if (!canonicalName(subject) || canonicalName(subject) === canonicalName(object)) return null;
        const key = `${canonicalName(subject)}|${p.name}|${canonicalName(object)}`;
        if (!index.has(key)) {
          index.set(key, kept.length);
          kept.push({ subject, predicate: p.name, object, evidence });
        }
        return index.get(key)!;
      };
      for (const t of triples) add(t);

      // L3: chains whose every step survived and which link end to start.
      const keptChains: ExtractedChain[] = [];
      for (const c of chains) {
        const ids = c.steps.map(add);
        if (ids.length < 2 || ids.length > 4 || ids.some((i) => i === null)) continue;
        const path = ids as number[];
        const links = path.every((id, i) => i === 0 || canonicalName(kept[path[i - 1]].object) === canonicalName(kept[id].subject));
        if (links) keptChains.push({ steps: path, summary: c.summary });
      }

      // L1: every end of a kept triple is a concept, with what the model knows of it.
      const names = [...new Map(kept.flatMap((t) => [t.subject, t.object]).map((n) => [canonicalName(n), n])).values()];
      const harvested = names.length
        ? (await model.complete({ schemaName: "concepts", schema: conceptsAnswer, system: SYSTEM, user: conceptsPrompt(chunk, names) })).concepts
        : [];
      const byKey = new Map(harvested.map((c) => [canonicalName(c.name), c]));
      const sentences = chunk.text.split(/(?<=[.!?])\s+/);
      const concepts: ExtractedConcept[] = names.map((name) => {
        const h = byKey.get(canonicalName(name));
        const mention = sentences.find((s) => s.toLowerCase().includes(name.toLowerCase())) ?? null;
        return { name, aliases: h?.aliases.filter((a) => canonicalName(a) && canonicalName(a) !== canonicalName(name)) ?? [], definition: h?.definition ?? null, evidence: mention };
      });
      return { chains: keptChains, triples: kept, concepts };
    },
  };
}
