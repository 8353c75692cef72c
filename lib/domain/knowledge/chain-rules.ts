import { createNameTable } from "../orthogonality/concept-names";
import { normalizeText } from "../orthogonality/normalize";
import { canonicalName } from "./canonical";
import { isGeneral } from "./local/concept-quality";

/**
 * When a path of relations is a reasoning chain whose conclusion follows from its steps. Shared
 * by the extractors that link chains (inside a chunk, across a document) and by the Tester,
 * which skips a chain that breaks a rule with the rule as its reason.
 */

export type ChainStepView = { subject: string; predicate: string; object: string; evidence: string };

const TAXONOMIC = new Set(["is_a", "example_of"]);
const UPWARD = new Set(["part_of", "located_in"]);
const DOWNWARD = new Set(["consists_of", "contains"]);
const CAUSAL = new Set(["causes", "leads_to", "produces", "increases", "decreases", "converts_to", "enables"]);

export type PredicateFamily = "taxonomic" | "upward" | "downward" | "causal" | "requires" | "other";

export function familyOf(predicate: string): PredicateFamily {
  if (TAXONOMIC.has(predicate)) return "taxonomic";
  if (UPWARD.has(predicate)) return "upward";
  if (DOWNWARD.has(predicate)) return "downward";
  if (CAUSAL.has(predicate)) return "causal";
  if (predicate === "requires") return "requires";
  return "other";
}

/**
 * Does "A p1 B, B p2 C" say something about A and C? Transitive families compose with
 * themselves (a kind of a kind, a part of a part, a cause of a cause); any step may be followed
 * by what its object is a kind of ("produces insulin, a kind of hormone"); a kind inherits where
 * its class is. A kind does not inherit its class's effects ("depressants are drugs, drugs cause
 * anxiety" is false of depressants), and "influences" or "regulates" compose with nothing.
 */
export function composes(p1: string, p2: string): boolean {
  const a = familyOf(p1);
  const b = familyOf(p2);
  if (b === "taxonomic") return a !== "other" || ["uses", "measures", "describes", "transports", "binds_to"].includes(p1);
  if (a === "other" || b === "other") return false;
  if (a === b) return true;
  if (b === "upward" && (a === "taxonomic" || a === "causal")) return true;
  return false;
}

/** What a chain is checked against besides its own steps. */
export type ChainContext = {
  /** a concept linked to far more of the discipline than its neighbours */
  isHub?: (name: string) => boolean;
  /** a concept's definition (by name), which training data will teach */
  definitionOf?: (name: string) => string | null | undefined;
};

/** Why this path is not a reasoning chain, or null when it is one. */
export function chainProblem(steps: ChainStepView[], ctx: ChainContext = {}): string | null {
  if (steps.length < 2) return "shorter than two steps";
  if (new Set(steps.map((s) => s.evidence.trim())).size < 2) return "every step comes from one sentence";
  const concepts = [steps[0].subject, ...steps.map((s) => s.object)];
  // A general word may close a climb of kinds ("…a kind of phagocyte, a kind of cell"); it may
  // not open a chain or stand inside one, where it joins things that only share the word.
  const closing = familyOf(steps[steps.length - 1].predicate) === "taxonomic" ? concepts.slice(0, -1) : concepts;
  const general = closing.find(isGeneral);
  if (general) return `passes through a general concept ("${general}")`;
  // A hub joins things that only share it; a class with many kinds does not when the chain climbs
  // through it from kind to class ("… a kind of leukocyte, a kind of blood cell" holds whatever else is a leukocyte).
  const through = concepts.slice(1, -1).filter((_, i) => !(familyOf(steps[i].predicate) === "taxonomic" && familyOf(steps[i + 1].predicate) === "taxonomic"));
  const hub = ctx.isHub && through.find(ctx.isHub);
  if (hub) return `passes through a hub ("${hub}", linked to far more than its neighbours)`;
  for (let i = 1; i < steps.length; i++) {
    if (!composes(steps[i - 1].predicate, steps[i].predicate)) return `its conclusion does not follow (${steps[i - 1].predicate} then ${steps[i].predicate})`;
  }
  const stated = ctx.definitionOf && definitionStating(steps, concepts, ctx.definitionOf);
  if (stated) return `one definition states its steps (that of "${stated}")`;
  return null;
}

/** The concept whose definition names the three concepts of two consecutive steps, if one does. */
function definitionStating(steps: ChainStepView[], concepts: string[], definitionOf: (name: string) => string | null | undefined): string | null {
  for (const name of concepts) {
    const definition = definitionOf(name);
    if (!definition) continue;
    const named = namesIn(definition, concepts);
    // The defined concept is named by being defined ("X: a Y that…" names X).
    named.add(canonicalName(name));
    for (let i = 1; i < steps.length; i++) {
      if ([steps[i - 1].subject, steps[i].subject, steps[i].object].every((n) => named.has(canonicalName(n)))) return name;
    }
  }
  return null;
}

/** Which of `names` a text names, as whole words with the plural tolerance of canonical names. */
function namesIn(text: string, names: string[]): Set<string> {
  const table = createNameTable();
  const ids = new Map(names.map((n) => [table.add(n), canonicalName(n)]));
  const found = new Set<number>();
  const tokens = normalizeText(text);
  table.find(tokens, 0, tokens.length, found);
  return new Set([...found].map((id) => ids.get(id)).filter((n): n is string => !!n));
}

/**
 * Stopping the chain early at the object of step `step` gives a right answer too when that step
 * and the last are of one family: "A is a kind of X1, X1 is a kind of X2" is also met by A's
 * nearer class, with some class between them. A truncation is a distractor only across families.
 */
export function truncationAlsoRight(predicates: string[], step: number): boolean {
  return familyOf(predicates[step]) === familyOf(predicates[predicates.length - 1]);
}
