import { describe, expect, it } from "vitest";
import { arrowHeadPath, boundsOfDiscs, discAt, distanceToSegment, nearestSegment, rimSegment } from "./edge-geometry";

describe("edge geometry", () => {
  it("joins two discs rim to rim, leaving a gap at the target", () => {
    expect(rimSegment({ x: 0, y: 0, r: 10 }, { x: 100, y: 0, r: 20 }, 1)).toEqual({ x1: 10, y1: 0, x2: 79, y2: 0 });
    const s = rimSegment({ x: 0, y: 0, r: 5 }, { x: 0, y: -50, r: 5 }, 0);
    expect([s.x1, s.y1, s.x2, s.y2].map((n) => Math.round(n))).toEqual([0, -5, 0, -45]);
  });

  it("puts the arrowhead's tip at the end of the segment, pointing along it", () => {
    expect(arrowHeadPath({ x1: 0, y1: 0, x2: 10, y2: 0 }, 4, 2)).toBe("M10 0L6 2L6 -2Z");
  });

  it("measures the distance to a segment, not to its line", () => {
    const s = { x1: 0, y1: 0, x2: 10, y2: 0 };
    expect(distanceToSegment(5, 3, s)).toBe(3);
    expect(distanceToSegment(13, 4, s)).toBe(5);
    expect(distanceToSegment(-3, 0, s)).toBe(3);
  });

  it("finds the nearest segment within reach, or none", () => {
    const segments = [
      { x1: 0, y1: 0, x2: 100, y2: 0 },
      { x1: 0, y1: 10, x2: 100, y2: 10 },
      { x1: 50, y1: -50, x2: 50, y2: 50 },
    ];
    expect(nearestSegment(segments, 20, 2, 6)).toBe(0);
    expect(nearestSegment(segments, 20, 8, 6)).toBe(1);
    expect(nearestSegment(segments, 51, 30, 6)).toBe(2);
    expect(nearestSegment(segments, 20, 30, 6)).toBeNull();
  });
});

describe("discs", () => {
  const discs = [
    { id: "a", x: 0, y: 0, r: 10 },
    { id: "b", x: 5, y: 0, r: 3 },
    { id: "c", x: 100, y: 100, r: 5 },
  ];
  it("finds the disc under a point, the smallest where they overlap", () => {
    expect(discAt(discs, 5, 1)?.id).toBe("b");
    expect(discAt(discs, -5, 0)?.id).toBe("a");
    expect(discAt(discs, 50, 50)).toBeNull();
  });
  it("boxes discs", () => {
    expect(boundsOfDiscs(discs)).toEqual({ x: -10, y: -10, width: 115, height: 115 });
    expect(boundsOfDiscs([])).toBeNull();
  });
});
