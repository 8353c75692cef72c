import { describe, expect, it } from "vitest";
import { packBoxes } from "./pack";

const overlaps = (a: { x: number; y: number; width: number; height: number }, b: typeof a) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe("packBoxes", () => {
  it("packs many boxes into a landscape picture without overlaps", () => {
    const boxes = Array.from({ length: 40 }, (_, i) => ({ width: 50 + ((i * 37) % 200), height: 40 + ((i * 53) % 150) }));
    const at = packBoxes(boxes, { gap: 10, aspect: 1.6 });
    const placed = boxes.map((b, i) => ({ ...b, ...at[i] }));
    for (let i = 0; i < placed.length; i++) for (let j = i + 1; j < placed.length; j++) expect(overlaps(placed[i], placed[j])).toBe(false);
    const width = Math.max(...placed.map((b) => b.x + b.width));
    const height = Math.max(...placed.map((b) => b.y + b.height));
    // Not one strip: the picture is wider than tall, within reason of the aspect asked for.
    expect(width / height).toBeGreaterThan(1);
    expect(width / height).toBeLessThan(3.2);
  });

  it("keeps a box wider than the target row on a row of its own", () => {
    const at = packBoxes([{ width: 1000, height: 10 }, { width: 10, height: 10 }], { gap: 5, aspect: 1 });
    expect(at[0]).toEqual({ x: 0, y: 0 });
    expect(at[1].y).toBeGreaterThan(0);
  });
});
