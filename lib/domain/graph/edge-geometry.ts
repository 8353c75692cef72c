/** A disc of the overview: its centre and radius in flow coordinates. */
export type Disc = { x: number; y: number; r: number };
export type Segment = { x1: number; y1: number; x2: number; y2: number };

/**
 * The straight line from one disc's rim to the other's: a force layout puts neighbours in any
 * direction, so edges join the discs where they face each other. `gap` leaves room at the
 * target end for the arrowhead's tip.
 */
export function rimSegment(s: Disc, t: Disc, gap = 1): Segment {
  const d = Math.hypot(t.x - s.x, t.y - s.y) || 1;
  const ux = (t.x - s.x) / d;
  const uy = (t.y - s.y) / d;
  return { x1: s.x + ux * s.r, y1: s.y + uy * s.r, x2: t.x - ux * (t.r + gap), y2: t.y - uy * (t.r + gap) };
}

/** An arrowhead as an SVG sub-path: a closed triangle whose tip is the segment's end. */
export function arrowHeadPath({ x1, y1, x2, y2 }: Segment, length: number, halfWidth: number): string {
  const d = Math.hypot(x2 - x1, y2 - y1) || 1;
  const ux = (x2 - x1) / d;
  const uy = (y2 - y1) / d;
  const bx = x2 - ux * length;
  const by = y2 - uy * length;
  const f = (n: number) => Math.round(n * 10) / 10;
  return `M${f(x2)} ${f(y2)}L${f(bx - uy * halfWidth)} ${f(by + ux * halfWidth)}L${f(bx + uy * halfWidth)} ${f(by - ux * halfWidth)}Z`;
}

/** The distance from a point to a segment. */
export function distanceToSegment(px: number, py: number, { x1, y1, x2, y2 }: Segment): number {
  const dx = x2 - x1;
  const dy = y2 - y1;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - x1) * dx + (py - y1) * dy) / len2));
  return Math.hypot(px - (x1 + t * dx), py - (y1 + t * dy));
}

/**
 * The segment nearest to a point within `maxDistance`, or null: how a click on edges drawn as
 * one SVG path finds the relation it meant. One pass over the segments, run once per click.
 */
export function nearestSegment(segments: readonly Segment[], px: number, py: number, maxDistance: number): number | null {
  let best: number | null = null;
  let bestDistance = maxDistance;
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i];
    // Cheap reject before the exact distance: the point is outside the segment's padded box.
    if (px < Math.min(s.x1, s.x2) - bestDistance || px > Math.max(s.x1, s.x2) + bestDistance) continue;
    if (py < Math.min(s.y1, s.y2) - bestDistance || py > Math.max(s.y1, s.y2) + bestDistance) continue;
    const d = distanceToSegment(px, py, s);
    if (d <= bestDistance) {
      best = i;
      bestDistance = d;
    }
  }
  return best;
}

/** The disc under a point (the smallest, when discs overlap), or null. */
export function discAt<T extends Disc>(discs: Iterable<T>, px: number, py: number): T | null {
  let best: T | null = null;
  for (const d of discs) if (Math.hypot(px - d.x, py - d.y) <= d.r && (!best || d.r < best.r)) best = d;
  return best;
}

/** The box around some discs, or null for none. */
export function boundsOfDiscs(discs: Iterable<Disc>): { x: number; y: number; width: number; height: number } | null {
  let x0 = Infinity,
    y0 = Infinity,
    x1 = -Infinity,
    y1 = -Infinity;
  for (const d of discs) {
    x0 = Math.min(x0, d.x - d.r);
    y0 = Math.min(y0, d.y - d.r);
    x1 = Math.max(x1, d.x + d.r);
    y1 = Math.max(y1, d.y + d.r);
  }
  return Number.isFinite(x0) ? { x: x0, y: y0, width: x1 - x0, height: y1 - y0 } : null;
}
