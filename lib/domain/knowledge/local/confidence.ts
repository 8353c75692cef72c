import { canonicalName } from "../canonical";
import { conceptRefusal } from "./concept-quality";
import { genericityRefusal } from "./generic-statement";
import type { RawTriple } from "./patterns";

/** Triples below this confidence are not written: where the engine cannot be sure, it says nothing. */
export const CONFIDENCE_THRESHOLD = Number(process.env.PRODA_CT ?? 0.75);

/**
 * How often each pattern reads a relation right, as judged on samples of the shared corpus
 * (bench/knowledge-precision.md): "is a kind of" and glossary lines nearly always, "affects",
 * "describes" and "uses" far less (the subject is often not the actor, the object a clause).
 */
const PATTERN_RELIABILITY: Record<string, number> = {
  glossary: 0.9, "kind-of": 0.9, "defined-as": 0.85, "part-of": 0.85, "caused-by": 0.8, "produced-by": 0.8,
  "consists-of": 0.8, "such-as": 0.8, apposition: 0.8, "such-as-after-comma": 0.7, "refers-to": 0.75, "cause-of": 0.75, "result-of": 0.75, copula: 0.75, "copula-the": 0.7, "located-in": 0.75,
  "converted-to": 0.75, converts: 0.75, "leads-to": 0.75, causes: 0.75, "increased-by": 0.75, "decreased-by": 0.75,
  "regulated-by": 0.75, "transported-by": 0.75, binds: 0.75, "co-variation": 0.75, includes: 0.75,
  "source-of": 0.7, "results-from": 0.7, "necessary-for": 0.7, "responsible-for": 0.7, produces: 0.7, contains: 0.7,
  increases: 0.7, decreases: 0.7, "required-by": 0.7, regulates: 0.7, transports: 0.7, "plural-copula": 0.7,
  requires: 0.65, measures: 0.65, "used-by": 0.65, "influenced-by": 0.65, proportional: 0.6, uses: 0.6, influences: 0.6,
  enables: 0.6, describes: 0.55,
};

// How the subject was reached: each indirection is a chance to have the wrong one.
const VIA_PENALTY: Record<NonNullable<RawTriple["via"]>, number> = { relative: 0.05, coordinated: 0.05, pronoun: 0.15, anaphor: 0.05, head: 0.05 };

// A class too vague to say what a thing is: "a process", "a period", "the ability to".
const VAGUE_GENUS = /^(?:process|processes|period|periods|state|states|ability|abilities|tendency|way|ways|method|methods|means|measure|measures|study|studies|act|acts|action|actions|condition|conditions|situation|thing|things|term|set|sum|part|parts|result|results|change|changes|use|practice|practices|idea|concept|approach|field|area|one|group|groups|collection|series|amount|number|quality|qualities|characteristic|factor|factors|element|elements|aspect|feature|system|systems|structure|structures|object|objects|item|items|entity|phenomenon|event|events|activity|activities|property|properties|product|products|substance|substances|material|materials|body|member|members|component|components|level|levels|form|forms|kind|type|sort|category|class|branch|version|example|instance|individual|individuals|people|person|tool|tools|lens|basis|success|failure|concern|byproduct|source|issue|problem|step|piece|region|place|tendency|technique|techniques|strategy|strategies|factor|mechanism|mechanisms|principle|principles|rule|rules|behavior|behaviors|response|responses|situation|outcome|outcomes|effect|effects|curve|line|point|hit|location|locations|interaction|interactions|concern|concerns|competitor|competitors|option|options|force|forces|role|roles|function|functions|tool|matter|subject|topic|area|fact|ways|framework|frameworks|world|aspect|perspective|perspectives|view|views|look|looks)$/i;


const TAXONOMIC_PATTERNS = new Set(["glossary", "kind-of", "defined-as", "copula", "copula-the", "plural-copula", "refers-to", "such-as", "such-as-after-comma", "apposition"]);
const GLOSSARY_LINE = /^[-•*]\s*[^:;]{2,60}?:\s+/;

export type Scored = { confidence: number; refusal: string | null };

/**
 * The confidence of a triple: how reliable its pattern is, less what makes this reading doubtful
 * (a subject reached indirectly, a conditional or long sentence, long names). A triple whose
 * ends are not concepts, or an is_a that does not specialise, is refused outright, with why.
 */
export function scoreTriple(t: RawTriple): Scored {
  for (const [end, name] of [["subject", t.subject], ["object", t.object]] as const) {
    const why = conceptRefusal(name);
    if (why) return { confidence: 0, refusal: `${end} "${name}": ${why}` };
  }
  const glossary = GLOSSARY_LINE.test(t.evidence);
  const sentenceRefusal = statementRefusal(t.evidence, glossary) ?? (glossary ? null : genericityRefusal(t.evidence));
  if (sentenceRefusal) return { confidence: 0, refusal: `the sentence ${sentenceRefusal.replace(/^the evidence /, "")}` };
  if (t.past) return { confidence: 0, refusal: "the sentence tells of the past, not a standing fact" };
  if (t.predicate === "is_a" || t.predicate === "example_of") {
    const why = classRefusal(t.subject, t.object);
    if (why) return { confidence: 0, refusal: why };
  }
  let confidence = PATTERN_RELIABILITY[t.pattern] ?? 0.6;
  if (t.via) confidence -= VIA_PENALTY[t.via];
  // A subject found mid-sentence ("…, the merger releases…") is often not the one that acts.
  if (t.opening === false && !t.via) confidence -= 0.05;
  if (t.opening && !t.via && !TAXONOMIC_PATTERNS.has(t.pattern)) confidence += 0.05;
  const words = t.evidence.split(/\s+/).length;
  if (words > 35) confidence -= 0.05;
  for (const name of [t.subject, t.object]) if (name.split(/\s+/).length >= 4) confidence -= 0.05;
  return { confidence: Math.max(0, Math.round(confidence * 100) / 100), refusal: null };
}

/** Is the sentence a statement (not a heading, a fragment or a question)? Glossary lines are statements. */
export function statementRefusal(sentence: string, glossary = false): string | null {
  if (glossary) return null;
  const s = sentence.trim();
  if (s.split(/\s+/).length < 3) return "the evidence is not a sentence";
  if (!/[.!]["'”’)]?$/.test(s)) return "the evidence is a heading or a fragment, not a sentence";
  if (!/^["'“‘(]?[\p{Lu}\p{N}]/u.test(s)) return "the evidence starts mid-sentence";
  if (/\[equation\]/.test(s)) return "the evidence holds an equation the text does not give";
  return null;
}

/**
 * "X is a kind of Y" must specialise: Y is a real class (not "a process", "a straightforward
 * method", "the least productive"), and not a narrower name of X ("protein is a kind of integral
 * protein" runs the wrong way).
 */
function classRefusal(subject: string, object: string): string | null {
  const s = canonicalName(subject);
  const o = canonicalName(object);
  const words = o.split(" ");
  const head = words[words.length - 1];
  if (words.some((w) => /^(?:least|most|more|less|better|worse|best|worst|larger|smaller|greater|higher|lower|bigger|wider|top)$/.test(w))) return `"${object}" is a comparison, not a class`;
  if (VAGUE_GENUS.test(head) && (words.length === 1 || words.slice(0, -1).every((w) => EVALUATIVE.test(w)))) return `"${object}" is too vague a class`;
  // "a difference", "an excess", "a precursor": a word that means something only with its complement.
  if (words.length === 1 && RELATIONAL.test(head)) return `"${object}" says nothing without what it is of`;
  // "a firm's ability", "the cell's entire region": a class named by whose it is, not what it is.
  if (/['’]s\b/.test(object) && object.split(/\s+/).length <= 3) return `"${object}" names whose, not what`;
  if (o.endsWith(` ${s}`)) return `"${object}" is narrower than "${subject}": the relation runs the wrong way`;
  if (/^(?:study|science|branch|field)\b/.test(o) && !/\bof\b/.test(o)) return `"${object}" is too vague a class`;
  return null;
}

const RELATIONAL = /^(?:difference|excess|precursor|lapse|ratio|rate|increase|decrease|loss|gain|lack|absence|presence|portion|degree|capacity|combination|mixture|connection|relationship|link|consequence|cause|basis|foundation|beginning|end|start|measure|inverse|opposite|counterpart|equivalent|variant|copy|version|extension|reduction|expansion|shift|departure|deviation|tapering|swelling|return|removal|addition)$/;

// Adjectives that judge rather than classify: "a straightforward method" is no kind of method.
const EVALUATIVE = /^(?:\w+able|\w+ible|\w+ful|\w+less|\w+ward|diverse|overall|broad|broader|wide|wider|defined|given|certain|essential|vital|crucial|critical|urgent|serious|negative|positive|excellent|ideal|typical|simple|easy|hard|difficult|good|bad|great|important|powerful|effective|efficient|useful|major|minor|key|main|basic|common|new|old|big|small|large|little|high|low|strong|weak|whole|entire|real|true|special|particular|specific|general|certain|different|various|other|same|single|main|primary|direct|indirect|clear|complex|straightforward|significant|major)$/;
