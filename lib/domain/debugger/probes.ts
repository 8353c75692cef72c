import { hashSeed, seededRandom, shuffled } from "../random";
import { isCut } from "../builder/definition";
import { conceptRefusal } from "../knowledge/local/concept-quality";
import { contentWords, equivalence } from "../tester/equivalence";
import { namePattern } from "../builder/noun-forms";
import { agree, be, capitalise } from "../knowledge/phrasing";
import type { PathStep } from "../tester/types";
import type { DebugStructure } from "./structure";
import type { Probe, ProbeOption, Unprobed } from "./types";

/** Options a probe offers: the right one and up to three wrong ones. */
const DISTRACTORS = 3;
/** Fewer wrong options than this and a right answer says little: the step is left unprobed. */
const MIN_DISTRACTORS = 2;

export type TracedItem = { id: string; path: readonly PathStep[] };

const key = (text: string) => text.trim().toLowerCase().replace(/\s+/g, " ");

/**
 * The probes of a failed item, built from the structure alone (never from the item's text): one
 * single-hop question per step of its chain (L2: "Photorespiration decreases which of the
 * following?") and one definition question per concept on it that has a whole definition (L1:
 * "Photorespiration is which of the following?", the options being definitions). Wrong options
 * are concepts that are not also right: the relation run backwards (INVREL, which tells a
 * relation held the wrong way round), other objects of the same predicate, then any concept of
 * the discipline, seeded by the chain so a trace is the same every time it is made.
 */
export function buildProbes(item: TracedItem, s: DebugStructure): { probes: Probe[]; unprobed: Unprobed[] } {
  const probes: Probe[] = [];
  const unprobed: Unprobed[] = [];
  const onChain = new Set(item.path.flatMap((p) => [p.subjectId, p.objectId]).filter((id): id is string => !!id));
  item.path.forEach((step, position) => {
    const probe = stepProbe(seedOf(item), step, position, s, onChain);
    if ("reason" in probe) unprobed.push({ level: "L2", position, reason: probe.reason });
    else probes.push(probe);
  });
  const concepts = [item.path[0]?.subjectId, ...item.path.map((p) => p.objectId)];
  concepts.forEach((id, position) => {
    const probe = id ? conceptProbe(seedOf(item), id, position, s) : { reason: "the item does not record this concept's id" };
    if ("reason" in probe) unprobed.push({ level: "L1", position, reason: probe.reason });
    else probes.push(probe);
  });
  return { probes, unprobed };
}

/**
 * What the probes' picks are seeded by: the chain as written, not the item's row id, so the same
 * chain is probed the same way in every workspace (a re-import or a fresh database gives new ids).
 */
const seedOf = (item: TracedItem) => item.path.map((p) => `${p.subject}|${p.predicate}|${p.object}`).join("/");

/** Predicates whose chains of steps are still true ("a kind of a kind of X" is a kind of X): whatever the subject reaches through them is also right. */
const TRANSITIVE = new Set(["is_a", "part_of"]);

/** Every concept the subject reaches by the predicate, through chains of it when it is transitive. */
function reachedBy(s: DebugStructure, subjectId: string, predicate: string): Set<string> {
  const out = new Set<string>();
  const queue = [subjectId];
  while (queue.length) {
    const at = queue.pop()!;
    for (const x of s.bySubject.get(at) ?? []) {
      if (x.predicate !== predicate || out.has(x.objectId)) continue;
      out.add(x.objectId);
      if (TRANSITIVE.has(predicate)) queue.push(x.objectId);
    }
  }
  return out;
}

/** Near first: the candidates of the relation's topic (document), then the rest, each part in the seeded order. */
function nearFirst(ids: readonly string[], topic: string | null | undefined, s: DebugStructure, random: () => number): { near: string[]; far: string[] } {
  const order = shuffled([...new Set(ids)], random);
  return { near: order.filter((id) => !!topic && s.concepts.get(id)?.topic === topic), far: order.filter((id) => !topic || s.concepts.get(id)?.topic !== topic) };
}

/**
 * Candidates whose text shares a content word with the question's first, the rest after (each in
 * its order): when only the right option echoes the question's words ("Facilitated diffusion" →
 * "diffusion of a substance…"), the probe is passed by its wording, not by knowing the fact.
 */
function echoingFirst(ids: readonly string[], words: ReadonlySet<string>, textOf: (id: string) => string): string[] {
  const echoes = (id: string) => contentWords(textOf(id)).some((w) => words.has(w));
  return [...ids.filter(echoes), ...ids.filter((id) => !echoes(id))];
}

function stepProbe(seed: string, step: PathStep, position: number, s: DebugStructure, onChain: ReadonlySet<string>): Probe | { reason: string } {
  const r = step.relationId ? s.relations.get(step.relationId) : undefined;
  if (!r) return { reason: "the relation of this step is no longer in the structure" };
  const subject = s.concepts.get(r.subjectId);
  const object = s.concepts.get(r.objectId);
  if (!subject || !object) return { reason: "a concept of this step is no longer in the structure" };
  const subjectWords = new Set(contentWords(subject.name));
  // "Central vacuole is a kind of which?": a reader passes it by the words alone, so a pass says
  // nothing; a model that fails even this does not hold the step.
  const weak = contentWords(object.name).every((w) => subjectWords.has(w)) ? `the answer is in the question's own words ("${object.name}" in "${subject.name}"): a right answer shows nothing` : undefined;
  // Whatever the subject reaches by this predicate is also right: never offered as wrong.
  const alsoRight = reachedBy(s, r.subjectId, r.predicate);
  const taken = new Set([key(object.name), key(subject.name)]);
  const keyed = [{ name: object.name }, { name: subject.name }];
  const wrong: ProbeOption[] = [];
  const random = seededRandom(hashSeed(`${seed}:L2:${position}`));
  const offer = (ids: readonly string[], operator: ProbeOption["operator"], most: number) => {
    let added = 0;
    for (const id of ids) {
      if (wrong.length >= DISTRACTORS || added >= most) return;
      const c = s.concepts.get(id);
      if (!c || id === r.subjectId || alsoRight.has(id) || onChain.has(id) || taken.has(key(c.name))) continue;
      // A fragment is no option, and neither is the answer (or the subject) in other words.
      if (conceptRefusal(c.name) || keyed.some((k) => equivalence({ name: c.name }, k))) continue;
      taken.add(key(c.name));
      wrong.push({ text: c.name, conceptId: id, operator });
      added++;
    }
  };
  // The topic is the document of the subject (else of the answer). Wrong options come first from
  // what plays the same role in the same text (other objects of the predicate there: other classes
  // for "a kind of"), then other concepts of that text, where they read as plausible to someone who
  // does not know the step; only then from the rest of the discipline. Keeping to the text alone
  // was tried (bench/quality.md, rounds 3 and 4): it left most steps of a small corpus unasked and
  // did not make the step probes an expert accepts more frequent.
  const topic = subject.topic ?? object.topic;
  const sameRole = nearFirst((s.byPredicate.get(r.predicate) ?? []).map((x) => x.objectId), topic, s, random);
  const other = topic ? shuffled(s.byTopic.get(topic) ?? [], random) : [];
  offer((s.byObject.get(r.subjectId) ?? []).filter((x) => x.predicate === r.predicate).map((x) => x.subjectId), "INVREL", 1);
  const nameOf = (id: string) => s.concepts.get(id)?.name ?? "";
  const questionWords = new Set([...subjectWords, ...contentWords(object.name)]);
  offer(echoingFirst(sameRole.near, questionWords, nameOf), "SAME_ROLE", DISTRACTORS);
  offer(echoingFirst(other, questionWords, nameOf), "OTHER", DISTRACTORS);
  offer(sameRole.far, "SAME_ROLE", DISTRACTORS);
  offer(shuffled(s.conceptIds, random), "OTHER", DISTRACTORS);
  if (wrong.length < MIN_DISTRACTORS) return { reason: "too few other concepts in the discipline to ask about this step" };
  const phrase = s.vocabulary.find((p) => p.name === r.predicate)?.phrase ?? r.predicate.replace(/_/g, " ");
  const options = shuffled([{ text: object.name, conceptId: object.id, operator: "ANSWER" as const }, ...wrong], random);
  return {
    level: "L2",
    position,
    conceptId: object.id,
    relationId: r.id,
    stem: `${capitalise(subject.name)} ${agree(subject.name, phrase)} which of the following?`,
    options,
    answerIndex: options.findIndex((o) => o.operator === "ANSWER"),
    ...(weak ? { weak } : {}),
  };
}

/** Glossary cross-references and word forms ("plural of stratum", "also called a class…", "see mitosis") define nothing. */
const NOT_A_DEFINITION = /^\s*(?:(?:the|a|an)\s+)?(?:plural|singular|abbreviation|short)\s+(?:form\s+)?(?:of|for)\b|^\s*(?:also\s+(?:called|known)|see)\b/i;
const wholeDefinition = (d: string | null): d is string => !!d && d.trim().length >= 12 && !isCut(d) && !NOT_A_DEFINITION.test(d);

function conceptProbe(seed: string, conceptId: string, position: number, s: DebugStructure): Probe | { reason: string } {
  const c = s.concepts.get(conceptId);
  if (!c) return { reason: "this concept is no longer in the structure" };
  if (!wholeDefinition(c.definition)) return { reason: "this concept has no whole definition to ask about" };
  const random = seededRandom(hashSeed(`${seed}:L1:${position}`));
  const taken = new Set([key(c.definition)]);
  const wrong: ProbeOption[] = [];
  // Definitions from the concept's own text first: they read alike, so only knowing the concept tells them apart.
  const { near, far } = nearFirst(c.topic ? (s.byTopic.get(c.topic) ?? []) : [], c.topic, s, random);
  const nameWords = new Set(contentWords(c.name));
  const names = new RegExp(`\\b(?:${namePattern(c.name)})\\b`, "i");
  // The definition of a class the concept belongs to (or a whole it is part of) is true of it too: "a great circle…" for a meridian.
  const above = new Set([...TRANSITIVE].flatMap((p) => [...reachedBy(s, conceptId, p)]));
  for (const id of [...echoingFirst(near, nameWords, (x) => s.concepts.get(x)?.definition ?? ""), ...far, ...shuffled(s.conceptIds, random)]) {
    if (wrong.length >= DISTRACTORS) break;
    const other = s.concepts.get(id)!;
    if (id === conceptId || above.has(id) || !wholeDefinition(other.definition) || taken.has(key(other.definition)) || equivalence({ name: other.name }, { name: c.name })) continue;
    // A definition that names the concept asked about ("a biological rhythm that occurs over 24 hours" for "biological rhythm") describes a kind of it: half right.
    if (names.test(other.definition)) continue;
    taken.add(key(other.definition));
    wrong.push({ text: masked(other.definition, other.name), conceptId: id, operator: "OTHER" });
  }
  if (wrong.length < MIN_DISTRACTORS) return { reason: "too few other definitions in the discipline to ask about this concept" };
  const options = shuffled([{ text: masked(c.definition, c.name), conceptId, operator: "ANSWER" as const }, ...wrong], random);
  return { level: "L1", position, conceptId, relationId: null, stem: `${capitalise(c.name)} ${be(c.name)} which of the following?`, options, answerIndex: options.findIndex((o) => o.operator === "ANSWER") };
}

/** A definition that names its own concept ("Photorespiration is a process…") would give the answer away: the name reads "this". */
export function masked(definition: string, name: string): string {
  // The article goes with the name ("An event is…" → "This is…", not "An this is…").
  return definition
    .trim()
    .replace(new RegExp(`\\b(?:(?:a|an|the)\\s+)?(?:${namePattern(name)})\\b`, "gi"), (...m: unknown[]) => (m.at(-2) === 0 ? "This" : "this"));
}
