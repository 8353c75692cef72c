import type { Block } from "./types";

const HEADING = /^(#{1,6})\s+(.+?)\s*#*\s*$/;
const SETEXT = /^(=+|-+)\s*$/;
const LIST_ITEM = /^\s*(?:[-*+]|\d+[.)])\s+/;
const FENCE = /^\s*(```|~~~)/;

/**
 * Splits Markdown (or plain text, which is Markdown without markup) into headings and
 * paragraphs. Lists stay one paragraph so an enumeration keeps its context; fenced code is
 * kept verbatim. The first level-1 heading is the title.
 */
export function markdownToBlocks(source: string): { title: string | null; blocks: Block[] } {
  const lines = source.replace(/\r\n?/g, "\n").split("\n");
  const blocks: Block[] = [];
  let para: string[] = [];
  let fence: string | null = null;
  const inList = () => para.length > 0 && LIST_ITEM.test(para[0]);
  const flush = () => {
    const text = para.join(inList() ? "\n" : " ").replace(/[ \t]+/g, " ").trim();
    if (text) blocks.push({ kind: "paragraph", text });
    para = [];
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (fence !== null) {
      if (line.trim().startsWith(fence)) {
        para.push(line);
        const text = para.join("\n").trim();
        if (text) blocks.push({ kind: "paragraph", text });
        para = [];
        fence = null;
      } else para.push(line);
      continue;
    }
    const f = FENCE.exec(line);
    if (f) {
      flush();
      fence = f[1];
      para.push(line);
      continue;
    }
    const h = HEADING.exec(line);
    if (h) {
      flush();
      blocks.push({ kind: "heading", level: h[1].length, text: h[2].trim() });
      continue;
    }
    const next = lines[i + 1];
    if (line.trim() && next !== undefined && SETEXT.test(next) && para.length === 0) {
      blocks.push({ kind: "heading", level: next.trim().startsWith("=") ? 1 : 2, text: line.trim() });
      i++;
      continue;
    }
    if (!line.trim()) {
      flush();
      continue;
    }
    // A list starts its own paragraph, its items one per line; other lines join their paragraph.
    if (LIST_ITEM.test(line) && para.length && !inList()) flush();
    if (inList() && !LIST_ITEM.test(line)) para[para.length - 1] += ` ${line.trim()}`;
    else para.push(line.trim());
  }
  flush();
  const first = blocks.find((b) => b.kind === "heading" && b.level === 1);
  return { title: first?.text ?? null, blocks };
}
