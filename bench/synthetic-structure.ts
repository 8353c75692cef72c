/**
 * The synthetic structure of the scale benchmarks (16 disciplines; ~40K concepts, ~53K relations,
 * ~10K chains), generated from a seed, as the Tester and the Builder read it; and the timer they
 * print with. Shared by bench/tester-builder-scale.ts and bench/student-accuracy.ts.
 */
import type { BuilderInput } from "@/lib/domain/builder";
import { DEFAULT_PREDICATES } from "@/lib/domain/knowledge/vocabulary";
import { seededRandom } from "@/lib/domain/random";
import type { TesterInput } from "@/lib/domain/tester";

const DISCIPLINES = 16;
const CONCEPTS_PER_DISCIPLINE = 2_500;
const CHAINS_PER_DISCIPLINE = 640;
const EXTRA_PER_DISCIPLINE = 2_000;
const MODS = ["kinetic", "potential", "thermal", "cellular", "nuclear", "marginal", "social", "political", "chemical", "electric", "magnetic", "organic", "fiscal", "neural", "genetic", "cultural"];
const HEADS = ["energy", "membrane", "reaction", "market", "policy", "signal", "structure", "process", "field", "network", "pathway", "system", "force", "capital", "gene", "norm"];
const PREDICATES = ["causes", "produces", "increases", "decreases", "requires", "is_a", "part_of", "leads_to", "regulates", "uses"];
const CAUSAL = ["causes", "produces", "increases", "decreases", "leads_to"];
const SHAPES = [
  { steps: CAUSAL, last: "causes" },
  { steps: CAUSAL, last: "is_a" },
  { steps: ["is_a"], last: "is_a" },
  { steps: ["part_of"], last: "part_of" },
];
/** A name part without digits (a concept name with digits reads as a formula to the Tester's checks). */
const code = (n: number) => {
  let out = "";
  for (let x = n + 26 * 27; x > 0; x = Math.floor(x / 26)) out = String.fromCharCode(97 + (x % 26)) + out;
  return out;
};

export type Structure = { slug: string; concepts: { id: string; name: string; definition: string }[]; relations: { id: string; subjectId: string; predicate: string; objectId: string; evidence: string }[]; chains: { id: string; relationIds: string[] }[] };

/** How big: per discipline, with the slugs of the disciplines (their number is the slugs'). */
export type StructureSize = { concepts: number; chains: number; extraRelations: number; slugs: string[] };

/** The same structure every run (seeded); the default size is the scale benchmarks' (~40K concepts). */
export function generateStructure(size: Partial<StructureSize> = {}): Structure[] {
  const { concepts: CONCEPTS, chains: CHAINS, extraRelations: EXTRA_RELATIONS, slugs } = {
    concepts: CONCEPTS_PER_DISCIPLINE, chains: CHAINS_PER_DISCIPLINE, extraRelations: EXTRA_PER_DISCIPLINE,
    slugs: Array.from({ length: DISCIPLINES }, (_, d) => `d${d}`), ...size,
  };
  const random = seededRandom(117);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
  const out: Structure[] = [];
  for (const [d, slug] of slugs.entries()) {
    const concepts = Array.from({ length: CONCEPTS }, (_, i) => {
      const name = `${pick(MODS)} ${pick(HEADS)} ${code(d * CONCEPTS + i)}`;
      return { id: `${slug}c${i}`, name, definition: `${name} is a ${pick(HEADS)} of the ${pick(MODS)} kind studied in discipline ${d}, number ${i}.` };
    });
    const relations: Structure["relations"] = [];
    const chains: Structure["chains"] = [];
    const seen = new Set<string>();
    const relate = (s: string, p: string, o: string) => {
      const key = `${s}|${p}|${o}`;
      if (s === o || seen.has(key)) return null;
      seen.add(key);
      const id = `${slug}r${relations.length}`;
      relations.push({ id, subjectId: s, predicate: p, objectId: o, evidence: `In this text ${s} ${p.replace("_", " ")} ${o} for reason ${relations.length}.` });
      return id;
    };
    for (let k = 0; k < CHAINS; k++) {
      const length = 2 + Math.floor(random() * 3);
      const nodes = Array.from({ length: length + 1 }, () => pick(concepts).id);
      if (new Set(nodes).size !== nodes.length) continue;
      // Chains whose conclusion follows (lib/domain/knowledge/chain-rules): causes of causes, a kind of a kind, parts of parts, or what something makes and what kind of thing that is.
      const shape = pick(SHAPES);
      const ids = nodes.slice(0, -1).map((n, i) => relate(n, i === length - 1 ? shape.last : pick(shape.steps), nodes[i + 1]));
      if (ids.every(Boolean)) chains.push({ id: `${slug}k${k}`, relationIds: ids as string[] });
    }
    for (let k = 0; k < EXTRA_RELATIONS; k++) relate(pick(concepts).id, pick(PREDICATES), pick(concepts).id);
    out.push({ slug, concepts, relations, chains });
  }
  return out;
}

export function testerInputsOf(structure: Structure[]): TesterInput[] {
  return structure.map((s) => {
    const byId = new Map(s.relations.map((r) => [r.id, r]));
    return { discipline: s.slug, concepts: s.concepts, relations: s.relations, chains: s.chains.map((c) => ({ id: c.id, steps: c.relationIds.map((id) => byId.get(id)!) })), vocabulary: DEFAULT_PREDICATES };
  });
}

export function builderInputsOf(structure: Structure[]): BuilderInput[] {
  return structure.map((s) => ({
    discipline: s.slug,
    concepts: s.concepts.map((c) => ({ ...c, chunkId: null, approved: false })),
    relations: s.relations.map((r) => ({ ...r, chunkId: null, approved: false })),
    vocabulary: DEFAULT_PREDICATES,
  }));
}

// CPU time beside wall time: on a shared machine the wall clock also counts other processes.
export const time = async <T>(label: string, fn: () => T | Promise<T>) => {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const r = await fn();
  const cpu = process.cpuUsage(c0);
  console.log(`${label.padEnd(58)} ${((performance.now() - t0) / 1000).toFixed(1).padStart(6)} s   cpu ${((cpu.user + cpu.system) / 1e6).toFixed(1).padStart(5)} s   rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB`);
  return r;
};
