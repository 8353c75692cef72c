import { canonicalName } from "./canonical";
import { GENERAL, conceptRefusal } from "./local/concept-quality";

/**
 * A textbook names the kinds of a thing by narrowing its name: "recessive allele" is an
 * allele, "sympatric speciation" a speciation, "integral membrane protein" a membrane protein.
 * When both names are concepts of a discipline, the narrower is a kind of the nearer broader one.
 * Not when the modifier takes the thing away ("false memory", "pseudo science"), names whose it
 * is ("cell's membrane"), or the name is a phrase with "of" ("law of demand" is no demand).
 */
const NOT_A_KIND = new Set(["false", "pseudo", "fake", "former", "potential", "alleged", "would-be", "virtual", "apparent", "quasi", "non", "anti", "so-called", "mock", "imaginary", "counterfeit", "previous", "next", "same", "other", "lack", "absence", "loss", "end", "beginning", "start", "part", "half", "quarter", "multiple", "several", "many", "various", "numerous", "different", "similar", "adjacent", "certain", "some",
  // A relation between two of them, not a kind of one: "equal vectors", "independent events", "parallel lines".
  "equal", "parallel", "antiparallel", "perpendicular", "opposite", "congruent", "corresponding", "complementary", "supplementary", "independent", "dependent", "mutual", "inverse", "reciprocal", "equivalent", "identical", "related", "unrelated", "paired", "matched"]);
const MAX_WORDS = 4;

export type HeadConcept = { id: string; name: string };

/** Pairs (narrower, broader) by name, each narrower concept with its nearest broader one. */
export function headHypernyms(concepts: HeadConcept[]): { subjectId: string; objectId: string }[] {
  const byKey = new Map<string, string>();
  for (const c of concepts) if (!byKey.has(canonicalName(c.name))) byKey.set(canonicalName(c.name), c.id);
  const out: { subjectId: string; objectId: string }[] = [];
  for (const c of concepts) {
    const words = canonicalName(c.name).split(" ");
    if (words.length < 2 || words.length > MAX_WORDS || words.includes("of") || /['’]/.test(c.name) || conceptRefusal(c.name)) continue;
    for (let k = 1; k < words.length; k++) {
      const modifiers = words.slice(0, k);
      const head = words.slice(k).join(" ");
      const broader = byKey.get(head);
      if (!broader || broader === c.id) continue;
      if (modifiers.some((m) => NOT_A_KIND.has(m) || /\d/.test(m)) || (k === words.length - 1 && GENERAL.has(head))) break;
      out.push({ subjectId: c.id, objectId: broader });
      break;
    }
  }
  return out;
}
