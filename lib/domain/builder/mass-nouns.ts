import nlp from "compromise";
import { remembered } from "./remembered";

/**
 * Whether a head noun is a mass noun, which takes no article ("Glucose is…", not "A glucose
 * is…"). Textbook names are often substances, processes, quantities and fields, so a suffix
 * says mass unless the word is a known count noun: calling a count noun mass costs an article
 * ("Reaction is…"), calling a mass noun count writes "A photosynthesis is…", which is worse.
 */

const MASS = new Set([
  "energy", "matter", "water", "carbon", "iron", "heat", "light", "air", "soil", "salt", "sugar", "fat", "food", "fiber", "fibre",
  "money", "capital", "labor", "labour", "land", "demand", "supply", "output", "income", "wealth", "revenue", "trade", "growth",
  "health", "strength", "warmth", "depth", "length", "width", "truth", "youth", "birth", "death", "momentum", "mass", "weight", "work",
  "power", "speed", "time", "space", "distance", "voltage", "current", "charge", "volume", "entropy", "enthalpy", "inertia",
  "culture", "society", "behavior", "behaviour", "disease", "cancer", "fever", "pain", "stress", "anxiety", "memory", "language",
  "research", "knowledge", "information", "evidence", "data", "emotion", "interest", "profit", "cost", "debt", "credit", "welfare",
  "poverty", "risk", "surplus", "blood", "plasma", "lymph", "bile", "saliva", "mucus", "sweat", "urine", "starch", "chlorophyll",
  "cholesterol", "insulin", "keratin", "hemoglobin", "haemoglobin", "melanin", "serotonin", "dopamine", "adrenaline", "histamine",
  "epinephrine", "norepinephrine", "caffeine", "nicotine", "chlorine", "fluorine", "iodine", "bromine", "albumin", "fibrin", "chitin",
  "lignin", "actin", "myosin", "pepsin", "trypsin", "pollen", "sunlight", "cytoplasm", "protoplasm", "nucleoplasm", "chromatin",
  "tissue", "muscle", "skin", "hair", "bone", "sediment", "magma", "lava", "ice", "snow", "rain", "steam", "vapor", "vapour", "smoke",
  "dust", "gold", "silver", "copper", "lead", "steel", "glass", "plastic", "wood", "paper", "oil", "climate", "weather", "temperature",
  "pressure", "moisture", "literature", "agriculture", "architecture", "nature", "exposure", "expenditure", "infrastructure",
  "gender", "race", "religion", "marriage", "prejudice", "status", "policy", "control", "storage", "damage", "heritage", "leakage",
  "drainage", "usage", "coverage", "sewage", "foliage", "ammonia", "acetone", "ozone", "cortisol", "methane", "ethanol", "therapy",
  "medicine", "art", "music",
]);

// Count nouns that the suffix rules below would call mass.
const COUNT = new Set([
  "reaction", "equation", "solution", "function", "population", "institution", "organization", "organisation", "nation", "mutation",
  "adaptation", "generation", "position", "condition", "question", "definition", "relation", "section", "collection", "station",
  "junction", "fraction", "proportion", "portion", "corporation", "association", "federation", "coalition", "revolution",
  "invention", "occupation", "profession", "dimension", "suspension", "emulsion", "decision", "version", "mission", "session",
  "expression", "impression", "recession", "constitution", "convention", "election", "observation", "tradition", "civilization",
  "civilisation", "city", "community", "university", "activity", "entity", "facility", "minority", "majority", "property",
  "quantity", "commodity", "cavity", "deity", "personality", "opportunity", "responsibility", "ability", "disability",
  "abnormality", "nationality", "municipality", "locality", "priority", "variety", "sentence", "sequence", "difference",
  "substance", "instance", "audience", "residence", "conference", "reference", "province", "allowance", "appliance",
  "ordinance", "ambulance", "fence", "entrance", "alliance", "inference", "preference", "occurrence", "consequence", "agency",
  "emergency", "tendency", "constituency", "vacancy", "movement", "environment", "government", "measurement", "element",
  "segment", "fragment", "document", "instrument", "experiment", "argument", "statement", "settlement", "monument", "parliament",
  "department", "compartment", "ligament", "filament", "pigment", "moment", "comment", "supplement", "amendment", "agreement",
  "requirement", "payment", "hypothesis", "thesis", "diagnosis", "crisis", "basis", "prognosis", "oasis", "synopsis", "analogy",
  "apology", "trilogy", "anthology", "ideology", "typology", "organism", "mechanism", "prism", "aphorism", "euphemism", "schism",
  "business", "witness", "harness", "medium", "atrium", "stadium", "aquarium", "auditorium", "gymnasium", "millennium", "podium",
  "bacterium", "cilium", "condominium", "symposium", "consortium", "compendium", "premium", "pathogen", "antigen", "allergen",
  "carcinogen", "mutagen", "teratogen", "halogen", "economy", "dichotomy", "purchase", "database", "phrase", "paraphrase",
  "showcase", "staircase", "suitcase", "briefcase", "conspiracy", "pharmacy", "building", "ring", "string", "thing", "king",
  "spring", "wing", "ceiling", "painting", "drawing", "meeting", "finding", "setting", "opening", "beginning", "being", "sibling",
  "seedling", "yearling", "evening", "morning", "warning", "recording", "wedding", "pudding", "earring", "sling", "swing",
  "trophy", "liability", "foundation", "instruction", "operation", "transaction", "component", "treaty", "nucleotide", "peptide", "polypeptide",
]);

const MASS_SUFFIX = /(?:ism|ness|ity|ance|ence|ancy|ency|acy|tion|sion|ment|sis|ics|ogy|omy|ing|ucose|ctose|ltose|ulose|ibose|crose|[^aeiou]ase|ogen|ium|phate|lfate|itrate|bonate|uvate|ctate|cetate|oxide|loride|lfide|mycin|micin|cillin|cycline|floxacin|azole|statin|vir|mab|thane|pane|tane|xane|zene|ylene|uene|anol|erol|enol|diol|sterone|emia|aemia|oxia|esia|exia|phrenia|phasia|taxia|somnia|onia|algia|plegia|opia|uria|trophy|pathy)$/;

/** Whether one head word (any case) is a mass noun. */
export const isMassWord = (word: string) => massByRule(word.toLowerCase().replace(/[^\p{L}\p{N}-]/gu, ""));

const massByRule = remembered((w: string): boolean => {
  if (MASS.has(w)) return true;
  if (COUNT.has(w) || /tomy$/.test(w)) return false;
  if (MASS_SUFFIX.test(w) && w.length > 5) return true;
  return /^\p{L}+$/u.test(w) && nlp(w).has("#Uncountable");
});
