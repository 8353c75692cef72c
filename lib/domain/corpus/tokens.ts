import { countTokens as countO200k } from "gpt-tokenizer";

/** Token count with the o200k_base encoding (GPT-4o family), a fair proxy for any modern tokenizer. */
export function countTokens(text: string): number {
  return countO200k(text);
}
