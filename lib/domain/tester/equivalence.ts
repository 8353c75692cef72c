import { canonicalName } from "../knowledge/canonical";

/** A concept as options are compared: its name and the other names it goes by. */
export type Named = { name: string; aliases?: string[] };

const FUNCTION_WORDS = new Set(["of", "the", "a", "an", "and", "or", "in", "on", "to", "for", "by", "with", "from", "at", "as"]);

// A benchmark compares the same few thousand names again and again: their forms are worked out once.
const MEMO_LIMIT = 100_000;
const forms = new Map<string, { canonical: string; words: string[] }>();
function formsOf(name: string) {
  let f = forms.get(name);
  if (!f) {
    if (forms.size >= MEMO_LIMIT) forms.clear();
    const canonical = canonicalName(name);
    f = { canonical, words: canonical.split(" ").filter((w) => w && !FUNCTION_WORDS.has(w)).map((w) => canonicalName(w)) };
    forms.set(name, f);
  }
  return f;
}

/** Content words, each singular: "production of erythrocytes" → {production, erythrocyte}. */
export function contentWords(name: string): string[] {
  return formsOf(name).words;
}

/**
 * Why two options say the same thing, or null when they do not: one is an alias of the other,
 * they are one name in singular and plural, the same words reordered ("erythrocyte production",
 * "production of erythrocytes"), one's words all inside the other's ("research", "empirical
 * research"; "hormones", "hormones insulin"), or near-identical strings (a typo, a hyphen).
 * A reader cannot be asked to choose between them.
 */
export function equivalence(a: Named, b: Named): string | null {
  const keysA = new Set([a.name, ...(a.aliases ?? [])].map((n) => formsOf(n).canonical).filter(Boolean));
  const keysB = [b.name, ...(b.aliases ?? [])].map((n) => formsOf(n).canonical).filter(Boolean);
  if (keysB.some((k) => keysA.has(k))) return "the same name or an alias";
  const wa = contentWords(a.name);
  const wb = contentWords(b.name);
  if (wa.length && wb.length) {
    const sa = new Set(wa);
    const sb = new Set(wb);
    if (sa.size === sb.size && [...sa].every((w) => sb.has(w))) return "the same words reordered";
    if ([...sa].every((w) => sb.has(w)) || [...sb].every((w) => sa.has(w))) return "one name inside the other";
  }
  if (nearlyIdentical(formsOf(a.name).canonical, formsOf(b.name).canonical)) return "near-identical names";
  return null;
}

/** Edit distance at most one character in eight (and at most two): a spelling variant. */
function nearlyIdentical(a: string, b: string): boolean {
  if (a === b) return true;
  const longest = Math.max(a.length, b.length);
  const allowed = Math.min(2, Math.floor(longest / 8));
  if (allowed === 0 || Math.abs(a.length - b.length) > allowed) return false;
  return editDistance(a, b, allowed) <= allowed;
}

/** Levenshtein distance, stopping early once it exceeds `cap`. */
function editDistance(a: string, b: string, cap: number): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      best = Math.min(best, current[j]);
    }
    if (best > cap) return cap + 1;
    previous = current;
  }
  return previous[b.length];
}
