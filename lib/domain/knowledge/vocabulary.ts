import type { Predicate } from "./types";

/**
 * The default predicate vocabulary every discipline starts with (editable per discipline).
 * Names are snake_case; `phrase` reads subject → object, `inverse` reads object → subject.
 */
export const DEFAULT_PREDICATES: Predicate[] = [
  { name: "is_a", phrase: "is a kind of", inverse: "has as a kind" },
  { name: "part_of", phrase: "is part of", inverse: "has as a part" },
  // "organelles such as mitochondria", "symptoms include fever": a member or example of a class, not a kind of it.
  { name: "example_of", phrase: "is an example of", inverse: "includes" },
  { name: "consists_of", phrase: "consists of", inverse: "makes up" },
  { name: "contains", phrase: "contains", inverse: "is contained in" },
  { name: "causes", phrase: "causes", inverse: "is caused by" },
  { name: "produces", phrase: "produces", inverse: "is produced by" },
  { name: "converts_to", phrase: "is converted into", inverse: "is converted from" },
  { name: "increases", phrase: "increases", inverse: "is increased by" },
  { name: "decreases", phrase: "decreases", inverse: "is decreased by" },
  { name: "requires", phrase: "requires", inverse: "is required by" },
  { name: "enables", phrase: "enables", inverse: "is enabled by" },
  { name: "regulates", phrase: "regulates", inverse: "is regulated by" },
  { name: "located_in", phrase: "is located in", inverse: "is the location of" },
  { name: "leads_to", phrase: "leads to", inverse: "results from" },
  { name: "uses", phrase: "uses", inverse: "is used by" },
  { name: "measures", phrase: "measures", inverse: "is measured by" },
  { name: "describes", phrase: "describes", inverse: "is described by" },
  { name: "influences", phrase: "influences", inverse: "is influenced by" },
  { name: "transports", phrase: "transports", inverse: "is transported by" },
  { name: "binds_to", phrase: "binds to", inverse: "is bound by" },
];
