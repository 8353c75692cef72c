import { describe, expect, it } from "vitest";
import { layoutGraph } from "./layout";

describe("layoutGraph", () => {
  it("places a chain left to right without overlaps", () => {
    const nodes = ["a", "b", "c", "d"].map((id) => ({ id, width: 120, height: 36 }));
    const edges = [
      { id: "1", source: "a", target: "b" },
      { id: "2", source: "b", target: "c" },
      { id: "3", source: "b", target: "d" },
    ];
    const pos = layoutGraph({ nodes, edges });
    expect(pos.a.x).toBeLessThan(pos.b.x);
    expect(pos.b.x).toBeLessThan(pos.c.x);
    expect(pos.c.x).toBe(pos.d.x);
    expect(Math.abs(pos.c.y - pos.d.y)).toBeGreaterThanOrEqual(36);
  });

  it("ignores edges to nodes it was not given", () => {
    const pos = layoutGraph({ nodes: [{ id: "a", width: 10, height: 10 }], edges: [{ id: "x", source: "a", target: "gone" }] });
    expect(Object.keys(pos)).toEqual(["a"]);
  });
});
