export type Size = { width: number; height: number };

/**
 * Shelf packing: boxes, tallest first, fill rows left to right up to a row width chosen so the
 * whole picture has about the given aspect ratio (width / height). Returns each box's top-left
 * corner, in the order the boxes were given. O(n log n).
 */
export function packBoxes(boxes: Size[], { gap, aspect }: { gap: number; aspect: number }): { x: number; y: number }[] {
  if (boxes.length === 0) return [];
  const area = boxes.reduce((s, b) => s + (b.width + gap) * (b.height + gap), 0);
  const rowWidth = Math.max(Math.max(...boxes.map((b) => b.width)), Math.sqrt(area * aspect));
  const order = boxes.map((_, i) => i).sort((a, b) => boxes[b].height - boxes[a].height || a - b);
  const out: { x: number; y: number }[] = new Array(boxes.length);
  let x = 0;
  let y = 0;
  let rowHeight = 0;
  for (const i of order) {
    const b = boxes[i];
    if (x > 0 && x + b.width > rowWidth) {
      y += rowHeight + gap;
      x = 0;
      rowHeight = 0;
    }
    out[i] = { x, y };
    x += b.width + gap;
    rowHeight = Math.max(rowHeight, b.height);
  }
  return out;
}
