import nlp from "compromise";

/**
 * The grammatical number of concept names, for subject–verb agreement in the Tester's stems and
 * the Builder's statements ("Proteins bind to …", "Mitochondria are …", "Physics describes …").
 * The head noun decides ("rates of reaction" are, "law of demand" is); explicit lists come first
 * because a suffix rule and compromise's lexicon each get some of these wrong.
 */

/** Plurals that a suffix rule misses (Latin, Greek and native), with their singulars. */
export const IRREGULAR_PLURALS: Readonly<Record<string, string>> = {
  mitochondria: "mitochondrion", bacteria: "bacterium", criteria: "criterion", phenomena: "phenomenon",
  data: "data", media: "medium", strata: "stratum", spectra: "spectrum", quanta: "quantum", maxima: "maximum",
  minima: "minimum", curricula: "curriculum", memoranda: "memorandum", millennia: "millennium", genera: "genus",
  corpora: "corpus", ova: "ovum", atria: "atrium", septa: "septum", cilia: "cilium", flagella: "flagellum",
  ganglia: "ganglion", taxa: "taxon", glia: "glia", microglia: "microglia", neuroglia: "neuroglia", stomata: "stoma", schemata: "schema", protozoa: "protozoan",
  fungi: "fungus", nuclei: "nucleus", stimuli: "stimulus", alveoli: "alveolus", bacilli: "bacillus", cocci: "coccus",
  loci: "locus", radii: "radius", foci: "focus", villi: "villus", cacti: "cactus", hippocampi: "hippocampus",
  bronchi: "bronchus", bronchioli: "bronchiolus", gyri: "gyrus", sulci: "sulcus", thalami: "thalamus", streptococci: "streptococcus",
  algae: "alga", larvae: "larva", vertebrae: "vertebra", antennae: "antenna", formulae: "formula", nebulae: "nebula", amoebae: "amoeba",
  people: "person", children: "child", men: "man", women: "woman", feet: "foot", teeth: "tooth", mice: "mouse",
  geese: "goose", lice: "louse", oxen: "ox", cattle: "cattle", police: "police", personnel: "personnel",
  analyses: "analysis", axes: "axis", crises: "crisis", hypotheses: "hypothesis", theses: "thesis", diagnoses: "diagnosis",
  syntheses: "synthesis", oases: "oasis", parentheses: "parenthesis", prognoses: "prognosis", emphases: "emphasis",
  matrices: "matrix", indices: "index", vertices: "vertex", appendices: "appendix", apices: "apex", cortices: "cortex", helices: "helix",
};

// Singular names that end in -s and pass the plural rule (or that compromise calls uncountable wrongly the other way).
const SINGULAR_S = new Set(["lens", "gas", "bias", "atlas", "canvas", "alias", "chaos", "cosmos", "ethos", "pathos", "logos", "kudos", "asbestos", "pancreas", "diabetes", "herpes", "measles", "mumps", "rabies", "scabies", "rickets", "shingles", "news", "series", "species", "means", "aids"]);
const PLURAL_S = new Set(["clothes", "earnings", "premises", "goods", "remains", "savings", "surroundings", "belongings", "proceeds"]);
// Names of fields and studies in -ics are singular ("economics is"); other -ics plurals are not ("antibiotics are").
const SINGULAR_ICS = /(?:physics|omics|mathematics|informatics|systematics|pragmatics|semantics|genetics|mechanics|statistics|politics|ethics|linguistics|onics|optics|acoustics|dynamics|kinetics|hydraulics|logistics|aesthetics|athletics|gymnastics|phonetics|cybernetics|ometrics|iatrics|obstetrics|pa?edics|forensics|civics|classics|ceramics)$/;
// -men is plural in "women" and "chairmen", not in "specimen", "abdomen" or "lumen".
const PLURAL_MEN = /^(?:wo)?men$|(?:s|chair|fire|police|fore|lay|country|sales|work)(?:wo)?men$/;
const PREPOSITIONS = new Set(["of", "in", "on", "for", "to", "from", "with", "by", "at", "between", "among", "within", "into", "under", "over", "across", "through", "during", "without", "per", "versus", "vs"]);
const SMALL_WORDS = new Set(["of", "and", "the", "for", "in", "on", "de", "la"]);

const bare = (w: string) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");

/** The name's words with any trailing parenthesis dropped ("adenosine triphosphate (ATP)"). */
export function wordsOf(name: string): string[] {
  return name.replace(/\s*\([^)]*\)\s*$/, "").trim().split(/\s+/).filter(Boolean);
}

/** Where the head noun stands: the last word before the first preposition ("rates of reaction" → 0). */
export function headIndex(words: string[]): number {
  const p = words.findIndex((w, i) => i > 0 && PREPOSITIONS.has(w.toLowerCase()));
  return p > 0 ? p - 1 : words.length - 1;
}

/** A multi-word proper name ("United States", "Federal Reserve") is one thing, whatever its last word. */
function isProperName(words: string[]): boolean {
  const content = words.filter((w) => !SMALL_WORDS.has(w));
  return words.length > 1 && content.every((w) => /^\p{Lu}/u.test(w));
}

// Remembered, bounded: the Builder asks of the same names many times, and compromise is slow.
const byWord = new Map<string, boolean>();
const byName = new Map<string, boolean>();

/** Whether one head word is a plural noun (cased as written: "RNAs" is plural, "AIDS" is not). */
export function isPluralWord(word: string): boolean {
  const w = bare(word);
  if (/^[\p{Lu}\p{N}]{2,}$/u.test(w)) return false;
  if (/^\p{Ll}?\p{Lu}[\p{Lu}\p{N}]+s$/u.test(w)) return true;
  const lower = w.toLowerCase();
  if (/['’]s$/.test(lower)) return false;
  const known = byWord.get(lower);
  if (known !== undefined) return known;
  const answer = pluralByRule(lower);
  if (byWord.size > 20_000) byWord.clear();
  byWord.set(lower, answer);
  return answer;
}

function pluralByRule(lower: string): boolean {
  if (Object.hasOwn(IRREGULAR_PLURALS, lower) || PLURAL_S.has(lower)) return true;
  if (SINGULAR_S.has(lower) || SINGULAR_ICS.test(lower)) return false;
  if (/men$/.test(lower)) return PLURAL_MEN.test(lower);
  if (/s$/.test(lower)) {
    if (!/[^s]s$/.test(lower) || /(?:us|is)$/.test(lower) || lower.length <= 3) return false;
    // "physics", "measles", "headquarters": compromise knows many uncountables that end in -s.
    return !nlp(lower).has("#Uncountable");
  }
  if (/ae$/.test(lower) && lower.length > 4) return true;
  // Only words compromise reads as irregular plurals get here ("criteria", "teeth"); most are singular.
  return /(?:a|i|ae|en|ople|ice|eeth|eet)$/.test(lower) && nlp(lower).nouns().isPlural().found;
}

/**
 * Whether a concept name is plural: its head noun decides, a multi-word proper name is
 * singular, and irregular plurals (mitochondria, bacteria, fungi, people) are plural.
 */
export function isPlural(name: string): boolean {
  const known = byName.get(name);
  if (known !== undefined) return known;
  const words = wordsOf(name);
  const answer = words.length > 0 && !isProperName(words) && isPluralWord(words[headIndex(words)]);
  if (byName.size > 20_000) byName.clear();
  byName.set(name, answer);
  return answer;
}

/** The phrase with its leading verb agreeing with the subject: "binds to" → "bind to" after a plural. */
export function agree(subject: string, phrase: string): string {
  if (!isPlural(subject)) return phrase;
  const [verb, ...rest] = phrase.split(" ");
  return [pluralVerb(verb), ...rest].join(" ");
}

function pluralVerb(verb: string): string {
  const irregular: Record<string, string> = { is: "are", was: "were", has: "have", does: "do" };
  if (irregular[verb]) return irregular[verb];
  if (/ies$/.test(verb)) return verb.replace(/ies$/, "y");
  if (/(?:ss|sh|ch|x|z)es$/.test(verb)) return verb.replace(/es$/, "");
  if (/[^s]s$/.test(verb)) return verb.slice(0, -1);
  return verb;
}

/** "is" or "are", agreeing with the name. */
export const be = (name: string) => (isPlural(name) ? "are" : "is");

/**
 * A sentence's first letter in capitals ("light energy is…" → "Light energy is…"). Nothing is
 * ever lower-cased, and a word written in mixed case stays as written ("mRNA is…", "pH is…").
 */
export function capitalise(s: string): string {
  if (/^\p{Ll}+\p{Lu}/u.test(s)) return s;
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** "What is glucose?" / "What are ribosomes?" */
export const whatIs = (name: string) => `What ${be(name)} ${name}?`;
