/**
 * node-html-markdown takes time quadratic in the length of what it translates (it re-reads the
 * markdown built so far after every element: 4,000 paragraphs took 13 s, a large DOCX hours),
 * so long HTML is translated in pieces. A piece ends after a block element closes where only
 * plain wrappers are open (html, body, div, ...), so no list, table or ignored <nav> is cut.
 */
const TARGET = 32 * 1024;
const WRAPPERS = new Set(["html", "body", "div", "main", "article", "section"]);
const BLOCKS = new Set(["p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "table", "blockquote", "pre", "figure", "hr", ...WRAPPERS]);
const VOID = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]);
/** Elements whose content is text, not markup. */
const RAW = new Set(["script", "style", "textarea", "title"]);
const TAG = /<!--[\s\S]*?-->|<(\/?)([a-zA-Z][\w:-]*)\b[^>]*?(\/?)>/g;

export function htmlPieces(html: string): string[] {
  if (html.length <= TARGET) return [html];
  const pieces: string[] = [];
  const open: string[] = [];
  let start = 0;
  const tags = new RegExp(TAG.source, "g");
  for (let m = tags.exec(html); m; m = tags.exec(html)) {
    if (!m[2]) continue;
    const tag = m[2].toLowerCase();
    if (m[1]) {
      const at = open.lastIndexOf(tag);
      if (at >= 0) open.length = at;
    } else if (RAW.has(tag)) {
      const close = new RegExp(`</${tag}\\s*>`, "gi");
      close.lastIndex = tags.lastIndex;
      if (close.exec(html)) tags.lastIndex = close.lastIndex;
      continue;
    } else if (!VOID.has(tag) && !m[3]) {
      open.push(tag);
      continue;
    }
    const blockEnded = BLOCKS.has(tag);
    if (blockEnded && tags.lastIndex - start >= TARGET && open.every((t) => WRAPPERS.has(t))) {
      pieces.push(html.slice(start, tags.lastIndex));
      start = tags.lastIndex;
    }
  }
  pieces.push(html.slice(start));
  return pieces;
}
