/**
 * Subject–verb agreement for the phrasings of predicates ("binds to", "is a kind of"), so
 * templates say "Proteins bind to …" and "What are ribosomes?". A heuristic on the last word of
 * the name: plural when it ends in -s but not in -ss, -us, -is or -ics (glass, virus, analysis,
 * physics); irregular plurals (mitochondria) read as singular.
 */
export function isPlural(name: string): boolean {
  const last = name.trim().split(/\s+/).pop()?.toLowerCase() ?? "";
  return /[^s]s$/.test(last) && !/(?:us|is|ics|ss)$/.test(last) && last.length > 3;
}

/** The phrase with its leading verb agreeing with the subject: "binds to" → "bind to" after a plural. */
export function agree(subject: string, phrase: string): string {
  if (!isPlural(subject)) return phrase;
  const [verb, ...rest] = phrase.split(" ");
  return [plural(verb), ...rest].join(" ");
}

function plural(verb: string): string {
  const irregular: Record<string, string> = { is: "are", was: "were", has: "have", does: "do" };
  if (irregular[verb]) return irregular[verb];
  if (/ies$/.test(verb)) return verb.replace(/ies$/, "y");
  if (/(?:ss|sh|ch|x|z)es$/.test(verb)) return verb.replace(/es$/, "");
  if (/[^s]s$/.test(verb)) return verb.slice(0, -1);
  return verb;
}

/** A sentence's first letter in capitals ("light energy is…" → "Light energy is…"). */
export const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** "What is glucose?" / "What are ribosomes?" */
export const whatIs = (name: string) => `What ${isPlural(name) ? "are" : "is"} ${name}?`;
