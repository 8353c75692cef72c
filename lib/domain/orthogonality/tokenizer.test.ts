import { describe, expect, it } from "vitest";
import { seededRandom } from "../random";
import { hashToken } from "./ngrams";
import { normalizeSentences } from "./normalize";
import { createTokenizer } from "./tokenizer";

// Pieces the fast scan reads itself (ASCII, dashes, curly quotes, the ellipsis) and pieces only
// normalizeSentences can (fullwidth letters, accents, combining marks, a non-breaking space, a
// capital whose lowercase is two characters), so both paths are compared with the reference.
const PIECES = ["Alpha", "beta", "GAMMA", "x2", "42", "3.5", " ", "  ", "\t", "\n", "\r\n", ".", "!", "?", ",", ";", "-", "'", "(", ")", ". ", "? ", "!\n",
  "…", "… ", "–", "—", "‘", "’", "“", "”", "e.g.", "ＡＢＣ", "café", "cafe\u0301", "\u00a0", "İstanbul", "Straße", "Ⅻ", "x²", "日本", "\u0000", "\u007f"];

function reference(text: string) {
  const { tokens, starts } = normalizeSentences(text);
  return { tokens, starts, hashes: tokens.map(hashToken) };
}

describe("createTokenizer", () => {
  it("gives normalizeSentences' tokens and sentence starts, and each token's FNV-1a, on plain and Unicode text", () => {
    const random = seededRandom(5);
    const tokenizer = createTokenizer();
    for (let n = 0; n < 3000; n++) {
      const pieces = Array.from({ length: 1 + Math.floor(random() * 30) }, () => PIECES[Math.floor(random() * PIECES.length)]);
      // mostly plain text, as the Builder writes it; a third with anything
      const text = (n % 3 === 0 ? pieces : pieces.filter((p) => /^[\x00-\x7f]*$/.test(p) || "…–—‘’“”".includes(p))).join(random() < 0.5 ? "" : " ");
      const got = tokenizer.tokenize(text);
      const ids = Array.from(got.ids.subarray(0, got.length));
      const actual = { tokens: ids.map((id) => tokenizer.word(id)), starts: [...got.starts], hashes: Array.from(got.hashes.subarray(0, got.length)) };
      if (JSON.stringify(actual) !== JSON.stringify(reference(text))) expect({ text, ...actual }).toEqual({ text, ...reference(text) });
    }
  });

  it("gives one id a word, however it was written", () => {
    const tokenizer = createTokenizer();
    const first = Array.from(tokenizer.tokenize("Enzyme ENZYME enzyme ｅｎｚｙｍｅ").ids.subarray(0, 4));
    expect(new Set(first).size).toBe(1);
    const again = tokenizer.tokenize("enzymes, enzyme.");
    expect(again.ids[1]).toBe(first[0]);
    expect(again.ids[0]).not.toBe(first[0]);
  });
});

describe("the tokenizer's vocabulary", () => {
  it("forgets the words only instances used past its limit, keeping the items' ids and words", () => {
    const tokenizer = createTokenizer({ transientWordsLimit: 50 });
    const item = Array.from(tokenizer.tokenize("Light energy is converted into chemical energy").ids.subarray(0, 7));
    tokenizer.keepKnownWords();
    for (let n = 0; n < 40; n++) {
      const text = `energy word${n}a word${n}b word${n}c`;
      const got = tokenizer.tokenize(text);
      expect(Array.from(got.ids.subarray(0, got.length), (id) => tokenizer.word(id))).toEqual(normalizeSentences(text).tokens);
      expect(got.ids[0]).toBe(item[1]);
    }
    expect(Array.from(tokenizer.tokenize("Light energy is converted into chemical energy").ids.subarray(0, 7))).toEqual(item);
    // the first instance words were forgotten: their ids were given again to later words
    expect(Math.max(...Array.from(tokenizer.tokenize("word39c").ids.subarray(0, 1)))).toBeLessThan(item.length + 60);
  });
});
