import { z } from "zod";
import { OPTION_LETTERS } from "./prompt";

/** How much of a reply is kept with the answer: enough to read why it was unparseable. */
export const MAX_RAW_ANSWER_CHARS = 4000;
export const capRaw = (raw: string): string => (raw.length > MAX_RAW_ANSWER_CHARS ? raw.slice(0, MAX_RAW_ANSWER_CHARS) : raw);

export type ParsedAnswer = { choice: number | null; parsedBy: "letter" | "text" | "json" | null };

const UNPARSEABLE: ParsedAnswer = { choice: null, parsedBy: null };
/** undefined: the reply has no such form, try the next one; null: it has one that names no single option. */
type Reading = number | null | undefined;

/**
 * The option a model's reply chooses, or null when it chooses none or more than one (a hedge
 * such as "A or B", a refusal, an empty reply, several different letters). Read in this order:
 * a JSON object ({"answer": "B"}, {"answer": "<option text>"}, {"choice": 1} as a 0-based index,
 * the same as ModelAnswer.choice); a letter ("B", "(b)", "B.", "Answer: B", "The answer is **B**",
 * "B. <option text>"); the text of exactly one option. A first line that is a lone letter is the
 * answer even when an explanation naming other options follows, since that is how models that
 * ignore "letter only" still answer.
 */
export function parseAnswer(raw: string, options: readonly string[]): ParsedAnswer {
  const text = plain(raw);
  if (!text) return UNPARSEABLE;
  const readers: [ParsedAnswer["parsedBy"], (t: string, o: readonly string[]) => Reading][] = [
    ["json", fromJson],
    ["letter", fromLetters],
    ["text", (t, o) => namedOption(t, o) ?? null],
  ];
  for (const [parsedBy, read] of readers) {
    const choice = read(text, options);
    if (choice !== undefined) return choice === null ? UNPARSEABLE : { choice, parsedBy };
  }
  return UNPARSEABLE;
}

/** Emphasis and reasoning blocks say nothing about the choice; an unclosed <think> was cut by max_tokens. */
const plain = (raw: string) =>
  raw
    .replace(/<think>[\s\S]*?(<\/think>|$)/gi, " ")
    .replace(/\*\*|__|`/g, "")
    .trim();

const LETTER_ONLY = /^[(["']?([A-Za-z])[)\]"']?[.:]?$/;
const LETTER_LEAD = /^[([]?([A-Za-z])[)\].:]\s+(\S.*)$/;
const MARKED = /\b(?:answer|choice|option)s?\b(?:\s+(?:is|would be|should be|will be|must be))?\s*[:=-]?\s*[([]?([A-Za-z])(?![\p{L}\p{N}'’-])/giu;
const PARENTHESISED = /[([]([A-Za-z])[)\]]/g;
const CAPITAL = /(?<![\p{L}\p{N}'’-])([A-Z])(?![\p{L}\p{N}'’-])/gu;
/** Words after a capital A or I that make it a letter ("A or C", "A is right"), not the article or the pronoun. */
const LETTER_FOLLOWERS = new Set(["or", "and", "nor", "is", "was", "seems", "would", "should", "because", "since", "but", "then", "only", "vs", "versus", "not"]);

const indexOf = (letter: string, n: number): number | null => {
  const i = OPTION_LETTERS.indexOf(letter.toUpperCase());
  return i >= 0 && i < n ? i : null;
};

function fromLetters(text: string, options: readonly string[]): Reading {
  const n = options.length;
  const first = text.split("\n")[0].trim();
  const only = LETTER_ONLY.exec(first);
  if (only) return indexOf(only[1], n);
  const lead = LETTER_LEAD.exec(first);
  if (lead) {
    // "B. glucose" where glucose is option C contradicts itself.
    const index = indexOf(lead[1], n);
    const named = namedOption(lead[2], options);
    return index !== null && typeof named === "number" && named !== index ? null : index;
  }
  // "Vitamin C" names an option by its text, not the letter C. Same length: indices still fit `text`.
  const scanned = maskOptions(text, options);
  const strong: string[] = [];
  for (const m of scanned.matchAll(MARKED)) {
    // Read in the reply itself: the blanking must not hide the word that follows.
    const after = text.slice(m.index + m[0].length);
    // "the answer is a hormone": a lower-case letter followed by a word is an article.
    if (m[1] === m[1].toLowerCase() && /^\s+\p{L}/u.test(after)) continue;
    strong.push(m[1]);
  }
  for (const m of scanned.matchAll(PARENTHESISED)) strong.push(m[1]);
  const weak: string[] = [];
  for (const m of scanned.matchAll(CAPITAL)) {
    const next = /^\s+(\p{Ll}+)/u.exec(text.slice(m.index + 1));
    if ((m[1] === "A" || m[1] === "I") && next && !LETTER_FOLLOWERS.has(next[1])) continue;
    weak.push(m[1]);
  }
  // A marked letter past the last option ("Answer: E" of four) chose nothing that exists.
  if (strong.some((l) => indexOf(l, n) === null)) return null;
  const chosen = new Set([...strong, ...weak].map((l) => indexOf(l, n)).filter((i): i is number => i !== null));
  if (chosen.size === 0) return undefined;
  return chosen.size === 1 ? [...chosen][0] : null;
}

/** The reply with every option's text (two characters or more) blanked out, longest first. */
function maskOptions(text: string, options: readonly string[]): string {
  let out = text;
  for (const option of [...options].sort((a, b) => b.length - a.length)) {
    const words = option.trim().split(/\s+/).filter(Boolean);
    if (option.trim().length < 2) continue;
    const escaped = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("\\s+");
    out = out.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, "giu"), (m) => " ".repeat(m.length));
  }
  return out;
}

/** Case, spacing, punctuation and a leading article do not count when a reply names an option. */
const normalised = (text: string) =>
  text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
const withoutArticle = (text: string) => text.replace(/^(?:the|a|an) /, "");

/**
 * The one option whose text the reply is, or contains as whole words; an option contained in
 * another named one ("energy" in "chemical energy") does not count. null when two options are
 * named, undefined when none is.
 */
function namedOption(reply: string, options: readonly string[]): number | null | undefined {
  const said = normalised(reply);
  const texts = options.map((o) => withoutArticle(normalised(o)));
  const exact = texts.flatMap((t, i) => (t && t === withoutArticle(said) ? [i] : []));
  if (exact.length) return exact.length === 1 ? exact[0] : null;
  const hits = texts.flatMap((t, i) => (t && ` ${said} `.includes(` ${t} `) ? [i] : []));
  const kept = hits.filter((i) => !hits.some((j) => j !== i && texts[j] !== texts[i] && ` ${texts[j]} `.includes(` ${texts[i]} `)));
  if (kept.length === 0) return undefined;
  return kept.length === 1 ? kept[0] : null;
}

/** A reply that is JSON: only the shape's keys are read, whatever else the model put in it. */
const jsonReply = z.record(z.string(), z.unknown());
const KEYS = ["answer", "choice", "option", "letter", "index"];

function fromJson(text: string, options: readonly string[]): Reading {
  const fenced = /```(?:json)?\s*([\s\S]*?)```/.exec(text);
  const body = (fenced ? fenced[1] : text).trim();
  const start = body.indexOf("{");
  const end = body.lastIndexOf("}");
  if (start < 0 || end < start) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(body.slice(start, end + 1));
  } catch {
    return undefined;
  }
  const parsed = jsonReply.safeParse(value);
  if (!parsed.success) return undefined;
  const entries = Object.entries(parsed.data).map(([k, v]) => [k.toLowerCase(), v] as const);
  const found = KEYS.map((key) => entries.find(([k]) => k === key)).find((e) => e !== undefined);
  if (!found) return null;
  const answer = found[1];
  if (typeof answer === "number") return Number.isInteger(answer) && answer >= 0 && answer < options.length ? answer : null;
  if (typeof answer !== "string" || !answer.trim()) return null;
  const letter = LETTER_ONLY.exec(answer.trim());
  if (letter) return indexOf(letter[1], options.length);
  const lead = LETTER_LEAD.exec(answer.trim());
  if (lead) return indexOf(lead[1], options.length);
  return namedOption(answer, options) ?? null;
}

export type TokenLogprob = { token: string; logprob: number };

/** The option a single token names: "B", " B", "(B", "b." → 1; null for any other token. */
export function letterToken(token: string, optionCount: number): number | null {
  const m = /^[\s([*_"']*([A-Za-z])[\s)\].:*_"']*$/.exec(token);
  return m ? indexOf(m[1], optionCount) : null;
}

/**
 * The most probable option letter among one token's top logprobs, the probabilities of the
 * spellings of one letter (" B", "B") added up; null when none of them is an option letter.
 */
export function choiceFromLogprobs(topLogprobs: readonly TokenLogprob[], optionCount: number): number | null {
  const mass = new Map<number, number>();
  for (const { token, logprob } of topLogprobs) {
    const index = letterToken(token, optionCount);
    if (index === null || !Number.isFinite(logprob)) continue;
    mass.set(index, (mass.get(index) ?? 0) + Math.exp(logprob));
  }
  let best: number | null = null;
  for (const [index, p] of mass) {
    if (best === null || p > mass.get(best)! || (p === mass.get(best) && index < best)) best = index;
  }
  return best;
}
