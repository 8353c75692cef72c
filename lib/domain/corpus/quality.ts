import type { DropReason } from "./types";

export const MIN_WORDS = 12;

// Front and back matter that carries no knowledge: licences, navigation, page furniture.
const BOILERPLATE = [
  /\ball rights reserved\b/i,
  /\bcopyright\s*(?:©|\(c\)|\d{4})/i,
  /©\s*\d{4}/,
  /\blicensed under (?:a |the )?creative commons\b/i,
  /\b(?:access|download) for free at\b/i,
  /\btable of contents\b/i,
  /\bthis page (?:is )?intentionally left blank\b/i,
  /\bclick here\b/i,
  /\b(?:cookie|privacy) policy\b/i,
  /\bsubscribe to (?:our|the) newsletter\b/i,
];
// A long passage that merely mentions a licence is still knowledge.
const BOILERPLATE_MAX_WORDS = 80;

const words = (text: string) => text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));

/** Why a chunk is not worth keeping, or null when it is. Duplicates are decided elsewhere. */
export function qualityIssue(text: string): Exclude<DropReason, "duplicate"> | null {
  const visible = text.replace(/\s+/g, "");
  if (!visible) return "too_short";
  const letters = (visible.match(/\p{L}/gu) ?? []).length;
  if (letters / visible.length < 0.5) return "mostly_symbols";
  const n = words(text).length;
  if (n < MIN_WORDS) return "too_short";
  if (n <= BOILERPLATE_MAX_WORDS && BOILERPLATE.some((re) => re.test(text))) return "boilerplate";
  return null;
}
