import { forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY, type SimulationNodeDatum } from "d3-force";
import Graph from "graphology";
import louvain from "graphology-communities-louvain";
import { seededRandom } from "../random";
import { boundsOfDiscs } from "./edge-geometry";
import { packBoxes } from "./pack";

export type OverviewInput = {
  nodes: { id: string }[];
  edges: { source: string; target: string }[];
  /** width / height of the canvas the picture should fill */
  aspect?: number;
};

/** A concept of the overview: its centre and radius (by how connected it is), its topic cluster and degree rank. */
export type OverviewNode = { x: number; y: number; r: number; cluster: number; degree: number; rank: number };
/** A topic cluster: its members' count and the most connected member, which names it. */
export type OverviewCluster = { id: number; size: number; hub: string };
export type OverviewLayout = { nodes: Record<string, OverviewNode>; clusters: OverviewCluster[] };

const GAP = 48;

/** Radius of a concept's disc: hubs are larger, so the structure's main concepts stand out. */
export const radiusFor = (degree: number) => 7 + 5 * Math.sqrt(degree);

type SimNode = SimulationNodeDatum & { id: string; r: number; cluster: number };

/**
 * The discipline overview: connected components laid out force-directed each (in a Web Worker
 * in the studio), then packed side by side into rows that fill a landscape canvas, largest
 * first, with isolated concepts in a grid at the end. Topic clusters come from Louvain
 * community detection; the biggest are named by their most connected concept.
 */
export function layoutOverview({ nodes, edges, aspect = 1.6 }: OverviewInput): OverviewLayout {
  const known = new Set(nodes.map((n) => n.id));
  const graph = new Graph({ type: "undirected", multi: false, allowSelfLoops: false });
  for (const n of nodes) graph.addNode(n.id);
  for (const e of edges) if (e.source !== e.target && known.has(e.source) && known.has(e.target)) graph.mergeEdge(e.source, e.target);

  const degree = new Map(nodes.map((n) => [n.id, graph.degree(n.id)]));
  const byDegree = [...nodes].sort((a, b) => degree.get(b.id)! - degree.get(a.id)! || a.id.localeCompare(b.id));
  const rank = new Map(byDegree.map((n, i) => [n.id, i]));

  const community = graph.size > 0 ? louvain(graph, { rng: seededRandom(7) }) : {};
  const clusters = namedClusters(byDegree.map((n) => n.id), (id) => (graph.degree(id) > 0 ? community[id] : -1));
  const clusterOf = new Map<string, number>();
  for (const c of clusters.list) for (const id of c.members) clusterOf.set(id, c.id);

  const { linked, isolated } = connectedComponents(graph, byDegree.map((n) => n.id));
  const boxes = linked.map((members) => layoutComponent(members, graph, degree, clusterOf));
  const placed = packBoxes(boxes.map((b) => ({ width: b.width, height: b.height })), { gap: GAP, aspect });
  // Concepts without a relation come last, in a grid under the structure: they say least.
  if (isolated.length) {
    const bottom = boxes.reduce((y, b, i) => Math.max(y, placed[i].y + b.height + GAP), 0);
    const structureWidth = boxes.reduce((w, b, i) => Math.max(w, placed[i].x + b.width), 0);
    boxes.push(gridBox(isolated.map((id) => ({ id, r: radiusFor(0) })), structureWidth, aspect));
    placed.push({ x: 0, y: bottom });
  }

  const out: Record<string, OverviewNode> = {};
  boxes.forEach((box, i) => {
    for (const p of box.points) {
      out[p.id] = {
        x: placed[i].x + p.x,
        y: placed[i].y + p.y,
        r: p.r,
        cluster: clusterOf.get(p.id) ?? -1,
        degree: degree.get(p.id)!,
        rank: rank.get(p.id)!,
      };
    }
  });
  return { nodes: out, clusters: clusters.list.map(({ id, size, hub }) => ({ id, size, hub })) };
}

/** Clusters numbered by size (0 = largest); concepts without links belong to none (-1). */
function namedClusters(idsByDegree: string[], communityOf: (id: string) => number) {
  const members = new Map<number, string[]>();
  for (const id of idsByDegree) {
    const c = communityOf(id);
    if (c < 0) continue;
    if (!members.has(c)) members.set(c, []);
    members.get(c)!.push(id);
  }
  const list = [...members.values()]
    .sort((a, b) => b.length - a.length || a[0].localeCompare(b[0]))
    .map((ids, i) => ({ id: i, size: ids.length, hub: ids[0], members: ids }));
  return { list };
}

/** Components with relations, largest first, each listed most connected first; and the concepts without any. */
function connectedComponents(graph: Graph, idsByDegree: string[]): { linked: string[][]; isolated: string[] } {
  const seen = new Set<string>();
  const linked: string[][] = [];
  const isolated: string[] = [];
  for (const start of idsByDegree) {
    if (seen.has(start)) continue;
    const comp = [start];
    seen.add(start);
    for (let i = 0; i < comp.length; i++) {
      graph.forEachNeighbor(comp[i], (nb) => {
        if (!seen.has(nb)) (seen.add(nb), comp.push(nb));
      });
    }
    if (comp.length > 1) linked.push(comp);
    else isolated.push(start);
  }
  return { linked: linked.sort((a, b) => b.length - a.length), isolated };
}

type Box = { width: number; height: number; points: { id: string; x: number; y: number; r: number }[] };

function layoutComponent(members: string[], graph: Graph, degree: Map<string, number>, clusterOf: Map<string, number>): Box {
  const sim: SimNode[] = members.map((id) => ({ id, r: radiusFor(degree.get(id)!), cluster: clusterOf.get(id) ?? -1 }));

  // Start each topic cluster in its own sector so the simulation untangles less.
  const rng = seededRandom(members.length);
  const sectors = new Map<number, number>();
  for (const n of sim) if (!sectors.has(n.cluster)) sectors.set(n.cluster, sectors.size);
  const spread = 20 * Math.sqrt(sim.length);
  for (const n of sim) {
    const a = (2 * Math.PI * sectors.get(n.cluster)!) / Math.max(1, sectors.size);
    n.x = Math.cos(a) * spread * 0.6 + (rng() - 0.5) * spread;
    n.y = Math.sin(a) * spread * 0.6 + (rng() - 0.5) * spread;
  }
  const index = new Map(sim.map((n) => [n.id, n]));
  const links: { source: SimNode; target: SimNode; same: boolean }[] = [];
  for (const id of members) {
    graph.forEachNeighbor(id, (nb) => {
      if (id < nb) links.push({ source: index.get(id)!, target: index.get(nb)!, same: index.get(id)!.cluster === index.get(nb)!.cluster });
    });
  }
  // Fewer ticks and a coarser Barnes–Hut approximation for big components: the overview of
  // 2,000 concepts has to arrive within a second or so (bench/RESULTS.md).
  const big = sim.length > 500;
  const ticks = Math.round(Math.max(70, Math.min(300, 150_000 / sim.length)));
  const simulation = forceSimulation(sim)
    .randomSource(rng)
    .alphaDecay(1 - Math.pow(0.001, 1 / ticks))
    .force("charge", forceManyBody<SimNode>().strength((n) => -40 - 6 * n.r).theta(big ? 1.5 : 0.9).distanceMax(600))
    .force("link", forceLink<SimNode, (typeof links)[number]>(links).distance((l) => l.source.r + l.target.r + (l.same ? 30 : 70)).strength((l) => (l.same ? 0.7 : 0.2)))
    .force("x", forceX(0).strength(0.04))
    .force("y", forceY(0).strength(0.06))
    .stop();
  // Overlaps only matter once the picture has settled: collisions are resolved in the last
  // ticks, which halves the work of the most expensive force on big components.
  const settle = big ? Math.round(ticks * 0.4) : ticks;
  simulation.tick(ticks - settle);
  simulation.force("collide", forceCollide<SimNode>((n) => n.r + 10).iterations(big ? 1 : 2));
  simulation.tick(settle);
  return normalise(sim.map((n) => ({ id: n.id, x: n.x!, y: n.y!, r: n.r })));
}

/** Isolated concepts in rows as wide as the structure above them, and at least in the canvas's shape. */
function gridBox(sim: { id: string; r: number }[], width: number, aspect: number): Box {
  const cell = 2 * Math.max(...sim.map((n) => n.r)) + 110;
  const cols = Math.min(sim.length, Math.max(Math.floor(width / cell), Math.ceil(Math.sqrt(sim.length * aspect * 2))));
  return normalise(sim.map((n, i) => ({ id: n.id, x: (i % cols) * cell, y: Math.floor(i / cols) * cell * 0.5, r: n.r })));
}

/** Moves the points so their discs start at (0, 0), and measures the box. */
function normalise(points: Box["points"]): Box {
  const { x, y, width, height } = boundsOfDiscs(points) ?? { x: 0, y: 0, width: 0, height: 0 };
  return { width, height, points: points.map((p) => ({ ...p, x: p.x - x, y: p.y - y })) };
}
