// Text normalisation shared by both sides of the gate: a benchmark item and a training instance
// must tokenise identically, or a copied question hides behind a changed comma or capital.

// Runs of letters and digits are the tokens; everything else (punctuation, symbols, whitespace of
// any kind) is a separator, so stripping punctuation and collapsing whitespace is one regex pass.
const TOKEN = /[\p{L}\p{N}]+/gu;

/**
 * Lowercased NFKC word tokens. NFKC runs first because it can produce capitals (fullwidth "Ａ",
 * the numeral "Ⅻ"), which the lowercasing must then see.
 */
export function normalizeText(s: string): string[] {
  return s.normalize("NFKC").toLowerCase().match(TOKEN) ?? [];
}
