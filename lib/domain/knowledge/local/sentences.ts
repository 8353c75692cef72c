const ABBREVIATIONS = ["e.g.", "i.e.", "etc.", "vs.", "Fig.", "fig.", "approx.", "ca.", "Dr.", "Mr.", "Mrs.", "Ms.", "St.", "U.S.", "U.K.", "No.", "al."];

/**
 * The chunk's sentences, each exactly as it appears in the chunk (so evidence can be quoted
 * verbatim). Paragraphs and list lines never join; abbreviations and decimals do not end one.
 */
export function chunkSentences(text: string): string[] {
  const out: string[] = [];
  for (const block of text.split(/\n+/)) {
    const line = block.trim();
    if (!line) continue;
    let start = 0;
    const re = /[.!?]["'”’)]?(?=\s+["'“‘(]?[A-Z0-9])/g;
    for (let m = re.exec(line); m; m = re.exec(line)) {
      const end = m.index + m[0].length;
      const candidate = line.slice(start, end);
      if (ABBREVIATIONS.some((a) => candidate.endsWith(a)) || /\b[A-Z]\.$/.test(candidate)) continue;
      out.push(candidate.trim());
      start = end;
    }
    const rest = line.slice(start).trim();
    if (rest) out.push(rest);
  }
  return out;
}
