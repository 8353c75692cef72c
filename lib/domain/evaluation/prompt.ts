import { DomainError } from "../errors";
import type { McQuestion } from "../ports";

export const OPTION_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

/** The letter an option is shown with: 0 → "A". */
export const letterOf = (index: number): string => OPTION_LETTERS[index] ?? "?";

export type McPrompt = { system: string; user: string };

const SYSTEM =
  "You are taking a multiple-choice test. Exactly one option is correct. Reply with the letter of the correct option only, for example: B. Do not explain.";

/** Newlines inside a stem or option would read as a new option line. */
const oneLine = (text: string) => text.replace(/\s+/g, " ").trim();

function checked(q: McQuestion): McQuestion {
  if (q.options.length < 2 || q.options.length > OPTION_LETTERS.length) {
    throw new DomainError("BAD_INPUT", `a multiple-choice question needs 2 to ${OPTION_LETTERS.length} options, got ${q.options.length}`);
  }
  return q;
}

/** The stem and the options lettered "A. …", one a line: what the model reads, and what the local student's record shows. */
export function formatQuestion(q: McQuestion): string {
  const { stem, options } = checked(q);
  return `${oneLine(stem)}\n\n${options.map((o, i) => `${letterOf(i)}. ${oneLine(o)}`).join("\n")}`;
}

/**
 * The prompt every endpoint is asked with. Deterministic (no shuffling, no date), so two runs of
 * one benchmark send the same text and a model's answers can be compared across versions.
 */
export function mcPrompt(q: McQuestion): McPrompt {
  const letters = checked(q).options.map((_, i) => letterOf(i));
  const list = `${letters.slice(0, -1).join(", ")} or ${letters[letters.length - 1]}`;
  return { system: SYSTEM, user: `${formatQuestion(q)}\n\nAnswer with one letter (${list}) only.` };
}

/** The prompt as it is recorded with an answer: both messages, each under its role. */
export const promptRecord = (p: McPrompt): string => `[system]\n${p.system}\n\n[user]\n${p.user}`;
