export type LabelCandidate = {
  id: string;
  x: number;
  y: number;
  r: number;
  text: string;
  /** a landmark (a hub or the selection): labelled even over other discs when nothing else fits */
  landmark?: boolean;
};
export type LabelSide = "below" | "above" | "right" | "left";

/** Screen size of an overview label: the renderer draws it at this size whatever the zoom. */
export const LABEL_FONT_PX = 12;
export const LABEL_CHAR_PX = 6.8;
export const LABEL_MAX_CHARS = 30;
const SIDES: LabelSide[] = ["below", "above", "right", "left"];

type Box = { x: number; y: number; width: number; height: number };

/** A label's box in canvas units at a zoom, on one side of its disc. */
export function labelBox(c: LabelCandidate, zoom: number, side: LabelSide = "below"): Box {
  const width = (Math.min(c.text.length, LABEL_MAX_CHARS) * LABEL_CHAR_PX + 6) / zoom;
  const height = (LABEL_FONT_PX + 6) / zoom;
  const gap = 1 / zoom;
  if (side === "below") return { x: c.x - width / 2, y: c.y + c.r + gap, width, height };
  if (side === "above") return { x: c.x - width / 2, y: c.y - c.r - gap - height, width, height };
  if (side === "right") return { x: c.x + c.r + gap, y: c.y - height / 2, width, height };
  return { x: c.x - c.r - gap - width, y: c.y - height / 2, width, height };
}

const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/**
 * Where to draw labels at this zoom, like a map: candidates in priority order (most connected
 * first) each get their label on the first side of their disc (below, above, right, left) where
 * it overlaps no disc and no label already placed; a label is drawn under other concepts' discs,
 * so it must avoid them. Landmarks that fit nowhere still get one, over discs but never over
 * another label. With `view` (the visible part of the canvas), a label must lie inside it:
 * one cut by the edge of the canvas is no label. Buckets of a grid keep it linear in the number
 * of candidates.
 */
export function placeLabels(candidates: LabelCandidate[], zoom: number, view?: Box): Map<string, LabelSide> {
  const cell = 160 / zoom;
  const grid = new Map<string, { box: Box; label: boolean }[]>();
  const cells = (b: Box) => {
    const keys: string[] = [];
    for (let gx = Math.floor(b.x / cell); gx <= Math.floor((b.x + b.width) / cell); gx++)
      for (let gy = Math.floor(b.y / cell); gy <= Math.floor((b.y + b.height) / cell); gy++) keys.push(`${gx},${gy}`);
    return keys;
  };
  const add = (box: Box, label: boolean) => {
    for (const key of cells(box)) {
      if (!grid.has(key)) grid.set(key, []);
      grid.get(key)!.push({ box, label });
    }
  };
  const inView = (b: Box) => !view || (b.x >= view.x && b.y >= view.y && b.x + b.width <= view.x + view.width && b.y + b.height <= view.y + view.height);
  const free = (box: Box, labelsOnly: boolean) => inView(box) && cells(box).every((key) => (grid.get(key) ?? []).every((o) => (labelsOnly && !o.label) || !overlaps(box, o.box)));

  for (const c of candidates) add({ x: c.x - c.r, y: c.y - c.r, width: 2 * c.r, height: 2 * c.r }, false);
  const placed = new Map<string, LabelSide>();
  for (const c of candidates) {
    let side = SIDES.find((s) => free(labelBox(c, zoom, s), false));
    if (!side && c.landmark) side = SIDES.find((s) => free(labelBox(c, zoom, s), true));
    if (!side) continue;
    placed.set(c.id, side);
    add(labelBox(c, zoom, side), true);
  }
  return placed;
}
