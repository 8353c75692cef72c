/** What the reachability check needs of the structure: ids and links only. */
export type ReachabilityInput = {
  conceptIds: Iterable<string>;
  relations: { id: string; subjectId: string; objectId: string }[];
  chains: { id: string; status: string; steps: { position: number; relationId: string }[] }[];
};

export type Violation =
  | { kind: "relation_missing_concept"; relationId: string; conceptId: string; end: "subject" | "object" }
  | { kind: "chain_missing_relation"; chainId: string; position: number; relationId: string }
  | { kind: "chain_broken_link"; chainId: string; position: number; expected: string; found: string }
  | { kind: "chain_too_short"; chainId: string; steps: number };

export type ReachabilityReport = {
  /** share of items (relations and chains) without a violation, from 0 to 1 */
  reachability: number;
  relations: number;
  chains: number;
  violations: Violation[];
};

/**
 * The paper's guarantee: every chain step is an existing relation, consecutive steps link
 * (the object of one is the subject of the next), and every relation's ends are existing
 * concepts. Linear in the size of the structure (hash lookups only).
 */
export function checkReachability(input: ReachabilityInput): ReachabilityReport {
  const concepts = new Set(input.conceptIds);
  const relations = new Map(input.relations.map((r) => [r.id, r]));
  const violations: Violation[] = [];
  const badItems = new Set<string>();
  for (const r of input.relations) {
    for (const end of ["subject", "object"] as const) {
      const conceptId = end === "subject" ? r.subjectId : r.objectId;
      if (!concepts.has(conceptId)) {
        violations.push({ kind: "relation_missing_concept", relationId: r.id, conceptId, end });
        badItems.add(`r:${r.id}`);
      }
    }
  }
  for (const c of input.chains) {
    const steps = [...c.steps].sort((a, b) => a.position - b.position);
    if (steps.length < 2) {
      violations.push({ kind: "chain_too_short", chainId: c.id, steps: steps.length });
      badItems.add(`c:${c.id}`);
    }
    let previous: { objectId: string } | undefined;
    for (const s of steps) {
      const rel = relations.get(s.relationId);
      if (!rel) {
        violations.push({ kind: "chain_missing_relation", chainId: c.id, position: s.position, relationId: s.relationId });
        badItems.add(`c:${c.id}`);
        previous = undefined;
        continue;
      }
      if (previous && previous.objectId !== rel.subjectId) {
        violations.push({ kind: "chain_broken_link", chainId: c.id, position: s.position, expected: previous.objectId, found: rel.subjectId });
        badItems.add(`c:${c.id}`);
      }
      previous = rel;
    }
  }
  const total = input.relations.length + input.chains.length;
  return {
    reachability: total === 0 ? 1 : (total - badItems.size) / total,
    relations: input.relations.length,
    chains: input.chains.length,
    violations,
  };
}

/** One sentence per violation, for API errors and the CLI. */
export function describeViolation(v: Violation): string {
  switch (v.kind) {
    case "relation_missing_concept":
      return `relation ${v.relationId}: its ${v.end} concept ${v.conceptId} does not exist`;
    case "chain_missing_relation":
      return `chain ${v.chainId}: step ${v.position + 1} uses relation ${v.relationId}, which does not exist`;
    case "chain_broken_link":
      return `chain ${v.chainId}: step ${v.position + 1} starts at ${v.found}, but the previous step ends at ${v.expected}`;
    case "chain_too_short":
      return `chain ${v.chainId}: has ${v.steps} step(s); a chain needs at least 2`;
  }
}
