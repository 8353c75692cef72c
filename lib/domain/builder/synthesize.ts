import { DomainError } from "../errors";
import { indexGraph } from "../knowledge/graph-index";
import { agree, capitalise } from "../knowledge/phrasing";
import { contrastInstance, definitionInstance, explanationInstance, inverseInstance, phrasingOf, relationInstance } from "./templates";
import { builderInput, type BuilderConcept, type BuilderInput, type BuilderOptions, type InstanceKind, type TrainingInstanceDraft } from "./types";

export type Synthesis = {
  instances: TrainingInstanceDraft[];
  /** `considered`: candidates read before the budget was spent (duplicates included) */
  stats: { instances: number; byDiscipline: Record<string, number>; byKind: Record<InstanceKind, number>; considered: number };
};

/**
 * The Builder: training instances from L1 concepts and L2 relations only. Candidates come in
 * passes, so a budget keeps coverage first (every concept and relation taught once, the most
 * salient first), then salience (the other directions, explanations and contrasts of the
 * best-connected items), as a static synthesis smaller than the structure would be.
 */
export function synthesize(inputs: BuilderInput[], options: BuilderOptions): Synthesis {
  const instances: TrainingInstanceDraft[] = [];
  const byKind: Record<InstanceKind, number> = { definition: 0, relation: 0, inverse: 0, explanation: 0, contrast: 0 };
  const byDiscipline: Record<string, number> = {};
  let considered = 0;
  for (const raw of inputs) {
    const parsed = builderInput.safeParse(raw);
    if (!parsed.success) {
      throw new DomainError("BAD_INPUT", "The Builder reads L1 concepts and L2 relations only", parsed.error.issues.map((i) => ({ field: i.path.join("."), message: i.message })));
    }
    const seen = new Set<string>();
    const taken: TrainingInstanceDraft[] = [];
    // Lazily, pass by pass: what the budget will not take is never written (contrasts cost the most).
    for (const d of candidatesOf(parsed.data)) {
      if (options.budget !== undefined && taken.length >= options.budget) break;
      considered++;
      const key = `${d.prompt}\u0000${d.completion}`;
      if (seen.has(key)) continue;
      seen.add(key);
      taken.push({ ...d, discipline: parsed.data.discipline });
      byKind[d.kind]++;
    }
    byDiscipline[parsed.data.discipline] = taken.length;
    instances.push(...taken);
  }
  return { instances, stats: { instances: instances.length, byDiscipline, byKind, considered } };
}

type Draft = Omit<TrainingInstanceDraft, "discipline">;

/** Every candidate instance of one discipline, in the order a budget takes them. */
function* candidatesOf(input: BuilderInput): Generator<Draft> {
  const say = phrasingOf(input.vocabulary);
  const concepts = new Map(input.concepts.map((c) => [c.id, c]));
  const degree = new Map<string, number>();
  for (const r of input.relations) for (const id of [r.subjectId, r.objectId]) degree.set(id, (degree.get(id) ?? 0) + 1);
  const salience = (approved: boolean, d: number) => (approved ? 1_000_000 : 0) + d;
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const rankedConcepts = [...input.concepts].sort((a, b) => salience(b.approved, degree.get(b.id) ?? 0) - salience(a.approved, degree.get(a.id) ?? 0) || byId(a, b));
  // A relation whose ends are missing is not taught (the reachability gate reports it).
  const relations = input.relations.filter((r) => concepts.has(r.subjectId) && concepts.has(r.objectId));
  const relSalience = (r: (typeof relations)[number]) => salience(r.approved, (degree.get(r.subjectId) ?? 0) + (degree.get(r.objectId) ?? 0));
  const rankedRelations = [...relations].sort((a, b) => relSalience(b) - relSalience(a) || byId(a, b));
  const name = (id: string) => concepts.get(id)!.name;

  // Pass 1, coverage: each concept's definition and each relation once, interleaved by rank.
  const definitions = rankedConcepts.map(definitionInstance).filter((d): d is Draft => d !== null);
  const forwards = rankedRelations.map((r) => relationInstance(r, name(r.subjectId), name(r.objectId), say));
  yield* interleave(definitions, forwards);
  // Pass 2, salience: the other direction, the grounded explanation, then contrasts.
  const inverses = rankedRelations.map((r) => inverseInstance(r, name(r.subjectId), name(r.objectId), say));
  const explanations = rankedRelations.map((r) => explanationInstance(r, name(r.subjectId), name(r.objectId), say));
  yield* interleave(inverses, explanations);
  yield* contrasts(input, rankedConcepts, name);
}

/**
 * One contrast per concept with its nearest near miss, when each can be told apart in a
 * sentence: its definition, or a relation to something the other is not related to (two
 * siblings are alike in their shared parent, not different).
 */
function* contrasts(input: BuilderInput, ranked: BuilderConcept[], name: (id: string) => string): Generator<Draft> {
  const say = phrasingOf(input.vocabulary);
  const graph = indexGraph(input);
  const outgoing = new Map<string, { objectId: string; text: string }[]>();
  for (const r of input.relations) {
    const list = outgoing.get(r.subjectId) ?? outgoing.set(r.subjectId, []).get(r.subjectId)!;
    list.push({ objectId: r.objectId, text: `${capitalise(name(r.subjectId))} ${agree(name(r.subjectId), say(r.predicate).phrase)} ${name(r.objectId)}` });
  }
  const statement = (c: BuilderConcept, other: BuilderConcept) => {
    if (c.definition) return c.definition;
    const theirs = new Set((outgoing.get(other.id) ?? []).map((o) => o.objectId));
    return (outgoing.get(c.id) ?? []).find((o) => !theirs.has(o.objectId))?.text ?? null;
  };
  const concepts = new Map(input.concepts.map((c) => [c.id, c]));
  const done = new Set<string>();
  for (const a of ranked) {
    for (const id of graph.nearMisses(a.id).slice(0, 5)) {
      const b = concepts.get(id);
      if (!b || done.has(pairKey(a.id, b.id))) continue;
      const aSays = statement(a, b);
      const bSays = statement(b, a);
      if (!aSays || !bSays) continue;
      done.add(pairKey(a.id, b.id));
      yield contrastInstance(a, aSays, b, bSays);
      break;
    }
  }
}

const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

function interleave<T>(a: T[], b: T[]): T[] {
  const out: T[] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (i < a.length) out.push(a[i]);
    if (i < b.length) out.push(b[i]);
  }
  return out;
}
