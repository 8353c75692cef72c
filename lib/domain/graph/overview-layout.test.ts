import { describe, expect, it } from "vitest";
import { layoutOverview } from "./overview-layout";

const clique = (prefix: string, n: number) => {
  const nodes = Array.from({ length: n }, (_, i) => ({ id: `${prefix}${i}` }));
  const edges = nodes.flatMap((a, i) => nodes.slice(i + 1).map((b) => ({ source: a.id, target: b.id })));
  return { nodes, edges };
};

function extent(layout: ReturnType<typeof layoutOverview>, ids: string[]) {
  const ps = ids.map((id) => layout.nodes[id]);
  return {
    x0: Math.min(...ps.map((p) => p.x - p.r)),
    x1: Math.max(...ps.map((p) => p.x + p.r)),
    y0: Math.min(...ps.map((p) => p.y - p.r)),
    y1: Math.max(...ps.map((p) => p.y + p.r)),
  };
}

describe("layoutOverview", () => {
  it("packs connected components side by side instead of one strip", () => {
    const parts = ["a", "b", "c", "d", "e", "f"].map((p) => clique(p, 6));
    const layout = layoutOverview({ nodes: parts.flatMap((p) => p.nodes), edges: parts.flatMap((p) => p.edges) });
    const boxes = parts.map((p) => extent(layout, p.nodes.map((n) => n.id)));
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, b] = [boxes[i], boxes[j]];
        expect(a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1).toBe(false);
      }
    const all = extent(layout, Object.keys(layout.nodes));
    expect((all.x1 - all.x0) / (all.y1 - all.y0)).toBeGreaterThan(1);
  });

  it("keeps discs apart within a component", () => {
    const { nodes, edges } = clique("k", 12);
    const ring = Array.from({ length: 30 }, (_, i) => ({ source: `k${i % 12}`, target: `s${i}` }));
    const layout = layoutOverview({ nodes: [...nodes, ...ring.map((e) => ({ id: e.target }))], edges: [...edges, ...ring] });
    const ps = Object.values(layout.nodes);
    let overlaps = 0;
    for (let i = 0; i < ps.length; i++) for (let j = i + 1; j < ps.length; j++) if (Math.hypot(ps[i].x - ps[j].x, ps[i].y - ps[j].y) < ps[i].r + ps[j].r) overlaps++;
    expect(overlaps).toBe(0);
  });

  it("makes hubs larger and ranks concepts by how connected they are", () => {
    const star = { nodes: ["hub", ...Array.from({ length: 8 }, (_, i) => `leaf${i}`)].map((id) => ({ id })), edges: Array.from({ length: 8 }, (_, i) => ({ source: "hub", target: `leaf${i}` })) };
    const layout = layoutOverview(star);
    expect(layout.nodes.hub.rank).toBe(0);
    expect(layout.nodes.hub.degree).toBe(8);
    expect(layout.nodes.hub.r).toBeGreaterThan(layout.nodes.leaf0.r);
  });

  it("finds topic clusters and names each by its most connected concept", () => {
    const a = clique("a", 7);
    const b = clique("b", 5);
    const extra = [{ source: "a0", target: "x" }, { source: "a0", target: "y" }];
    const layout = layoutOverview({ nodes: [...a.nodes, ...b.nodes, { id: "x" }, { id: "y" }, { id: "alone" }], edges: [...a.edges, ...b.edges, { source: "a1", target: "b1" }, ...extra] });
    expect(layout.clusters.length).toBe(2);
    expect(layout.clusters[0].hub).toBe("a0");
    expect(layout.nodes.a3.cluster).toBe(layout.clusters[0].id);
    expect(layout.nodes.b3.cluster).toBe(layout.clusters[1].id);
    expect(layout.nodes.alone.cluster).toBe(-1);
  });

  it("puts concepts without relations last, in rows under the structure", () => {
    const a = clique("a", 5);
    const lonely = Array.from({ length: 12 }, (_, i) => ({ id: `l${i}` }));
    const layout = layoutOverview({ nodes: [...lonely, ...a.nodes], edges: a.edges });
    const structure = extent(layout, a.nodes.map((n) => n.id));
    const rest = extent(layout, lonely.map((n) => n.id));
    expect(rest.y0).toBeGreaterThan(structure.y1);
    expect(rest.x1 - rest.x0).toBeGreaterThan(rest.y1 - rest.y0);
  });

  it("draws the same picture for the same graph", () => {
    const g = clique("z", 9);
    expect(layoutOverview(g)).toEqual(layoutOverview(g));
  });

  it("ignores edges to concepts it was not given, and lays out nothing as nothing", () => {
    expect(layoutOverview({ nodes: [], edges: [] })).toEqual({ nodes: {}, clusters: [] });
    const layout = layoutOverview({ nodes: [{ id: "a" }], edges: [{ source: "a", target: "gone" }] });
    expect(Object.keys(layout.nodes)).toEqual(["a"]);
  });
});
