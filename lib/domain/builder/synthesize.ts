import { DomainError } from "../errors";
import { indexGraph } from "../knowledge/graph-index";
import { definitionSentence } from "./definition";
import { nameForms, namePattern } from "./noun-forms";
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
  // Ties go by what the items say, then by id: ids differ between workspaces, and a budget must
  // take the same instances from the same structure wherever it was extracted.
  const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const byId = (a: { id: string }, b: { id: string }) => byKey(a.id, b.id);
  const conceptKey = (c: BuilderConcept) => c.name.toLowerCase();
  const rankedConcepts = [...input.concepts].sort((a, b) => salience(b.approved, degree.get(b.id) ?? 0) - salience(a.approved, degree.get(a.id) ?? 0) || byKey(conceptKey(a), conceptKey(b)) || byId(a, b));
  // A relation whose ends are missing is not taught (the reachability gate reports it).
  const relations = input.relations.filter((r) => concepts.has(r.subjectId) && concepts.has(r.objectId));
  const relSalience = (r: (typeof relations)[number]) => salience(r.approved, (degree.get(r.subjectId) ?? 0) + (degree.get(r.objectId) ?? 0));
  const name = (id: string) => concepts.get(id)!.name;
  const relationKey = (r: (typeof relations)[number]) => `${name(r.subjectId).toLowerCase()}\u0000${r.predicate}\u0000${name(r.objectId).toLowerCase()}`;
  const rankedRelations = [...relations].sort((a, b) => relSalience(b) - relSalience(a) || byKey(relationKey(a), relationKey(b)) || byId(a, b));

  // Read once for the definition and again for contrasts; only as far as the budget goes.
  const definitions = new Map<string, string | null>();
  const defined = (c: BuilderConcept) => {
    if (!definitions.has(c.id)) definitions.set(c.id, c.definition ? definitionSentence(c.name, c.definition) : null);
    return definitions.get(c.id) ?? null;
  };
  const each = <T, D>(items: T[], make: (item: T) => D | null) => (function* () {
    for (const item of items) {
      const d = make(item);
      if (d) yield d;
    }
  })();

  // Pass 1, coverage: each concept's definition and each relation once, interleaved by rank.
  yield* interleave(
    each(rankedConcepts, (c) => definitionInstance(c, defined(c))),
    each(rankedRelations, (r) => relationInstance(r, name(r.subjectId), name(r.objectId), say)),
  );
  // Pass 2, salience: the other direction, the grounded explanation, then contrasts.
  yield* interleave(
    each(rankedRelations, (r) => inverseInstance(r, name(r.subjectId), name(r.objectId), say)),
    each(rankedRelations, (r) => explanationInstance(r, name(r.subjectId), name(r.objectId), say)),
  );
  yield* contrasts(input, rankedConcepts, defined);
}

/**
 * One contrast per concept with its nearest near miss, told apart by their two definitions and
 * nothing else: a relation statement would teach a relation twice, two concepts related to each
 * other are not near misses but neighbours, and a definition that names the other concept
 * teaches their relation instead of their difference.
 */
function* contrasts(input: BuilderInput, ranked: BuilderConcept[], defined: (c: BuilderConcept) => string | null): Generator<Draft> {
  const graph = indexGraph(input);
  const related = new Set(input.relations.map((r) => pairKey(r.subjectId, r.objectId)));
  const concepts = new Map(input.concepts.map((c) => [c.id, c]));
  const done = new Set<string>();
  for (const a of ranked) {
    for (const id of graph.nearMisses(a.id).slice(0, 5)) {
      const b = concepts.get(id);
      if (!b || done.has(pairKey(a.id, b.id)) || related.has(pairKey(a.id, b.id))) continue;
      const aSays = defined(a);
      const bSays = defined(b);
      if (!aSays || !bSays || names(aSays, b.name) || names(bSays, a.name)) continue;
      done.add(pairKey(a.id, b.id));
      yield contrastInstance(a, aSays, b, bSays);
      break;
    }
  }
}

/** Whether the text names the concept, in either number, as whole words. */
function names(text: string, name: string): boolean {
  const lower = text.toLowerCase();
  // Most pairs share no words at all; the whole-word pattern is built only for those that might.
  if (!nameForms(name).some((form) => lower.includes(form.toLowerCase()))) return false;
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${namePattern(name)})(?![\\p{L}\\p{N}])`, "iu").test(text);
}

const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

/** a[0], b[0], a[1], b[1], …, lazily, the longer one's rest at the end. */
function* interleave<T>(a: Iterator<T>, b: Iterator<T>): Generator<T> {
  for (;;) {
    const x = a.next();
    const y = b.next();
    if (x.done && y.done) return;
    if (!x.done) yield x.value;
    if (!y.done) yield y.value;
  }
}
