import { describe, expect, it } from "vitest";
import { labelBox, placeLabels, type LabelCandidate } from "./labels";

const overlap = (a: ReturnType<typeof labelBox>, b: ReturnType<typeof labelBox>) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe("placeLabels", () => {
  const crowd: LabelCandidate[] = Array.from({ length: 200 }, (_, i) => ({ id: `n${i}`, x: (i % 20) * 60, y: Math.floor(i / 20) * 40, r: 8, text: `concept number ${i}` }));

  it("never draws a label over another label or another concept's disc", () => {
    for (const zoom of [0.3, 1, 3]) {
      const placed = placeLabels(crowd, zoom);
      const boxes = crowd.filter((c) => placed.has(c.id)).map((c) => ({ id: c.id, box: labelBox(c, zoom, placed.get(c.id)) }));
      for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) expect(overlap(boxes[i].box, boxes[j].box)).toBe(false);
      for (const { id, box } of boxes)
        for (const d of crowd) if (d.id !== id) expect(overlap(box, { x: d.x - d.r, y: d.y - d.r, width: 2 * d.r, height: 2 * d.r })).toBe(false);
    }
  });

  it("tries the other sides of a disc before giving up on its label", () => {
    const stacked = [
      { id: "top", x: 0, y: 0, r: 10, text: "a long label that runs on" },
      { id: "below", x: 0, y: 22, r: 10, text: "b" },
    ];
    const placed = placeLabels(stacked, 1);
    expect(placed.get("top")).toBe("above");
    expect(placed.get("below")).toBe("below");
  });

  it("labels a landmark over discs when no side is free, but never over another label", () => {
    const hub = { id: "hub", x: 0, y: 0, r: 10, text: "hub concept", landmark: true };
    const ring = Array.from({ length: 24 }, (_, i) => ({ id: `s${i}`, x: 30 * Math.cos(i / 3.8), y: 30 * Math.sin(i / 3.8), r: 9, text: "s" }));
    expect(placeLabels([hub, ...ring], 1).get("hub")).toBe("below");
    expect(placeLabels([{ ...hub, landmark: false }, ...ring], 1).has("hub")).toBe(false);
  });

  it("places no label that the edge of the view would cut", () => {
    const edge = [{ id: "edge", x: 5, y: 50, r: 5, text: "a label wider than the margin" }];
    expect(placeLabels(edge, 1, { x: 0, y: 0, width: 400, height: 100 }).get("edge")).toBe("right");
    expect(placeLabels(edge, 1, { x: 0, y: 0, width: 100, height: 100 }).has("edge")).toBe(false);
  });

  it("shows more labels as the view zooms in", () => {
    const far = placeLabels(crowd, 0.3).size;
    const near = placeLabels(crowd, 3).size;
    expect(near).toBeGreaterThan(far);
    expect(near).toBe(crowd.length);
  });
});
