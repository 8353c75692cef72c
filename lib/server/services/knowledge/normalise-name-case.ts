import type { Db } from "@/lib/server/db";

const BATCH = 500;
const WORD = /\p{L}[\p{L}'’-]*/gu;
const CAPITALISED = /^\p{Lu}\p{Ll}+(?:[-'’]\p{Ll}+)*$/u;

/**
 * Names in the case the discipline's own text writes them: a concept harvested from the start
 * of a sentence ("Sanctions") or a title-case glossary ("Simple Random Sampling") is renamed in
 * lower case when the discipline's chunks use its words in lower case and never capitalise them
 * mid-sentence ("Darwin", "Newton" stay). Only names no person edited; the canonical name, and so
 * the concept's identity, does not change. Returns how many concepts were renamed.
 */
export async function normaliseNameCase(db: Db, disciplineIds: string[]): Promise<number> {
  let renamed = 0;
  for (const disciplineId of disciplineIds) {
    const concepts = await db.$queryRaw<{ id: string; name: string }[]>`
      SELECT id, name FROM "Concept" WHERE "disciplineId" = ${disciplineId} AND "editedAt" IS NULL AND name ~ '[[:upper:]][[:lower:]]'`;
    if (!concepts.length) continue;
    const wanted = new Set(concepts.flatMap((c) => c.name.split(/\s+/).filter((w) => CAPITALISED.test(w)).map((w) => w.toLowerCase())));
    const lower = new Set<string>();
    const proper = new Set<string>();
    let cursor = "";
    for (;;) {
      const chunks = await db.chunk.findMany({ where: { disciplineId, id: { gt: cursor } }, select: { id: true, text: true }, orderBy: { id: "asc" }, take: BATCH });
      if (!chunks.length) break;
      for (const chunk of chunks) {
        // Headings and glossary terms capitalise words by their form, not because they are names.
        const text = chunk.text.replace(/^#.*$/gm, "").replace(/^\s*[-•*]\s*[^:\n]{1,80}:/gm, "");
        for (const m of text.matchAll(WORD)) {
          const key = m[0].toLowerCase();
          if (!wanted.has(key)) continue;
          if (m[0] === key) lower.add(key);
          else if (!opensSentence(text, m.index ?? 0)) proper.add(key);
        }
      }
      cursor = chunks[chunks.length - 1].id;
    }
    // All or nothing: "Bronze Age" keeps both capitals when "Age" is written so mid-sentence.
    const common = (w: string) => lower.has(w.toLowerCase()) && !proper.has(w.toLowerCase());
    const changes = concepts
      .filter((c) => c.name.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w)).every((w) => CAPITALISED.test(w) && common(w)))
      .map((c) => ({ id: c.id, name: c.name.split(/\s+/).map((w) => (CAPITALISED.test(w) ? w.toLowerCase() : w)).join(" "), was: c.name }))
      .filter((c) => c.name !== c.was);
    for (let at = 0; at < changes.length; at += BATCH) {
      await db.$transaction(changes.slice(at, at + BATCH).map((c) => db.concept.update({ where: { id: c.id }, data: { name: c.name } })));
    }
    renamed += changes.length;
  }
  return renamed;
}

/** Does the word at `index` open a sentence, a line or a glossary term (where any word is capitalised)? */
function opensSentence(text: string, index: number): boolean {
  const before = text.slice(Math.max(0, index - 4), index);
  return index === 0 || /(?:[.!?:]["'”’)]?\s+|\n\s*(?:[-•*]\s*)?|^\s*(?:[-•*]\s*)?)$/.test(before);
}
