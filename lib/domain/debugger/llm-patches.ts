import { z } from "zod";
import { nameForms } from "../builder/noun-forms";
import type { ChatModel } from "../ports";
import type { PatchDraft } from "./patches";
import type { DebugStructure } from "./structure";
import { patchContentSchema, type PatchForm } from "./types";

export const PATCH_PROMPT_VERSION = "patch-v1";

const answer = z.object({ prompt: z.string().min(8).max(2000), completion: z.string().min(8).max(4000) });

const SYSTEM = `You write one training example (a user message and the assistant's answer) that teaches a language model one fact from a textbook.
Use only the facts given: add no other claim. Keep every concept name exactly as given. Write as a good teacher would: a natural question and a clear, correct, self-contained answer.
Answer as JSON: {"prompt": "...", "completion": "..."}.`;

const FORM_BRIEF: Record<PatchForm, string> = {
  definition: "ask what the concept is, and answer with its definition",
  relation: "state the relation as written (subject first), as a question and its answer",
  inverse: "ask about the same relation from the object's side, and answer it",
  explanation: "ask why or how the relation holds, and answer from the evidence sentence",
  contrast: "ask how the two concepts differ, and answer with both definitions",
};

/**
 * A patch rewritten by a chat model from the same facts as its template (the statement, the
 * evidence sentence, the definitions), in the same form. It must keep the name of every concept
 * it teaches, in either number, or the template stays: a rewording that drops a name teaches
 * something else. The ids, kind and chunk stay the template's, so lineage and the gate see the
 * same targets.
 */
export async function writePatchWithModel(model: ChatModel, draft: PatchDraft, s: DebugStructure): Promise<{ draft: PatchDraft; written: boolean }> {
  const { content } = draft;
  const names = content.conceptIds.map((id) => s.concepts.get(id)?.name).filter((n): n is string => !!n);
  const facts = [`Template example: ${content.prompt} / ${content.completion}`];
  for (const id of content.relationIds) {
    const evidence = s.relations.get(id)?.evidence.trim();
    if (evidence) facts.push(`Evidence sentence from the textbook: ${evidence}`);
  }
  for (const id of content.conceptIds) {
    const c = s.concepts.get(id);
    if (c?.definition) facts.push(`Definition of ${c.name}: ${c.definition}`);
  }
  const out = await model.complete({
    schemaName: "training_example",
    schema: answer,
    system: SYSTEM,
    user: `Form: ${FORM_BRIEF[draft.form]}.\n${facts.join("\n")}\nConcept names to keep: ${names.join("; ")}`,
    temperature: 0.3,
  });
  const text = `${out.prompt}\n${out.completion}`.toLowerCase();
  if (names.some((n) => !nameForms(n).some((form) => text.includes(form.toLowerCase())))) return { draft, written: false };
  const written = patchContentSchema.safeParse({ ...content, prompt: out.prompt.trim(), completion: out.completion.trim() });
  return written.success ? { draft: { ...draft, content: written.data }, written: true } : { draft, written: false };
}
