import nlp from "compromise";

/**
 * A concept's name in the case a sentence would write it in: "Sanctions" at the start of a
 * sentence is "sanctions" when the text also writes it so, and a glossary in title case
 * ("Simple Random Sampling") names "simple random sampling"; "Newton", "Darwin's finches" and
 * "ATP" keep their capitals. Unsure, a capital stays: a wrong capital reads better than a
 * lowered proper name.
 */
export function nameCase(name: string, text: string, sentence: string): string {
  const words = name.split(/\s+/);
  const glossaryTitle = /^[-•*]\s*/.test(sentence) && words.length > 1 && words.every((w) => /^\p{Lu}/u.test(w));
  const cased = words.map((w) => {
    if (!/^\p{Lu}\p{Ll}+(?:[-’'][\p{L}]+)*$/u.test(w)) return w;
    const lower = w.toLowerCase();
    if (new RegExp(`(?:^|[^\\p{L}])${escape(lower)}(?:[^\\p{L}]|$)`, "u").test(text)) return lower;
    if (glossaryTitle && !isProper(w)) return lower;
    return w;
  });
  // All or nothing: half a name lowered ("bronze Age") is neither the name nor a common phrase.
  const keptCapital = cased.some((w, i) => w === words[i] && /^\p{Lu}\p{Ll}/u.test(w));
  return keptCapital ? name : cased.join(" ");
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function isProper(word: string): boolean {
  const tags = (nlp(word).terms().json() as { terms: { tags: string[] }[] }[])[0]?.terms[0]?.tags ?? [];
  return ["ProperNoun", "Person", "Place", "Organization", "FirstName", "LastName", "Country", "City"].some((t) => tags.includes(t));
}
