import { z } from "zod";
import type { ChunkInput, Predicate } from "./types";

export const LLM_PROMPT_VERSION = "llm-v1";

const step = z.object({ subject: z.string().min(1), predicate: z.string().min(1), object: z.string().min(1), evidence: z.string().min(1) });
export const chainsAnswer = z.object({ chains: z.array(z.object({ summary: z.string(), steps: z.array(step).min(1).max(6) })).max(12) });
export const triplesAnswer = z.object({ triples: z.array(step).max(40) });
export const conceptsAnswer = z.object({ concepts: z.array(z.object({ name: z.string().min(1), aliases: z.array(z.string()).default([]), definition: z.string().nullable() })).max(60) });

const vocabularyText = (v: Predicate[]) => v.map((p) => `- ${p.name}: "subject ${p.phrase} object"`).join("\n");
const chunkText = (c: ChunkInput) => `Discipline: ${c.discipline}\n${c.heading ? `Section: ${c.heading}\n` : ""}Passage:\n"""\n${c.text}\n"""`;

export const SYSTEM = "You extract a knowledge structure from textbook passages for building exams and training data. Use only what the passage states. Copy evidence sentences verbatim from the passage.";

export function chainsPrompt(c: ChunkInput, v: Predicate[]) {
  return `${chunkText(c)}

Find the reasoning chains the passage states or directly implies: 2 to 4 steps, each step a relation (subject, predicate, object) where the object of one step is the subject of the next, the last object being the chain's conclusion. Predicates must be one of:
${vocabularyText(v)}
For each step give the sentence of the passage it rests on, copied exactly. Give each chain a one-sentence summary. Answer {"chains": [{"summary": "...", "steps": [{"subject": "...", "predicate": "...", "object": "...", "evidence": "..."}]}]}; an empty list when there is none.`;
}

export function triplesPrompt(c: ChunkInput, v: Predicate[], chainSteps: z.infer<typeof step>[]) {
  return `${chunkText(c)}

These relations were found as steps of reasoning chains:
${JSON.stringify(chainSteps)}
List every relation of the passage as a triple (subject, predicate, object): the steps above and any other relation a sentence of the passage states. Subjects and objects are short noun phrases naming concepts (no pronouns). Predicates must be one of:
${vocabularyText(v)}
Evidence is the sentence, copied exactly. Answer {"triples": [...]}.`;
}

export function conceptsPrompt(c: ChunkInput, names: string[]) {
  return `${chunkText(c)}

For each of these concept names, give other names the passage uses for it (aliases, such as abbreviations) and a definition of at most 25 words grounded in the passage, or null when the passage does not define it:
${JSON.stringify(names)}
Answer {"concepts": [{"name": "...", "aliases": [], "definition": "..." }]}.`;
}
